package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Processes;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * Two processes of a fleet on one PostgreSQL database: both are listed by /notify status (shards,
 * last heartbeat) in either language, a process that leaves is listed no more, and a reload in one
 * makes the other reload.
 */
class FleetTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    Notifier notifier(TestDatabases.Target db, String name) {
        return new Notifier(db.open(name, Duration.ofMinutes(5)), Templates.bundled(),
                new EntryCodec(DatasetLoader.standard().mapper()), Lang.EN, Optional.empty(), Clock.systemUTC());
    }

    static String status(Notifier n, Lang lang) {
        Application app = new Application(Datasets.load(Datasets.bundled()),
                Application.Setup.standalone(Lang.EN).reloading(Optional.empty(), Optional.of(n)));
        RequestContext where = new RequestContext(Optional.of(lang), Optional.empty(), Optional.of(10L), Optional.of(100L),
                Optional.of(7L));
        return app.router().handle(new CommandRequest("notify", "status", Map.of()), where).page(0).description();
    }

    @Test
    void statusListsEveryLiveProcessWithItsShardsAndHeartbeat(@TempDir Path dir) {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        Notifier a = notifier(db, "shards 0 of 2");
        try (Notifier b = notifier(db, "shards 1 of 2")) {
            a.fleet().orElseThrow().join(2, Set.of(0));
            b.fleet().orElseThrow().join(2, Set.of(1));
            assertThat(b.fleet().orElseThrow().live()).extracting(Processes.Process::processId)
                    .containsExactly("shards 0 of 2", "shards 1 of 2");
            assertThat(status(b, Lang.EN)).contains("Processes of the bot: 2")
                    .containsPattern("`shards 0 of 2`: shard\\(s\\) 0 of 2, last heartbeat \\d+ s ago")
                    .containsPattern("`shards 1 of 2`: shard\\(s\\) 1 of 2, last heartbeat \\d+ s ago");
            assertThat(status(b, Lang.AR)).contains("عمليات البوت: 2").contains("`shards 0 of 2`: الأجزاء 0 من 2");
            a.close();   // a process going down on purpose leaves the list at once
            assertThat(status(b, Lang.EN)).contains("Processes of the bot: 1").doesNotContain("shards 0 of 2");
        } finally {
            a.close();
        }
    }

    @Test
    void aReloadInOneProcessReloadsTheOthers(@TempDir Path dir) throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        try (Notifier a = notifier(db, "a"); Notifier b = notifier(db, "b")) {
            Fleet fa = new Fleet(a.store(), "a", Clock.systemUTC(), Fleet.HEARTBEAT, Duration.ofMillis(50));
            Fleet fb = new Fleet(b.store(), "b", Clock.systemUTC(), Fleet.HEARTBEAT, Duration.ofMillis(50));
            AtomicInteger aReloads = new AtomicInteger();
            CountDownLatch bReloaded = new CountDownLatch(1);
            CountDownLatch aReloaded = new CountDownLatch(1);
            fa.followReloads(() -> {
                aReloads.incrementAndGet();
                aReloaded.countDown();
            });
            fb.followReloads(bReloaded::countDown);
            fa.reloaded("v2");
            assertThat(bReloaded.await(30, TimeUnit.SECONDS)).isTrue();
            // and back: b's reload reaches a, which had not reloaded for its own mark
            fb.reloaded("v3");
            assertThat(aReloaded.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(aReloads.get()).isEqualTo(1);
            assertThat(a.store().fleet().dataset().orElseThrow().generation()).isEqualTo(2);
            fa.close();
            fb.close();
        }
    }
}
