package org.newsdesk.resignations.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.newsdesk.resignations.dataset.Entry;

/**
 * What changed in an entry, field by field, in the order of the {@code Entry} record's
 * components (as its canonical JSON names them).
 */
public final class FieldDiff {

    /** One changed field; a side is {@link MissingNode} when the field was absent. */
    public record Change(String field, JsonNode before, JsonNode after) {
    }

    /** JSON names of {@link Entry}'s components, in order. */
    static final List<String> FIELDS = List.of("id", "added", "name", "aliases", "agency", "in_article", "confidence",
            "confidence_note", "departure", "office", "title", "announced", "effective", "stated_reason",
            "reported_reason", "notes");

    private FieldDiff() {
    }

    public static List<Change> between(JsonNode before, JsonNode after) {
        List<Change> out = new ArrayList<>();
        List<String> names = new ArrayList<>(FIELDS);
        // anything the record gains later still shows, after the known fields
        after.fieldNames().forEachRemaining(n -> { if (!names.contains(n)) names.add(n); });
        before.fieldNames().forEachRemaining(n -> { if (!names.contains(n)) names.add(n); });
        for (String f : names) {
            JsonNode b = before.path(f);
            JsonNode a = after.path(f);
            if (!Objects.equals(b, a)) {
                out.add(new Change(f, b, a));
            }
        }
        return out;
    }
}
