package org.newsdesk.resignations.app;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.SourceLint;
import org.newsdesk.resignations.discord.DiscordBot;
import org.newsdesk.resignations.discord.DiscordOptions;
import org.newsdesk.resignations.discord.StartFailure;
import org.newsdesk.resignations.intake.AdditionsFile;
import org.newsdesk.resignations.intake.FileShelf;
import org.newsdesk.resignations.intake.PendingFile;
import org.newsdesk.resignations.intake.Shelf;
import org.newsdesk.resignations.sourcing.AddressPolicy;
import org.newsdesk.resignations.sourcing.Alarms;
import org.newsdesk.resignations.sourcing.BoundedFetch;
import org.newsdesk.resignations.sourcing.DatasetPoller;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.DatasetWatcher;
import org.newsdesk.resignations.notify.Delivery;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.ops.BuildInfo;
import org.newsdesk.resignations.ops.Operations;
import org.newsdesk.resignations.ops.OpsServer;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.sourcing.Said;
import org.newsdesk.resignations.sourcing.UrlDatasetSource;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Storage;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the running bot is put together: the data directory's lock, the operator's
 * listener (health, readiness, metrics), the dataset and its sources, the store and notifier, the
 * application, the file watcher and URL poller, and the Discord client, in that order. What was
 * opened is closed in reverse order, on any failure part-way and at shutdown.
 */
