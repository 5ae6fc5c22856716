package org.newsdesk.resignations.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.discord.TestBots;
import org.newsdesk.resignations.discord.fake.Canned;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.sourcing.Datasets;

/**
 * The bot as a real process ({@code run}, JSON logs, the listener on a free port) against the fake
 * Discord, watched the way an operator does: {@code /healthz}, {@code /readyz} and {@code /metrics}
 * over real HTTP. Readiness turns false when the gateway drops or the dataset file goes bad, and
 * true again after; each metric moves when its event happens; every log line is JSON.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsEndToEndTest {

    static final String TOKEN = "MTIzNDU2.c2VjcmV0.ops-secret-token-value";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static FakeDiscord fake;
    static Process bot;
    static Path log;
    static Path dataset;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        fake = FakeDiscord.start();
        dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.without("andrew-miller")));
        log = dir.resolve("bot.log");
        ProcessBuilder pb = TestBots.process(fake, dir, TOKEN, log, "--dataset", dataset.toString(),
                "--data-dir", dir.resolve("data").toString());
        pb.environment().put("BOT_HTTP_ADDRESS", "127.0.0.1:0");
        pb.environment().put("BOT_LOG_FORMAT", "json");
        bot = pb.start();
        Pattern at = Pattern.compile("Health and metrics at (http://127\\.0\\.0\\.1:\\d+)/");
        await(() -> at.matcher(logMessages()).find(), "the listener's address in the log");
        Matcher m = at.matcher(logMessages());
        assertThat(m.find()).isTrue();
        base = m.group(1);
        await(() -> get("/readyz").statusCode() == 200, "ready");
    }

    @AfterAll
    static void stop() throws Exception {
        if (bot != null) {
            bot.destroy();
            if (!bot.waitFor(20, TimeUnit.SECONDS)) {
                bot.destroyForcibly();
            }
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    @Order(1)
    void healthReadinessAndMetricsAnswerOverHttp() throws Exception {
        HttpResponse<String> health = get("/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("alive");
        HttpResponse<String> ready = get("/readyz");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("ready");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/healthz"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);

        String scrape = metrics.body();
        // JVM and process metrics from Micrometer's binders
        assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "jvm_gc_", "process_uptime_seconds",
                "process_cpu_usage", "jvm_classes_loaded_classes");
        BuildInfo build = BuildInfo.current();
        assertThat(value(scrape, "resignations_build_info", Map.of("version", build.version(), "commit", build.commit())))
                .isEqualTo(1.0);
        assertThat(value(scrape, "resignations_ready", Map.of())).isEqualTo(1.0);
        assertThat(value(scrape, "resignations_ready_check", Map.of("check", "gateway"))).isEqualTo(1.0);
        assertThat(value(scrape, "resignations_ready_check", Map.of("check", "database"))).isEqualTo(1.0);
        // the gateway's heartbeat has been answered: a ping for shard 0
        await(() -> !Double.isNaN(value(scrapeNow(), "resignations_gateway_ping_seconds", Map.of("shard", "0"))),
                "a gateway ping");
        assertThat(value(scrapeNow(), "resignations_gateway_ping_seconds", Map.of("shard", "0"))).isGreaterThanOrEqualTo(0);
        assertThat(value(scrape, "resignations_gateway_connected", Map.of("shard", "0"))).isEqualTo(1.0);
    }

    @Test
    @Order(2)
    void commandsAutocompleteAndVerdictsAreCounted() throws Exception {
        double who = value(scrapeNow(), "resignations_command_seconds_count",
                Map.of("command", "resignations who", "lang", "en", "outcome", "answer"));
        double whoAr = value(scrapeNow(), "resignations_command_seconds_count",
                Map.of("command", "resignations who", "lang", "ar", "outcome", "answer"));
        double typo = value(scrapeNow(), "resignations_command_seconds_count",
                Map.of("command", "unknown", "lang", "en", "outcome", "user_error"));
        run("resignations", "who", Map.of("name", "Josh Paul"), "en-US");
        run("resignations", "who", Map.of("name", "Josh Paul"), "en-US");   // the second from the reply cache
        run("resignations", "who", Map.of("name", "Josh Paul", "lang", "ar"), "en-US");
        run("resignations", "whom", Map.of("name", "Josh Paul"), "en-US");
        double completions = value(scrapeNow(), "resignations_autocomplete_seconds_count", Map.of("option", "name"));
        ObjectNode ac = fake.interaction(4, FakeDiscord.OWNER_ID, "en-US",
                fake.command("resignations", "who", Map.of("name", "jos"), "name"));
        fake.interact(ac);
        assertThat(fake.awaitCallback(ac.get("id").asLong(), WAIT).json().path("type").asInt()).isEqualTo(8);
        double contradicted = value(scrapeNow(), "resignations_factcheck_verdicts_total", Map.of("verdict", "contradicted"));
        run("factcheck", null, Map.of("claim", "Lily Greenberg Call resigned from the Interior Department on 8 May 2024."),
                "en-US");

        String scrape = scrapeNow();
        assertThat(value(scrape, "resignations_command_seconds_count",
                Map.of("command", "resignations who", "lang", "en", "outcome", "answer"))).isEqualTo(orZero(who) + 2);
        assertThat(value(scrape, "resignations_command_seconds_count",
                Map.of("command", "resignations who", "lang", "ar", "outcome", "answer"))).isEqualTo(orZero(whoAr) + 1);
        // what was typed never becomes a label
        assertThat(value(scrape, "resignations_command_seconds_count",
                Map.of("command", "unknown", "lang", "en", "outcome", "user_error"))).isEqualTo(orZero(typo) + 1);
        assertThat(scrape).doesNotContain("whom").doesNotContain("Josh").doesNotContain(Long.toString(FakeDiscord.GUILD_ID))
                .doesNotContain(Long.toString(FakeDiscord.CHANNEL_ID)).doesNotContain(Long.toString(FakeDiscord.OWNER_ID));
        // a latency histogram: buckets up to +Inf
        assertThat(value(scrape, "resignations_command_seconds_bucket",
                Map.of("command", "resignations who", "lang", "en", "outcome", "answer", "le", "+Inf")))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "resignations_autocomplete_seconds_count", Map.of("option", "name")))
                .isEqualTo(orZero(completions) + 1);
        assertThat(value(scrape, "resignations_factcheck_verdicts_total", Map.of("verdict", "contradicted")))
                .isEqualTo(orZero(contradicted) + 1);
        assertThat(value(scrape, "resignations_command_seconds_count",
                Map.of("command", "factcheck", "lang", "en", "outcome", "answer"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void aboutShowsTheBuildInBothLanguages() throws Exception {
        BuildInfo build = BuildInfo.current();
        assertThat(build.commit()).matches("[0-9a-f]{7,40}|unknown");
        String en = description(run("resignations", "about", Map.of("lang", "en"), "en-US"));
        assertThat(en).contains("Bot version ").contains(build.version()).contains(build.commit());
        String ar = description(run("resignations", "about", Map.of("lang", "ar"), "ar"));
        assertThat(ar).contains("نسخة البوت").contains(build.version()).contains(build.commit());
    }

    @Test
    @Order(4)
    void readinessFollowsTheGateway() throws Exception {
        fake.dropGateway();
        try {
            await(() -> get("/readyz").statusCode() == 503, "not ready while the gateway is down");
            JsonNode body = JSON.readTree(get("/readyz").body());
            assertThat(body.path("status").asText()).isEqualTo("not ready");
            assertThat(body.path("not_ready").path("gateway").asText()).contains("shard 0/1");
            assertThat(body.path("not_ready").has("dataset")).isFalse();
            assertThat(value(scrapeNow(), "resignations_gateway_connected", Map.of("shard", "0"))).isZero();
            assertThat(value(scrapeNow(), "resignations_ready", Map.of())).isZero();
            assertThat(get("/healthz").statusCode()).isEqualTo(200);   // alive all the same
        } finally {
            fake.restoreGateway();
        }
        await(() -> get("/readyz").statusCode() == 200, "ready again once the gateway is back");
        assertThat(value(scrapeNow(), "resignations_gateway_connected", Map.of("shard", "0"))).isEqualTo(1.0);
    }

    @Test
    @Order(5)
    void readinessAndDatasetMetricsFollowTheDatasetSource() throws Exception {
        String before = scrapeNow();
        double entries = value(before, "resignations_dataset_entries", Map.of());
        double loadedAt = value(before, "resignations_dataset_last_load_timestamp_seconds", Map.of());
        double invalid = value(before, "resignations_dataset_load_failures_total", Map.of("reason", "invalid"));
        String version = label(before, "resignations_dataset_version_info", "version");
        assertThat(entries).isPositive();
        assertThat(loadedAt).isPositive();

        replace("{ \"this is\": not a dataset");
        await(() -> get("/readyz").statusCode() == 503, "not ready after a refused load");
        JsonNode body = JSON.readTree(get("/readyz").body());
        assertThat(body.path("not_ready").path("dataset").asText()).contains("refused").contains(version);
        String failed = scrapeNow();
        assertThat(value(failed, "resignations_dataset_load_failures_total", Map.of("reason", "invalid")))
                .isEqualTo(invalid + 1);
        assertThat(value(failed, "resignations_dataset_entries", Map.of())).isEqualTo(entries);   // still serving

        Thread.sleep(1100);   // the load time is in seconds, with milliseconds: let it differ visibly
        replace(new String(Datasets.bytes(Datasets.bundled()), StandardCharsets.UTF_8));
        await(() -> get("/readyz").statusCode() == 200, "ready after a good load");
        String after = scrapeNow();
        assertThat(value(after, "resignations_dataset_entries", Map.of())).isEqualTo(entries + 1);
        assertThat(value(after, "resignations_dataset_last_load_timestamp_seconds", Map.of())).isGreaterThan(loadedAt);
        String newVersion = label(after, "resignations_dataset_version_info", "version");
        assertThat(newVersion).isNotEqualTo(version);
        assertThat(after).doesNotContain("version=\"" + version + "\"");   // the old version's series is gone
    }

    @Test
    @Order(6)
    void outboxAndDeliveriesAreMeasured() throws Exception {
        run("notify", "subscribe", Map.of(), "en-US");
        // a test message held by Discord: it waits in the outbox, and ages
        CountDownLatch release = new CountDownLatch(1);
        fake.holdChannelMessages(release);
        double sent = value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "sent"));
        int posts = posts();
        try {
            run("notify", "test", Map.of(), "en-US");
            fake.await(r -> posts() > posts, WAIT);
            await(() -> value(scrapeNow(), "resignations_outbox_oldest_age_seconds", Map.of()) > 0.2, "the row to age");
            assertThat(value(scrapeNow(), "resignations_outbox_waiting", Map.of())).isEqualTo(1.0);
        } finally {
            release.countDown();
            fake.holdChannelMessages(null);
        }
        await(() -> value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "sent")) == sent + 1, "sent");
        await(() -> value(scrapeNow(), "resignations_outbox_waiting", Map.of()) == 0, "the outbox to empty");
        assertThat(value(scrapeNow(), "resignations_outbox_oldest_age_seconds", Map.of())).isZero();

        // 502s (JDA tries a 5xx again a few times by itself before the delivery hears of it) are retried
        double retried = value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "retried"));
        for (int i = 0; i < 5; i++) {
            fake.failNext("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages", Canned.serverError());
        }
        run("notify", "test", Map.of(), "en-US");
        await(() -> value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "retried")) >= retried + 1, "retried");
        await(() -> value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "sent")) == sent + 2, "sent after retry");

        // a 429 is seen (JDA waits and sends again)
        double limited = value(scrapeNow(), "resignations_discord_rate_limited_total", Map.of("scope", "user"));
        fake.failNext("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages", Canned.rateLimited(0.3, false));
        run("notify", "test", Map.of(), "en-US");
        await(() -> value(scrapeNow(), "resignations_discord_rate_limited_total", Map.of("scope", "user")) == limited + 1,
                "a 429 counted");
        await(() -> value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "sent")) == sent + 3, "sent after 429");

        // a 403 disables the subscription
        double disabled = value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "disabled"));
        fake.failNext("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages", Canned.forbidden());
        run("notify", "test", Map.of(), "en-US");
        await(() -> value(scrapeNow(), "resignations_deliveries_total", Map.of("result", "disabled")) == disabled + 1,
                "disabled");
    }

    @Test
    @Order(7)
    void everyLogLineIsJsonAndNoneCarriesTheToken() throws Exception {
        String text = logText();
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSizeGreaterThan(5);
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.path("level").asText()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(event.path("loggerName").asText()).as(line).startsWith("");
            assertThat(event.has("formattedMessage")).as(line).isTrue();
            assertThat(event.path("timestamp").asLong()).as(line).isPositive();
        }
        assertThat(lines).anySatisfy(l -> assertThat(JSON.readTree(l).path("formattedMessage").asText())
                .startsWith("Dataset not reloaded"));
        assertThat(text).doesNotContain("ops-secret-token-value").doesNotContain("MTIzNDU2.c2VjcmV0");
    }

    @Test
    @Order(8)
    void theAlertRulesUseOnlyMetricsTheBotExports() throws Exception {
        String scrape = scrapeNow();
        AlertRules.check(Path.of("config", "alerts.yml"), scrape);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    static Recorded run(String command, String sub, Map<String, String> options, String locale) throws InterruptedException {
        ObjectNode i = fake.interaction(2, FakeDiscord.OWNER_ID, locale, fake.command(command, sub, options, null));
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    static String description(Recorded callback) {
        return callback.json().path("data").path("embeds").get(0).path("description").asText();
    }

    static int posts() {
        return (int) fake.requests().stream().filter(r -> r.is("POST", "/channels/\\d+/messages")).count();
    }

    /** Writes the dataset next to the file and renames it over, as editors' tools do. */
    static void replace(String content) throws IOException {
        Path tmp = dir.resolve("resignations.json.tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, dataset, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String scrapeNow() {
        HttpResponse<String> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages of the JSON log lines so far, one a line. */
    static String logMessages() {
        StringBuilder b = new StringBuilder();
        for (String line : logText().lines().toList()) {
            try {
                b.append(JSON.readTree(line).path("formattedMessage").asText()).append('\n');
            } catch (IOException e) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** A sample's value (NaN when absent): the first series of that name carrying every given label. */
    static double value(String scrape, String name, Map<String, String> labels) {
        for (PromText.Sample s : PromText.parse(scrape)) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())) {
                return s.value();
            }
        }
        return Double.NaN;
    }

    static String label(String scrape, String name, String label) {
        return PromText.parse(scrape).stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label))
                .findFirst().orElseThrow(() -> new AssertionError(name + " is not exported"));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + WAIT + " for " + what + "; the bot's log:\n" + tail(logText()));
            }
            if (bot != null && !bot.isAlive()) {
                throw new AssertionError("the bot exited (" + bot.exitValue() + ") waiting for " + what + ":\n" + tail(logText()));
            }
            Thread.sleep(100);
        }
    }

    static String tail(String s) {
        return s.length() < 6000 ? s : s.substring(s.length() - 6000);
    }
}
