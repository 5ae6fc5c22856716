package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kind of departure; pushed-out cases are kept apart from plain resignations. */
public enum Departure {
    @JsonProperty("resigned") RESIGNED,
    @JsonProperty("pushed_out") PUSHED_OUT,
    @JsonProperty("contract_ended") CONTRACT_ENDED,
    @JsonProperty("retired") RETIRED,
    @JsonProperty("military_separation") MILITARY_SEPARATION,
    @JsonProperty("fired") FIRED;

    /** The values as an editor types them in {@code /resignations add}: {@code resigned}, {@code pushed_out}, … */
    public static List<String> choices() {
        return Arrays.stream(values()).map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
