package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.newsdesk.resignations.dataset.DatasetLoader;

/**
 * Where the editors' files are kept (the additions, the corrections, the entries waiting for
 * review): the data directory of a process that runs alone ({@link FileShelf}), or the database
 * every process of a fleet shares. Every write is a compare-and-set on the version the writer
 * read, so a change made meanwhile (a hand edit, another process) is refused, never overwritten.
 */
public interface Shelf {

    /**
     * A file's bytes, or empty while it does not exist.
     *
     * @throws IOException also when it is larger than {@code maxBytes} (it is then not read)
     */
    Optional<byte[]> read(String name, long maxBytes) throws IOException;

    /**
     * Replaces the file with {@code bytes}, durably when it returns.
     *
     * @param base the {@link #version} of the bytes the new content was made from; empty: the file
     *             did not exist
     * @throws ChangedMeanwhile when the file is no longer at {@code base}; nothing was written
     */
    void write(String name, Optional<String> base, byte[] bytes) throws IOException;

    /** Where the file is, for messages and logs (a path, or a name in the database). */
    String where(String name);

    /** The file on disk, when it is one (it may be watched and edited by hand). */
    Optional<Path> file(String name);

    /** A read-check-write sequence on the shelf. */
    @FunctionalInterface
    interface Section<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code section} with no other writer of this shelf at work: no other thread of the
     * process, and on a shared shelf no other process. Reentrant.
     *
     * @throws IOException when the lock cannot be had (the database busy or out of reach); the
     *                     section has then not run
     */
    <T, E extends Exception> T exclusively(Section<T, E> section) throws E, IOException;

    /** The version a write compares: the content hash, as a dataset's version. */
    static String version(byte[] bytes) {
        return DatasetLoader.version(bytes);
    }

    /** The file changed (a hand edit, another process) between reading it and writing the new version. */
    final class ChangedMeanwhile extends IOException {
        private static final long serialVersionUID = 1L;

        public ChangedMeanwhile(String where) {
            super(where + " changed while it was being written");
        }
    }
}
