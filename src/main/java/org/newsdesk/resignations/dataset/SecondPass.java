package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The second look at a file whose first pass refused some entries: those entries read again as
 * JSON trees and put through the JSON Schema, whose messages are the ones reported. The bytes
 * must hash as in the first pass, or the file changed while it was read.
 */
final class SecondPass {

    /** The second read of a file did not give the bytes of the first. */
    static final class ChangedWhileReading extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final ObjectMapper mapper;
    private final ObjectReader valueReader;
    private final SchemaCheck schema;

    SecondPass(ObjectMapper mapper, ObjectReader valueReader, SchemaCheck schema) {
        this.mapper = mapper;
        this.valueReader = valueReader;
        this.schema = schema;
    }

    /** The second look: the failed entries read as JSON trees and checked against the schema. */
    void schemaOfFailed(String name, DatasetLoader.Opener source, FirstPass.Read r, byte[] firstHash) throws IOException {
        MessageDigest digest = DatasetLoader.sha256();
        try (DigestInputStream in = new DigestInputStream(source.open(), digest); JsonParser p = mapper.getFactory().createParser(in)) {
            try {
                checkFailed(name, p, r);
            } catch (IOException e) {
                // a file rewritten in place reads as broken: say it changed, if it did
                drainQuietly(in);
                if (!MessageDigest.isEqual(firstHash, digest.digest())) {
                    throw new ChangedWhileReading();
                }
                throw e;
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw new ChangedWhileReading();   // deleted between the two reads
        }
        if (!MessageDigest.isEqual(firstHash, digest.digest())) {
            // saved again while being read: what was checked is not what was bound
            throw new ChangedWhileReading();
        }
    }

    private static void drainQuietly(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // what could be read is hashed; a difference still shows
        }
    }

    private void checkFailed(String name, JsonParser p, FirstPass.Read r) throws IOException {
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
                        if (r.problems.size() < DatasetLoader.MAX_PROBLEMS) {
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
    private void rebind(String name, JsonNode node, int index, FirstPass.Read r, List<Problem> found) {
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
        int at = Collections.binarySearch(r.positions, index);
        if (at < 0) {
            r.entries.add(-at - 1, bound);
            r.positions.add(-at - 1, index);
        }
        if (found.isEmpty()) {
            // fail closed: it was refused once, so it is never loaded
            found.add(Problem.at(name, "/entries/" + index, "could not be read as an entry."));
        }
    }
}
