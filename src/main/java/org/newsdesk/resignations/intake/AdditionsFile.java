package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.Text;

/**
 * The additions file: entries editors added from Discord, kept apart from the bundled and
 * configured datasets (which the bot never writes), on the {@link Shelf} (the data directory, or
 * the database a fleet shares). It is a complete dataset on its own, with copies of the agencies
 * its entries belong to, so {@code validate} checks it like any other file; it is merged first, so
 * a curated file that later carries the same id wins. The corrections file is one of the same kind
 * ({@link #sibling}).
 */
public final class AdditionsFile {

    public static final String NAME = "additions.json";

    private final Shelf shelf;
    private final String name;
    private final DatasetLoader loader;

    /** The file at {@code path}, on a {@link FileShelf} of its directory. */
    public AdditionsFile(Path path, DatasetLoader loader) {
        this(new FileShelf(Optional.ofNullable(path.getParent()).orElse(Path.of(""))), path.getFileName().toString(), loader);
    }

    public AdditionsFile(Shelf shelf, String name, DatasetLoader loader) {
        this.shelf = shelf;
        this.name = name;
        this.loader = loader;
    }

    public Shelf shelf() {
        return shelf;
    }

    /** Where it is, for messages and logs. */
    public String where() {
        return shelf.where(name);
    }

    /** A file of the same kind on the same shelf (the corrections file), read and checked the same way. */
    public AdditionsFile sibling(String name) {
        return new AdditionsFile(shelf, name, loader);
    }

    /**
     * The file's dataset, or empty while nobody has added an entry.
     *
     * @throws InvalidDatasetException also when the shelf cannot be read (the database out of reach)
     */
    public Optional<Snapshot> read() throws InvalidDatasetException {
        Optional<Path> file = shelf.file(name);
        if (file.isPresent()) {
            return Files.exists(file.get()) ? Optional.of(loader.load(file.get())) : Optional.empty();
        }
        Optional<byte[]> bytes;
        try {
            bytes = shelf.read(name, DatasetLoader.MAX_FILE_BYTES);
        } catch (IOException e) {
            throw new InvalidDatasetException(List.of(Problem.at(where(), "", "cannot be read: " + e.getMessage())));
        }
        return bytes.isEmpty() ? Optional.empty() : Optional.of(loader.load(where(), bytes.get()));
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
        return new Candidate(loader.load(where(), bytes), bytes, now.map(Snapshot::version));
    }

    /**
     * A validated file content and the snapshot it loads as.
     *
     * @param base the version of the file it was made from (empty: there was no file)
     */
    public record Candidate(Snapshot snapshot, byte[] bytes, Optional<String> base) {
    }

    /**
     * Replaces the file with {@code c}'s bytes, atomically and durably; refused with
     * {@link Shelf.ChangedMeanwhile} when the file is no longer the one {@code c} was made from.
     */
    public void write(Candidate c) throws IOException {
        shelf.write(name, c.base(), c.bytes());
    }
}
