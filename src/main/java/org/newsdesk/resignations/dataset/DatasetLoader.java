package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a dataset file and returns a snapshot only when every check passes: well-formed UTF-8
 * JSON without duplicate keys, the JSON Schema, then the semantic rules. Otherwise it throws
 * with every problem found; nothing is ever loaded in part.
 *
 * <p>Entries are read one at a time from the stream, checked against the schema's entry
 * definition and turned into records, so a file of 100,000 entries never sits in memory as a
 * JSON tree (see docs/PERFORMANCE.md).
 */
public final class DatasetLoader {

    /** Far above any real dataset, low enough that a stray upload cannot exhaust the disk or the heap. */
    public static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    public static final String BUNDLED_RESOURCE = "/dataset/resignations.json";
    public static final String BUNDLED_NAME = "bundled:resignations.json";
    /** No text in a dataset is near this long (the schema allows 2,000); past it the parser stops reading. */
    public static final int MAX_STRING_CHARS = 100_000;
    /** Field names in the format are short words. */
    public static final int MAX_NAME_CHARS = 1_000;
    /** The format is about eight levels deep. */
    public static final int MAX_NESTING = 100;
    /** The only number in the format is the schema version. */
    public static final int MAX_NUMBER_CHARS = 100;
    static final int MAX_PROBLEMS = 1000;

    private final ObjectMapper mapper;
    private final FirstPass firstPass;
    private final SecondPass secondPass;
    private final Clock clock;
    private final SharedEntries shared = new SharedEntries();

