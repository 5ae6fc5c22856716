package org.newsdesk.resignations.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.newsdesk.resignations.console.ConsoleSession;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.SourceLint;
import org.newsdesk.resignations.dataset.SourceReport;
import org.newsdesk.resignations.dataset.Snapshot;
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
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
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

        @Override
        public Integer call() throws Exception {
            PrintStream err = StreamsHolder.err;
            Map<String, String> env = System.getenv();
            Config cfg;
            Optional<String> token;
            Optional<String> storagePassword;
            try {
                cfg = Config.load(Config.locate(Optional.ofNullable(config), env, Path.of("")), env);
                token = Config.token(env);
                storagePassword = Config.storagePassword(env);
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
            List<Path> files = !datasets.isEmpty() ? List.copyOf(datasets) : cfg.datasets();
            boolean merge = cfg.mergeBundled();
            if (datasetMode != null) {
                switch (datasetMode.toLowerCase(Locale.ROOT)) {
                    case "merge" -> merge = true;
                    case "replace" -> merge = false;
                    default -> {
                        err.println("--dataset-mode takes replace or merge, not \"" + datasetMode + "\".");
                        return 2;
                    }
                }
            }
            Path dir = dataDir != null ? dataDir : cfg.dataDir();
            Assembly running;
            try {
                running = Assembly.start(new Assembly.Plan(cfg, token.get(), files, merge, dir, storagePassword), err);
            } catch (Assembly.NotStarted e) {
                return e.exitCode();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "shutdown"));
            if (!running.awaitShutdown()) {
                running.close();
                err.println("Discord closed the connection for good (see the log above); the bot has stopped.");
                return 1;
            }
            return 0;
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
            Application app = Application.standalone(snapshot, fallback);
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
