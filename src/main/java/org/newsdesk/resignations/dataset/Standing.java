package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the dataset stands behind one attested value of a fact. */
public enum Standing {
    /** The value the dataset stands behind. */
    @JsonProperty("preferred") PREFERRED,
    /** Credibly attested and not ruled out: the point is disputed. */
    @JsonProperty("alternative") ALTERNATIVE,
    /**
     * Not stood behind as settled, but no credible source contradicts it (Miller's 30 June within
     * "end of June"): shown as unconfirmed, never as disputed, and never as a confirmed fact.
     */
    @JsonProperty("unconfirmed") UNCONFIRMED,
    /** Attested somewhere but contradicted by better sources: shown as an error, never as a fact. */
    @JsonProperty("rejected") REJECTED
}
