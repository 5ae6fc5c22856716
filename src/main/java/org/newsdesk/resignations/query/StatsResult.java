package org.newsdesk.resignations.query;

import java.util.List;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.PartialDate;

/**
 * Counts by agency (most first) and by month of the announced date. Entries whose date is known
 * only to the year are counted in {@code undatedMonth} rather than put in a month they may not belong to.
 */
public record StatsResult(int total, List<AgencyCount> byAgency, List<MonthCount> byMonth, int undatedMonth) {

    public record AgencyCount(Agency agency, int count) {
    }

    /** {@code month} is a month-precision date. */
    public record MonthCount(PartialDate month, int count) {
    }

    public StatsResult {
        byAgency = List.copyOf(byAgency);
        byMonth = List.copyOf(byMonth);
    }
}
