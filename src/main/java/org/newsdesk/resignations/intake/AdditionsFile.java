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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Dataset;
import org.newsdesk.resignations.dataset.DatasetInfo;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.Text;

/**
 * The local additions file: entries editors added from Discord, kept apart from the bundled and
 * configured datasets (which the bot never writes). It is a complete dataset on its own, with
 * copies of the agencies its entries belong to, so {@code validate} checks it like any other
 * file; it is merged first, so a curated file that later carries the same id wins.
 *
 * Writes are atomic and durable: a temporary file in the same directory, forced to disk, then
 * renamed over the old one; a crash leaves the old file or the new one, never half of either.
 */
public final class AdditionsFile {

    public static final String NAME = "additions.json";

    private final Path path;
    private final DatasetLoader loader;

    public AdditionsFile(Path path, DatasetLoader loader) {
        this.path = path;
        this.loader = loader;
    }

    public Path path() {
        return path;
    }

    /** A file of the same kind next to this one (the corrections file), read and checked the same way. */
    public AdditionsFile sibling(String name) {
        return new AdditionsFile(path.resolveSibling(name), loader);
    }

    /** The file's dataset, or empty while nobody has added an entry. */
    public Optional<Snapshot> read() throws InvalidDatasetException {
        return Files.exists(path) ? Optional.of(loader.load(path)) : Optional.empty();
    }

    /**
     * The file's dataset with one more entry, as it would be written. Checked like a file: the
     * bytes are what {@link #write} puts on disk, loaded back through the validator.
     */
    public Candidate with(EntryBuilder.Built added, DatasetInfo about) throws InvalidDatasetException {
        return with(added, about, read());
    }

    /** @param now the file as it is (as {@link #read} gave it) */
    public Candidate with(EntryBuilder.Built added, DatasetInfo about, Optional<Snapshot> now) throws InvalidDatasetException {
        return with(added.entry(), List.of(added.source()), added.agency(), about, now);
    }

    /**
     * The file with {@code entry} added, or put in place of the entry with its id (a reviewed
     * correction), with the sources it cites and its agency.
     */
    public Candidate with(Entry entry, List<Source> cited, Agency agency, DatasetInfo about, Optional<Snapshot> now)
            throws InvalidDatasetException {
        Map<String, Agency> agencies = new LinkedHashMap<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        now.ifPresent(s -> {
            s.dataset().agencies().forEach(a -> agencies.put(a.id(), a));
            s.dataset().sources().forEach(x -> sources.put(x.id(), x));
            s.dataset().entries().forEach(e -> entries.put(e.id(), e));
        });
        agencies.put(agency.id(), agency);
        cited.forEach(x -> sources.put(x.id(), x));
        entries.put(entry.id(), entry);
        DatasetInfo info = new DatasetInfo(new Text("Entries added from Discord", "إدخالات أضيفت من ديسكورد"),
                about.maintainer(), new Text("Entries the newsroom's editors added from Discord, each citing its source; "
                + "awaiting review into the curated dataset.",
                "إدخالات أضافها محررو غرفة الأخبار من ديسكورد، يستشهد كل منها بمصدره؛ بانتظار مراجعتها وضمها إلى قاعدة البيانات المنقحة."));
        Dataset d = new Dataset(1, info, List.copyOf(agencies.values()), List.copyOf(sources.values()), List.copyOf(entries.values()));
        byte[] bytes;
        try {
            bytes = loader.mapper().writer()
                    .without(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .withDefaultPrettyPrinter().writeValueAsBytes(d);
        } catch (IOException e) {
            throw new IllegalStateException("an entry could not be written as JSON", e);
        }
        return new Candidate(loader.load(path.toString(), bytes), bytes, now.map(Snapshot::version));
    }

    /**
     * A validated file content and the snapshot it loads as.
     *
     * @param base the version of the file it was made from (empty: there was no file)
     */
    public record Candidate(Snapshot snapshot, byte[] bytes, Optional<String> base) {
    }

    /** The file changed (a hand edit) between reading it and writing the new version. */
    public static final class ChangedMeanwhile extends IOException {
        private static final long serialVersionUID = 1L;

        ChangedMeanwhile(Path path) {
            super(path + " changed while an entry was being added to it");
        }
    }

    /**
     * Replaces the file with {@code c}'s bytes, atomically and durably; refused with
     * {@link ChangedMeanwhile} when the file is no longer the one {@code c} was made from.
     */
    public void write(Candidate c) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Optional<String> onDisk = Files.exists(path) ? Optional.of(DatasetLoader.version(Files.readAllBytes(path)))
                : Optional.empty();
        if (!onDisk.equals(c.base())) {
            throw new ChangedMeanwhile(path);
        }
        replace(path, c.bytes());
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
