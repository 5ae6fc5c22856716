package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The editors' files in a directory (the data directory of a process that runs alone). Writes are
 * atomic and durable: a temporary file in the same directory, forced to disk, then renamed over the
 * old one; a crash leaves the old file or the new one, never half of either.
 */
public final class FileShelf implements Shelf {

    private final Path dir;
    /** One process uses the directory (the data directory lock sees to that): a Java lock is enough. */
    private final ReentrantLock writing = new ReentrantLock();

    public FileShelf(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public <T, E extends Exception> T exclusively(Section<T, E> section) throws E {
        writing.lock();
        try {
            return section.run();
        } finally {
            writing.unlock();
        }
    }

    @Override
    public Optional<byte[]> read(String name, long maxBytes) throws IOException {
        Path path = dir.resolve(name);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (Files.size(path) > maxBytes) {
            throw new IOException(path + " is larger than " + maxBytes + " bytes; it is not one of the bot's files");
        }
        return Optional.of(Files.readAllBytes(path));
    }

    @Override
    public void write(String name, Optional<String> base, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.toAbsolutePath().getParent());
        Optional<String> onDisk = Files.exists(path) ? Optional.of(Shelf.version(Files.readAllBytes(path))) : Optional.empty();
        if (!onDisk.equals(base)) {
            throw new ChangedMeanwhile(path.toString());
        }
        replace(path, bytes);
    }

    @Override
    public String where(String name) {
        return dir.resolve(name).toString();
    }

    @Override
    public Optional<Path> file(String name) {
        return Optional.of(dir.resolve(name));
    }

    /**
     * Replaces {@code target} with {@code bytes}: a temporary file in the same directory, forced
     * to disk, renamed over the old one, the directory forced; a crash leaves the old file or the
     * new one. The file keeps the permissions it has.
     */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try {
                // the file keeps the permissions it has (an operator may let the desk's group edit it);
                // a new one is readable by the desk's other accounts, like the dataset files
                Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The rename itself reaches the disk only when the directory is forced (where the OS allows it). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on some systems (Windows); the rename is still atomic
        }
    }
}