    public DatasetLoader(SchemaCheck schema, Clock clock) {
        this.clock = clock;
        this.mapper = DatasetMapper.create();
        // one value at the parser's position: the end of the document is checked separately
        ObjectReader valueReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        ObjectReader entryReader = mapper.readerFor(Entry.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.firstPass = new FirstPass(mapper, valueReader, entryReader, schema);
        this.secondPass = new SecondPass(mapper, valueReader, schema);
    }

    public static DatasetLoader standard() {
        return new DatasetLoader(new SchemaCheck(), Clock.systemUTC());
    }

    /** The mapper that reads (and can write back) the dataset format, snake_case. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public Snapshot loadBundled() throws InvalidDatasetException {
        if (DatasetLoader.class.getResource(BUNDLED_RESOURCE) == null) {
            throw new InvalidDatasetException(List.of(Problem.at(BUNDLED_NAME, "", "the bundled dataset is missing from the build.")));
        }
        return load(BUNDLED_NAME, () -> DatasetLoader.class.getResourceAsStream(BUNDLED_RESOURCE));
    }

    public Snapshot load(Path file) throws InvalidDatasetException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            // never opened: a pipe would block the reader for ever, a directory cannot be read
            throw new InvalidDatasetException(List.of(Problem.at(name, "", PathKind.notAFile(file))));
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidDatasetException(List.of(Problem.at(name, "",
                        "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB; this is not a dataset file.")));
            }
        } catch (IOException e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", PathKind.cannotRead(e))));
        }
        return load(name, () -> new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    public Snapshot load(String name, byte[] bytes) throws InvalidDatasetException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", "the file is too large to be a dataset.")));
        }
        return load(name, () -> new ByteArrayInputStream(bytes));
    }

    /**
     * Reads the stream to its end (into memory: entries that fail are read a second time), never
     * more than {@link #MAX_FILE_BYTES} and one byte: a longer stream is refused, not read on.
     */
    public Snapshot load(String name, InputStream raw) throws InvalidDatasetException {
        byte[] bytes;
        try {
            bytes = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1));
        } catch (IOException e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", PathKind.cannotRead(e))));
        }
        return load(name, bytes);
    }

    /** The same bytes again, for the second look at entries that failed the quick path. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    Snapshot load(String name, Opener source) throws InvalidDatasetException {
        SemanticCheck semantic = new SemanticCheck(LocalDate.now(clock));
        FirstPass.Read[] reading = new FirstPass.Read[1];
        try {
            return load(name, source, semantic, reading);
        } finally {
            // the entries' check started during the read ends whatever happened
            if (reading[0] != null && reading[0].ahead != null) {
                reading[0].ahead.cancel();
            }
        }
    }

    private Snapshot load(String name, Opener source, SemanticCheck semantic, FirstPass.Read[] reading)
            throws InvalidDatasetException {
        MessageDigest digest = sha256();
        FirstPass.Read read;
        InputStream opened;
        try {
            opened = source.open();
        } catch (IOException e) {
            // not found, not allowed, a directory...: said as such, not as an encoding problem
            throw new InvalidDatasetException(List.of(Problem.at(name, "", PathKind.cannotRead(e))));
        }
        try (DigestInputStream in = new DigestInputStream(opened, digest);
             PushbackInputStream start = new PushbackInputStream(in, 4);
             JsonParser raw = mapper.getFactory().createParser(JsonErrors.utf8Only(name, start))) {
            // repeated keys are refused by the spotter, without the parser's hash set per object
            raw.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            NullSpotter parser = new NullSpotter(raw);
            try {
                read = firstPass.read(name, parser, shared.previous(name), semantic);
                reading[0] = read;
            } catch (StreamConstraintsException e) {
                throw new InvalidDatasetException(List.of(ReadLimits.problem(name, raw, e)));
            } catch (RuntimeException e) {
                // Whatever a file does, the caller gets problems, never a crash (and nothing loads).
                throw new InvalidDatasetException(List.of(Problem.at(name, "",
                        "could not be read as a dataset (" + e.getClass().getSimpleName() + ").")));
            }
            // Drain so the version covers every byte even if something follows the document.
            in.transferTo(OutputStream.nullOutputStream());
            if (!read.failed.isEmpty()) {
                try {
                    secondPass.schemaOfFailed(name, source, read, read.hash(digest));
                } catch (RuntimeException e) {
                    throw new InvalidDatasetException(List.of(Problem.at(name, "",
                            "could not be read as a dataset (" + e.getClass().getSimpleName() + ").")));
                }
            }
        } catch (JsonErrors.WrongEncoding e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "",
                    "the file is saved as UTF-16 or UTF-32; save it as UTF-8 (with or without a byte-order mark) and try again.")));
        } catch (SecondPass.ChangedWhileReading e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "",
                    "the file changed while it was being read (saved again?); it is read again at its next change or reload.")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidDatasetException(List.of(Problem.atLine(name,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), JsonErrors.sentence(e))));
        } catch (CharConversionException e) {
            // Jackson reports a bad UTF-8 sequence as a plain IOException of this kind.
            throw new InvalidDatasetException(List.of(Problem.at(name, "",
                    "the file is not valid UTF-8; save it as UTF-8 and try again.")));
        } catch (IOException e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", PathKind.cannotRead(e))));
        }
        List<Problem> problems = read.problems;
        Dataset dataset = null;
        if (read.head != null) {
            try {
                Dataset head = mapper.treeToValue(read.head, Dataset.class);
                dataset = new Dataset(head.schemaVersion(), head.dataset(), head.agencies(), head.outlets(), head.sources(), read.entries);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                if (problems.isEmpty()) {
                    // The schema should make this unreachable; say so plainly rather than crash.
                    problems.add(Problem.at(name, "", "could not be read as a dataset: " + e.getClass().getSimpleName()));
                }
            }
        }
        if (dataset != null) {
            problems.addAll(semanticProblems(name, dataset, read, problems, semantic));
        }
        if (!problems.isEmpty()) {
            boolean more = problems.size() > MAX_PROBLEMS || read.moreNotListed;
            throw new InvalidDatasetException(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems, more);
        }
        Snapshot loaded = new Snapshot(dataset, Snapshot.version(read.hash(digest)));
        shared.loaded(name, loaded);
        return loaded;
    }

    /**
     * The semantic rules, also run when the schema already failed so that one pass reports every
     * problem; a rule that trips over a structure the schema already rejected is skipped, and a
     * pointer the schema already reported is not reported twice.
     */
    private List<Problem> semanticProblems(String name, Dataset dataset, FirstPass.Read read,
                                           List<Problem> schemaProblems, SemanticCheck semantic) {
        List<Problem> found;
        try {
            // the entries' rules already ran during the read when every entry took the quick path
            List<Problem> entryProblems = null;
            if (read.ahead != null && read.failed.isEmpty()) {
                entryProblems = read.ahead.finish(dataset, dataset.entries().size());
            }
            found = semantic.check(name, dataset, read.positions, entryProblems);
        } catch (RuntimeException e) {
            if (schemaProblems.isEmpty()) {
                throw e;
            }
            return List.of();
        }
        Set<String> reported = new HashSet<>();
        schemaProblems.forEach(p -> reported.add(p.pointer()));
        return found.stream().filter(p -> !reported.contains(p.pointer())).toList();
    }

    /** The version a file's bytes load as (what {@link #load} gives the snapshot). */
    public static String version(byte[] fileBytes) {
        return Snapshot.version(sha256().digest(fileBytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
