package org.newsdesk.resignations.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Command-line entry point: validate, console (and, with the Discord issue, run). */
@Command(name = "resignation-bot", mixinStandardHelpOptions = true, version = "resignation-bot 0.1.0",
        description = "Sourced dataset of US officials who resigned over the administration's Gaza war policy.",
        subcommands = {Main.Validate.class, Main.Console.class})
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
            err.println("error: " + ex.getMessage());
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

    @Override
    public Integer call() {
        CommandLine.usage(this, StreamsHolder.out);
        return 0;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check dataset files (the bundled one when none is given). Exit 0 when valid, 1 otherwise.")
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "FILE", description = "dataset JSON files")
        List<Path> files = new ArrayList<>();

        @Override
        public Integer call() {
            DatasetLoader loader = DatasetLoader.standard();
            PrintStream out = StreamsHolder.out;
            int bad = 0;
            List<Object> targets = files.isEmpty() ? List.of(DatasetLoader.BUNDLED_NAME) : new ArrayList<>(files);
            for (Object target : targets) {
                try {
                    Snapshot s = target instanceof Path p ? loader.load(p) : loader.loadBundled();
                    out.println(target + ": valid (" + s.entries().size() + " entries, " + s.agencies().size()
                            + " agencies, " + s.sourceCount() + " sources, version " + s.version() + ")");
                } catch (InvalidDatasetException e) {
                    bad++;
                    for (Problem p : e.problems()) {
                        out.println(p.describe());
                    }
                    out.println(target + ": INVALID, " + e.problems().size() + " problem(s); nothing was loaded.");
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
            app.console(out).run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), StreamsHolder.out);
            return 0;
        }
    }
}
