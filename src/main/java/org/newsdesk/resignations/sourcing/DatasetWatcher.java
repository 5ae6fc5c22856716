package org.newsdesk.resignations.sourcing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads when a dataset file changes. It watches the files' directories, not the files: editors
 * and deploy scripts often write a new file and rename it over the old one, which a watch on the
 * file itself would lose. Events are debounced (a save is often several writes); a file that is
 * missing at that moment (between a delete and a create) is waited for.
 *
 * <p>Some changes raise no event for the file's name: a Kubernetes ConfigMap mounts the file as a
 * symlink through {@code ..data}, and an update swaps {@code ..data} to a new directory. So the
 * watcher also looks at every file periodically (its real path, size and modification time,
 * then its content hash when those moved) and reloads when the content changed. Whatever a
 * reload throws, an Error included, is logged and told to the admins; the watching goes on.
 */
public final class DatasetWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetWatcher.class);
    private static final String CONFIGMAP_LINK = "..data";
    public static final Duration DEBOUNCE = Duration.ofMillis(300);
    /** How often the files are looked at for changes no event reports (a ConfigMap's symlink swap). */
    public static final Duration CHECK = Duration.ofSeconds(10);

    private final WatchService watch;
    private final List<Path> files;
    /** Files that need not exist (the additions file before the first entry is added). */
    private final List<Path> required;
    private final Runnable reload;
    private final Duration debounce;
    private final Duration check;
    private final Alarms alarms;
    private final Thread thread;
    /** What each file looked like at the last reload: real path, size, time, content hash (only this thread). */
    private final Map<Path, Seen> seen = new HashMap<>();

    private record Seen(Path real, long size, FileTime modified, Object key, String hash) {
        boolean sameFile(Seen o) {
            return o != null && real.equals(o.real) && size == o.size && modified.equals(o.modified)
                    && Objects.equals(key, o.key);
        }
    }

    private DatasetWatcher(List<Path> files, List<Path> optional, Runnable reload, Duration debounce, Duration check,
                           Alarms alarms) throws IOException {
        this.required = files.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.files = Stream.concat(files.stream(), optional.stream())
                .map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        this.reload = reload;
        this.debounce = debounce;
        this.check = check;
        this.alarms = alarms;
        this.watch = this.files.get(0).getFileSystem().newWatchService();
        for (Path dir : this.files.stream().map(Path::getParent).distinct().toList()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
        remember();
        this.thread = new Thread(this::loop, "dataset-watch");
        thread.setDaemon(true);
    }

    public static DatasetWatcher start(List<Path> files, Runnable reload, Duration debounce) throws IOException {
        return start(files, List.of(), reload, debounce);
    }

    /** @param optional files watched too, which may not exist (a reload then simply goes without them) */
    public static DatasetWatcher start(List<Path> files, List<Path> optional, Runnable reload, Duration debounce)
            throws IOException {
        return start(files, optional, reload, debounce, CHECK, Alarms.of(Optional.empty()));
    }

    /**
     * @param check  how often the files are compared with what was last loaded
     * @param alarms where a failed reload is told
     */
    public static DatasetWatcher start(List<Path> files, List<Path> optional, Runnable reload, Duration debounce,
                                       Duration check, Alarms alarms) throws IOException {
        DatasetWatcher w = new DatasetWatcher(files, optional, reload, debounce, check, alarms);
        w.thread.start();
        LOG.info("Watching {} for changes", w.files);
        return w;
    }

    private boolean concerns(WatchKey key) {
        boolean hit = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW || CONFIGMAP_LINK.equals(String.valueOf(e.context()))) {
                hit = true;     // a ConfigMap's update: its ..data link swapped to a new directory
            } else if (files.contains(dir.resolve((Path) e.context()).toAbsolutePath().normalize())) {
                hit = true;
            }
        }
        key.reset();
        return hit;
    }

    private void loop() {
        long nextCheck = System.nanoTime() + check.toNanos();
        try {
            while (true) {
                try {
                    boolean hit = false;
                    long wait = nextCheck - System.nanoTime();
                    WatchKey key = wait > 0 ? watch.poll(wait, TimeUnit.NANOSECONDS) : null;
                    if (key != null && concerns(key)) {
                        hit = true;
                        settle();
                    }
                    if (!hit && System.nanoTime() - nextCheck >= 0) {
                        nextCheck = System.nanoTime() + check.toNanos();
                        hit = changedUnseen();
                    }
                    if (!hit) {
                        continue;
                    }
                    if (!required.stream().allMatch(Files::isRegularFile)) {
                        LOG.info("A dataset file is missing for now; waiting for it to come back");
                        continue;
                    }
                    remember();     // before reading: a change during the reload is seen at the next look
                    reload.run();
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    throw e;
                } catch (Throwable t) {   // NOPMD: nothing may end the watching; the alarm says what happened
                    alarms.taskFailed("dataset-watch", t);
                    Thread.sleep(debounce.toMillis());   // not a busy loop should the failure repeat at once
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Quiet for the debounce period; only our files' events restart the wait. */
    private void settle() throws InterruptedException {
        // the data directory also holds the notifications database, busy during a fan-out
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
    }

    /** Records what each file looks like now, content hash included. */
    private void remember() {
        for (Path f : files) {
            Seen now = look(f, null);
            if (now == null) {
                seen.remove(f);
            } else {
                seen.put(f, now);
            }
        }
    }

    /**
     * Whether a file's content changed since the last reload without an event saying so. Cheap
     * when nothing moved (a stat of the real path); the content is hashed only when the real
     * path, size or time differ, and a reload follows only when the hash differs too.
     */
    private boolean changedUnseen() {
        boolean changed = false;
        for (Path f : files) {
            Seen before = seen.get(f);
            Seen now = look(f, before);
            if (now == null) {
                continue;   // missing: the events (and the required check) deal with it
            }
            if (before == null || !now.hash().equals(before.hash())) {
                changed = true;
            }
            seen.put(f, now);
        }
        return changed;
    }

    /** The file as it is now, or null when it cannot be read; the hash is reused when nothing moved. */
    private static @Nullable Seen look(Path f, @Nullable Seen before) {
        try {
            Path real = f.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                return null;
            }
            Seen stat = new Seen(real, a.size(), a.lastModifiedTime(), a.fileKey(), "");
            if (stat.sameFile(before)) {
                return before;
            }
            return new Seen(real, a.size(), a.lastModifiedTime(), a.fileKey(), hash(real));
        } catch (IOException e) {
            return null;
        }
    }

    private static String hash(Path file) throws IOException {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The watching thread still runs (false once closed, or if it ever ended otherwise). */
    public boolean alive() {
        return thread.isAlive();
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
