package org.newsdesk.resignations.intake;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.SourceKind;

/**
 * An entry being typed in: what the editor chose with the command and the fields given so far.
 * Kept in memory between the two steps, never written until the whole entry is valid.
 *
 * @param sourceLanguage the source's language when the editor named it; else read off the outlet
 * @param target         the entry this draft proposes a correction of; empty for a new entry
 */
public record Draft(String id, long owner, Lang lang, Departure departure, SourceKind sourceKind,
                    Optional<String> sourceLanguage, Map<Field, String> values, Optional<String> target) {

    public Draft {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    /** A draft of a new entry. */
    public Draft(String id, long owner, Lang lang, Departure departure, SourceKind sourceKind,
                 Optional<String> sourceLanguage, Map<Field, String> values) {
        this(id, owner, lang, departure, sourceKind, sourceLanguage, values, Optional.empty());
    }

    /** The same draft in another editor's hands (an edit during review). */
    public Draft ownedBy(long editor) {
        return new Draft(id, editor, lang, departure, sourceKind, sourceLanguage, values, target);
    }

    public String value(Field f) {
        return values.getOrDefault(f, "");
    }

    /** The same draft with these fields replaced (unknown or missing fields are left as they were). */
    public Draft with(Map<Field, String> more) {
        Map<Field, String> all = new EnumMap<>(Field.class);
        all.putAll(values);
        all.putAll(more);
        return new Draft(id, owner, lang, departure, sourceKind, sourceLanguage, all, target);
    }
}
