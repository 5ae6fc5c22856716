package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The first pass over a dataset file: the document without its entries kept as a tree for the
 * schema, each entry bound strictly straight from the stream and given the quick shape test. The
 * entries that fail are noted for the {@link SecondPass}.
 */
final class FirstPass {

    /** What one pass over the stream found: the document without its entries, the entries, the problems. */
    static final class Read {
        ObjectNode head;
        final List<Entry> entries = new ArrayList<>();
        /** Index in the file of each entry read, for pointers when some could not be read. */
        final List<Integer> positions = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        /** Entries that failed binding or the shape test, by index in the file, and whether they were bound. */
        final TreeMap<Integer, Boolean> failed = new TreeMap<>();
        /** Problems were found past the {@link DatasetLoader#MAX_PROBLEMS} kept. */
        boolean moreNotListed;
        private byte[] hash;
        @Nullable Snapshot previous;
        /** Equal facts, texts and id lists of the entries read kept once. */
        final Interner interner = new Interner();
        /** The entries' semantic rules, run while the rest is read; null when the head did not allow it. */
        SemanticCheck.@Nullable Ahead ahead;

        /** The SHA-256 of every byte read (a digest can be finished only once). */
        byte[] hash(MessageDigest digest) {
            if (hash == null) {
                hash = digest.digest();
            }
            return hash;
        }
    }

    private final ObjectMapper mapper;
    /** Reads one value at the parser's position; the end of the document is checked separately. */
    private final ObjectReader valueReader;
    private final ObjectReader entryReader;
    private final SchemaCheck schema;

    FirstPass(ObjectMapper mapper, ObjectReader valueReader, ObjectReader entryReader, SchemaCheck schema) {
        this.mapper = mapper;
        this.valueReader = valueReader;
        this.entryReader = entryReader;
        this.schema = schema;
    }

    /**
     * @param previous the file's last snapshot, whose unchanged entries the new one shares (null: none)
     * @param semantic the rules the entries are put through, started while the file is read when it can be
     */
    Read read(String name, NullSpotter p, @Nullable Snapshot previous, SemanticCheck semantic) throws IOException {
        Read r = new Read();
        r.previous = previous;
        try {
            read(name, p, r, semantic);
        } catch (IOException | RuntimeException | Error e) {
            if (r.ahead != null) {
                r.ahead.cancel();
            }
            throw e;
        }
        return r;
    }

    private void read(String name, NullSpotter p, Read r, SemanticCheck semantic) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            r.problems.add(Problem.at(name, "", "the file is empty."));
            return;
        }
        if (first != JsonToken.START_OBJECT) {
            JsonNode whole = valueReader.readValue(p);
            r.problems.addAll(ReadLimits.schemaCheck(name, whole, "", schema::check));
            requireEnd(p);
            return;
        }
        ObjectNode head = mapper.createObjectNode();
        boolean sawEntries = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("entries".equals(field) && value == JsonToken.START_ARRAY) {
                sawEntries = true;
                if (r.ahead == null) {
                    r.ahead = ahead(name, head, semantic);
                }
                JsonStreamContext array = p.getParsingContext();
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
    }

    private static final TypeReference<List<Agency>> AGENCIES = new TypeReference<>() { };
    private static final TypeReference<List<Source>> SOURCES = new TypeReference<>() { };

    /**
     * The entries' rules started on the tables read so far, when the head gave them before the
     * entries (as every file written by the bot does); whether they are the file's is known only
     * at its end, and the loader checks (see {@link SemanticCheck.Ahead}).
     */
    private SemanticCheck.@Nullable Ahead ahead(String name, ObjectNode head, SemanticCheck semantic) {
        JsonNode agencies = head.get("agencies");
        JsonNode sources = head.get("sources");
        if (agencies == null || sources == null || !agencies.isArray() || !sources.isArray()) {
            return null;
        }
        try {
            List<Agency> a = mapper.readerFor(AGENCIES).readValue(agencies);
            List<Source> s = mapper.readerFor(SOURCES).readValue(sources);
            if (a == null || s == null || a.contains(null) || s.contains(null)) {
                return null;
            }
            return semantic.ahead(name, a, s);
        } catch (IOException | RuntimeException e) {
            return null;   // the schema and the binding of the head say what is wrong, at the end
        }
    }

    /**
     * One entry, bound strictly straight from the stream and given the quick shape test. An
     * entry that fails either (rare: an edited file with a mistake) is noted and, after the
     * pass, read again and put through the JSON Schema, whose messages are the ones reported.
     * The schema stays the authority; the quick path only saves its cost, and that of copying
     * each entry, on the entries that are fine (see docs/PERFORMANCE.md).
     */
    private void readEntry(NullSpotter p, JsonStreamContext array, int index, Read r)
            throws IOException {
        Entry entry = null;
        p.seen = false;
        try {
            entry = entryReader.readValue(p);   // a JSON null in the list binds to null: the schema names it
        } catch (StreamReadException | StreamConstraintsException e) {
            throw e;   // not JSON at all, or past a limit: the whole file is reported at that line and column
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            // binding may wrap a syntax error met inside the entry (a duplicate key): report that one
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof StreamReadException syntax) {
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
            Entry kept = SharedEntries.share(r.previous, entry);
            // an entry kept from the version served is already shared; a new one shares its parts
            kept = kept == entry ? r.interner.entry(entry) : kept;
            r.entries.add(kept);
            if (r.ahead != null) {
                r.ahead.add(index, kept);
            }
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

    static void requireEnd(JsonParser p) throws IOException {
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "Trailing token after the end of the document");
        }
    }
}
