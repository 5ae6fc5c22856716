package org.newsdesk.resignations.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.newsdesk.resignations.chart.Charts;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandHandler;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.commands.CommandLineParser;
import org.newsdesk.resignations.commands.CommandObserver;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.commands.Completions;
import org.newsdesk.resignations.commands.LanguagePolicy;
import org.newsdesk.resignations.commands.ResignationCommands;
import org.newsdesk.resignations.console.ConsoleSession;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.discord.BotCore;
import org.newsdesk.resignations.discord.CoreCommands;
import org.newsdesk.resignations.discord.Speech;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.export.ClaimReviewExport;
import org.newsdesk.resignations.export.CsvExport;
import org.newsdesk.resignations.export.ExportCommands;
import org.newsdesk.resignations.export.JsonExport;
import org.newsdesk.resignations.factcheck.FactCheckCommands;
import org.newsdesk.resignations.factcheck.FactCheckResult;
import org.newsdesk.resignations.intake.AdditionsFile;
import org.newsdesk.resignations.intake.Drafts;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.intake.PendingFile;
import org.newsdesk.resignations.intake.ReviewService;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.notify.NotifyCommands;
import org.newsdesk.resignations.ops.BuildInfo;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the application is wired. Every transport (console, Discord) gets the same
 * router, so the same command gives the same facts everywhere.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final AtomicReference<Directory> current;
    private final Templates templates;
    private final Replies replies;
    private final LanguagePolicy languages;
    private final Queries queries;
    private final CommandCatalog catalog;
    private final CommandRouter router;
    private final Completions completions;
    private final Charts charts;
    private final FactCheckCommands factcheck;
    private final Optional<Notifier> notifier;
    private final Optional<Reloader> reloader;
    private final Optional<EntryIntake> intake;

    /**
     * What an application is built from, apart from the dataset.
     *
     * @param templates       the wording of every reply
     * @param clock           the time exports and added entries are stamped with
     * @param mapper          the dataset's JSON mapper (JSON exports write with it)
     * @param source          where the dataset is read again on a file change or /resignations reload
     * @param notifier        notifications (the store in the data directory), when enabled
     * @param additions       the file editors add entries to from Discord (read by {@code source} too);
     *                        without it, or without a source, /resignations add says it is unavailable
     * @param claimReviewBase the newsroom's own fact-check page, which ClaimReview exports link to
     */
    public record Setup(Lang defaultLanguage, Templates templates, Clock clock, ObjectMapper mapper,
                        Optional<Reloader.Source> source, Optional<Notifier> notifier, Optional<AdditionsFile> additions,
                        Optional<String> claimReviewBase) {

        /** Bundled wording, the system clock; no notifications, reloading or additions (console, tests). */
        public static Setup standalone(Lang defaultLanguage) {
            return new Setup(defaultLanguage, Templates.bundled(), Clock.systemUTC(), DatasetLoader.standard().mapper(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Setup reloading(Optional<Reloader.Source> source, Optional<Notifier> notifier) {
            return new Setup(defaultLanguage, templates, clock, mapper, source, notifier, additions, claimReviewBase);
        }

        public Setup withAdditions(Optional<AdditionsFile> additions) {
            return new Setup(defaultLanguage, templates, clock, mapper, source, notifier, additions, claimReviewBase);
        }

        public Setup withClaimReviewBase(Optional<String> claimReviewBase) {
            return new Setup(defaultLanguage, templates, clock, mapper, source, notifier, additions, claimReviewBase);
        }
    }

    /** Without notifications or reloading (console, tests): those commands say they are unavailable. */
    public static Application standalone(Snapshot snapshot, Lang defaultLanguage) {
        return new Application(snapshot, Setup.standalone(defaultLanguage));
    }

    public Application(Snapshot snapshot, Setup setup) {
        Optional<Reloader.Source> source = setup.source();
        Optional<Notifier> notifier = setup.notifier();
        this.current = new AtomicReference<>(new Directory(snapshot));
        this.templates = setup.templates();
        this.replies = new Replies(templates);
        replies.prepare(snapshot);
        this.languages = new LanguagePolicy(setup.defaultLanguage());
        this.queries = new Queries(current::get);
        this.catalog = CommandCatalog.standard().with(CommandCatalog.notifications()).with(CommandCatalog.editing());
        this.router = new CommandRouter(catalog, languages, replies);
        this.charts = new Charts(templates);
        BuildInfo build = BuildInfo.current();
        new ResignationCommands(queries, replies, charts, Optional.of(new Replies.Build(build.version(), build.commit())))
                .register(router);
        new ExportCommands(this::snapshot, replies, new JsonExport(setup.mapper()),
                new CsvExport(templates), new ClaimReviewExport(templates, setup.clock(), setup.claimReviewBase()))
                .register(router);
        this.factcheck = new FactCheckCommands(current::get, replies);
        factcheck.register(router);
        this.completions = new Completions(queries);
        this.notifier = notifier;
        this.reloader = source.map(src -> new Reloader(src, this::snapshot, this::replace, notifier));
        new NotifyCommands(notifier, reloader, replies).register(router);
        // the add form's drafts in the store when there is one (they survive a restart), else in memory (tests)
        Drafts drafts = notifier.map(n -> new Drafts(new StoredDrafts(n.store().drafts()), setup.clock())).orElseGet(Drafts::new);
        this.intake = setup.additions().flatMap(a -> reloader.map(r -> new EntryIntake(current::get,
                new ReviewService(current::get, a, a.sibling(CORRECTIONS),
                        () -> reloadForFleet(r), new PendingFile(a.shelf()), replies, setup.clock()),
                drafts, replies, setup.clock())));
        // the form is Discord's; elsewhere (the console) the command says where entries are added
        router.on(CommandCatalog.RESIGNATIONS + " add", (req, lang) -> replies.userError(lang,
                intake.isPresent() ? "add.form_only" : "add.unavailable"));
        registerReview();
    }

    /** A reload that changes what is served (an approval): the other processes of a fleet reload too. */
    private Reloader.Result reloadForFleet(Reloader r) {
        Reloader.Result result = r.reload();
        if (result instanceof Reloader.Loaded ok) {
            try {
                notifier.flatMap(Notifier::fleet).ifPresent(f -> f.reloaded(ok.snapshot().version()));
            } catch (RuntimeException e) {
                // served here; the others catch up at the next reload asked of any process
                LOG.warn("Could not tell the fleet of dataset {}: {}", ok.snapshot().version(), e.getMessage());
            }
        }
        return result;
    }

    /** The corrections file next to the additions file: reviewed corrections of entries from other files, merged last. */
    public static final String CORRECTIONS = "corrections.json";

    /** A reviewer's decision on one pending entry. */
    private interface Decide {
        ReviewService.Decision apply(ReviewService review, CommandRequest req, long reviewer, Lang lang);
    }

    /** A review decision taken by whoever asked: the Discord user, or the console's operator. */
    private CommandHandler decision(Optional<ReviewService> review, Decide decide) {
        return new CommandHandler() {
            @Override
            public Reply handle(CommandRequest req, Lang lang) {
                return handle(req, lang, RequestContext.CONSOLE);
            }

            @Override
            public Reply handle(CommandRequest req, Lang lang, RequestContext where) {
                return review.map(s -> decide.apply(s, req, where.userId().orElse(ReviewService.CONSOLE), lang).reply())
                        .orElseGet(() -> replies.userError(lang, "add.unavailable"));
            }
        };
    }

    /** The review commands, and an editor's who finding entries that wait for review. */
    private void registerReview() {
        Optional<ReviewService> review = intake.map(EntryIntake::review);
        String r = CommandCatalog.RESIGNATIONS + " ";
        router.on(r + "pending", (req, lang) -> review.map(s -> s.pending(lang))
                .orElseGet(() -> replies.userError(lang, "add.unavailable")));
        // like add: a form in Discord; the console says where corrections are made
        router.on(r + "correct", (req, lang) -> replies.userError(lang, review.isPresent() ? "review.correct_form_only" : "add.unavailable"));
        router.on(r + "review", (req, lang) -> review.map(s -> s.show(req.option("id").orElse(""), lang))
                .orElseGet(() -> replies.userError(lang, "add.unavailable")));
        router.on(r + "approve", decision(review, (s, req, reviewer, lang) ->
                s.approve(req.option("id").orElse(""), reviewer, req.option("confidence"), lang)));
        router.on(r + "reject", decision(review, (s, req, reviewer, lang) ->
                s.reject(req.option("id").orElse(""), reviewer, req.option("reason").orElse(""), lang)));
        CommandHandler who = router.handler(r + "who").orElseThrow();
        router.on(r + "who", new CommandHandler() {
            @Override
            public Reply handle(CommandRequest req, Lang lang) {
                return who.handle(req, lang);
            }

            @Override
            public Reply handle(CommandRequest req, Lang lang, RequestContext where) {
                Reply served = who.handle(req, lang, where);
                if (!where.editor() || review.isEmpty()) {
                    return served;
                }
                // an editor may propose a correction of what the card shows (it goes through review)
                served = served.isAnswer() ? served.withActions(withCorrection(served.actions(), lang)) : served;
                List<Card> waiting = review.get().pendingFor(req.option("name").orElse(""), lang);
                if (waiting.isEmpty()) {
                    return served;
                }
                // entries waiting for review are for the editor's eyes only, never posted in the channel
                List<Card> pages = new ArrayList<>(waiting);
                if (served.isAnswer()) {
                    pages.addAll(served.pages());
                }
                return Reply.privateAnswer(pages).withActions(served.isAnswer() ? served.actions() : List.of());
            }
        });
    }

    /** The card's actions and "Propose a correction" of the entry its "Full record" opens. */
    private List<Reply.Action> withCorrection(List<Reply.Action> actions, Lang lang) {
        List<Reply.Action> out = new ArrayList<>(actions);
        for (Reply.Action a : actions) {
            Replay full = Replay.parse(a.replay());
            if (!Replay.isKept(a.replay()) && full.subcommand().equals("who") && "true".equals(full.options().get("detail"))
                    && full.options().containsKey("name")) {
                out.add(new Reply.Action(templates.get(lang, "review.button.correct"),
                        Replay.of("correct", "name", full.options().get("name"), "lang", lang.code()).encode()));
                break;
            }
        }
        return out;
    }

    /**
     * The operator's metrics hear of every command and autocomplete (whatever the transport), every
     * fact-check's verdict and every reload's result.
     */
    public void observe(CommandObserver commands, Consumer<FactCheckResult> verdicts, Consumer<Reloader.Result> reloads) {
        router.observe(commands);
        completions.observe(commands);
        factcheck.observe(verdicts);
        reloader.ifPresent(r -> r.observe(reloads));
    }

    /** Editors adding entries, when the bot runs with its data directory. */
    public Optional<EntryIntake> intake() {
        return intake;
    }

    /** Notifications, when the bot runs with its data directory. */
    public Optional<Notifier> notifier() {
        return notifier;
    }

    /** Reads the dataset again: a bad file changes nothing (and the admins are told). */
    public Optional<Reloader.Result> reload() {
        return reloader.map(Reloader::reload);
    }

    /** A server's language setting, if it has one. */
    public Optional<Lang> guildLanguage(long guildId) {
        return notifier.flatMap(n -> n.guildLanguage(guildId));
    }

    /** Swaps in a new validated snapshot; queries already running finish on the old one. */
    public void replace(Snapshot snapshot) {
        current.set(new Directory(snapshot));
        replies.prepare(snapshot);   // the old version's rendered replies go; the new one's are rendered now
        factcheck.checker();   // build the fact-checker for the new snapshot now, not on the next /factcheck
    }

    public Snapshot snapshot() {
        return current.get().snapshot();
    }

    public CommandRouter router() {
        return router;
    }

    public Charts charts() {
        return charts;
    }

    public Completions completions() {
        return completions;
    }

    public Replies replies() {
        return replies;
    }

    public Templates templates() {
        return templates;
    }

    public LanguagePolicy languages() {
        return languages;
    }

    public Queries queries() {
        return queries;
    }

    /** The fact-check for the "Fact-check" message context menu: {@code factcheck().check(text, lang)}. */
    public FactCheckCommands factcheck() {
        return factcheck;
    }

    /** The parts the Discord layer uses, each as narrow as the class that takes it. */
    public BotCore discord() {
        Speech speech = new Speech(replies, languages, this::guildLanguage);
        return new BotCore(templates, speech, CoreCommands.of(router, completions, () -> snapshot().version()),
                factcheck::check, intake, notifier, () -> charts.warmUp(snapshot(), queries.stats()));
    }

    /** A console that saves files in a new temporary directory; {@code Main} passes ./out or --out. */
    public ConsoleSession console() {
        return new ConsoleSession(new CommandLineParser(catalog), router, replies, languages);
    }

    /** @param outDir where the console saves the files replies carry (charts, exports) */
    public ConsoleSession console(Path outDir) {
        return new ConsoleSession(new CommandLineParser(catalog), router, replies, languages, outDir);
    }
}
