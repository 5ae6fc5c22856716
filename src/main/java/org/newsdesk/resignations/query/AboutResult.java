package org.newsdesk.resignations.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.DatasetInfo;
import org.newsdesk.resignations.dataset.Entry;

public record AboutResult(DatasetInfo info, String version, int entries, int agencies, int sources,
                          Optional<LocalDate> lastAdded, List<Entry> addedLast) {
    public AboutResult {
        addedLast = List.copyOf(addedLast);
    }
}
