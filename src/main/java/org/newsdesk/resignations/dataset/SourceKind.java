package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

public enum SourceKind {
    @JsonProperty("own_statement") OWN_STATEMENT,
    @JsonProperty("press_report") PRESS_REPORT,
    @JsonProperty("official_statement") OFFICIAL_STATEMENT,
    @JsonProperty("reference") REFERENCE,
    /** The article the dataset was built from; it is checked, never trusted on its own. */
    @JsonProperty("article_under_review") ARTICLE_UNDER_REVIEW;

    /**
     * The kinds an editor may give a new entry's source in {@code /resignations add}, as typed
     * (a reference or an article under review is never the source of an entry added by hand).
     */
    public static List<String> choices() {
        return Stream.of(PRESS_REPORT, OWN_STATEMENT, OFFICIAL_STATEMENT).map(k -> k.name().toLowerCase(Locale.ROOT)).toList();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
