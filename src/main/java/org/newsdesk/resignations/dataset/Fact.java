package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A sourced fact: every value attested for it, each with its sources and standing. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Fact<T>(List<Attested<T>> values, @Nullable Text note) {

    /** Whether the sources settle the point. */
    public enum Status {
        /** One value the dataset stands behind; anything else attested is a recorded error. */
        SETTLED,
        /** The dataset stands behind one value, but a credible source gives another. */
        DISPUTED,
        /** The dataset stands behind one value; a more precise or other value is attested but unconfirmed, and nothing contradicts it. */
        UNCONFIRMED,
        /** Credible sources disagree and the dataset takes no side. */
        CONTESTED
    }

    public Fact {
        values = values == null ? List.of() : List.copyOf(values);
    }

    // Loops, not streams: these run for every entry on every load (sorting, indexing).
    @JsonIgnore
    public Optional<Attested<T>> preferred() {
        for (Attested<T> v : values) {
            if (v.standing() == Standing.PREFERRED) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @JsonIgnore
    public List<Attested<T>> alternatives() {
        return values.stream().filter(v -> v.standing() == Standing.ALTERNATIVE).toList();
    }

    @JsonIgnore
    public List<Attested<T>> unconfirmed() {
        return values.stream().filter(v -> v.standing() == Standing.UNCONFIRMED).toList();
    }

    @JsonIgnore
    public List<Attested<T>> rejected() {
        return values.stream().filter(v -> v.standing() == Standing.REJECTED).toList();
    }

    /** Values a reader may be told as facts (preferred first, then alternatives); unconfirmed ones are not. */
    @JsonIgnore
    public List<Attested<T>> credible() {
        return values.stream().filter(v -> v.standing() != Standing.REJECTED && v.standing() != Standing.UNCONFIRMED)
                .sorted((a, b) -> Boolean.compare(b.standing() == Standing.PREFERRED, a.standing() == Standing.PREFERRED))
                .toList();
    }

    @JsonIgnore
    public Status status() {
        if (preferred().isEmpty()) {
            return Status.CONTESTED;
        }
        if (!alternatives().isEmpty()) {
            return Status.DISPUTED;
        }
        return unconfirmed().isEmpty() ? Status.SETTLED : Status.UNCONFIRMED;
    }

    /** The value to sort or count by: the preferred one, else the first credible one. */
    @JsonIgnore
    public Optional<Attested<T>> primary() {
        Optional<Attested<T>> p = preferred();
        if (p.isPresent()) {
            return p;
        }
        for (Attested<T> v : values) {
            if (v.standing() == Standing.ALTERNATIVE) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
