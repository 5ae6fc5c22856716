package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * Two processes start at once on an empty PostgreSQL database with different datasets: both read
 * "no baseline yet", then both record one. The database keeps one baseline; the other process is
 * told so, compares its dataset with that baseline, and records the difference as news.
 */
class FleetChangeDetectorTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    @Test
    void twoProcessesWithDifferentDatasetsMakeOneBaselineAndTheOtherRecordsTheDifference() throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());
        try (Store a = db.open("a", Outbox.DEFAULT_LEASE); Store b = db.open("b", Outbox.DEFAULT_LEASE);
             Connection gate = db.raw(); Statement st = gate.createStatement()) {
            a.subscribe(10, 100, true, 1, 0);
            ChangeDetector da = new ChangeDetector(a.entries(), codec, Clock.systemUTC());
            ChangeDetector dbb = new ChangeDetector(b.entries(), codec, Clock.systemUTC());
            // reads pass, writes wait: both processes read the empty ledger and then queue at the gate
            gate.setAutoCommit(false);
            st.execute("LOCK TABLE dataset_versions IN EXCLUSIVE MODE");
            CompletableFuture<ChangeDetector.Outcome> fa = CompletableFuture.supplyAsync(
                    () -> da.apply(Datasets.load(Datasets.without(ChangeDetectorTest.ID))));
            CompletableFuture<ChangeDetector.Outcome> fb = CompletableFuture.supplyAsync(
                    () -> dbb.apply(Datasets.load(Datasets.bundled())));
            while (waitingAtTheGate(st) < 2) {
                assertThat(fa.isDone() || fb.isDone()).as("a process recorded while the gate was shut").isFalse();
                Thread.onSpinWait();
            }
            gate.rollback();
            List<ChangeDetector.Outcome> outcomes = List.of(fa.get(60, TimeUnit.SECONDS), fb.get(60, TimeUnit.SECONDS));
            assertThat(outcomes).filteredOn(ChangeDetector.Outcome::baseline).hasSize(1);
            ChangeDetector.Outcome other = outcomes.stream().filter(o -> !o.baseline()).findFirst().orElseThrow();
            // the one entry that differs: new (the bundled set came second) or withdrawn (it came first)
            assertThat(other.added() + other.removed()).isEqualTo(1);
            assertThat(other.queued()).isEqualTo(1);
            assertThat(a.eventCount()).isEqualTo(1);
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM dataset_versions WHERE baseline = TRUE")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    /** Backends of this database waiting for a lock on dataset_versions. */
    private static int waitingAtTheGate(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                + "WHERE c.relname = 'dataset_versions' AND NOT l.granted")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
