package org.newsdesk.resignations.chart;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.StatsResult;
import org.newsdesk.resignations.render.Dates;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Templates;

/**
 * Builds chart models from the same query results as the text replies. Months are the month of
 * the announced date the dataset stands behind, exactly as {@code Queries.stats()} counts them;
 * an entry known only to the year is never put in a month: the chart says how many were left out.
 */
public final class ChartModels {

    /** Discord's limit for an attachment's description (alt text). */
    static final int ALT_TEXT = 1024;

    private final Templates t;
    private final Dates dates;

    public ChartModels(Templates templates) {
        this.t = templates;
        this.dates = new Dates(templates);
    }

    /** Departures per month announced, stacked by agency, every month from the first to the last. */
    public ChartModel byMonth(Snapshot s, StatsResult stats, Lang lang) {
        List<YearMonth> months = monthsSpanned(stats);
        Map<YearMonth, Integer> index = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            index.put(months.get(i), i);
        }
        // agency id -> count per month; agencies in the order of the text reply (most departures first)
        Map<String, int[]> counts = new LinkedHashMap<>();
        stats.byAgency().forEach(a -> counts.put(a.agency().id(), new int[months.size()]));
        for (Entry e : s.entries()) {
            PartialDate d = e.sortDate();
            if (d.precision() == PartialDate.Precision.YEAR) {
                continue;
            }
            Integer at = index.get(YearMonth.of(d.year(), d.month()));
            int[] row = counts.get(e.agency());
            if (at == null || row == null) {
                throw new IllegalStateException("entry " + e.id() + " is not in the counts of the text reply");
            }
            row[at]++;
        }
        List<ChartModel.Category> categories = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            boolean showYear = i == 0 || m.getMonthValue() == 1;
            String label = t.get(lang, "chart.month." + m.getMonthValue()) + (showYear ? "\n" + m.getYear() : "");
            categories.add(new ChartModel.Category(m.toString(), label, -1));
        }
        List<ChartModel.Series> series = new ArrayList<>();
        for (StatsResult.AgencyCount a : stats.byAgency()) {
            int[] row = counts.get(a.agency().id());
            List<Integer> values = Arrays.stream(row).boxed().toList();
            if (values.stream().anyMatch(v -> v > 0)) {
                series.add(new ChartModel.Series(a.agency().id(), a.agency().shortName().in(lang), colour(s, a.agency()), values));
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add(t.get(lang, "chart.by_month.basis"));
        if (stats.undatedMonth() > 0) {
            notes.add(t.get(lang, "chart.by_month.undated", "count", stats.undatedMonth()));
        }
        notes.add(source(s, lang));
        ChartModel model = new ChartModel(ChartModel.Kind.MONTHLY_BY_AGENCY, lang, t.get(lang, "chart.by_month.title"),
                categories, series, notes,
                monthlyDescription(months, series, stats, lang));
        checkMonthsAgree(model, stats);
        return model;
    }

    /** Departures per agency, in the order of the text reply; each bar in the agency's colour. */
    public ChartModel byAgency(Snapshot s, StatsResult stats, Lang lang) {
        List<ChartModel.Category> categories = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        for (StatsResult.AgencyCount a : stats.byAgency()) {
            String name = a.agency().shortName().in(lang);
            categories.add(new ChartModel.Category(a.agency().id(), name, colour(s, a.agency())));
            values.add(a.count());
            summary.append(summary.isEmpty() ? "" : separator(lang)).append(name).append(": ").append(a.count());
        }
        List<ChartModel.Series> series = categories.isEmpty() ? List.of()
                : List.of(new ChartModel.Series("count", t.get(lang, "chart.series.count"), -1, values));
        List<String> notes = List.of(t.get(lang, "chart.by_agency.basis", "total", stats.total()), source(s, lang));
        String description = t.get(lang, "chart.by_agency.alt", "total", stats.total(), "summary", summary.toString());
        return new ChartModel(ChartModel.Kind.COUNT_BY_AGENCY, lang, t.get(lang, "chart.by_agency.title"),
                categories, series, notes,
                Fit.shorten(description, ALT_TEXT));
    }

    private String monthlyDescription(List<YearMonth> months, List<ChartModel.Series> series, StatsResult stats, Lang lang) {
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            int total = 0;
            List<String> parts = new ArrayList<>();
            for (ChartModel.Series s : series) {
                int v = s.values().get(i);
                if (v > 0) {
                    total += v;
                    parts.add(s.label() + " " + v);
                }
            }
            if (total > 0) {
                YearMonth m = months.get(i);
                summary.append(summary.isEmpty() ? "" : separator(lang))
                        .append(dates.format(new PartialDate(m.getYear(), m.getMonthValue(), 0), lang))
                        .append(": ").append(total).append(" (").append(String.join(lang == Lang.AR ? "، " : ", ", parts)).append(')');
            }
        }
        String out = t.get(lang, "chart.by_month.alt", "summary", summary.toString());
        if (stats.undatedMonth() > 0) {
            out += " " + t.get(lang, "chart.by_month.undated", "count", stats.undatedMonth());
        }
        return Fit.shorten(out, ALT_TEXT);
    }

    private static String separator(Lang lang) {
        return lang == Lang.AR ? "؛ " : "; ";
    }

    private String source(Snapshot s, Lang lang) {
        return t.get(lang, "chart.source", "version", s.version(), "entries", s.entries().size());
    }

    /** An agency's colour is its place in the dataset's agency table, so it is the same in every chart. */
    static int colour(Snapshot s, Agency a) {
        return s.agencies().indexOf(a);
    }

    /** Every month from the first to the last month that has a departure, gaps included. */
    static List<YearMonth> monthsSpanned(StatsResult stats) {
        List<YearMonth> out = new ArrayList<>();
        if (stats.byMonth().isEmpty()) {
            return out;
        }
        PartialDate first = stats.byMonth().get(0).month();
        PartialDate last = stats.byMonth().get(stats.byMonth().size() - 1).month();
        for (YearMonth m = YearMonth.of(first.year(), first.month()); !m.isAfter(YearMonth.of(last.year(), last.month())); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The chart must show the months of the text reply, no more and no fewer; anything else is a bug. */
    private static void checkMonthsAgree(ChartModel model, StatsResult stats) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        stats.byMonth().forEach(m -> expected.put(YearMonth.of(m.month().year(), m.month().month()).toString(), m.count()));
        Map<String, Integer> drawn = new LinkedHashMap<>();
        model.categoryTotals().forEach((k, v) -> {
            if (v > 0) {
                drawn.put(k, v);
            }
        });
        if (!drawn.equals(expected)) {
            throw new IllegalStateException("the monthly chart " + drawn + " disagrees with the counts " + expected);
        }
    }
}
