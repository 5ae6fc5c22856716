package org.newsdesk.resignations.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An exclusive lock on the data directory, held for as long as the process runs: two bots on
 * one directory would each send the same notifications and write the same database. The lock is
 * the operating system's ({@link FileChannel#tryLock}), so it goes with the process that holds it,
 * even one that was killed: a lock file left behind never blocks. The file names the holder
 * (pid, host, start time) so the one refused can say who holds it.
 */
public final class DataDirLock implements AutoCloseable {

    public static final String NAME = "bot.lock";

    /** The directory is locked by another process (or another bot in this one). */
    public static final class HeldException extends Exception {
        public HeldException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, creating the directory when needed, and writes this process's details in it.
     *
     * @throws HeldException when another process holds it, with a sentence that names that process
     * @throws IOException   when the directory or the lock file cannot be created or written
     */
    public static DataDirLock acquire(Path dir) throws IOException, HeldException {
        Files.createDirectories(dir);
        Path file = dir.resolve(NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;   // held by this very process (a second bot started in the same JVM)
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(ch);
            ch.close();
            throw new HeldException("The data directory " + dir.toAbsolutePath() + " is in use by another bot ("
                    + holder + "). Two bots on one data directory would send every notification twice: stop the "
                    + "other one, or give this one its own directory with --data-dir or storage.dir.");
        }
        try {
            byte[] me = describeThisProcess().getBytes(StandardCharsets.UTF_8);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me), 0);
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
        return new DataDirLock(ch, lock);
    }

    /** What the holder wrote in the file, on one line; a file being written or unreadable says so. */
    private static String holder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(512);
            ch.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}+", " ").strip();
            return text.isEmpty() ? "it has not yet written who it is" : text;
        } catch (IOException e) {
            return "who holds it could not be read: " + e.getClass().getSimpleName();
        }
    }

    static String describeThisProcess() {
        // the name the machine gives itself; no name lookup (which may ask a DNS server)
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                host = System.getenv().getOrDefault("COMPUTERNAME", "");
            }
        }
        if (host.isBlank()) {
            host = "this host";
        }
        Instant started = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()).truncatedTo(ChronoUnit.SECONDS);
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", started " + started;
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel or the process anyway
        }
    }
}
