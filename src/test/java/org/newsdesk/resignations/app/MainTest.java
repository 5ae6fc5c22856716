package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validateWithoutArgumentsChecksTheBundledDataset() {
        assertThat(run("validate")).isZero();
        assertThat(out()).contains("bundled:resignations.json: valid (14 entries");
    }

    @Test
    void validateReportsEveryProblemAndExitsOne(@TempDir Path dir) throws Exception {
        var tree = Fixtures.minimalTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/entries/0")).put("agency", "nowhere");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/sources/0")).put("url", "ftp://x");
        Path bad = dir.resolve("bad.json");
        Files.write(bad, Fixtures.bytes(tree));
        Path good = dir.resolve("good.json");
        Files.write(good, Fixtures.bytes(Fixtures.minimalTree()));
        assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out()).contains(good + ": valid")
                .contains(bad + ": /entries/0/agency: the agency \"nowhere\" is not in the agencies table")
                .contains(bad + ": /sources/0/url: is not a web address")
                .contains(bad + ": INVALID, 2 problem(s)");
    }

    @Test
    void validateOfBrokenJsonGivesLineAndColumn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"a\": [1,,2]\n}");
        assertThat(run("validate", broken.toString())).isEqualTo(1);
        assertThat(out()).contains(broken + ":2:");
    }

    @Test
    void validateOfAMissingFileIsAClearProblem() {
        assertThat(run("validate", "no/such/file.json")).isEqualTo(1);
        assertThat(out()).contains("no/such/file.json: /: no such file.");
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorNotAStackTrace() {
        assertThat(run("frobnicate")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception");
    }

    /** What a separate {@code resignation-bot} process printed, and its exit code. */
    record Ran(int code, String printed) {
    }

    /**
     * Runs the bot as its own process with only the given DISCORD_ and BOT_ variables; every
     * Discord URL points at a closed port on 127.0.0.1, so nothing else is ever contacted.
     */
    static Ran runProcess(Path dir, Map<String, String> env, String... args) throws Exception {
        return runWithInput(dir, env, "", args);
    }

    static Ran runWithInput(Path dir, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.newsdesk.resignations.app.Main"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "run-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("BOT_"));
        pb.environment().put("DISCORD_API_BASE_URL", "http://127.0.0.1:1/api/");
        pb.environment().put("DISCORD_GATEWAY_URL", "ws://127.0.0.1:1");
        // a free port for /healthz: these runs must not depend on 8080 being free here
        pb.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0");
        pb.environment().putAll(env);
        Path input = Files.writeString(Files.createTempFile(dir, "stdin-", ".txt"), stdin);
        pb.redirectInput(input.toFile());
        Process p = pb.start();
        try {
            // a bound, not a timing claim: the old code never exited on a non-ASCII token
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the process exits").isTrue();
            return new Ran(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aTokenWithABlankStopsTheBotWithExit2AndIsNeverPrinted(@TempDir Path dir) throws Exception {
        Ran r = runProcess(dir, Map.of("DISCORD_TOKEN", "MTAx SECRETPART3.abc.def"), "run", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.printed()).contains("DISCORD_TOKEN contains a blank at character 5")
                .doesNotContain("SECRETPART3").doesNotContain("MTAx").doesNotContain("Exception");
    }

    @Test
    void aTokenFileWithATabStopsTheBotWithExit2AndIsNeverPrinted(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("token.txt");
        Files.writeString(secret, "MTAx.SECRET\tPART3.abc\n");
        Ran r = runProcess(dir, Map.of("DISCORD_TOKEN_FILE", secret.toString()), "run", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.printed()).contains("contains a tab at character 12").doesNotContain("SECRET").doesNotContain("PART3");
    }

    @Test
    void aTokenWithANonAsciiCharacterExitsWith2AndASentence(@TempDir Path dir) throws Exception {
        for (String token : List.of("\u201CMTAx.SECRET.abc\u201D", "MTAx.SEC\u0001RET.abc")) {
            Ran r = runProcess(dir, Map.of("DISCORD_TOKEN", token), "run", "--data-dir", dir.resolve("data").toString());
            assertThat(r.code()).as(token).isEqualTo(2);
            assertThat(r.printed()).contains("Configuration error: DISCORD_TOKEN contains")
                    .contains("Bot page").doesNotContain("SECRET").doesNotContain("SEC").doesNotContain("\tat ");
        }
    }

    @Test
    void couldNotConnectNeverPrintsTheProxyCredentials(@TempDir Path dir) throws Exception {
        Ran r = runProcess(dir, Map.of("DISCORD_TOKEN", "MTAx.c2VjcmV0.SECRETPART3",
                "DISCORD_API_BASE_URL", "http://desk:hunter2@127.0.0.1:1/api/"), "run", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.printed()).contains("Could not connect to Discord (http://***@127.0.0.1:1/api/)")
                .doesNotContain("hunter2").doesNotContain("SECRETPART3");
    }

    /** storage.url naming a PostgreSQL server that is not there: a sentence and exit 2, as other configuration errors. */
    @Test
    void anUnreachableStorageUrlExitsWith2AndSaysWhereWithoutThePassword(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Ran r = runProcess(dir, Map.of("DISCORD_TOKEN", "MTAx.c2VjcmV0.SECRETPART3",
                "BOT_STORAGE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/newsdesk?user=bot",
                "BOT_STORAGE_PASSWORD", "hunter2pw"), "run", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.printed()).contains("Cannot use the PostgreSQL database in storage.url (127.0.0.1:" + port + "/newsdesk): "
                + "cannot connect to the PostgreSQL database 127.0.0.1:" + port + "/newsdesk: ")
                .doesNotContain("hunter2pw").doesNotContain("SECRETPART3").doesNotContain("\tat ");
    }

    /** A storage.url that is not PostgreSQL, or carries a password: refused before anything starts, never echoed. */
    @Test
    void aStorageUrlThatIsNotPostgresOrCarriesAPasswordExitsWith2(@TempDir Path dir) throws Exception {
        Ran r = runProcess(dir, Map.of("DISCORD_TOKEN", "MTAx.c2VjcmV0.SECRETPART3",
                "BOT_STORAGE_URL", "jdbc:postgresql://127.0.0.1:5432/newsdesk?user=bot&password=hunter2pw"),
                "run", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.printed()).contains("Configuration error: environment variable BOT_STORAGE_URL: storage.url: it carries a password")
                .contains("BOT_STORAGE_PASSWORD").doesNotContain("hunter2pw");
        r = runProcess(dir, Map.of("DISCORD_TOKEN", "MTAx.c2VjcmV0.SECRETPART3",
                "BOT_STORAGE_URL", "jdbc:mysql://db.example/newsdesk"), "run", "--data-dir", dir.resolve("data").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.printed()).contains("storage.url: it is not a JDBC URL of PostgreSQL").doesNotContain("db.example");
    }

    /** Discord answering 401 (a reset token): a sentence and exit 2, without JDA's types reaching this package. */
    @Test
    void aTokenDiscordRefusesExitsWith2AndSaysWhatToDo(@TempDir Path dir) throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        refusing.createContext("/", ex -> {
            byte[] body = "{\"message\": \"401: Unauthorized\", \"code\": 0}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        refusing.start();
        try {
            Ran r = runProcess(dir, Map.of("DISCORD_TOKEN", "MTAx.c2VjcmV0.SECRETPART3",
                    "DISCORD_API_BASE_URL", "http://127.0.0.1:" + refusing.getAddress().getPort() + "/api/"),
                    "run", "--data-dir", dir.resolve("data").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.printed()).contains("Discord refused the token in DISCORD_TOKEN").doesNotContain("SECRETPART3");
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void theConsoleSaysWhyAFileWasNotSavedAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path notADir = Files.writeString(dir.resolve("out"), "a file");
        Ran r = runWithInput(dir, Map.of(), "/resignations export format:CSV\n/resignations stats\n",
                "console", "--out", notADir.toString());
        assertThat(r.printed()).contains("was not saved in " + notADir.toAbsolutePath() + ": it is a file, not a folder")
                .contains("== Counts");   // the next command still runs
        assertThat(r.code()).isEqualTo(1);
        Ran fine = runWithInput(dir, Map.of(), "/resignations export format:CSV\n", "console", "--out", dir.resolve("exports").toString());
        assertThat(fine.printed()).contains("[file] " + dir.resolve("exports").toAbsolutePath());
        assertThat(fine.code()).isZero();
    }
}
