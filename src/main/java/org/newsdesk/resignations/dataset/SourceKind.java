package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SourceKind {
    @JsonProperty("own_statement") OWN_STATEMENT,
    @JsonProperty("press_report") PRESS_REPORT,
    @JsonProperty("official_statement") OFFICIAL_STATEMENT,
    @JsonProperty("reference") REFERENCE,
    /** The article the dataset was built from; it is checked, never trusted on its own. */
    @JsonProperty("article_under_review") ARTICLE_UNDER_REVIEW;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
