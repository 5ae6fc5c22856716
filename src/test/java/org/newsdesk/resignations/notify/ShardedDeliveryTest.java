package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * Two processes of a fleet on one PostgreSQL database, shards 0 and 1 of 2: each delivers to the
 * channels of its own shards' servers only (shard 0 also the admin notes), every channel once; the
 * rows a killed process had claimed are taken back by its restart (same name) with their nonce.
 */
class ShardedDeliveryTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    static final long ADMIN = 999;
    final Clock clock = Clock.systemUTC();
    final Templates templates = Templates.bundled();
    final EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());

    /** A server on shard {@code shard} of 2: Discord's formula, (id >> 22) % 2. */
    static long guild(int shard, int n) {
        return ((1_000_000L + 2L * n + shard) << 22) | n;
    }

    record Post(long channel, String nonce) {
    }

    static final class Recording implements ChannelSender {
        final List<Post> sent = new CopyOnWriteArrayList<>();

        @Override
        public Result send(long channelId, Card card, String nonce) {
            sent.add(new Post(channelId, nonce));
            return new ChannelSender.Sent(sent.size());
        }
    }

    Delivery delivery(Store store, ChannelSender sender, int shard) {
        return new Delivery(store.outbox(), sender, templates, codec, g -> Lang.EN, Optional.of(ADMIN), clock, new Random(1),
                new Delivery.Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), Delivery.Backoff.DEFAULT_REPORT_AFTER, 10_000),
                new Outbox.Shards(2, Set.of(shard), shard == 0));
    }

    @Test
    void eachProcessSendsToItsOwnShardsChannelsOnceAndShardZeroTheAdminNotes(@TempDir Path dir) throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        Map<Long, Integer> shardOf = new ConcurrentHashMap<>();
        try (Store a = db.open("shards 0 of 2", Duration.ofMinutes(5)); Store b = db.open("shards 1 of 2", Duration.ofMinutes(5))) {
            for (int n = 0; n < 20; n++) {
                int shard = n % 2;
                long channel = 5_000 + n;
                a.queueTest(channel, guild(shard, n), clock.millis());
                shardOf.put(channel, shard);
            }
            a.queueNote(ADMIN, "a note", clock.millis());
            Recording zero = new Recording();
            Recording one = new Recording();
            Delivery d0 = delivery(a, zero, 0);
            Delivery d1 = delivery(b, one, 1);
            List<Thread> both = new ArrayList<>(List.of(new Thread(d0::drainAll), new Thread(d1::drainAll)));
            both.forEach(Thread::start);
            for (Thread t : both) {
                t.join(30_000);
            }
            assertThat(zero.sent).extracting(Post::channel).filteredOn(c -> c != ADMIN).allMatch(c -> shardOf.get(c) == 0).hasSize(10);
            assertThat(one.sent).extracting(Post::channel).allMatch(c -> c != ADMIN && shardOf.get(c) == 1).hasSize(10);
            assertThat(zero.sent).extracting(Post::channel).contains(ADMIN);
            assertThat(a.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 21).doesNotContainKey(Outbox.State.PENDING);
        }
    }

    /** The most of {@code times} (System.nanoTime) within any one second. */
    static int peak(List<Long> times) {
        List<Long> t = new ArrayList<>(times);
        t.sort(null);
        int peak = 0;
        for (int i = 0, from = 0; i < t.size(); i++) {
            while (t.get(i) - t.get(from) >= 1_000_000_000L) {
                from++;
            }
            peak = Math.max(peak, i - from + 1);
        }
        return peak;
    }

    /**
     * Discord's global limit is per bot token: two processes sending at once stay under it (50 a
     * second) together, each at its share by shard of the standard pace (45). The sender answers at once,
     * so the pace is the only thing that holds them back.
     */
    @Test
    void twoProcessesTogetherKeepToTheBotsRate(@TempDir Path dir) throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        List<Long> times = new CopyOnWriteArrayList<>();
        ChannelSender timed = (channel, card, nonce) -> {
            times.add(System.nanoTime());
            return new ChannelSender.Sent(times.size());
        };
        int perShard = 120;
        try (Notifier a = new Notifier(db.open("shards 0 of 2", Duration.ofMinutes(5)), templates, codec, Lang.EN, Optional.empty(), clock);
             Notifier b = new Notifier(db.open("shards 1 of 2", Duration.ofMinutes(5)), templates, codec, Lang.EN, Optional.empty(), clock)) {
            for (int n = 0; n < 2 * perShard; n++) {
                a.store().queueTest(8_000 + n, guild(n % 2, n), clock.millis());
            }
            a.startDelivery(timed, 2, Set.of(0), false);
            b.startDelivery(timed, 2, Set.of(1), false);
            await().atMost(Duration.ofSeconds(60)).until(() -> times.size() == 2 * perShard);
        }
        // each process's pace lets one more than its share into a one-second window (22 + 1 twice): under Discord's 50
        assertThat(peak(times)).isLessThanOrEqualTo(50);
    }

    @Test
    void theRowsAKilledProcessHeldAreSentByItsRestartWithTheirNonce(@TempDir Path dir) throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        List<Outbox.Claimed> held;
        try (Store killed = db.open("shards 1 of 2", Duration.ofMinutes(5))) {
            killed.queueTest(7_001, guild(1, 1), clock.millis());
            killed.queueTest(7_002, guild(1, 2), clock.millis());
            // claimed (SENDING, under a five-minute lease), then the process dies before it hears back
            held = killed.outbox().claimDue(new Outbox.Shards(2, Set.of(1), false), clock.millis(), 10);
            assertThat(held).hasSize(2);
        }
        try (Store other = db.open("shards 0 of 2", Duration.ofMinutes(5));
             Store restarted = db.open("shards 1 of 2", Duration.ofMinutes(5))) {
            Recording zero = new Recording();
            delivery(other, zero, 0).drainAll();
            assertThat(zero.sent).isEmpty();   // the other shard's process does not take them
            Recording one = new Recording();
            try (Delivery d = delivery(restarted, one, 1)) {
                d.start();   // takes back its own in-flight rows at once, not after the lease
                await().atMost(Duration.ofSeconds(30)).until(() -> one.sent.size() == 2);
            }
            assertThat(one.sent).extracting(Post::nonce).containsExactlyInAnyOrderElementsOf(held.stream().map(Outbox.Claimed::nonce).toList());
            assertThat(restarted.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 2);
        }
    }
}
