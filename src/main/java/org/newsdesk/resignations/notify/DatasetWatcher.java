package org.newsdesk.resignations.notify;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads when a dataset file changes. It watches the files' directories, not the files: editors
 * and deploy scripts often write a new file and rename it over the old one, which a watch on the
 * file itself would lose. Events are debounced (a save is often several writes); a file that is
 * missing at that moment (between a delete and a create) is waited for.
 */
public final class DatasetWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetWatcher.class);
    public static final Duration DEBOUNCE = Duration.ofMillis(300);

    private final WatchService watch;
    private final List<Path> files;
    /** Files that need not exist (the additions file before the first entry is added). */
    private final List<Path> required;
    private final Runnable reload;
    private final Duration debounce;
    private final Thread thread;

    private DatasetWatcher(List<Path> files, List<Path> optional, Runnable reload, Duration debounce) throws IOException {
        this.required = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.files = java.util.stream.Stream.concat(files.stream(), optional.stream())
                .map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.reload = reload;
        this.debounce = debounce;
        this.watch = this.files.get(0).getFileSystem().newWatchService();
        for (Path dir : this.files.stream().map(Path::getParent).distinct().toList()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        this.thread = new Thread(this::loop, "dataset-watch");
        thread.setDaemon(true);
    }

    public static DatasetWatcher start(List<Path> files, Runnable reload, Duration debounce) throws IOException {
        return start(files, List.of(), reload, debounce);
    }

    /** @param optional files watched too, which may not exist (a reload then simply goes without them) */
    public static DatasetWatcher start(List<Path> files, List<Path> optional, Runnable reload, Duration debounce)
            throws IOException {
        DatasetWatcher w = new DatasetWatcher(files, optional, reload, debounce);
        w.thread.start();
        LOG.info("Watching {} for changes", w.files);
        return w;
    }

    private boolean concerns(WatchKey key) {
        boolean hit = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                hit = true;
            } else if (files.contains(dir.resolve((Path) e.context()).toAbsolutePath().normalize())) {
                hit = true;
            }
        }
        key.reset();
        return hit;
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                if (!concerns(key)) {
                    continue;
                }
                // quiet for the debounce period, then reload once; only our files' events restart
                // the wait (the data directory also holds the notifications database, busy during a fan-out)
                long deadline = System.nanoTime() + debounce.toNanos();
                for (long left = debounce.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                    WatchKey more = watch.poll(left, TimeUnit.NANOSECONDS);
                    if (more == null) {
                        break;
                    }
                    if (concerns(more)) {
                        deadline = System.nanoTime() + debounce.toNanos();
                    }
                }
                if (!required.stream().allMatch(Files::isRegularFile)) {
                    LOG.info("A dataset file is missing for now; waiting for it to come back");
                    continue;
                }
                try {
                    reload.run();
                } catch (RuntimeException e) {
                    LOG.error("reloading the dataset after a file change failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    @Override
    public void close() {
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        thread.interrupt();
    }
}
