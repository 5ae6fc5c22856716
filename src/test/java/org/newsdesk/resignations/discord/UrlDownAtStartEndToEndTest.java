package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.discord.fake.FakeDiscord;

/**
 * {@code resignation-bot run} as a separate process with a dataset URL that answers 500 at
 * start-up: the bot starts all the same (on the bundled dataset) and says so in one sentence,
 * then serves the URL's dataset once it answers, at the next poll.
 */
class UrlDownAtStartEndToEndTest {

    static final String TOKEN = "MTIzNDU2.c2VjcmV0.secret-token-value";

    @Test
    void theBotStartsOnTheBundledDatasetAndPicksUpTheUrlWhenItAnswers(@TempDir Path dir) throws Exception {
        byte[] dataset;
        try (InputStream in = getClass().getResourceAsStream("/discord/dataset.json")) {
            dataset = in.readAllBytes();
        }
        AtomicInteger status = new AtomicInteger(500);
        AtomicInteger asked = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data.json", ex -> {
            asked.incrementAndGet();
            if (status.get() != 200) {
                ex.sendResponseHeaders(status.get(), -1);
            } else {
                ex.sendResponseHeaders(200, dataset.length);
                ex.getResponseBody().write(dataset);
            }
            ex.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data.json";
        Path log = dir.resolve("bot.log");
        try (FakeDiscord fake = FakeDiscord.start()) {
            ProcessBuilder pb = TestBots.process(fake, dir, TOKEN, log);
            Map<String, String> env = pb.environment();
            env.put("BOT_DATASET_URL", url);
            env.put("BOT_DATASET_ALLOW_PRIVATE_HOSTS", "true");
            env.put("BOT_DATASET_POLL_SECONDS", "10");
            env.put("BOT_DATASET_FETCH_TIMEOUT_SECONDS", "5");
            Process p = pb.start();
            try {
                // it starts: the commands are registered although the URL answered 500
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/\\d+/commands"), Duration.ofSeconds(60));
                assertThat(p.isAlive()).isTrue();
                assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("The dataset URL " + url
                        + " answered 500 Internal Server Error; the bot starts with version");
                status.set(200);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> Files.readString(log, StandardCharsets.UTF_8).contains("Dataset reloaded: version"));
                assertThat(asked.get()).isGreaterThanOrEqualTo(2);
                p.destroy();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
                server.stop(0);
            }
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("secret-token")
                    .doesNotContain("failed (null)");
        }
    }
}
