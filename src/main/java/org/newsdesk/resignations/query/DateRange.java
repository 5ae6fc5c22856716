package org.newsdesk.resignations.query;

import java.util.Optional;
import org.newsdesk.resignations.dataset.PartialDate;

/** An inclusive range of announced dates; either end may be open. */
public record DateRange(Optional<PartialDate> from, Optional<PartialDate> to) {

    public static final DateRange ALL = new DateRange(Optional.empty(), Optional.empty());

    public boolean isAll() {
        return from.isEmpty() && to.isEmpty();
    }

    /** A date of any precision is inside when the part of it that is known can fall in the range. */
    public boolean contains(PartialDate d) {
        if (from.isPresent() && d.latestDay().isBefore(from.get().earliestDay())) {
            return false;
        }
        return to.isEmpty() || !d.earliestDay().isAfter(to.get().latestDay());
    }
}
