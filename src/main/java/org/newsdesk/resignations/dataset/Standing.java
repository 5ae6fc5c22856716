package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the dataset stands behind one attested value of a fact. */
public enum Standing {
    /** The value the dataset stands behind. */
    @JsonProperty("preferred") PREFERRED,
    /** Credibly attested and not ruled out: the point is disputed. */
    @JsonProperty("alternative") ALTERNATIVE,
    /** Attested somewhere but contradicted by better sources: shown as an error, never as a fact. */
    @JsonProperty("rejected") REJECTED
}
