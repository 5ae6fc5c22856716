package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.sourcing.Datasets;

/**
 * The bot as a process, killed (SIGKILL) while a notification is on its way: Discord has created
 * the message but the bot never heard back. The next process sends it again with the same nonce
 * and Discord (the fake, like the real one within its dedupe window) returns the message already
 * created: the channel sees it once.
 */
class NotifyKillEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    Process start(FakeDiscord fake, Path dir, Path dataset, String name) throws Exception {
        return TestBots.process(fake, dir, "ZmFrZQ.ZmFrZQ.fake-token", dir.resolve(name + ".log"),
                "--data-dir", dir.resolve("data").toString(), "--dataset", dataset.toString()).start();
    }

    List<Recorded> posts(FakeDiscord fake) {
        return fake.requests().stream().filter(r -> r.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages")).toList();
    }

    @Test
    void killedBetweenSendingAndHearingBackTheChannelStillSeesOneMessage(@TempDir Path dir) throws Exception {
        Path dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.without("andrew-miller")));
        CountDownLatch release = new CountDownLatch(1);
        try (FakeDiscord fake = FakeDiscord.start()) {
            Process first = start(fake, dir, dataset, "first");
            try {
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/\\d+/commands"), WAIT);
                ObjectNode i = fake.interaction(2, FakeDiscord.OWNER_ID, "en-US", fake.command("notify", "subscribe", Map.of(), null));
                fake.interact(i);
                fake.awaitCallback(i.get("id").asLong(), WAIT);

                fake.holdChannelMessages(release);
                Path tmp = dir.resolve("resignations.json.tmp");
                Files.write(tmp, Datasets.bytes(Datasets.bundled()));
                Files.move(tmp, dataset, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                // the message reached Discord (held there, unanswered): the row was claimed before it was sent
                fake.await(r -> posts(fake).size() == 1, WAIT);
            } finally {
                first.destroyForcibly();     // SIGKILL: no shutdown hook, the row stays SENDING
                assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            fake.holdChannelMessages(null);
            Process second = start(fake, dir, dataset, "second");
            try {
                fake.await(r -> posts(fake).size() == 2, WAIT);
                // nothing more follows: a test message asked for now is the next post the channel gets
                ObjectNode test = fake.interaction(2, FakeDiscord.OWNER_ID, "en-US", fake.command("notify", "test", Map.of(), null));
                fake.interact(test);
                fake.awaitCallback(test.get("id").asLong(), WAIT);
                fake.await(r -> posts(fake).size() == 3, WAIT);
                List<Recorded> posts = posts(fake);
                assertThat(posts).hasSize(3);
                assertThat(posts.get(2).json().path("embeds").get(0).path("title").asText()).isEqualTo("Test message");
                assertThat(posts.get(1).json().path("nonce").asText()).isEqualTo(posts.get(0).json().path("nonce").asText());
                // the fake records a post before it creates its message: wait for the last one to be made
                await().atMost(WAIT).until(() -> fake.createdMessages(FakeDiscord.CHANNEL_ID).size() >= 2);
                assertThat(fake.createdMessages(FakeDiscord.CHANNEL_ID)).hasSize(2);   // the entry once, and the test
                assertThat(Files.readString(dir.resolve("second.log"))).contains("sent again (same nonce)");
            } finally {
                release.countDown();
                second.destroy();
                second.waitFor(20, TimeUnit.SECONDS);
                second.destroyForcibly();
            }
        }
    }
}
