package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record Agency(String id, Text name, @JsonProperty("short") Text shortName, List<String> aliases) {
    public Agency {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
