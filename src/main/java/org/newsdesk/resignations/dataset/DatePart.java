package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Part of a month, for dates such as "late May 2024". */
public enum DatePart {
    @JsonProperty("early") EARLY,
    @JsonProperty("mid") MID,
    @JsonProperty("late") LATE
}
