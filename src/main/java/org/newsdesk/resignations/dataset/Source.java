package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cited source. {@code url} is null only for the article under review; {@code published} may be unknown.
 *
 * @param relays outlets (by name) whose reporting this source carries, e.g. a site citing Al Jazeera's sources
 * @param copy   true when the URL is a copy of the outlet's story kept because its own page could not be reached
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Source(String id, String outlet,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSetter(nulls = Nulls.SET) @Nullable String url,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSetter(nulls = Nulls.SET) @Nullable PartialDate published,
                     String language, SourceKind kind, @Nullable Text note, List<String> relays, @Nullable Boolean copy) {
    public Source {
        relays = relays == null ? List.of() : List.copyOf(relays);
    }

    /** Whether the source declares itself a copy. */
    @JsonIgnore
    public boolean isCopy() {
        return Boolean.TRUE.equals(copy);
    }
}
