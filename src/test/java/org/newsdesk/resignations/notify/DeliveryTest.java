package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Store;

class DeliveryTest {

    static final long GUILD = 10;
    static final long ADMIN = 999;

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        long now = 1_000_000;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
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
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    Delivery delivery() {
        return new Delivery(store, sender, templates, codec, g -> store.language(g).orElse(Lang.EN), Optional.of(ADMIN),
                clock, new Random(1), new Delivery.Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 5));
    }

    /** Baseline without one entry, two subscriptions, then the entry arrives: two rows queued. */
    void newEntryFor(long... channels) {
        ChangeDetector d = new ChangeDetector(store, codec, clock);
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
        assertThat(store.outboxCounts()).containsEntry(Store.State.DELIVERED, 2);
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
        assertThat(store.outboxCounts()).containsEntry(Store.State.DELIVERED, 1);
    }

    @Test
    void a500BacksOffThenA200Delivers() {
        newEntryFor(100);
        sender.script.add(new ChannelSender.Transient("500 Internal Server Error"));
        Delivery d = delivery();
        d.drainOnce(10);
        assertThat(store.outboxCounts()).containsEntry(Store.State.PENDING, 1);
        long due = store.nextDue().orElseThrow();
        assertThat(due - clock.millis()).isBetween(1_000L, 2_000L);   // 2 s base, jitter on the upper half
        clock.now = due;
        d.drainOnce(10);
        assertThat(sender.calls).hasSize(2);
        assertThat(store.outboxCounts()).containsEntry(Store.State.DELIVERED, 1);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        newEntryFor(100);
        for (int i = 0; i < 5; i++) {
            sender.script.add(new ChannelSender.Transient("503"));
        }
        Delivery d = delivery();
        for (int i = 0; i < 5; i++) {
            d.drainOnce(10);
            clock.now += 3_600_000;
        }
        assertThat(sender.calls).hasSize(5);
        assertThat(store.outboxCounts()).containsEntry(Store.State.FAILED, 1);
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
        new ChangeDetector(store, codec, clock).apply(Datasets.load(Datasets.changed("andrew-miller", Datasets.title("X", "س"))));
        d.drainAll();
        assertThat(sender.calls).extracting(Call::channel).containsExactly(100L, 101L, ADMIN, 101L);
    }

    @Test
    void rowsLeftSendingByACrashAreSentAgainWithTheirNonceAfterRestart() {
        newEntryFor(100, 101);
        // the previous process claimed both and died before settling them
        List<Store.Delivery> claimed = store.claimDue(clock.millis(), 10);
        assertThat(store.outboxCounts()).containsEntry(Store.State.SENDING, 2);
        store.close();
        store = Store.open(dir);
        Delivery d = delivery();
        assertThat(store.recoverInFlight(clock.millis())).isEqualTo(2);
        d.drainAll();
        assertThat(sender.calls).extracting(Call::nonce).containsExactly(claimed.get(0).nonce(), claimed.get(1).nonce());
        assertThat(store.outboxCounts()).containsEntry(Store.State.DELIVERED, 2);
    }

    @Test
    void aLateAnswerFromAnOldAttemptCannotSettleANewOne() {
        newEntryFor(100);
        Store.Delivery first = store.claimDue(clock.millis(), 1).get(0);
        store.recoverInFlight(clock.millis());
        Store.Delivery second = store.claimDue(clock.millis(), 1).get(0);
        assertThat(store.delivered(first.id(), first.attemptId(), 1, clock.millis())).isFalse();
        assertThat(store.delivered(second.id(), second.attemptId(), 1, clock.millis())).isTrue();
        assertThat(second.attempts()).isEqualTo(2);
    }
}
