package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.ops.BuildInfo;
import org.newsdesk.resignations.ops.HttpAddress;
import org.newsdesk.resignations.ops.Logs;

/** The operator's keys (http.address, log.format, log.level), the version option, and a port already taken. */
class OperationsConfigTest {

    @TempDir
    Path dir;

    private Config load(String file, Map<String, String> env) throws Exception {
        Path f = dir.resolve("bot.properties");
        Files.writeString(f, file);
        return Config.load(Optional.of(f), env);
    }

    @Test
    void theListenerIsOnLoopback8080UnlessToldOtherwise() throws Exception {
        assertThat(Config.defaults().httpAddress()).contains(new HttpAddress("127.0.0.1", 8080));
        assertThat(load("http.address = 0.0.0.0:9100\n", Map.of()).httpAddress()).contains(new HttpAddress("0.0.0.0", 9100));
        assertThat(load("http.address = [::1]:9100\n", Map.of()).httpAddress()).contains(new HttpAddress("::1", 9100));
        assertThat(load("http.address = off\n", Map.of()).httpAddress()).isEmpty();
        assertThat(load("http.address = 0.0.0.0:9100\n", Map.of("BOT_HTTP_ADDRESS", "OFF")).httpAddress()).isEmpty();
    }

    @Test
    void aBadAddressIsAConfigurationErrorThatSaysTheForm() {
        for (String bad : List.of("8080", "localhost", "127.0.0.1:99999", "http://127.0.0.1:8080", "127.0.0.1:", ":8080")) {
            assertThatThrownBy(() -> load("http.address = " + bad + "\n", Map.of())).as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("bot.properties:1: http.address: \"" + bad + "\" is not valid")
                    .hasMessageContaining("host:port such as 127.0.0.1:8080").hasMessageContaining("or off");
        }
        assertThatThrownBy(() -> Config.load(Optional.empty(), Map.of("BOT_HTTP_ADDRESS", "yes")))
                .hasMessageContaining("environment variable BOT_HTTP_ADDRESS: http.address: \"yes\" is not valid");
    }

    @Test
    void logFormatAndLevel() throws Exception {
        assertThat(Config.defaults().logFormat()).isEqualTo(Logs.Format.TEXT);
        assertThat(Config.defaults().logLevel()).isEmpty();
        Config c = load("log.format = json\nlog.level = warn\n", Map.of());
        assertThat(c.logFormat()).isEqualTo(Logs.Format.JSON);
        assertThat(c.logLevel()).contains("WARN");
        Config env = load("log.format = json\n", Map.of("BOT_LOG_FORMAT", "text", "BOT_LOG_LEVEL", "DEBUG"));
        assertThat(env.logFormat()).isEqualTo(Logs.Format.TEXT);
        assertThat(env.logLevel()).contains("DEBUG");
        assertThatThrownBy(() -> load("log.format = xml\n", Map.of())).hasMessageContaining("log.format: \"xml\" is not valid; "
                + "expected text or json.");
        assertThatThrownBy(() -> load("log.level = loud\n", Map.of())).hasMessageContaining("log.level: \"loud\" is not valid; "
                + "expected TRACE, DEBUG, INFO, WARN, ERROR.");
    }

    @Test
    void versionPrintsTheBuildVersionAndCommit() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--version"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        BuildInfo build = BuildInfo.current();
        assertThat(build.version()).isEqualTo("0.1.0");
        assertThat(build.commit()).matches("[0-9a-f]{7,40}|unknown");
        assertThat(out.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("resignation-bot " + build.version() + " (commit " + build.commit() + ")");
    }

    @Test
    void aPortInUseStopsTheStartWithASentenceAndReleasesTheLock() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Config cfg = Config.load(Optional.empty(), Map.of("BOT_HTTP_ADDRESS", "127.0.0.1:" + taken.getLocalPort()));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Path data = dir.resolve("data");
            assertThatThrownBy(() -> Assembly.start(new Assembly.Plan(cfg, "unused", List.of(), false, data, Optional.empty()),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(Assembly.NotStarted.class, e -> assertThat(e.exitCode()).isEqualTo(2));
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("Cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " for health checks and metrics (http.address): the port is in use or the address is not this "
                    + "machine's. Set http.address (BOT_HTTP_ADDRESS) to a free host:port, or to off." + System.lineSeparator());
            // the data directory's lock went with the failed start: a second attempt gets as far again
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertThatThrownBy(() -> Assembly.start(new Assembly.Plan(cfg, "unused", List.of(), false, data, Optional.empty()),
                    new PrintStream(again, true, StandardCharsets.UTF_8))).isInstanceOf(Assembly.NotStarted.class);
            assertThat(again.toString(StandardCharsets.UTF_8)).startsWith("Cannot listen on");
        }
    }
}
