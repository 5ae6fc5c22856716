package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/** On SQLite; {@link DeliveryOnPostgresTest} runs the same tests on PostgreSQL. */
class DeliveryTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    /** The database these tests run on. */
    Backend backend() {
        return Backend.SQLITE;
    }

    TestDatabases.Target db;

    static final long GUILD = 10;
    static final long ADMIN = 999;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        long now = 1_000_000;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    record Call(long channel, Card card, String nonce) {
    }

    /** Answers from a script per call, then 200; records every call. */
    static final class ScriptedSender implements ChannelSender {
        final Deque<Result> script = new ArrayDeque<>();
        final List<Call> calls = new ArrayList<>();
        long nextId = 5000;

        @Override
        public Result send(long channelId, Card card, String nonce) {
            calls.add(new Call(channelId, card, nonce));
            Result r = script.poll();
            return r != null ? r : new ChannelSender.Sent(nextId++);
        }
    }

    @TempDir
    Path dir;
    Store store;
    HandClock clock = new HandClock();
    ScriptedSender sender = new ScriptedSender();
    EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());
    Templates templates = Templates.bundled();

    @BeforeEach
    void open() {
        db = DBS.target(backend(), dir);
        store = db.open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    Delivery delivery() {
        return new Delivery(store.outbox(), sender, templates, codec, g -> store.language(g).orElse(Lang.EN), Optional.of(ADMIN),
                clock, new Random(1), new Delivery.Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10)));
    }

    /** Baseline without one entry, two subscriptions, then the entry arrives: two rows queued. */
    void newEntryFor(long... channels) {
        ChangeDetector d = new ChangeDetector(store.entries(), codec, clock);
        d.apply(Datasets.load(Datasets.without("andrew-miller")));
        for (long c : channels) {
            store.subscribe(GUILD, c, true, 1, clock.millis());
        }
        d.apply(Datasets.load(Datasets.bundled()));
    }

    @Test
    void sendsOncePerChannelOldestFirstInTheServersLanguage() {
        store.setLanguage(GUILD, Lang.AR, 0);
        newEntryFor(100, 101);
        assertThat(delivery().drainAll()).isEqualTo(2);
        assertThat(sender.calls).extracting(Call::channel).containsExactly(100L, 101L);
        assertThat(sender.calls.get(0).card().title()).isEqualTo("إدخال جديد: أندرو ميلر");
        assertThat(delivery().drainAll()).isZero();
        assertThat(sender.calls).hasSize(2);
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 2);
    }

    /** A row this release cannot read (a hand-edited file) is set aside; the rows after it still go out. */
    @Test
    void anUnreadableRowIsSetAsideAndTheRestIsSent() throws Exception {
        try (var c = db.raw(); var st = c.createStatement()) {
            st.execute("INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, nonce, "
                    + "next_attempt_at, created_at, updated_at) VALUES (1, NULL, 100, 10, 'LATER', NULL, 'PENDING', 0, 'n', 0, 0, 0)");
            st.execute("INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, nonce, "
                    + "next_attempt_at, created_at, updated_at) VALUES (2, NULL, 100, 10, 'ADDED', 'many', 'PENDING', 0, 'm', 0, 0, 0)");
            if (backend() == Backend.POSTGRESQL) {
                st.execute("SELECT setval('outbox_id_seq', 2)");   // a hand edit bypasses the sequence; the bot's own rows follow
            }
        }
        store.queueTest(100, GUILD, clock.millis());
        assertThat(delivery().drainAll()).isEqualTo(1);
        assertThat(sender.calls).hasSize(1);
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.FAILED, 2).containsEntry(Outbox.State.DELIVERED, 1);
    }

    @Test
    void aRateLimitWaitsForRetryAfterThenSendsWithTheSameNonce() {
        newEntryFor(100);
        sender.script.add(new ChannelSender.RateLimited(Duration.ofMillis(1500), false));
        Delivery d = delivery();
        assertThat(d.drainOnce(10)).isEqualTo(1500);
        assertThat(d.drainOnce(10)).isZero();          // not due yet: nothing sent
        assertThat(sender.calls).hasSize(1);
        clock.now += 1500;
        d.drainOnce(10);
        assertThat(sender.calls).hasSize(2);
        assertThat(sender.calls.get(1).nonce()).isEqualTo(sender.calls.get(0).nonce());
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 1);
    }

    @Test
    void a500BacksOffThenA200Delivers() {
        newEntryFor(100);
        sender.script.add(new ChannelSender.Transient("500 Internal Server Error"));
        Delivery d = delivery();
        d.drainOnce(10);
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.PENDING, 1);
        long due = store.nextDue().orElseThrow();
        assertThat(due - clock.millis()).isBetween(1_000L, 2_000L);   // 2 s base, jitter on the upper half
        clock.now = due;
        d.drainOnce(10);
        assertThat(sender.calls).hasSize(2);
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 1);
    }

    /** A day-long outage of one channel: retried at most every 10 minutes, never given up; the admins hear once, and once at the end. */
    @Test
    void neverGivesUpAndTellsTheAdminsOnceWhenAChannelFailsForLongAndOnceWhenItRecovers() {
        newEntryFor(100);
        boolean[] down = {true};
        int[] failures = {0};
        ChannelSender outage = (channel, card, nonce) -> {
            if (channel == 100 && down[0]) {
                failures[0]++;
                return new ChannelSender.Transient("503 Service Unavailable");
            }
            return sender.send(channel, card, nonce);
        };
        Delivery d = new Delivery(store.outbox(), outage, templates, codec, g -> Lang.EN, Optional.of(ADMIN), clock, new Random(1),
                new Delivery.Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10)));
        long start = clock.millis();
        while (clock.millis() - start < Duration.ofHours(24).toMillis()) {
            d.drainOnce(10);
            long wait = store.nextDue().orElseThrow() - clock.millis();
            assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
            clock.now += Math.max(wait, 0);
        }
        assertThat(failures[0]).isGreaterThan(100);   // far past the 15 attempts of before
        assertThat(store.outboxCounts()).doesNotContainKey(Outbox.State.FAILED).containsEntry(Outbox.State.PENDING, 1);
        assertThat(sender.calls).extracting(Call::channel).containsExactly(ADMIN);   // told once, after an hour
        assertThat(sender.calls.get(0).card().description()).contains("<#100>").contains("failed for 6").contains("Nothing is lost");
        down[0] = false;
        clock.now = store.nextDue().orElseThrow();
        d.drainAll();
        assertThat(sender.calls).extracting(Call::channel).containsExactly(ADMIN, 100L, ADMIN);
        assertThat(sender.calls.get(2).card().description()).contains("<#100>").contains("go through again");
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 3).doesNotContainKey(Outbox.State.PENDING);
    }

    @Test
    void rowsAnEarlierReleaseGaveUpOnAreRetriedAfterTheUpgradeIfTheChannelIsStillSubscribed(@TempDir Path old) throws Exception {
        assumeTrue(backend() == Backend.SQLITE, "a SQLite data directory of an earlier release");
        // a data directory of the release before (schema version 2) with rows it marked FAILED
        String url = "jdbc:sqlite:" + old.resolve(Store.FILE).toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common")
                .target("2").load().migrate();
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("INSERT INTO subscriptions VALUES (100, 10, TRUE, TRUE, NULL, 1, 0, 0)");
            st.execute("INSERT INTO subscriptions VALUES (101, 10, TRUE, FALSE, 'missing access (403)', 1, 0, 0)");
            st.execute("INSERT INTO subscriptions VALUES (102, 10, TRUE, TRUE, NULL, 1, 0, 0)");   // refused once, subscribed again since
            st.execute("INSERT INTO events VALUES (1, 'NEW', 'a', 'v', NULL, '{}', 0)");
            st.execute("INSERT INTO outbox VALUES (1, 1, 100, 10, 'EVENT', NULL, 'FAILED', 15, 'x', 'n1', 0, '503', NULL, 0, 0)");
            st.execute("INSERT INTO outbox VALUES (2, 1, 101, 10, 'EVENT', NULL, 'FAILED', 15, 'x', 'n2', 0, '503', NULL, 0, 0)");
            st.execute("INSERT INTO outbox VALUES (3, 1, 102, 10, 'EVENT', NULL, 'FAILED', 1, 'x', 'n3', 0, "
                    + "'missing access (403)', NULL, 0, 0)");
        }
        try (Store upgraded = Store.open(old)) {
            List<Outbox.Claimed> due = upgraded.claimDue(clock.millis(), 10);
            assertThat(due).extracting(Outbox.Claimed::channelId).containsExactly(100L);
            assertThat(due.get(0).nonce()).isEqualTo("n1");   // the same nonce: a message that got through is not posted twice
            assertThat(upgraded.outboxCounts()).containsEntry(Outbox.State.FAILED, 2);
        }
    }

    @Test
    void a403DisablesTheSubscriptionAndTellsTheAdminChannel() {
        newEntryFor(100, 101);
        sender.script.add(new ChannelSender.Gone(403, "Missing Access"));
        Delivery d = delivery();
        d.drainAll();
        assertThat(store.subscription(100).orElseThrow().active()).isFalse();
        assertThat(store.subscription(100).orElseThrow().disabledReason()).contains("missing access (403)");
        assertThat(store.subscription(101).orElseThrow().active()).isTrue();
        assertThat(sender.calls).extracting(Call::channel).containsExactly(100L, 101L, ADMIN);
        assertThat(sender.calls.get(2).card().description()).contains("<#100>").contains("missing access (403)");
        // later entries are not queued for the disabled channel
        new ChangeDetector(store.entries(), codec, clock).apply(Datasets.load(Datasets.changed("andrew-miller", Datasets.title("X", "س"))));
        d.drainAll();
        assertThat(sender.calls).extracting(Call::channel).containsExactly(100L, 101L, ADMIN, 101L);
    }

    @Test
    void rowsLeftSendingByACrashAreSentAgainWithTheirNonceAfterRestart() {
        newEntryFor(100, 101);
        // the previous process claimed both and died before settling them
        List<Outbox.Claimed> claimed = store.claimDue(clock.millis(), 10);
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.SENDING, 2);
        store.close();
        store = db.open();
        Delivery d = delivery();
        assertThat(store.recoverInFlight(clock.millis())).isEqualTo(2);
        d.drainAll();
        assertThat(sender.calls).extracting(Call::nonce).containsExactly(claimed.get(0).nonce(), claimed.get(1).nonce());
        assertThat(store.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 2);
    }

    @Test
    void aLateAnswerFromAnOldAttemptCannotSettleANewOne() {
        newEntryFor(100);
        Outbox.Claimed first = store.claimDue(clock.millis(), 1).get(0);
        store.recoverInFlight(clock.millis());
        Outbox.Claimed second = store.claimDue(clock.millis(), 1).get(0);
        assertThat(store.delivered(first.id(), first.attemptId(), 1, clock.millis())).isFalse();
        assertThat(store.delivered(second.id(), second.attemptId(), 1, clock.millis())).isTrue();
        assertThat(second.attempts()).isEqualTo(2);
    }
}
