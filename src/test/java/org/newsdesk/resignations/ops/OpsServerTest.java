package org.newsdesk.resignations.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The listener and the readiness report on their own, over real HTTP on loopback. */
class OpsServerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static HttpResponse<String> get(HttpAddress a, String path, String method) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + a + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyzNamesEveryCheckThatIsNotReadyAndTurnsBack() throws Exception {
        AtomicBoolean connected = new AtomicBoolean(false);
        try (Operations ops = Operations.start(new BuildInfo("1.2.3", "abcdef0"), Optional.of(new HttpAddress("127.0.0.1", 0)))) {
            HttpAddress a = ops.address().orElseThrow();
            HttpResponse<String> r = get(a, "/readyz", "GET");
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode body = JSON.readTree(r.body());
            // nothing has started: each part says so
            assertThat(body.path("not_ready").path("gateway").asText()).isEqualTo("not connected to Discord yet");
            assertThat(body.path("not_ready").path("dataset").asText()).isEqualTo("the dataset is not loaded yet");
            assertThat(body.path("not_ready").path("database").asText()).isEqualTo("the database is not open yet");
            assertThat(body.path("not_ready").has("tasks")).isFalse();
            assertThat(get(a, "/healthz", "GET").statusCode()).isEqualTo(200);

            ops.gateway().set(ReadinessCheck.of("gateway", () -> connected.get() ? Optional.empty() : Optional.of("shard 0/1 is DOWN")));
            ops.dataset().loaded(Instant.now());
            ops.database().set(ReadinessCheck.of("database", () -> {
                throw new IllegalStateException("boom");
            }));
            AtomicBoolean watching = new AtomicBoolean(false);
            ops.tasks().add("dataset-watch", watching::get);
            body = JSON.readTree(get(a, "/readyz", "GET").body());
            assertThat(body.path("not_ready").path("gateway").asText()).isEqualTo("shard 0/1 is DOWN");
            assertThat(body.path("not_ready").path("database").asText()).contains("the check itself failed (IllegalStateException)");
            assertThat(body.path("not_ready").path("tasks").asText()).contains("dataset-watch stopped");
            assertThat(body.path("not_ready").has("dataset")).isFalse();

            connected.set(true);
            watching.set(true);
            ops.database().set(ReadinessCheck.of("database", Optional::empty));
            r = get(a, "/readyz", "GET");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).path("status").asText()).isEqualTo("ready");
            String scrape = get(a, "/metrics", "GET").body();
            assertThat(scrape).contains("resignations_ready 1.0", "resignations_ready_check{check=\"tasks\"} 1.0",
                    "resignations_build_info{commit=\"abcdef0\",version=\"1.2.3\"} 1");
            assertThat(get(a, "/readyz", "HEAD").body()).isEmpty();
            assertThat(get(a, "/metrics", "DELETE").statusCode()).isEqualTo(405);
        }
    }

    @Test
    void offServesNothingButStillMeasures() throws Exception {
        try (Operations ops = Operations.start(new BuildInfo("1", "x"), Optional.empty())) {
            assertThat(ops.address()).isEmpty();
            assertThat(ops.metrics().scrape()).contains("resignations_ready 0.0");
        }
    }

    @Test
    void anUnknownHostIsASentenceNotAStackTrace() {
        try (Metrics metrics = new Metrics(new BuildInfo("1", "x"))) {
            anUnknownHost(metrics);
        }
    }

    private static void anUnknownHost(Metrics metrics) {
        assertThatThrownBy(() -> OpsServer.start(new HttpAddress("no-such-host.invalid", 0),
                        new Readiness(), metrics))
                .isInstanceOf(OpsServer.CannotListen.class)
                .hasMessage("Cannot listen on no-such-host.invalid:0 for health checks and metrics (http.address): the host "
                        + "no-such-host.invalid is not known here. Set http.address (BOT_HTTP_ADDRESS) to an address of this "
                        + "machine (127.0.0.1, 0.0.0.0, [::1]) with a port, or to off.");
    }

    @Test
    void aBuildOutsideGitSaysUnknown() {
        Properties unfilled = new Properties();
        unfilled.setProperty("version", "0.1.0");
        unfilled.setProperty("commit", "${git.commit.id.abbrev}");
        assertThat(BuildInfo.of(unfilled)).isEqualTo(new BuildInfo("0.1.0", "unknown"));
        assertThat(BuildInfo.of(new Properties())).isEqualTo(new BuildInfo("unknown", "unknown"));
    }
}