final class Assembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);

    /**
     * What the command line and the configuration ask for.
     *
     * @param files the dataset files (none: the bundled dataset)
     * @param merge the files are merged on top of the bundled dataset instead of replacing it
     * @param dir   the data directory
     * @param storagePassword the PostgreSQL password, when {@code storage.url} is set
     */
    record Plan(Config cfg, String token, List<Path> files, boolean merge, Path dir, Optional<String> storagePassword) {
    }

    /** The bot did not start; what went wrong has been printed. */
    static final class NotStarted extends Exception {
        private final int exitCode;

        NotStarted(int exitCode) {
            super("exit " + exitCode, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final List<AutoCloseable> opened = new ArrayList<>();
    private DiscordBot bot;
    private Operations ops;
    private boolean closed;

    private Assembly() {
    }

    /**
     * Builds and starts everything; on failure, prints why, closes what was opened and throws.
     */
    static Assembly start(Plan plan, PrintStream err) throws NotStarted, InterruptedException {
        Assembly a = new Assembly();
        try {
            a.build(plan, err);
            return a;
        } catch (NotStarted | InterruptedException | RuntimeException e) {
            a.close();
            throw e;
        }
    }

    private void build(Plan plan, PrintStream err) throws NotStarted, InterruptedException {
        Config cfg = plan.cfg();
        Path dir = plan.dir();
        // before anything in the data directory is read or opened
        opened.add(lockDataDir(dir, err));
        // next, so that /healthz answers during start-up and /readyz says what is still coming
        try {
            ops = Operations.start(BuildInfo.current(), cfg.httpAddress());
        } catch (OpsServer.CannotListen e) {
            err.println(e.getMessage());
            throw new NotStarted(2);
        }
        opened.add(ops);
        Templates templates = Templates.bundled();
        Clock clock = Clock.systemUTC();
        DatasetLoader loader = DatasetLoader.standard();
        BoundedFetch.Limits limits = new BoundedFetch.Limits(cfg.fetchTimeout(), cfg.fetchMaxBytes(),
                new AddressPolicy(cfg.allowPrivateHosts()));
        Optional<Reloader.Source> url = cfg.datasetUrl().map(u -> new UrlDatasetSource(URI.create(u), loader,
                new BoundedFetch(limits, templates), dir, cfg.pollEvery()));
        Notifier notifier;
        // PostgreSQL when storage.url is set (a fleet of processes), else SQLite in the data directory
        Storage storage = cfg.storageUrl().<Storage>map(u -> Storage.Postgres.of(u, plan.storagePassword()))
                .orElseGet(() -> new Storage.Sqlite(dir, List.of()));
        if (storage instanceof Storage.Postgres pg) {
            LOG.info("State in PostgreSQL: {}", pg.where());
        }
        try {
            Notifier.Settings standard = Notifier.Settings.standard();
            // the process's name stays the same across its restarts: a restarted process takes back at once the
            // messages it left in flight (same nonce), not after their lease
            Store store = storage instanceof Storage.Postgres ? Store.open(storage, cfg.shards().processName(), Outbox.DEFAULT_LEASE)
                    : Store.open(storage);
            notifier = new Notifier(store, templates, new EntryCodec(loader.mapper()), cfg.defaultLanguage(),
                    cfg.adminChannel(), clock, Delivery.Backoff.standard(), new Notifier.Settings(cfg.maxAnnouncedAdditions(),
                    cfg.allowEmpty(), standard.ledgerRetry(), standard.ledgerRetries()));
        } catch (StoreException e) {
            if (storage instanceof Storage.Postgres pg) {
                // the sentence names host:port/database only; never the URL's parameters or the password
                err.println("Cannot use the PostgreSQL database in storage.url (" + pg.where() + "): " + e.getMessage());
                throw new NotStarted(e.kind() == StoreException.Kind.UNREACHABLE ? 2 : 1);
            }
            err.println("Cannot open the data directory " + dir.toAbsolutePath() + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            throw new NotStarted(1);
        } catch (RuntimeException e) {
            err.println("Cannot open the data directory " + dir.toAbsolutePath() + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            throw new NotStarted(1);
        }
        opened.add(notifier);
        // entries editors add from Discord, reviewed corrections (merged last, see Application.CORRECTIONS) and the
        // entries waiting for review: in the data directory, or in the database a fleet shares; never in the dataset files
        Shelf shelf = new FileShelf(dir);
        if (storage instanceof Storage.Postgres pg) {
            StoredShelf stored = new StoredShelf(notifier.store().sharedFiles(), notifier.store().fleetLock(),
                    cfg.shards().processName(), pg.where(), clock);
            try {
                stored.adopt(dir, List.of(AdditionsFile.NAME, Application.CORRECTIONS, PendingFile.NAME));
            } catch (IOException e) {
                err.println("Cannot move the editors' files of " + dir.toAbsolutePath() + " into the database: " + e.getMessage());
                throw new NotStarted(1);
            }
            shelf = stored;
        }
        AdditionsFile additions = new AdditionsFile(shelf, AdditionsFile.NAME, loader);
        AdditionsFile corrections = additions.sibling(Application.CORRECTIONS);
        Reloader.Source source = DatasetSources.withParts(loader, Optional.of(additions::read), plan.files(), url,
                plan.merge() ? DatasetSources.Mode.MERGE : DatasetSources.Mode.REPLACE, clock, Optional.of(corrections::read));
        Snapshot snapshot;
        // a URL that does not answer is no reason to stay down: the last good copy (or the bundled dataset) serves
        Optional<Reloader.Unavailable> down = source.fetch();
        try {
            snapshot = source.load();
        } catch (InvalidDatasetException e) {
            e.problems().forEach(p -> err.println(p.describe()));
            err.println("The dataset is invalid; nothing was loaded.");
            throw new NotStarted(1);
        }
        Snapshot serving = snapshot;
        Instrumentation.started(ops, down, snapshot.version(), templates, clock);
        down.ifPresent(d -> err.println(Said.of("notify.url.starts", "problem", d.problem(), "version", serving.version(),
                "seconds", d.retry().toSeconds()).in(templates, Lang.EN)));
        // sources a newsroom should not cite are logged, not refused: validate --strict is where they fail
        SourceLint.logWarnings("dataset " + snapshot.version(), snapshot.dataset());
        ops.database().set(Instrumentation.database(notifier.store()));
        ops.metrics().outbox(Instrumentation.backlog(notifier.store(), clock));
        notifier.observeDeliveries(Instrumentation.deliveries(ops.metrics()));
        // an emptied file must not silently take away the entries the bot had (dataset.allow_empty)
        Optional<Problem> empty = Reloader.refusedAsEmpty(snapshot,
                snapshot.entries().isEmpty() ? notifier.recordedEntries() : 0, cfg.allowEmpty());
        if (empty.isPresent()) {
            err.println(empty.get().describe() + " The bot did not start.");
            throw new NotStarted(1);
        }
        Application app = new Application(snapshot, new Application.Setup(cfg.defaultLanguage(), templates, clock,
                loader.mapper(), Optional.of(source), Optional.of(notifier), Optional.of(additions), cfg.claimReviewBaseUrl()));
        app.observe(Instrumentation.commands(ops.metrics()), Instrumentation.verdicts(ops.metrics()),
                Instrumentation.reloads(ops, () -> app.snapshot().version(), templates, clock));
        ops.metrics().dataset(() -> app.snapshot().version(), () -> app.snapshot().entries().size(), ops.dataset());
        // the first run records the baseline; later runs queue what changed while the bot was down
        notifier.datasetChanged(snapshot);
        // the additions and corrections files too, when on disk: an editor may fix them by hand; they may not exist yet
        List<Path> editors = Stream.of(shelf.file(AdditionsFile.NAME), shelf.file(Application.CORRECTIONS))
                .flatMap(Optional::stream).toList();
        if (!plan.files().isEmpty() || !editors.isEmpty()) {
            try {
                DatasetWatcher watcher = DatasetWatcher.start(plan.files(), editors, app::reload,
                        DatasetWatcher.DEBOUNCE, DatasetWatcher.CHECK, Alarms.of(Optional.of(notifier)));
                opened.add(watcher);
                ops.tasks().add("dataset-watch", watcher::alive);
            } catch (IOException e) {
                err.println("Cannot watch " + plan.files() + " and " + editors + " for changes (" + e.getMessage()
                        + "); /resignations reload still reloads them.");
            }
        }
        // a /resignations reload asked of another process of the fleet reloads this one too
        notifier.fleet().ifPresent(f -> f.followReloads(() -> app.reload()));
        if (url.isPresent()) {
            DatasetPoller poller = new DatasetPoller(app::reload, cfg.pollEvery(), Alarms.of(Optional.of(notifier)));
            opened.add(poller);
            ops.tasks().add("dataset-poll", poller::alive);
        }
        try {
            bot = DiscordBot.start(app.discord(), plan.token(),
                    discordOptions(cfg).withRateLimitListener(ops.metrics()::rateLimited));
        } catch (StartFailure e) {
            if (e.kind() == StartFailure.Kind.TOKEN_REFUSED) {
                err.println("Discord refused the token in DISCORD_TOKEN: reset it on the Bot page of your application "
                        + "at https://discord.com/developers/applications and set the new one.");
                throw new NotStarted(2);
            }
            // neither the proxy's user:password nor the token (a library message may quote it) is printed
            err.println("Could not connect to Discord (" + Redact.urls(cfg.apiBaseUrl().orElse("https://discord.com/api/"))
                    + "): " + Redact.secrets(e.rootCause(), plan.token()));
            throw new NotStarted(1);
        }
        opened.add(bot);
        ops.gateway().set(Instrumentation.gateway(bot));
        ops.metrics().gateway(bot);
        ops.tasks().add("notify-delivery", notifier::deliveryAlive);
        // an entry waiting over a day for review is mentioned again in the review channel, once
        app.intake().ifPresent(i -> opened.add(i.review().remindEvery(REMIND_CHECK)));
    }

    /** How often entries waiting for review are looked at (each is mentioned again once, after a day). */
    static final Duration REMIND_CHECK = Duration.ofMinutes(10);

    /**
     * Blocks until the bot has stopped: because {@link #close()} was called (e.g. on SIGTERM), or
     * because Discord ended the session for good.
     *
     * @return true when the shutdown was asked for
     */
    boolean awaitShutdown() throws InterruptedException {
        return bot.awaitShutdown();
    }

    /** Closes what was opened, last opened first (the data directory's lock last); never throws. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // going down anyway: the rest still closes
                LOG.warn("Could not close {}", opened.get(i), e);
            }
        }
    }

    /** Takes the data directory's lock for the life of the process; when another bot holds it, says which one. */
    private static DataDirLock lockDataDir(Path dir, PrintStream err) throws NotStarted {
        try {
            return DataDirLock.acquire(dir);
        } catch (DataDirLock.HeldException e) {
            err.println(e.getMessage());
            throw new NotStarted(2);
        } catch (IOException | RuntimeException e) {
            err.println("Cannot lock the data directory " + dir.toAbsolutePath() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check that it can be written to.");
            throw new NotStarted(1);
        }
    }

    static DiscordOptions discordOptions(Config cfg) {
        return DiscordOptions.defaults()
                .withGuilds(cfg.guilds())
                .withEndpoints(cfg.apiBaseUrl(), cfg.gatewayUrl())
                .withCompression(cfg.gatewayCompression())
                .withEditorRole(cfg.editorRole())
                .withReviewChannel(cfg.reviewChannel())
                .withShards(cfg.shards());
    }
}
