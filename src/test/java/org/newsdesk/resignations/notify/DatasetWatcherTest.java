package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher reloads on a change to a dataset file or to the additions file, which may not
 * exist yet; it waits while a required file is missing.
 */
class DatasetWatcherTest {

    @TempDir
    Path dir;

    @Test
    void theAdditionsFileIsWatchedEvenBeforeItExists() throws Exception {
        Path dataset = Files.writeString(dir.resolve("resignations.json"), "{}");
        Path data = Files.createDirectories(dir.resolve("data"));
        Path additions = data.resolve("additions.json");
        Semaphore reloads = new Semaphore(0);
        try (DatasetWatcher w = DatasetWatcher.start(List.of(dataset), List.of(additions), reloads::release,
                Duration.ofMillis(50))) {
            Files.writeString(data.resolve("notify.db"), "x");          // other files in the directory: nothing
            assertThat(reloads.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
            Files.writeString(dataset, "{\n}");                        // no additions yet: the dataset still reloads
            assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            Files.writeString(additions, "{}");                        // the first entry added
            assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            Files.writeString(dataset, "{ }");                         // the curated file still counts
            assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            Files.delete(dataset);                                     // a required file gone: wait for it
            assertThat(reloads.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
            Files.writeString(dataset, "{}");
            assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void busyNeighboursDoNotHoldBackAReload() throws Exception {
        Path dataset = Files.writeString(dir.resolve("resignations.json"), "{}");
        Path data = Files.createDirectories(dir.resolve("data"));
        Semaphore reloads = new Semaphore(0);
        java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread neighbour = new Thread(() -> {
            // the notifications database next to the additions file, written all through a fan-out
            for (int i = 0; busy.get(); i++) {
                try {
                    Files.writeString(data.resolve("notify.db"), Integer.toString(i));
                    Thread.sleep(20);
                } catch (Exception e) {
                    return;
                }
            }
        });
        try (DatasetWatcher w = DatasetWatcher.start(List.of(dataset), List.of(data.resolve("additions.json")),
                reloads::release, Duration.ofMillis(200))) {
            neighbour.start();
            Thread.sleep(300);
            Files.writeString(dataset, "{ }");
            // reloaded while the neighbour is still writing (it writes for as long as the test waits)
            assertThat(reloads.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(neighbour.isAlive()).isTrue();
        } finally {
            busy.set(false);
            neighbour.join();
        }
    }
}
