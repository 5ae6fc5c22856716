package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One value of a fact as some sources give it.
 *
 * @param part only for month-precision dates ("late May")
 * @param tags labels the fact-checker matches against (reason categories)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Attested<T>(T value, @Nullable DatePart part, List<String> sources, Standing standing, @Nullable Text note,
                          @Nullable List<String> tags) {
    public Attested {
        sources = sources == null ? List.of() : List.copyOf(sources);
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** The tags, empty when none were given. */
    @Override
    public List<String> tags() {
        return tags == null ? List.of() : tags;
    }

    /** Whether the file gave tags at all (only reasons may). */
    boolean tagsPresent() {
        return tags != null;
    }
}
