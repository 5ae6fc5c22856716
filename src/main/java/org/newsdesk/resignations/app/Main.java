package org.newsdesk.resignations.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.resignations.console.ConsoleSession;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.SourceLint;
import org.newsdesk.resignations.dataset.SourceReport;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.intake.AdditionsFile;
import org.newsdesk.resignations.sourcing.AddressPolicy;
import org.newsdesk.resignations.sourcing.Alarms;
import org.newsdesk.resignations.sourcing.BoundedFetch;
import org.newsdesk.resignations.sourcing.DatasetPoller;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.DatasetWatcher;
import org.newsdesk.resignations.notify.Delivery;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.sourcing.Said;
import org.newsdesk.resignations.sourcing.UrlDatasetSource;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Command-line entry point: run (the Discord bot, the default), validate, console. */
@Command(name = "resignation-bot", mixinStandardHelpOptions = true, version = "resignation-bot 0.1.0",
        description = "Sourced dataset of US officials who resigned over the administration's Gaza war policy.",
        subcommands = {Main.Run.class, Main.Validate.class, Main.Console.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");   // charts are drawn off-screen, on servers without a display
        System.exit(run(args, utf8(System.out), utf8(System.err)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            err.println("error: " + Redact.urls(ex.getMessage()));
            return 1;
        });
        StreamsHolder.out = out;
        StreamsHolder.err = err;
        return cli.execute(args);
    }

    private static PrintStream utf8(PrintStream s) {
        return new PrintStream(s, true, StandardCharsets.UTF_8);
    }

    /** Streams for subcommands; set once per run so tests can capture output. */
    static final class StreamsHolder {
        static PrintStream out = System.out;
        static PrintStream err = System.err;

        private StreamsHolder() {
        }
    }

    /** No subcommand: run the bot. */
    @Override
    public Integer call() throws Exception {
        return new Run().call();
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Connect to Discord and answer slash commands (the default). The token comes from "
                    + "DISCORD_TOKEN or DISCORD_TOKEN_FILE; settings from config/bot.properties and the environment.")
    static final class Run implements Callable<Integer> {

        static final String NO_TOKEN = """
                No Discord token: set DISCORD_TOKEN (or DISCORD_TOKEN_FILE, the path of a file holding it) and run again. \
                To get one, open https://discord.com/developers/applications, create an application, and on its Bot page \
                press Reset Token and copy it (no privileged gateway intent is needed). Invite the bot to your server with \
                https://discord.com/oauth2/authorize?client_id=APPLICATION_ID&scope=bot+applications.commands&permissions=52224 \
                (scopes bot and applications.commands; permissions View Channels, Send Messages, Embed Links and Attach Files). \
                Commands appear within the hour; to see them at once, put your server id in "guilds" in config/bot.properties \
                (see config/bot.example.properties). To ask the dataset questions without Discord, run: \
                java -jar target/resignation-bot.jar console""";

        @Option(names = "--config", description = "config file (default: $BOT_CONFIG, else config/bot.properties if present)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "PATH",
                description = "where the bot keeps its state, created on demand (default: storage.dir in the config, else data)")
        Path dataDir;

        @Option(names = "--dataset", paramLabel = "PATH",
                description = "a dataset file, reloaded when it changes; repeatable: later files win by id "
                        + "(default: dataset.paths in the config, else the bundled dataset)")
        List<Path> datasets = new ArrayList<>();

        @Option(names = "--dataset-mode", paramLabel = "MODE",
                description = "replace: the files replace the bundled dataset; merge: they are merged on top of it "
                        + "(default: dataset.mode in the config, else replace)")
        String datasetMode;

        private DatasetPoller polling;
        private DataDirLock dirLock;

        @Override
        public Integer call() throws Exception {
            PrintStream err = StreamsHolder.err;
            java.util.Map<String, String> env = System.getenv();
            Config cfg;
            java.util.Optional<String> token;
            try {
                cfg = Config.load(Config.locate(java.util.Optional.ofNullable(config), env, Path.of("")), env);
                token = Config.token(env);
            } catch (ConfigException e) {
                err.println("Configuration error: " + e.getMessage());
                return 2;
            }
            if (token.isEmpty()) {
                err.println(NO_TOKEN);
                return 2;
            }
            if (cfg.editorRole().isEmpty() && cfg.guilds().isEmpty()) {
                err.println("Note: nobody can add entries with /resignations add until editor_role (the editors' role id) "
                        + "or guilds (the newsroom's servers, where Manage Server counts as editor) is set.");
            }
            DatasetLoader loader = DatasetLoader.standard();
            List<Path> files = !datasets.isEmpty() ? List.copyOf(datasets) : cfg.datasets();
            boolean merge = cfg.mergeBundled();
            if (datasetMode != null) {
                switch (datasetMode.toLowerCase(java.util.Locale.ROOT)) {
                    case "merge" -> merge = true;
                    case "replace" -> merge = false;
                    default -> {
                        err.println("--dataset-mode takes replace or merge, not \"" + datasetMode + "\".");
                        return 2;
                    }
                }
            }
            Path dir = dataDir != null ? dataDir : cfg.dataDir();
            java.util.OptionalInt refused = lockDataDir(dir, err);
            if (refused.isPresent()) {
                return refused.getAsInt();
            }
            BoundedFetch.Limits limits = new BoundedFetch.Limits(cfg.fetchTimeout(), cfg.fetchMaxBytes(),
                    new AddressPolicy(cfg.allowPrivateHosts()));
            Optional<Reloader.Source> url = cfg.datasetUrl().map(u -> new UrlDatasetSource(java.net.URI.create(u), loader,
                    new BoundedFetch(limits, Templates.bundled()), dir, cfg.pollEvery()));
            // entries editors add from Discord: in the data directory, never in the dataset files
            AdditionsFile additions = new AdditionsFile(dir.resolve(AdditionsFile.NAME), loader);
            Reloader.Source source = DatasetSources.of(loader, Optional.of(additions.path()), files, url,
                    merge ? DatasetSources.Mode.MERGE : DatasetSources.Mode.REPLACE, Clock.systemUTC());
            Snapshot snapshot;
            // a URL that does not answer is no reason to stay down: the last good copy (or the bundled dataset) serves
            Optional<Reloader.Unavailable> down = source.fetch();
            try {
                snapshot = source.load();
            } catch (InvalidDatasetException e) {
                e.problems().forEach(p -> err.println(p.describe()));
                err.println("The dataset is invalid; nothing was loaded.");
                return 1;
            }
            Snapshot serving = snapshot;
            down.ifPresent(d -> err.println(Said.of("notify.url.starts", "problem", d.problem(), "version", serving.version(),
                    "seconds", d.retry().toSeconds()).in(Templates.bundled(), Lang.EN)));
            // sources a newsroom should not cite are logged, not refused: validate --strict is where they fail
            SourceLint.logWarnings("dataset " + snapshot.version(), snapshot.dataset());
            Notifier notifier;
            try {
                Notifier.Settings standard = Notifier.Settings.standard();
                notifier = new Notifier(Store.open(dir), org.newsdesk.resignations.render.Templates.bundled(),
                        new EntryCodec(loader.mapper()), cfg.defaultLanguage(), cfg.adminChannel(), Clock.systemUTC(),
                        Delivery.Backoff.standard(), new Notifier.Settings(cfg.maxAnnouncedAdditions(), cfg.allowEmpty(),
                                standard.ledgerRetry(), standard.ledgerRetries()));
            } catch (RuntimeException e) {
                err.println("Cannot open the data directory " + dir.toAbsolutePath() + ": " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
                return 1;
            }
            // an emptied file must not silently take away the entries the bot had (dataset.allow_empty)
            Optional<Problem> empty = Reloader.refusedAsEmpty(snapshot,
                    snapshot.entries().isEmpty() ? notifier.recordedEntries() : 0, cfg.allowEmpty());
            if (empty.isPresent()) {
                notifier.close();
                err.println(empty.get().describe() + " The bot did not start.");
                return 1;
            }
            Application app = new Application(snapshot, cfg.defaultLanguage(), Optional.of(source), Optional.of(notifier),
                    Optional.of(additions), cfg.claimReviewBaseUrl());
            // the first run records the baseline; later runs queue what changed while the bot was down
            notifier.datasetChanged(snapshot);
            DatasetWatcher watcher = null;
            try {
                // the additions file too: an editor may fix it by hand; it may not exist yet
                watcher = DatasetWatcher.start(files, List.of(additions.path()), app::reload, DatasetWatcher.DEBOUNCE,
                        DatasetWatcher.CHECK, Alarms.of(Optional.of(notifier)));
            } catch (java.io.IOException e) {
                err.println("Cannot watch " + files + " and " + additions.path() + " for changes (" + e.getMessage()
                        + "); /resignations reload still reloads them.");
            }
            polling = url.isPresent() ? new DatasetPoller(app::reload, cfg.pollEvery(), Alarms.of(Optional.of(notifier))) : null;
            org.newsdesk.resignations.discord.DiscordBot bot;
            try {
                bot = org.newsdesk.resignations.discord.DiscordBot.start(app, token.get(), discordOptions(cfg));
            } catch (net.dv8tion.jda.api.exceptions.InvalidTokenException e) {
                closeQuietly(watcher, notifier);
                err.println("Discord refused the token in DISCORD_TOKEN: reset it on the Bot page of your application "
                        + "at https://discord.com/developers/applications and set the new one.");
                return 2;
            } catch (RuntimeException e) {
                closeQuietly(watcher, notifier);
                // the deepest cause that says something (JDA wraps it in context-only exceptions)
                Throwable root = e;
                for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                    if (!(t.getClass().getSimpleName().equals("ContextException"))) {
                        root = t;
                    }
                }
                // neither the proxy's user:password nor the token (a library message may quote it) is printed
                err.println("Could not connect to Discord (" + Redact.urls(cfg.apiBaseUrl().orElse("https://discord.com/api/"))
                        + "): " + root.getClass().getSimpleName()
                        + (root.getMessage() == null ? "" : ": " + Redact.secrets(root.getMessage(), token.get())));
                return 1;
            }
            DatasetWatcher watching = watcher;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                bot.close();
                closeQuietly(watching, notifier);
            }, "shutdown"));
            if (!bot.awaitShutdown()) {
                err.println("Discord closed the connection for good (see the log above); the bot has stopped.");
                return 1;
            }
            return 0;
        }

        /**
         * Takes the data directory's lock for the life of the process, before anything in it is
         * read or opened; when another bot holds it, says which one.
         *
         * @return the exit code when the lock cannot be had
         */
        private java.util.OptionalInt lockDataDir(Path dir, PrintStream err) {
            try {
                dirLock = DataDirLock.acquire(dir);
                return java.util.OptionalInt.empty();
            } catch (DataDirLock.HeldException e) {
                err.println(e.getMessage());
                return java.util.OptionalInt.of(2);
            } catch (java.io.IOException | RuntimeException e) {
                err.println("Cannot lock the data directory " + dir.toAbsolutePath() + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check that it can be written to.");
                return java.util.OptionalInt.of(1);
            }
        }

        private void closeQuietly(DatasetWatcher watcher, Notifier notifier) {
            if (watcher != null) {
                watcher.close();
            }
            if (polling != null) {
                polling.close();
            }
            notifier.close();
            if (dirLock != null) {
                dirLock.close();   // last: the store is closed
            }
        }

        static org.newsdesk.resignations.discord.DiscordOptions discordOptions(Config cfg) {
            return org.newsdesk.resignations.discord.DiscordOptions.defaults()
                    .withGuilds(cfg.guilds())
                    .withEndpoints(cfg.apiBaseUrl(), cfg.gatewayUrl())
                    .withCompression(cfg.gatewayCompression())
                    .withEditorRole(cfg.editorRole());
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check dataset files (the bundled one when none is given), their sources included. "
                    + "Exit 0 when valid, 1 otherwise.")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "FILE", description = "dataset JSON files")
        List<Path> files = new ArrayList<>();

        @Option(names = "--strict", description = "source-lint warnings are errors (for the newsroom's data CI)")
        boolean strict;

        @Option(names = "--report", description = "print per entry its sources, facts resting on one source and copies still cited")
        boolean report;

        @Option(names = "--json", description = "with --report: print the report as JSON")
        boolean json;

        @Override
        public Integer call() {
            DatasetLoader loader = DatasetLoader.standard();
            PrintStream out = StreamsHolder.out;
            int bad = 0;
            List<Object> targets = files.isEmpty() ? List.of(DatasetLoader.BUNDLED_NAME) : new ArrayList<>(files);
            for (Object target : targets) {
                try {
                    Snapshot s = target instanceof Path p ? loader.load(p) : loader.loadBundled();
                    List<SourceLint.Finding> findings = SourceLint.check(s.dataset());
                    long warnings = findings.stream().filter(f -> f.level() == SourceLint.Level.WARNING).count();
                    if (report && json) {
                        out.println(SourceReport.json(target.toString(), findings, SourceLint.report(s.dataset())));
                    } else {
                        findings.stream().filter(f -> f.level() == SourceLint.Level.WARNING || report)
                                .forEach(f -> out.println((f.level() == SourceLint.Level.WARNING ? (strict ? "error: " : "warning: ")
                                        : "notice: ") + f.problem(target.toString()).describe()));
                        if (report) {
                            out.print(SourceReport.table(SourceLint.report(s.dataset())));
                        }
                    }
                    if (strict && warnings > 0) {
                        bad++;
                        (report && json ? StreamsHolder.err : out).println(target + ": INVALID under --strict, " + warnings
                                + " source problem(s).");
                        continue;
                    }
                    (report && json ? StreamsHolder.err : out).println(target + ": valid (" + s.entries().size() + " entries, "
                            + s.agencies().size() + " agencies, " + s.sourceCount() + " sources, version " + s.version() + ")"
                            + (warnings == 0 ? "" : "; " + warnings + " source warning(s)"));
                } catch (InvalidDatasetException e) {
                    bad++;
                    for (Problem p : e.problems()) {
                        out.println(p.describe());
                    }
                    out.println(target + ": INVALID, " + e.count() + "; nothing was loaded.");
                }
            }
            return bad == 0 ? 0 : 1;
        }
    }

    @Command(name = "console", mixinStandardHelpOptions = true,
            description = "Read commands such as /resignations who name:\"Andrew Miller\" from standard input and print the replies.")
    static final class Console implements Callable<Integer> {
        @Option(names = "--lang", description = "default reply language: en or ar (default: ${DEFAULT-VALUE})", defaultValue = "en")
        String lang;

        @Option(names = "--dataset", description = "a dataset file to use instead of the bundled one")
        Path dataset;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
                description = "where charts and exports are saved (default: ${DEFAULT-VALUE}, in the current directory)")
        Path out;

        @Override
        public Integer call() throws Exception {
            Lang fallback = Lang.parse(lang).orElseThrow(() -> new IllegalArgumentException("--lang takes en or ar"));
            DatasetLoader loader = DatasetLoader.standard();
            Snapshot snapshot;
            try {
                snapshot = dataset == null ? loader.loadBundled() : loader.load(dataset);
            } catch (InvalidDatasetException e) {
                e.problems().forEach(p -> StreamsHolder.err.println(p.describe()));
                StreamsHolder.err.println("The dataset is invalid; nothing was loaded.");
                return 1;
            }
            Application app = new Application(snapshot, fallback);
            if (System.console() != null) {
                StreamsHolder.err.println(app.templates().get(fallback, "console.ready"));
            }
            ConsoleSession session = app.console(out);
            session.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), StreamsHolder.out);
            // a chart or export that could not be saved is a failure a script must see
            return session.unsaved() == 0 ? 0 : 1;
        }
    }
}
