package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * Two {@code run} processes, shards 0 and 1 of 2, on one PostgreSQL database, against a fake
 * Discord with a server on each shard and channels subscribed in both. A new entry gives exactly one
 * message per channel, even when the process of shard 1 is killed (SIGKILL) in the middle of its
 * fan-out and started again; and the bot never posts more than 50 messages in any one second.
 */
class FleetEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final int CHANNELS = 100;   // per server: at a process's share (22 a second) a fan-out of about 4.5 s
    static final long ON_0 = FakeDiscord.guildOnShard(0, 2, 7);
    static final long ON_1 = FakeDiscord.guildOnShard(1, 2, 7);

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    static List<Long> channels(long base) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            out.add(base + i);
        }
        return out;
    }

    Process start(FakeDiscord fake, TestDatabases.Target db, Path dir, Path dataset, int shard, String name) throws Exception {
        return TestBots.fleetMember(fake, db.url(), dir, dataset, shard, dir.resolve(name + ".log"), ON_0, ON_1).start();
    }

    static int created(FakeDiscord fake, List<Long> channels) {
        return channels.stream().mapToInt(c -> fake.createdMessages(c).size()).sum();
    }

    @Test
    void aNewEntryReachesEveryChannelOnceAcrossTwoProcessesAndAKill(@TempDir Path dir) throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        List<Long> zero = channels(910000000000000000L);
        List<Long> one = channels(920000000000000000L);
        // the subscriptions, written as /notify subscribe would (one more of each is made through Discord below)
        try (Store store = db.open()) {
            zero.subList(1, CHANNELS).forEach(c -> store.subscribe(ON_0, c, true, FakeDiscord.OWNER_ID, 0));
            one.subList(1, CHANNELS).forEach(c -> store.subscribe(ON_1, c, true, FakeDiscord.OWNER_ID, 0));
        }
        Path dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.without("andrew-miller")));
        try (FakeDiscord fake = FakeDiscord.start()) {
            Map<Long, List<Long>> guilds = new LinkedHashMap<>();
            guilds.put(ON_0, zero);
            guilds.put(ON_1, one);
            fake.setGuilds(guilds);
            fake.limitChannelMessages(50);   // Discord's global limit: beyond it, 429s (counted)
            List<Process> running = new ArrayList<>();
            try {
                running.add(start(fake, db, dir, dataset, 0, "zero"));
                running.add(start(fake, db, dir, dataset, 1, "one"));
                // each process registers the commands in the server of its own shard
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_0 + "/commands"), WAIT);
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_1 + "/commands"), WAIT);
                for (Map.Entry<Long, List<Long>> g : guilds.entrySet()) {
                    ObjectNode i = fake.interaction(g.getKey(), g.getValue().get(0), 2, FakeDiscord.OWNER_ID, "en-US",
                            fake.command("notify", "subscribe", Map.of(), null));
                    fake.interact(i);
                    assertThat(fake.awaitCallback(i.get("id").asLong(), WAIT).json().path("data").path("embeds").get(0)
                            .path("description").asText()).contains("<#" + g.getValue().get(0) + ">");
                }
                assertThat(fake.identifiedShards()).isEqualTo(Map.of(0, 1, 1, 1));

                // a new entry: both processes see the file change; one event, one message per channel
                Path tmp = dir.resolve("resignations.json.tmp");
                Files.write(tmp, Datasets.bytes(Datasets.bundled()));
                Files.move(tmp, dataset, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

                // shard 1's process is killed in the middle of its fan-out
                await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> created(fake, one) >= 30);
                Process killed = running.get(1);
                killed.destroyForcibly();
                assertThat(killed.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(created(fake, one)).isLessThan(CHANNELS);
                running.set(1, start(fake, db, dir, dataset, 1, "one-again"));

                await().atMost(WAIT).until(() -> created(fake, zero) == CHANNELS && created(fake, one) == CHANNELS);
                // nothing more follows: a test message asked for now, in each server, comes after every older row
                for (Map.Entry<Long, List<Long>> g : guilds.entrySet()) {
                    long channel = g.getValue().get(0);
                    ObjectNode t = fake.interaction(g.getKey(), channel, 2, FakeDiscord.OWNER_ID, "en-US",
                            fake.command("notify", "test", Map.of(), null));
                    fake.interact(t);
                    fake.awaitCallback(t.get("id").asLong(), WAIT);
                    await().atMost(WAIT).until(() -> fake.createdMessages(channel).size() == 2);
                }
                for (long c : zero) {
                    assertThat(fake.createdMessages(c)).as("channel %d", c).hasSize(c == zero.get(0) ? 2 : 1);
                }
                for (long c : one) {
                    assertThat(fake.createdMessages(c)).as("channel %d", c).hasSize(c == one.get(0) ? 2 : 1);
                }
                assertThat(fake.createdMessages(one.get(1)).get(0).path("embeds").get(0).path("title").asText())
                        .contains("Andrew Miller");
                assertThat(fake.peakMessagesPerSecond()).isLessThanOrEqualTo(50);
                assertThat(fake.rateLimitedCount()).isZero();
                String again = Files.readString(dir.resolve("one-again.log"));
                assertThat(again).contains("Joined the fleet as 'shards 1 of 2'");
                // the rows the killed process had claimed were taken back at once by its restart, same nonce
                assertThat(again).contains("sent again (same nonce)");
            } finally {
                TestBots.stop(running);
            }
        }
    }
}
