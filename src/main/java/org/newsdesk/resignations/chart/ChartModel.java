package org.newsdesk.resignations.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.newsdesk.resignations.dataset.Lang;

/**
 * What a chart shows, as plain data: categories along one axis, one or more series (stacked when
 * there are several), every label already in the reply language. The renderer draws exactly this
 * and nothing else, so a test of the model is a test of the data in the picture.
 *
 * The title says what is counted, so the axes carry no labels of their own (a rotated Arabic
 * label is hard to read).
 *
 * @param notes       lines printed under the chart (basis of the counts, what is left out, source)
 * @param description the chart said in words, used as the image's alt text
 */
public record ChartModel(Kind kind, Lang lang, String title, List<Category> categories, List<Series> series, List<String> notes, String description) {

    public enum Kind {
        /** Columns per month, stacked by agency; months run in reading order (right to left in Arabic). */
        MONTHLY_BY_AGENCY,
        /** One bar per agency, most departures first. */
        COUNT_BY_AGENCY
    }

    /**
     * @param key    a stable identifier: "2024-05" for a month, the agency id for an agency
     * @param colour the agency's palette index when the category is an agency, else -1
     */
    public record Category(String key, String label, int colour) {
    }

    /**
     * @param key    a stable identifier (the agency id, or "count" for a single series)
     * @param colour index into the renderer's palette; an agency keeps its colour in every chart
     * @param values one count per category, in category order
     */
    public record Series(String key, String label, int colour, List<Integer> values) {
        public Series {
            values = List.copyOf(values);
        }

        public int total() {
            return values.stream().mapToInt(Integer::intValue).sum();
        }
    }

    public ChartModel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(lang, "lang");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        notes = List.copyOf(notes);
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.key() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
            if (s.values().stream().anyMatch(v -> v < 0)) {
                throw new IllegalArgumentException("series " + s.key() + " has a negative count");
            }
        }
    }

    /** The sum over all series for each category key, in category order. */
    public Map<String, Integer> categoryTotals() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            int sum = 0;
            for (Series s : series) {
                sum += s.values().get(i);
            }
            out.put(categories.get(i).key(), sum);
        }
        return out;
    }

    /** The total of each series, in series order. */
    public Map<String, Integer> seriesTotals() {
        Map<String, Integer> out = new LinkedHashMap<>();
        series.forEach(s -> out.put(s.key(), s.total()));
        return out;
    }

    /** Everything drawn, added up. */
    public int total() {
        return series.stream().mapToInt(Series::total).sum();
    }

    /** The largest stacked column or bar, for the axis range. */
    public int maxCategoryTotal() {
        return categoryTotals().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
