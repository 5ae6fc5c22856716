package org.newsdesk.resignations.query;

import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;

/** Entries of one agency (or all) in a date range, in date order. */
public record ListResult(Optional<Agency> agency, DateRange range, List<Entry> entries) {
    public ListResult {
        entries = List.copyOf(entries);
    }
}
