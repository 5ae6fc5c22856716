package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.newsdesk.resignations.store.AtOnce.atOnce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The editors' files a fleet shares, and the lock its processes write them under: every write is a
 * compare-and-set (two processes writing from one version: one wins, the other is told); the lock
 * lets one process in at a time, is never held for ever by a process that died, and a waiter is
 * told "busy" after {@code lock_timeout} instead of waiting without end.
 */
class SharedFilesTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFileIsWrittenOnlyFromTheVersionItWasReadAt(Backend backend) {
        try (Store store = DBS.target(backend, dir).open()) {
            SharedFiles files = store.sharedFiles();
            assertThat(files.read("additions.json")).isEmpty();
            assertThat(files.replace("additions.json", Optional.empty(), "v1", bytes("{\"name\":\"Stacy Gilbert\"}"), "p0", 1)).isTrue();
            // created meanwhile by someone else: a second "create" is refused
            assertThat(files.replace("additions.json", Optional.empty(), "v9", bytes("{}"), "p1", 2)).isFalse();
            String arabic = "{\"name\":\"ستيسي غيلبرت\"}";
            assertThat(files.replace("additions.json", Optional.of("v1"), "v2", bytes(arabic), "p1", 3)).isTrue();
            // written from a version that is no longer there: refused, nothing changes
            assertThat(files.replace("additions.json", Optional.of("v1"), "v3", bytes("{}"), "p0", 4)).isFalse();
            SharedFiles.Stored now = files.read("additions.json").orElseThrow();
            assertThat(now.version()).isEqualTo("v2");
            assertThat(new String(now.body(), StandardCharsets.UTF_8)).isEqualTo(arabic);
            assertThat(now.updatedBy()).isEqualTo("p1");
            assertThat(files.read("pending.json")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void ofTwoProcessesWritingFromOneVersionAtOnceOneWins(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", Duration.ofMinutes(5)); Store b = db.open("b", Duration.ofMinutes(5))) {
            a.sharedFiles().replace("pending.json", Optional.empty(), "v0", bytes("{\"pending\":[]}"), "a", 1);
            for (int round = 0; round < 8; round++) {
                String base = a.sharedFiles().read("pending.json").orElseThrow().version();
                int r = round;
                assertThat(atOnce(
                        () -> a.sharedFiles().replace("pending.json", Optional.of(base), "a" + r, bytes("{\"by\":\"a\"}"), "a", 2),
                        () -> b.sharedFiles().replace("pending.json", Optional.of(base), "b" + r, bytes("{\"by\":\"b\"}"), "b", 2)))
                        .as("round %d", round).containsExactlyInAnyOrder(true, false);
            }
        }
    }

    /** Two processes of a fleet: while one holds the lock the other waits, and runs once it is free. */
    @Test
    void theFleetLockLetsOneProcessInAtATime() throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        try (Store a = db.open("a", Duration.ofMinutes(5)); Store b = db.open("b", Duration.ofMinutes(5))) {
            CountDownLatch aInside = new CountDownLatch(1);
            CountDownLatch aMayLeave = new CountDownLatch(1);
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> fa = pool.submit(() -> a.fleetLock().holding("editors-files", () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    aInside.countDown();
                    aMayLeave.await(30, TimeUnit.SECONDS);
                    inside.decrementAndGet();
                    return "a";
                }));
                assertThat(aInside.await(30, TimeUnit.SECONDS)).isTrue();
                Future<String> fb = pool.submit(() -> b.fleetLock().holding("editors-files", () -> {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    inside.decrementAndGet();
                    return "b";
                }));
                // b is waiting on the server for a's lock (seen from pg_locks), not running
                try (Connection c = db.raw()) {
                    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waitingForAdvisoryLocks(c) == 1);
                }
                assertThat(fb.isDone()).isFalse();
                aMayLeave.countDown();
                assertThat(fa.get(30, TimeUnit.SECONDS)).isEqualTo("a");
                assertThat(fb.get(30, TimeUnit.SECONDS)).isEqualTo("b");
                assertThat(most.get()).isEqualTo(1);
            } finally {
                aMayLeave.countDown();
                pool.shutdownNow();
            }
        }
    }

    /**
     * A waiter is told the database is busy after lock_timeout (the section never runs); a holder
     * whose connection dies (its process killed) frees the lock at once, and the next one gets in.
     */
    @Test
    void aWaiterIsToldBusyAndADeadHolderFreesTheLock() throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        try (Store a = db.open("a", Duration.ofMinutes(5));
             Store b = db.withLockTimeout(Duration.ofMillis(300)).open("b", Duration.ofMinutes(5))) {
            CountDownLatch aInside = new CountDownLatch(1);
            CountDownLatch never = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<String> fa = pool.submit(() -> a.fleetLock().holding("editors-files", () -> {
                    aInside.countDown();
                    never.await(60, TimeUnit.SECONDS);
                    return "a";
                }));
                assertThat(aInside.await(30, TimeUnit.SECONDS)).isTrue();
                AtomicInteger ran = new AtomicInteger();
                assertThatThrownBy(() -> b.fleetLock().holding("editors-files", ran::incrementAndGet))
                        .isInstanceOf(StoreException.class).hasMessageContaining("busy");
                assertThat(ran).hasValue(0);
                // another lock name is not held: fleets of other work are not held up
                assertThat(b.fleetLock().holding("something-else", () -> "free")).isEqualTo("free");
                // the holder's server process is killed, as if its host died
                try (Connection c = db.raw(); PreparedStatement p = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted")) {
                    p.executeQuery().close();
                }
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(b.fleetLock().holding("editors-files", () -> "b")).isEqualTo("b"));
                never.countDown();
                assertThatThrownBy(() -> fa.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(java.sql.SQLException.class);
            } finally {
                never.countDown();
                pool.shutdownNow();
            }
        }
    }

    private static int waitingForAdvisoryLocks(Connection c) throws Exception {
        try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
             ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
