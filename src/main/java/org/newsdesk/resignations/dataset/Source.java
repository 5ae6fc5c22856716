package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/** A cited source. {@code url} is null only for the article under review; {@code published} may be unknown. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String id, String outlet,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSetter(nulls = Nulls.SET) String url,
                     @JsonInclude(JsonInclude.Include.ALWAYS) @JsonSetter(nulls = Nulls.SET) PartialDate published,
                     String language, SourceKind kind, Text note) {
}
