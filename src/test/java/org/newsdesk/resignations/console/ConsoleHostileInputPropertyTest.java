package org.newsdesk.resignations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandLineParser;

/**
 * The console on generated hostile input: random Unicode (lone surrogates included), control
 * characters, unbalanced quotes of every kind, direction and byte order marks, lines past every
 * bound, hundreds of thousands of words. Whatever comes in: no exception escapes, no handler
 * fails ("Something went wrong"), no hang, and every line that is not blank or a comment gets a
 * reply or a message.
 */
class ConsoleHostileInputPropertyTest {

    private static final Application APP = Fixtures.bundledApp();
    private static final Path OUT;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hostile-console");
        t.setDaemon(true);
        return t;
    });

    static {
        try {
            OUT = Files.createTempDirectory("hostile-console-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        RUNNER.shutdownNow();
        try (Stream<Path> files = Files.walk(OUT)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void everyLineGetsAReplyAndNothingFails(@ForAll("hostileInput") String input) throws Exception {
        ConsoleSession console = APP.console(OUT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Future<?> done = RUNNER.submit(() -> {
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                console.run(new BufferedReader(new StringReader(input)), out);
            }
            return null;
        });
        // a bound against a hang, far above the milliseconds a line takes; not a speed claim
        done.get(60, TimeUnit.SECONDS);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("Something went wrong").doesNotContain("حدث خطأ").doesNotContain("Exception");
        // what was typed is never echoed with its invisible control characters (a NUL shown as nothing)
        assertThat(out.chars().filter(c -> c != '\n' && Character.getType(c) == Character.CONTROL))
                .as("control characters in the output").isEmpty();
        boolean anyCommandLine = input.lines().flatMap(l -> Stream.of(l.split("\r", -1)))
                .map(CommandLineParser::withoutLeadingMarks).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
        if (anyCommandLine) {
            assertThat(out).as("a reply or a message").isNotBlank();
        } else {
            assertThat(out).isEmpty();
        }
    }

    @Provide
    Arbitrary<String> hostileInput() {
        Arbitrary<String> prefix = Arbitraries.of("", "\uFEFF", "\u200F", "\u202E", "\u061C", "  \t", "\u0000", "#");
        Arbitrary<String> command = Arbitraries.of("/factcheck claim:", "/resignations who name:",
                "/resignations list agency:", "/resignations list from:", "/resignations timeline lang:",
                "/resignations stats lang:", "/resignations export format:", "/resignations who ", "/resignations ",
                "/", "/nope ", "resignations who name:", "/resignations who name:x name:", "/factcheck claim:x lang:");
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(3_000),                                   // any UTF-16, lone surrogates too
                Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars('\u007F', '\u0085', '\u2028', '\u2029')
                        .ofMaxLength(200),                                                           // control characters
                Arbitraries.strings().withChars("\"\u201C\u201D\u00AB\u00BB :\u200F\u200E\u202E\u2066\u2069\t ab\u0645\u064A\u0644\u0631")
                        .ofMaxLength(500),                                                           // quotes, colons, direction marks
                Combinators.combine(Arbitraries.of("w ", "ميلر ", "x:y ", "\"", "lang:ar ", "name:"),
                        Arbitraries.integers().between(1, 300_000)).as((w, n) -> w.repeat(n)),       // huge word counts
                Combinators.combine(Arbitraries.chars().all(), Arbitraries.integers().between(5_000, 40_000))
                        .as((c, n) -> String.valueOf(c).repeat(n)),                                  // lines past the bounds
                Arbitraries.strings().withCharRange('\u0600', '\u06FF').withChars(' ', '\u0640').ofMaxLength(2_000),
                Arbitraries.of("2024-02-30", "١٤٤٥-٠٥", "9999999999999999999", "-1", "ar", "AR", "xx", "CSV", "json", ""));
        Arbitrary<String> line = Combinators.combine(prefix, command, body).as((p, c, b) -> p + c + b);
        return line.list().ofMinSize(1).ofMaxSize(3).map(lines -> String.join("\n", lines));
    }
}
