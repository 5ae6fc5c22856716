package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
    /** Reads one value at the parser's position; the end of the document is checked separately. */
    private final com.fasterxml.jackson.databind.ObjectReader valueReader;
    private final com.fasterxml.jackson.databind.ObjectReader entryReader;
    private final SchemaCheck schema;
    private final Clock clock;

    public DatasetLoader(SchemaCheck schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
        // Strict binding: no type coercion, no unknown fields, dates only as ISO strings. See
        // EntryShape for why it matters.
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule()
                        .addDeserializer(LocalDate.class, new StrictLocalDate())
                        .addDeserializer(String.class, new SharedIds()))
                .build();
        for (var shape : new com.fasterxml.jackson.databind.cfg.CoercionInputShape[]{
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                    .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
        // Enforced by the parser as it reads (no work of ours per token): a 200 MB string stops
        // at the first 100,000 characters instead of filling the heap.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_CHARS)
                .maxNameLength(MAX_NAME_CHARS)
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxDocumentLength(MAX_FILE_BYTES)
                .build());
        this.valueReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.entryReader = mapper.readerFor(Entry.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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

    /** The second read of a file did not give the bytes of the first. */
    private static final class ChangedWhileReading extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Reads the source to its end; the version is the hash of exactly the bytes read. */
    Snapshot load(String name, Opener source) throws InvalidDatasetException {
        MessageDigest digest = sha256();
        Read read;
        InputStream opened;
        try {
            opened = source.open();
        } catch (IOException e) {
            // not found, not allowed, a directory...: said as such, not as an encoding problem
            throw new InvalidDatasetException(List.of(Problem.at(name, "", PathKind.cannotRead(e))));
        }
        try (DigestInputStream in = new DigestInputStream(opened, digest);
             java.io.PushbackInputStream start = new java.io.PushbackInputStream(in, 4);
             JsonParser raw = mapper.getFactory().createParser(utf8Only(name, start))) {
            // repeated keys are refused by the spotter, without the parser's hash set per object
            raw.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            NullSpotter parser = new NullSpotter(raw);
            try {
                read = read(name, parser);
            } catch (StreamConstraintsException e) {
                throw new InvalidDatasetException(List.of(ReadLimits.problem(name, raw, e)));
            } catch (RuntimeException e) {
                // Whatever a file does, the caller gets problems, never a crash (and nothing loads).
                throw new InvalidDatasetException(List.of(Problem.at(name, "",
                        "could not be read as a dataset (" + e.getClass().getSimpleName() + ").")));
            }
            // Drain so the version covers every byte even if something follows the document.
            in.transferTo(java.io.OutputStream.nullOutputStream());
            if (!read.failed.isEmpty()) {
                try {
                    schemaOfFailed(name, source, read, read.hash(digest));
                } catch (RuntimeException e) {
                    throw new InvalidDatasetException(List.of(Problem.at(name, "",
                            "could not be read as a dataset (" + e.getClass().getSimpleName() + ").")));
                }
            }
        } catch (WrongEncoding e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "",
                    "the file is saved as UTF-16 or UTF-32; save it as UTF-8 (with or without a byte-order mark) and try again.")));
        } catch (ChangedWhileReading e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "",
                    "the file changed while it was being read (saved again?); it is read again at its next change or reload.")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidDatasetException(List.of(Problem.atLine(name,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), jsonSentence(e))));
        } catch (java.io.CharConversionException e) {
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
            problems.addAll(semanticProblems(name, dataset, read.positions, problems));
        }
        if (!problems.isEmpty()) {
            boolean more = problems.size() > MAX_PROBLEMS || read.moreNotListed;
            throw new InvalidDatasetException(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems, more);
        }
        return new Snapshot(dataset, Snapshot.version(read.hash(digest)));
    }

    /** What one pass over the stream found: the document without its entries, the entries, the problems. */
    private static final class Read {
        ObjectNode head;
        final List<Entry> entries = new ArrayList<>();
        /** Index in the file of each entry read, for pointers when some could not be read. */
        final List<Integer> positions = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        /** Entries that failed binding or the shape test, by index in the file, and whether they were bound. */
        final java.util.TreeMap<Integer, Boolean> failed = new java.util.TreeMap<>();
        /** Problems were found past the {@link #MAX_PROBLEMS} kept. */
        boolean moreNotListed;
        private byte[] hash;

        /** The SHA-256 of every byte read (a digest can be finished only once). */
        byte[] hash(MessageDigest digest) {
            if (hash == null) {
                hash = digest.digest();
            }
            return hash;
        }
    }

    private Read read(String name, NullSpotter p) throws IOException {
        Read r = new Read();
        JsonToken first = p.nextToken();
        if (first == null) {
            r.problems.add(Problem.at(name, "", "the file is empty."));
            return r;
        }
        if (first != JsonToken.START_OBJECT) {
            JsonNode whole = valueReader.readValue(p);
            r.problems.addAll(ReadLimits.schemaCheck(name, whole, "", schema::check));
            requireEnd(p);
            return r;
        }
        ObjectNode head = mapper.createObjectNode();
        boolean sawEntries = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("entries".equals(field) && value == JsonToken.START_ARRAY) {
                sawEntries = true;
                com.fasterxml.jackson.core.JsonStreamContext array = p.getParsingContext();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    readEntry(p, array, i, r);
                    i++;
                }
            } else {
                head.set(field, valueReader.readValue(p));
            }
        }
        requireEnd(p);
        if (sawEntries) {
            head.set("entries", mapper.createArrayNode());
        }
        r.problems.addAll(0, ReadLimits.schemaCheck(name, head, "", schema::check));
        r.head = head;
        return r;
    }

    /**
     * One entry, bound strictly straight from the stream and given the quick shape test. An
     * entry that fails either (rare: an edited file with a mistake) is noted and, after the
     * pass, read again and put through the JSON Schema, whose messages are the ones reported.
     * The schema stays the authority; the quick path only saves its cost, and that of copying
     * each entry, on the entries that are fine (see docs/PERFORMANCE.md).
     */
    private void readEntry(NullSpotter p, com.fasterxml.jackson.core.JsonStreamContext array, int index, Read r)
            throws IOException {
        Entry entry = null;
        p.seen = false;
        try {
            entry = entryReader.readValue(p);   // a JSON null in the list binds to null: the schema names it
        } catch (com.fasterxml.jackson.core.exc.StreamReadException | StreamConstraintsException e) {
            throw e;   // not JSON at all, or past a limit: the whole file is reported at that line and column
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            // binding may wrap a syntax error met inside the entry (a duplicate key): report that one
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof com.fasterxml.jackson.core.exc.StreamReadException syntax) {
                    throw syntax;
                }
                if (c instanceof StreamConstraintsException limit) {
                    throw limit;
                }
            }
            // a value of the wrong shape: skip what is left of this entry
            while (p.getParsingContext() != array && p.nextToken() != null) {
                // skipping
            }
        }
        if (entry != null && !p.seen && EntryShape.fits(entry)) {
            r.entries.add(entry);
            r.positions.add(index);
            return;
        }
        if (entry != null) {
            // Kept even though it failed, so the semantic rules can still report everything else
            // in one pass; never loaded since there are problems.
            r.entries.add(entry);
            r.positions.add(index);
        }
        r.failed.put(index, entry != null);
    }

    /**
     * Watches every token of the first pass: notes an explicit null (no value in an entry may be
     * null, and binding cannot tell a null from an absent field; reset before each entry) and
     * refuses a key given twice in one object, as the parser's strict duplicate detection does,
     * but without a hash set per object (which was a quarter of what a load allocated).
     */
    private static final class NullSpotter extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        boolean seen;
        /** Keys seen so far in each object still open, by depth (0: the document itself). */
        private String[][] names = new String[8][16];
        private int[] counts = new int[8];
        private int depth;

        NullSpotter(JsonParser p) {
            super(p);
            depth = -1;   // outside the document
        }

        private JsonToken note(JsonToken t) throws IOException {
            if (t == null) {
                return null;
            }
            switch (t) {
                case VALUE_NULL -> seen = true;
                case START_OBJECT -> open();
                case END_OBJECT -> depth--;
                case FIELD_NAME -> key(delegate.currentName());
                default -> {
                    // values and arrays carry no keys
                }
            }
            return t;
        }

        private void open() {
            depth++;
            if (depth >= counts.length) {
                names = java.util.Arrays.copyOf(names, depth * 2);
                counts = java.util.Arrays.copyOf(counts, depth * 2);
            }
            if (names[depth] == null) {
                names[depth] = new String[16];
            }
            counts[depth] = 0;
        }

        private void key(String name) throws IOException {
            if (depth < 0) {
                return;
            }
            String[] here = names[depth];
            int n = counts[depth];
            for (int k = 0; k < n; k++) {
                if (here[k].equals(name)) {
                    throw new com.fasterxml.jackson.core.JsonParseException(delegate, "Duplicate field '" + name + "'");
                }
            }
            if (n == here.length) {
                here = names[depth] = java.util.Arrays.copyOf(here, n * 2);
            }
            here[n] = name;
            counts[depth] = n + 1;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return note(delegate.nextToken());
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken t = nextToken();
            return t == JsonToken.FIELD_NAME ? nextToken() : t;
        }

        @Override
        public String nextFieldName() throws IOException {
            String name = delegate.nextFieldName();
            note(delegate.currentToken());
            return name;
        }

        @Override
        public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString str) throws IOException {
            boolean match = delegate.nextFieldName(str);
            note(delegate.currentToken());
            return match;
        }

        @Override
        public String nextTextValue() throws IOException {
            String v = delegate.nextTextValue();
            note(delegate.currentToken());
            return v;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            int v = delegate.nextIntValue(defaultValue);
            note(delegate.currentToken());
            return v;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            long v = delegate.nextLongValue(defaultValue);
            note(delegate.currentToken());
            return v;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            Boolean v = delegate.nextBooleanValue();
            note(delegate.currentToken());
            return v;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            // skipped whole: a null or a repeated key inside is not seen here, so count it as suspect
            JsonToken t = delegate.currentToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                delegate.skipChildren();
                seen = true;
                if (t == JsonToken.START_OBJECT) {
                    depth--;
                }
            }
            return this;
        }
    }

    /** The second look: the failed entries read as JSON trees and checked against the schema. */
    private void schemaOfFailed(String name, Opener source, Read r, byte[] firstHash) throws IOException {
        MessageDigest digest = sha256();
        try (DigestInputStream in = new DigestInputStream(source.open(), digest); JsonParser p = mapper.getFactory().createParser(in)) {
            try {
                checkFailed(name, p, r);
            } catch (IOException e) {
                // a file rewritten in place reads as broken: say it changed, if it did
                drainQuietly(in);
                if (!java.security.MessageDigest.isEqual(firstHash, digest.digest())) {
                    throw new ChangedWhileReading();
                }
                throw e;
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ChangedWhileReading();   // deleted between the two reads
        }
        if (!java.security.MessageDigest.isEqual(firstHash, digest.digest())) {
            // saved again while being read: what was checked is not what was bound
            throw new ChangedWhileReading();
        }
    }

    private static void drainQuietly(InputStream in) {
        try {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // what could be read is hashed; a difference still shows
        }
    }

    private void checkFailed(String name, JsonParser p, Read r) throws IOException {
        {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"entries".equals(field) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Boolean bound = r.failed.get(i);
                    if (bound == null) {
                        p.skipChildren();
                    } else {
                        JsonNode node = valueReader.readValue(p);
                        String at = "/entries/" + i;
                        List<Problem> found = new ArrayList<>(ReadLimits.schemaCheck(name, node, at,
                                (file, n) -> schema.checkEntry(file, n, at)));
                        if (!bound) {
                            // a date that is no calendar day fails binding: said at its field, and the
                            // rest of the entry still goes through the semantic rules
                            rebind(name, node, i, r, found);
                        }
                        if (r.problems.size() < MAX_PROBLEMS) {
                            r.problems.addAll(found);
                        } else if (!found.isEmpty()) {
                            r.moreNotListed = true;
                        }
                        if (found.isEmpty()) {
                            // fail closed: what the quick path refused is never loaded, even if the schema is silent
                            r.problems.add(Problem.at(name, "/entries/" + i, bound
                                    ? "does not have the shape of an entry (a value is empty, too long, repeated or null)."
                                    : "could not be read as an entry."));
                        }
                    }
                    i++;
                }
                return;
            }
        }
    }

    /**
     * An entry that could not be bound, once more: an "added" date that matches the format but is
     * no calendar day (2024-02-30) is reported, and with a stand-in date the entry is bound so
     * that the semantic rules still report its other problems in the same pass.
     */
    private void rebind(String name, JsonNode node, int index, Read r, List<Problem> found) {
        if (!(node instanceof ObjectNode entry)) {
            return;
        }
        JsonNode added = entry.get("added");
        if (added != null && added.isTextual() && PartialDate.tryParse(added.textValue())
                .filter(d -> d.precision() == PartialDate.Precision.DAY && !d.isValid()).isPresent()
                && added.textValue().length() == 10) {
            found.add(Problem.at(name, "/entries/" + index + "/added",
                    "\"" + added.textValue() + "\" is not a real calendar date."));
            entry = entry.deepCopy();
            entry.put("added", "2000-01-01");
        }
        Entry bound;
        try {
            bound = mapper.treeToValue(entry, Entry.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return;   // something else is wrong with it; the schema has said what
        }
        if (bound == null) {
            return;
        }
        int at = java.util.Collections.binarySearch(r.positions, index);
        if (at < 0) {
            r.entries.add(-at - 1, bound);
            r.positions.add(-at - 1, index);
        }
        if (found.isEmpty()) {
            // fail closed: it was refused once, so it is never loaded
            found.add(Problem.at(name, "/entries/" + index, "could not be read as an entry."));
        }
    }

    private static void requireEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "Trailing token after the end of the document");
        }
    }

    /**
     * The semantic rules, also run when the schema already failed so that one pass reports every
     * problem; a rule that trips over a structure the schema already rejected is skipped, and a
     * pointer the schema already reported is not reported twice.
     */
    private List<Problem> semanticProblems(String name, Dataset dataset, List<Integer> positions,
                                           List<Problem> schemaProblems) {
        List<Problem> found;
        try {
            found = new SemanticCheck(LocalDate.now(clock)).check(name, dataset, positions);
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

    private static String jsonSentence(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (raw.startsWith("Duplicate field")) {
            return "a field appears twice in the same object (" + raw.replaceAll("^Duplicate field '([^']{0,80}).*$", "$1") + "); keep one.";
        }
        if (raw.contains("Unexpected end-of-input")) {
            return "the file ends too early: a closing bracket or quote is missing.";
        }
        if (raw.contains("Invalid UTF-8") || raw.contains("Invalid UTF8")) {
            return "the file is not valid UTF-8; save it as UTF-8 and try again.";
        }
        if (raw.startsWith("Trailing token")) {
            return "there is text after the end of the JSON document.";
        }
        String firstLine = raw.lines().findFirst().orElse("");
        if (firstLine.length() > 160) {
            firstLine = firstLine.substring(0, 160) + "…";
        }
        return "the file is not valid JSON: " + firstLine + ".";
    }

    /**
     * Only UTF-8 (with or without a byte-order mark, which Jackson skips): the parser would read
     * UTF-16 and UTF-32 as well, but the format is UTF-8 and other tools expect it. JSON starts
     * with an ASCII character, so a zero byte or a UTF-16 byte-order mark among the first two
     * bytes means a wide encoding.
     */
    private static InputStream utf8Only(String name, java.io.PushbackInputStream in) throws IOException {
        byte[] first = in.readNBytes(4);
        in.unread(first);
        if (first.length >= 2) {
            int a = first[0] & 0xFF;
            int b = first[1] & 0xFF;
            if ((a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE) || a == 0 || b == 0) {
                throw new WrongEncoding();
            }
        }
        return in;
    }

    /** The file is not UTF-8 but a wide encoding. */
    private static final class WrongEncoding extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The version a file's bytes load as (what {@link #load} gives the snapshot). */
    public static String version(byte[] fileBytes) {
        return Snapshot.version(sha256().digest(fileBytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
