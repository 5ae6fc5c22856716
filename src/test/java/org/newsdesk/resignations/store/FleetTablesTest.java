package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fleet's own tables: processes, the dataset mark every process polls, the add form's drafts. */
class FleetTablesTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void processesRegisterBeatAndAreForgottenWhenStale(Backend backend) {
        try (Store s = DBS.target(backend, dir).open()) {
            Processes p = s.processes();
            p.register("p0", Set.of(1, 0), 4, 1_000);
            p.register("p1", Set.of(2, 3), 4, 1_000);
            assertThat(p.heartbeat("p0", 40_000)).isTrue();
            assertThat(p.live(45_000, 30_000)).containsExactly(new Processes.Process("p0", Set.of(0, 1), 4, 1_000, 40_000));
            assertThat(p.live(20_000, 30_000)).extracting(Processes.Process::processId).containsExactly("p0", "p1");
            assertThat(p.forgetStale(45_000, 30_000)).isEqualTo(1);
            assertThat(p.heartbeat("p1", 46_000)).isFalse();           // forgotten: it must register again
            p.register("p1", Set.of(2, 3), 4, 47_000);                 // after a restart, same id
            p.register("p1", Set.of(3), 4, 48_000);                    // and again with other shards: one row
            assertThat(p.live(48_000, 30_000)).extracting(Processes.Process::processId, Processes.Process::shardIds)
                    .containsExactly(Tuple.tuple("p0", Set.of(0, 1)),
                            Tuple.tuple("p1", Set.of(3)));
            assertThat(p.deregister("p0")).isTrue();
            assertThat(p.deregister("p0")).isFalse();
        }
    }

    /** Every reload bumps the generation by one, also when several processes bump at once. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void theDatasetMarkCountsEveryReloadOnce(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open(); Store b = db.open()) {
            assertThat(a.fleet().dataset()).isEmpty();
            assertThat(a.fleet().bump("v1", "p0", 10)).isEqualTo(new FleetState.DatasetMark(1, "v1", "p0", 10));
            assertThat(b.fleet().dataset()).contains(new FleetState.DatasetMark(1, "v1", "p0", 10));
            if (backend == Backend.POSTGRESQL) {   // one SQLite file is never shared by two processes
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Future<Long>> got = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        Store s = i % 2 == 0 ? a : b;
                        got.add(pool.submit(() -> s.fleet().bump("v2", "p", 20).generation()));
                    }
                    List<Long> generations = new ArrayList<>();
                    for (Future<Long> f : got) {
                        generations.add(f.get());
                    }
                    assertThat(generations).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
                } finally {
                    pool.shutdownNow();
                }
                assertThat(a.fleet().dataset()).map(FleetState.DatasetMark::generation).contains(11L);
            } else {
                assertThat(b.fleet().bump("v2", "p1", 20).generation()).isEqualTo(2);
                assertThat(a.fleet().dataset()).contains(new FleetState.DatasetMark(2, "v2", "p1", 20));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void draftsSurviveReopeningAndExpire(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        String fields = "{\"name\":\"Josh Paul\",\"name_ar\":\"جوش بول\"}";
        try (Store s = db.open()) {
            s.drafts().put(new Drafts.Draft("d1", 42, "{}", 100, 1_000));
            s.drafts().put(new Drafts.Draft("d1", 42, fields, 200, 2_000));   // the next step: same draft, created at 100
            s.drafts().put(new Drafts.Draft("d2", 43, "{}", 100, 500));
        }
        try (Store s = db.open()) {
            assertThat(s.drafts().get("d1", 1_500)).contains(new Drafts.Draft("d1", 42, fields, 100, 2_000));
            assertThat(s.drafts().get("d2", 500)).isEmpty();                    // expired: never returned
            assertThat(s.drafts().get("nope", 0)).isEqualTo(Optional.empty());
            assertThat(s.drafts().purgeExpired(600)).isEqualTo(1);
            assertThat(s.drafts().remove("d1")).isTrue();
            assertThat(s.drafts().remove("d1")).isFalse();                     // a second submit finds it gone
        }
    }
}
