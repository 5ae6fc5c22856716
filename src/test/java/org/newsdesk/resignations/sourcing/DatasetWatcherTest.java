package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;

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

    /** Builds the layout a Kubernetes ConfigMap mount has: a timestamped directory, ..data pointing at it, the file through ..data. */
    static Path timestamped(Path dir, String stamp, String content) throws Exception {
        Path d = Files.createDirectories(dir.resolve(".." + stamp));
        Files.writeString(d.resolve("resignations.json"), content);
        return d;
    }

    /** Swaps the link as the kubelet does: a new link ..data_tmp renamed over the old one, then the old directory removed. */
    static void swap(Path dir, String link, Path oldTarget, Path newTarget) throws Exception {
        Path tmp = dir.resolve(link + "_tmp");
        Files.createSymbolicLink(tmp, newTarget.getFileName());
        Files.move(tmp, dir.resolve(link), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(oldTarget.resolve("resignations.json"));
        Files.delete(oldTarget);
    }

    @Test
    void aConfigMapUpdateIsSeen() throws Exception {
        Path v1 = timestamped(dir, "2024_05_15_10_00_00.1", "{}");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Path file = Files.createSymbolicLink(dir.resolve("resignations.json"), Path.of("..data", "resignations.json"));
        Semaphore reloads = new Semaphore(0);
        try (DatasetWatcher w = DatasetWatcher.start(List.of(file), List.of(), reloads::release, Duration.ofMillis(50),
                Duration.ofSeconds(10), Alarms.of(Optional.empty()))) {
            Path v2 = timestamped(dir, "2024_05_16_10_00_00.2", "{ }");
            swap(dir, "..data", v1, v2);
            assertThat(reloads.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSymlinkSwapNoEventNamesIsSeenByThePeriodicLook() throws Exception {
        Path v1 = timestamped(dir, "release-1", "{}");
        Files.createSymbolicLink(dir.resolve("current"), v1.getFileName());
        Path file = Files.createSymbolicLink(dir.resolve("resignations.json"), Path.of("current", "resignations.json"));
        Semaphore reloads = new Semaphore(0);
        try (DatasetWatcher w = DatasetWatcher.start(List.of(file), List.of(), reloads::release, Duration.ofMillis(50),
                Duration.ofMillis(200), Alarms.of(Optional.empty()))) {
            Path v2 = timestamped(dir, "release-2", "{ }");
            swap(dir, "current", v1, v2);
            assertThat(reloads.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
            // the same content behind a new link is no change
            Path v3 = timestamped(dir, "release-3", "{ }");
            swap(dir, "current", v2, v3);
            assertThat(reloads.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
        }
    }

    @Test
    void aReloadThatThrowsAnErrorDoesNotEndTheWatching() throws Exception {
        Path dataset = Files.writeString(dir.resolve("resignations.json"), "{}");
        List<String> admins = new CopyOnWriteArrayList<>();
        Semaphore reloads = new Semaphore(0);
        AtomicInteger calls = new AtomicInteger();
        try (LogCapture log = new LogCapture();
             DatasetWatcher w = DatasetWatcher.start(List.of(dataset), List.of(), () -> {
                 if (calls.incrementAndGet() == 1) {
                     throw new OutOfMemoryError("Java heap space (injected: a 200 MB string)");
                 }
                 reloads.release();
             }, Duration.ofMillis(50), Duration.ofSeconds(10), new Alarms(Templates.bundled(), Lang.EN, admins::add))) {
            Files.writeString(dataset, "{\"a\": 1}");
            waitFor(() -> calls.get() == 1);
            Files.writeString(dataset, "{\"a\": 2}");                // a later edit still loads
            assertThat(reloads.tryAcquire(20, TimeUnit.SECONDS)).isTrue();
            assertThat(admins).containsExactly(
                    "The background task dataset-watch failed (OutOfMemoryError) and carries on; the log has the details.");
            assertThat(log.errors()).anyMatch(l -> l.contains("dataset-watch"));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
