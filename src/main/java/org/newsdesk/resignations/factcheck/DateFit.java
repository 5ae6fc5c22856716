package org.newsdesk.resignations.factcheck;

import java.time.LocalDate;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.PartialDate;

/**
 * How a claimed date relates to a dataset value. CONTAINS: everything the value may mean lies
 * within what the claim says ("May 2024" holds 15 May). PARTIAL: they overlap but the claim is
 * more precise than the value ("30 June" against "late June"). DISJOINT: they cannot both hold.
 * A claimed part of a month ("late May") gets three days of slack before it contradicts.
 */
enum DateFit {
    CONTAINS, PARTIAL, DISJOINT;

    static DateFit of(Claimed.DateOf c, PartialDate v, DatePart vPart) {
        int year = c.year() != 0 ? c.year() : v.year();
        LocalDate cFrom;
        LocalDate cTo;
        if (c.month() == 0) {
            cFrom = LocalDate.of(year, 1, 1);
            cTo = LocalDate.of(year, 12, 31);
        } else if (c.day() != 0) {
            cFrom = LocalDate.of(year, c.month(), c.day());
            cTo = cFrom;
        } else {
            LocalDate[] r = monthRange(year, c.month(), c.part());
            cFrom = r[0];
            cTo = r[1];
        }
        LocalDate vFrom;
        LocalDate vTo;
        if (v.precision() == PartialDate.Precision.MONTH && vPart != null) {
            LocalDate[] r = monthRange(v.year(), v.month(), vPart);
            vFrom = r[0];
            vTo = r[1];
        } else {
            vFrom = v.earliestDay();
            vTo = v.latestDay();
        }
        if (!vFrom.isBefore(cFrom) && !vTo.isAfter(cTo)) {
            return CONTAINS;
        }
        int slack = c.part() != null ? 3 : 0;
        if (vTo.isBefore(cFrom.minusDays(slack)) || vFrom.isAfter(cTo.plusDays(slack))) {
            return DISJOINT;
        }
        return PARTIAL;
    }

    private static LocalDate[] monthRange(int year, int month, DatePart part) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        if (part == null) {
            return new LocalDate[]{first, last};
        }
        return switch (part) {
            case EARLY -> new LocalDate[]{first, first.withDayOfMonth(10)};
            case MID -> new LocalDate[]{first.withDayOfMonth(11), first.withDayOfMonth(20)};
            case LATE -> new LocalDate[]{first.withDayOfMonth(21), last};
        };
    }
}
