package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;

/**
 * {@code resignation-bot run} as a separate process, configured only through the environment
 * (as in production), against the fake Discord: it registers, answers, and on SIGTERM finishes
 * and disconnects. The token never appears in what it prints.
 */
class RunCommandEndToEndTest {

    static final String TOKEN = "MTIzNDU2.c2VjcmV0.secret-token-value";

    @Test
    void runServesFromTheEnvironmentAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path dataset = dir.resolve("dataset.json");
        try (var in = getClass().getResourceAsStream("/discord/dataset.json")) {
            Files.copy(in, dataset);
        }
        Path log = dir.resolve("bot.log");
        try (FakeDiscord fake = FakeDiscord.start()) {
            ProcessBuilder pb = TestBots.process(fake, dir, TOKEN, log);
            Map<String, String> env = pb.environment();
            env.put("BOT_DEFAULT_LANGUAGE", "ar");
            env.put("BOT_DATASET", dataset.toString());
            Process p = pb.start();
            try {
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/\\d+/commands"), Duration.ofSeconds(30));
                assertThat(fake.requests().get(0).header("Authorization")).isEqualTo("Bot " + TOKEN);

                ObjectNode i = fake.interaction(2, FakeDiscord.REPORTER_ID, "tlh",
                        fake.command("resignations", "who", Map.of("name", "Josh Paul"), null));
                fake.interact(i);
                Recorded r = fake.awaitCallback(i.get("id").asLong(), Duration.ofSeconds(10));
                // a locale Discord does not know says nothing: the configured default language decides
                assertThat(r.message().path("embeds").get(0).path("title").asText()).startsWith("جوش بول");

                p.destroy();   // SIGTERM
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(printed).contains("Registered 5 command(s) in server").contains("Disconnected from Discord")
                    .doesNotContain(TOKEN).doesNotContain("secret-token");
            assertThat(p.exitValue()).isIn(0, 143);
        }
    }

}
