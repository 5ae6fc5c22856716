package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of departure; pushed-out cases are kept apart from plain resignations. */
public enum Departure {
    @JsonProperty("resigned") RESIGNED,
    @JsonProperty("pushed_out") PUSHED_OUT,
    @JsonProperty("contract_ended") CONTRACT_ENDED,
    @JsonProperty("retired") RETIRED,
    @JsonProperty("military_separation") MILITARY_SEPARATION,
    @JsonProperty("fired") FIRED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
