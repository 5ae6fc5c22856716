package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a dataset file and returns a snapshot only when every check passes: well-formed UTF-8
 * JSON without duplicate keys, the JSON Schema, then the semantic rules. Otherwise it throws
 * with every problem found; nothing is ever loaded in part.
 */
public final class DatasetLoader {

    /** Far above any real dataset, low enough that a stray upload cannot exhaust memory. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final String BUNDLED_RESOURCE = "/dataset/resignations.json";
    public static final String BUNDLED_NAME = "bundled:resignations.json";

    private final ObjectMapper mapper;
    private final SchemaCheck schema;
    private final Clock clock;

    public DatasetLoader(SchemaCheck schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength((int) MAX_FILE_BYTES).build());
    }

    public static DatasetLoader standard() {
        return new DatasetLoader(new SchemaCheck(), Clock.systemUTC());
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Snapshot loadBundled() throws InvalidDatasetException {
        try (InputStream in = DatasetLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new InvalidDatasetException(List.of(Problem.at(BUNDLED_NAME, "", "the bundled dataset is missing from the build.")));
            }
            return load(BUNDLED_NAME, in.readAllBytes());
        } catch (IOException e) {
            throw new InvalidDatasetException(List.of(Problem.at(BUNDLED_NAME, "", "could not be read: " + e.getMessage())));
        }
    }

    public Snapshot load(Path file) throws InvalidDatasetException {
        String name = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidDatasetException(List.of(Problem.at(name, "", "no such file.")));
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidDatasetException(List.of(Problem.at(name, "",
                        "the file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB; this is not a dataset file.")));
            }
            return load(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", "could not be read: " + e.getMessage())));
        }
    }

    public Snapshot load(String name, byte[] bytes) throws InvalidDatasetException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", "the file is too large to be a dataset.")));
        }
        String text = decodeUtf8(name, bytes);
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidDatasetException(List.of(Problem.atLine(name,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), jsonSentence(e))));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidDatasetException(List.of(Problem.at(name, "", "the file is empty.")));
        }
        List<Problem> problems = new ArrayList<>(schema.check(name, tree));
        Dataset dataset = null;
        try {
            dataset = mapper.treeToValue(tree, Dataset.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (problems.isEmpty()) {
                // The schema should make this unreachable; say so plainly rather than crash.
                problems.add(Problem.at(name, "", "could not be read as a dataset: " + e.getClass().getSimpleName()));
            }
        }
        if (dataset != null) {
            problems.addAll(semanticProblems(name, dataset, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return new Snapshot(dataset, version(bytes));
    }

    /**
     * The semantic rules, also run when the schema already failed so that one pass reports every
     * problem; a rule that trips over a structure the schema already rejected is skipped, and a
     * pointer the schema already reported is not reported twice.
     */
    private List<Problem> semanticProblems(String name, Dataset dataset, List<Problem> schemaProblems) {
        List<Problem> found;
        try {
            found = new SemanticCheck(LocalDate.now(clock)).check(name, dataset);
        } catch (RuntimeException e) {
            if (schemaProblems.isEmpty()) {
                throw e;
            }
            return List.of();
        }
        java.util.Set<String> reported = new java.util.HashSet<>();
        schemaProblems.forEach(p -> reported.add(p.pointer()));
        return found.stream().filter(p -> !reported.contains(p.pointer())).toList();
    }

    /** Strict UTF-8: a bad byte is reported with its line and column instead of becoming U+FFFD. */
    private static String decodeUtf8(String name, byte[] bytes) throws InvalidDatasetException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            String prefix = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            int line = 1 + (int) prefix.chars().filter(c -> c == '\n').count();
            int column = bad - (prefixLastNewline(bytes, bad) + 1) + 1;
            throw new InvalidDatasetException(List.of(Problem.atLine(name, line, column,
                    "the file is not valid UTF-8 (byte " + bad + "); save it as UTF-8 and try again.")));
        }
    }

    private static int prefixLastNewline(byte[] bytes, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult r = decoder.decode(in, out, true);
        return r.isError() ? in.position() : bytes.length;
    }

    private static String jsonSentence(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (raw.startsWith("Duplicate field")) {
            return "a field appears twice in the same object (" + raw.replaceAll("^Duplicate field '([^']{0,80}).*$", "$1") + "); keep one.";
        }
        if (raw.contains("Unexpected end-of-input")) {
            return "the file ends too early: a closing bracket or quote is missing.";
        }
        if (raw.contains("String value length") || raw.contains("exceeds the maximum")) {
            return "a text value is far too long to be part of a dataset.";
        }
        String firstLine = raw.lines().findFirst().orElse("");
        if (firstLine.length() > 160) {
            firstLine = firstLine.substring(0, 160) + "…";
        }
        return "the file is not valid JSON: " + firstLine + ".";
    }

    static String version(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
