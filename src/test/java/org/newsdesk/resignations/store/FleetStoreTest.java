package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsdesk.resignations.store.AtOnce.atOnce;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several processes on one database: two {@link Store}s (two pools, as two processes would have)
 * record and claim at the same moment (a barrier releases both). The guarantees come from unique
 * keys and conditional writes, so they hold however the two interleave.
 */
class FleetStoreTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    private static final int ROUNDS = 8;

    @TempDir
    Path dir;

    private static String json(String id, int rev) {
        return "{\"id\":\"" + id + "\",\"rev\":" + rev + "}";
    }

    /**
     * Two processes see the same dataset change (each compared the dataset with the ledger as it
     * was) and record it at the same moment: one event per change, one outbox row per event and
     * channel. Round by round: a new entry, its correction, its removal.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aChangeRecordedByTwoProcessesAtOnceIsOneEventAndOneSetOfOutboxRows(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", Outbox.DEFAULT_LEASE); Store b = db.open("b", Outbox.DEFAULT_LEASE)) {
            a.subscribe(1, 100, true, 7, 1);
            a.subscribe(2, 200, true, 7, 1);
            a.record("v0", true, List.of(), List.of(), 1);
            long expectedEvents = 0;
            for (int r = 0; r < ROUNDS; r++) {
                int round = r;
                String id = "e" + round;
                Ledger.Changes add = new Ledger.Changes(List.of(new Ledger.LedgerRow(id, "h1", json(id, 1))), List.of(), List.of(),
                        List.of(), List.of(new Ledger.NewEvent(EventKind.NEW, id, Optional.empty(), json(id, 1))), 0);
                List<Integer> queued = atOnce(() -> a.record("n" + round, false, add, 2), () -> b.record("n" + round, false, add, 2));
                assertThat(queued).containsExactlyInAnyOrder(2, 0);
                Ledger.Changes fix = new Ledger.Changes(List.of(new Ledger.LedgerRow(id, "h2", json(id, 2))), List.of(), List.of(),
                        List.of(), List.of(new Ledger.NewEvent(EventKind.CORRECTION, id, Optional.of(json(id, 1)), json(id, 2))), 0);
                queued = atOnce(() -> a.record("c" + round, false, fix, 3), () -> b.record("c" + round, false, fix, 3));
                assertThat(queued).containsExactlyInAnyOrder(2, 0);
                Ledger.Changes gone = new Ledger.Changes(List.of(), List.of(id), List.of(), List.of(),
                        List.of(new Ledger.NewEvent(EventKind.REMOVED, id, Optional.of(json(id, 2)), json(id, 2))), 0);
                queued = atOnce(() -> a.record("r" + round, false, gone, 4), () -> b.record("r" + round, false, gone, 4));
                assertThat(queued).containsExactlyInAnyOrder(2, 0);
                expectedEvents += 3;
                assertThat(a.eventCount()).isEqualTo(expectedEvents);
            }
            assertThat(b.outboxCounts()).containsExactly(Map.entry(Outbox.State.PENDING, (int) expectedEvents * 2));
            assertThat(a.ledger()).isEmpty();
        }
    }

    /** Many new entries at once, summarised by both: one summary per channel, counting them once. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSummaryRecordedByTwoProcessesAtOnceIsQueuedOnce(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", Outbox.DEFAULT_LEASE); Store b = db.open("b", Outbox.DEFAULT_LEASE)) {
            a.subscribe(1, 100, true, 7, 1);
            a.record("v0", true, List.of(), List.of(), 1);
            List<Ledger.LedgerRow> rows = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                rows.add(new Ledger.LedgerRow("s" + i, "h", json("s" + i, 1)));
            }
            Ledger.Changes many = new Ledger.Changes(rows, List.of(), List.of(), List.of(), List.of(), rows.size());
            List<Integer> queued = atOnce(() -> a.record("v1", false, many, 2), () -> b.record("v1", false, many, 2));
            assertThat(queued).containsExactlyInAnyOrder(1, 0);
            List<Outbox.Claimed> claimed = a.claimDue(10, 10);
            assertThat(claimed).extracting(Outbox.Claimed::message).containsExactly(new Outbox.Added(20));
        }
    }

    /**
     * Two processes start at once on an empty database: one baseline. With the same dataset both
     * succeed and one version row is written; with different ones the second is told to compare
     * again (CONFLICT) and writes nothing.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void twoProcessesStartingAtOnceOnAnEmptyDatabaseMakeOneBaseline(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        List<Ledger.LedgerRow> v1 = List.of(new Ledger.LedgerRow("x", "h1", json("x", 1)));
        List<Ledger.LedgerRow> v2 = List.of(new Ledger.LedgerRow("x", "h2", json("x", 2)), new Ledger.LedgerRow("y", "h", json("y", 1)));
        try (Store a = db.open("a", Outbox.DEFAULT_LEASE); Store b = db.open("b", Outbox.DEFAULT_LEASE)) {
            List<Integer> same = atOnce(() -> a.record("v1", true, v1, List.of(), 1), () -> b.record("v1", true, v1, List.of(), 1));
            assertThat(same).containsExactly(0, 0);
            assertThat(baselines(db)).isEqualTo(1);
        }
        TestDatabases.Target other = DBS.target(backend, dir.resolve("other"));
        try (Store a = other.open("a", Outbox.DEFAULT_LEASE); Store b = other.open("b", Outbox.DEFAULT_LEASE)) {
            List<Object> outcomes = atOnce(() -> outcome(() -> a.record("v1", true, v1, List.of(), 1)),
                    () -> outcome(() -> b.record("v2", true, v2, List.of(), 1)));
            assertThat(outcomes).containsExactlyInAnyOrder(0, StoreException.Kind.CONFLICT);
            assertThat(baselines(other)).isEqualTo(1);
            // the loser wrote nothing of its own: the ledger is the winner's
            Set<String> ledger = a.ledger().keySet();
            assertThat(ledger).isIn(Set.of("x"), Set.of("x", "y"));
            assertThat(a.ledger().get("x").hash()).isEqualTo(ledger.size() == 1 ? "h1" : "h2");
        }
    }

    /** Two processes start at once on an empty PostgreSQL database: both migrate it (Flyway's lock) and both open. */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "POSTGRESQL")
    void twoProcessesMigratingAnEmptyDatabaseAtOnceBothOpen(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        List<Store> both = atOnce(() -> db.open("a", Outbox.DEFAULT_LEASE), () -> db.open("b", Outbox.DEFAULT_LEASE));
        try (Store a = both.get(0); Store b = both.get(1)) {
            a.subscribe(1, 100, true, 7, 1);
            assertThat(b.subscriptions(1)).hasSize(1);
        }
        try (Connection c = db.raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '4'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    private static Object outcome(Callable<Integer> call) {
        try {
            return call.call();
        } catch (StoreException e) {
            return e.kind();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long baselines(TestDatabases.Target db) throws Exception {
        try (Connection c = db.raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dataset_versions WHERE baseline = TRUE")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Two claimants claim the same queue at once, round after round: every row once, never by both.
     * PostgreSQL only: two processes on one SQLite file is what the data directory's lock forbids.
     */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "POSTGRESQL")
    void twoClaimantsNeverHoldTheSameRow(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", Outbox.DEFAULT_LEASE); Store b = db.open("b", Outbox.DEFAULT_LEASE)) {
            Set<Long> queued = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                queued.add(a.queueTest(1000 + i, 1, 1));
            }
            Set<Long> byA = new HashSet<>();
            Set<Long> byB = new HashSet<>();
            for (int round = 0; round < 10 && byA.size() + byB.size() < queued.size(); round++) {
                List<List<Outbox.Claimed>> got = atOnce(() -> a.claimDue(10, 7), () -> b.claimDue(10, 7));
                got.get(0).forEach(c -> assertThat(byA.add(c.id())).isTrue());
                got.get(1).forEach(c -> assertThat(byB.add(c.id())).isTrue());
            }
            assertThat(byA).doesNotContainAnyElementsOf(byB);
            Set<Long> all = new HashSet<>(byA);
            all.addAll(byB);
            assertThat(all).isEqualTo(queued);
            assertThat(a.outboxCounts()).containsExactly(Map.entry(Outbox.State.SENDING, 60));
        }
    }

    /**
     * A process claims a row and is killed (it never settles it). On PostgreSQL another process
     * takes the row once the lease ran out, with the same nonce; the dead attempt can no longer
     * settle it. On SQLite (one process) a claim never takes a SENDING row: the restart recovers it.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRowWhoseLeaseRanOutIsClaimedAgainWithItsNonce(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store dead = db.open("dead", Duration.ofMillis(1000)); Store alive = db.open("alive", Duration.ofMillis(1000))) {
            dead.queueTest(100, 1, 0);
            Outbox.Claimed first = dead.claimDue(10, 10).get(0);
            assertThat(alive.claimDue(500, 10)).isEmpty();            // held: the lease runs until 1010
            assertThat(alive.claimDue(1010, 10)).isEmpty();           // not before it has run out
            if (backend == Backend.SQLITE) {
                assertThat(alive.claimDue(5000, 10)).isEmpty();
                assertThat(alive.outbox().recoverInFlight(5000)).isEqualTo(1);
            }
            List<Outbox.Claimed> again = alive.claimDue(5000, 10);
            assertThat(again).hasSize(1);
            assertThat(again.get(0).id()).isEqualTo(first.id());
            assertThat(again.get(0).nonce()).isEqualTo(first.nonce());
            assertThat(again.get(0).attempts()).isEqualTo(2);
            assertThat(dead.outbox().delivered(first.id(), first.attemptId(), 9, 5001)).isFalse();
            assertThat(alive.outbox().delivered(first.id(), again.get(0).attemptId(), 9, 5002)).isTrue();
        }
    }

    /** Leases are extended while a process still works on its rows; another process's restart does not take them. */
    @ParameterizedTest
    @EnumSource(value = Backend.class, names = "POSTGRESQL")
    void aLiveProcessKeepsItsRows(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", Duration.ofMillis(1000)); Store b = db.open("b", Duration.ofMillis(1000))) {
            a.queueTest(100, 1, 0);
            a.claimDue(10, 10);
            assertThat(a.outbox().extendLeases(900)).isEqualTo(1);    // now held until 1900
            assertThat(b.outbox().recoverInFlight(1500)).isZero();    // b restarting: only its own rows
            assertThat(b.claimDue(1500, 10)).isEmpty();
            assertThat(a.outbox().recoverInFlight(1500)).isEqualTo(1); // a restarting, same process id: back at once
            assertThat(b.claimDue(1500, 10)).hasSize(1);
        }
    }

    /**
     * A renewal extends the lease of the rows a claimant still holds (the same attempt) and names
     * them; a row another claimant took once its lease ran out is not among them, so it is not sent
     * twice. On SQLite rows change hands only through a restart's recovery.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRenewalKeepsTheRowsStillHeldAndLeavesOutTheLostOnes(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", Duration.ofMillis(1000)); Store b = db.open("b", Duration.ofMillis(1000))) {
            a.queueTest(100, 1, 0);
            a.queueTest(101, 1, 0);
            List<Outbox.Claimed> mine = a.claimDue(10, 10);
            assertThat(a.outbox().lease()).isEqualTo(Duration.ofMillis(1000));
            Set<Long> ids = mine.stream().map(Outbox.Claimed::id).collect(Collectors.toSet());
            assertThat(a.outbox().renew(mine, 900)).isEqualTo(ids);      // held until 1900 now
            assertThat(b.claimDue(1500, 10)).isEmpty();                   // the first lease (1010) ran out, the renewal did not
            if (backend == Backend.SQLITE) {
                assertThat(b.outbox().recoverInFlight(5000)).isEqualTo(2);
            }
            List<Outbox.Claimed> taken = b.claimDue(5000, 1);             // b takes the first row once the lease ran out
            assertThat(taken).extracting(Outbox.Claimed::id).containsExactly(mine.get(0).id());
            Set<Long> stillMine = a.outbox().renew(mine, 5001);
            if (backend == Backend.SQLITE) {
                assertThat(stillMine).isEmpty();                          // recovered: none is a's attempt any more
            } else {
                assertThat(stillMine).containsExactly(mine.get(1).id());
                assertThat(b.claimDue(5500, 10)).isEmpty();               // renewed at 5001: held until 6001
            }
            assertThat(b.outbox().renew(taken, 5002)).containsExactly(mine.get(0).id());
            assertThat(a.outbox().renew(List.of(), 5003)).isEmpty();
        }
    }

    /** Claims filtered by shard, in SQL: (guild_id >> 22) % total ∈ ids; admin notes (no guild) only where asked. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void claimsTakeOnlyTheGuildsOfTheGivenShards(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        long[] guilds = {81384788765712384L, 41771983423143937L, 1L << 22, 3L << 22, 2L << 22, 1234567890123456789L};
        try (Store s = db.open()) {
            for (long g : guilds) {
                s.queueTest(g + 7, g, 1);
            }
            s.queueNote(55, "admin", 1);
            Set<Long> shard1of2 = s.outbox().claimDue(new Outbox.Shards(2, Set.of(1), false), 10, 100).stream()
                    .map(c -> c.guildId().orElseThrow()).collect(Collectors.toSet());
            Set<Long> expected = new HashSet<>();
            for (long g : guilds) {
                if ((g >> 22) % 2 == 1) {
                    expected.add(g);
                }
            }
            assertThat(expected).isNotEmpty();
            assertThat(shard1of2).isEqualTo(expected);
            List<Outbox.Claimed> rest = s.outbox().claimDue(new Outbox.Shards(2, Set.of(0), true), 10, 100);
            assertThat(rest).hasSize(guilds.length - expected.size() + 1);
            assertThat(rest).filteredOn(c -> c.guildId().isEmpty()).extracting(Outbox.Claimed::message)
                    .containsExactly(new Outbox.Note("admin"));
            assertThat(s.outboxCounts()).containsExactly(Map.entry(Outbox.State.SENDING, guilds.length + 1));
        }
        assertThatThrownBy(() -> new Outbox.Shards(2, Set.of(2), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shard ids [2] are not within 0..1");
    }
}
