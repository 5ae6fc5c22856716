package org.newsdesk.resignations.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Dataset;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.query.StatsResult;
import org.newsdesk.resignations.render.Dates;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;

/** The chart models hold exactly the numbers of the text replies, in Arabic and in English. */
class ChartModelsTest {

    private static final Templates T = Templates.bundled();
    private final ChartModels models = new ChartModels(T);
    private final Application app = Fixtures.bundledApp();

    @ParameterizedTest
    @EnumSource(Lang.class)
    void monthlyChartHasTheMonthsAndCountsOfTheStatsReply(Lang lang) {
        StatsResult stats = app.queries().stats();
        ChartModel m = models.byMonth(app.snapshot(), stats, lang);

        Map<String, Integer> fromStats = new LinkedHashMap<>();
        stats.byMonth().forEach(c -> fromStats.put(c.month().toString(), c.count()));
        Map<String, Integer> drawn = new LinkedHashMap<>();
        m.categoryTotals().forEach((k, v) -> {
            if (v > 0) {
                drawn.put(k, v);
            }
        });
        assertThat(drawn).containsExactlyEntriesOf(fromStats);
        assertThat(m.total()).isEqualTo(stats.total() - stats.undatedMonth()).isEqualTo(14);

        // and the same numbers as the words of the text reply, month by month
        String text = PlainText.render(app.replies().stats(app.snapshot(), stats, lang));
        Dates dates = new Dates(T);
        stats.byMonth().forEach(c ->
                assertThat(text).contains(dates.format(c.month(), lang) + ": " + m.categoryTotals().get(c.month().toString())));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void monthsRunWithoutGapsFromTheFirstDepartureToTheLast(Lang lang) {
        ChartModel m = models.byMonth(app.snapshot(), app.queries().stats(), lang);
        assertThat(m.categories()).hasSize(15);
        assertThat(m.categories().get(0).key()).isEqualTo("2023-10");
        assertThat(m.categories().get(14).key()).isEqualTo("2024-12");
        assertThat(m.categoryTotals()).containsEntry("2024-02", 0).containsEntry("2024-05", 4).containsEntry("2024-06", 3);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void monthlyChartIsStackedByAgencyWithTheAgencyCountsOfTheText(Lang lang) {
        StatsResult stats = app.queries().stats();
        ChartModel m = models.byMonth(app.snapshot(), stats, lang);
        Map<String, Integer> byAgency = new LinkedHashMap<>();
        stats.byAgency().forEach(a -> byAgency.put(a.agency().id(), a.count()));
        assertThat(m.seriesTotals()).containsExactlyEntriesOf(byAgency);
        // May 2024: Mann (Pentagon), Call (Interior), Smith (USAID), Gilbert (State)
        int may = indexOf(m, "2024-05");
        Map<String, Integer> inMay = new LinkedHashMap<>();
        m.series().forEach(s -> {
            if (s.values().get(may) > 0) {
                inMay.put(s.key(), s.values().get(may));
            }
        });
        assertThat(inMay).containsOnly(Map.entry("state", 1), Map.entry("interior", 1), Map.entry("usaid", 1),
                Map.entry("defense", 1));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void agencyChartHasTheAgenciesAndCountsOfTheStatsReplyInItsOrder(Lang lang) {
        StatsResult stats = app.queries().stats();
        ChartModel m = models.byAgency(app.snapshot(), stats, lang);
        assertThat(m.categories()).extracting(ChartModel.Category::key)
                .containsExactlyElementsOf(stats.byAgency().stream().map(a -> a.agency().id()).toList());
        assertThat(m.series()).hasSize(1);
        assertThat(m.series().get(0).values())
                .containsExactlyElementsOf(stats.byAgency().stream().map(StatsResult.AgencyCount::count).toList());
        assertThat(m.total()).isEqualTo(stats.total());

        String text = PlainText.render(app.replies().stats(app.snapshot(), stats, lang));
        for (int i = 0; i < m.categories().size(); i++) {
            assertThat(text).contains(m.categories().get(i).label() + ": " + m.series().get(0).values().get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void timelineChartCountsTheEntriesOfTheTimelineReply(Lang lang) {
        ChartModel m = models.byMonth(app.snapshot(), app.queries().stats(), lang);
        Map<String, Integer> fromTimeline = new LinkedHashMap<>();
        for (Entry e : app.queries().timeline()) {
            PartialDate d = e.sortDate();
            fromTimeline.merge(String.format("%04d-%02d", d.year(), d.month()), 1, Integer::sum);
        }
        fromTimeline.forEach((month, n) -> assertThat(m.categoryTotals()).containsEntry(month, n));
    }

    @Test
    void labelsAreInTheReplyLanguage() {
        StatsResult stats = app.queries().stats();
        ChartModel en = models.byMonth(app.snapshot(), stats, Lang.EN);
        ChartModel ar = models.byMonth(app.snapshot(), stats, Lang.AR);
        assertThat(en.title()).isEqualTo("Departures made public per month, by agency");
        assertThat(ar.title()).isEqualTo("حالات المغادرة المُعلَنة في كل شهر، حسب الجهة");
        // the year under the first month and under each January
        assertThat(en.categories().get(0).label()).isEqualTo("Oct\n2023");
        assertThat(ar.categories().get(0).label()).isEqualTo("أكتوبر\n2023");
        assertThat(en.categories().get(1).label()).isEqualTo("Nov");
        assertThat(ar.categories().get(3).label()).isEqualTo("يناير\n2024");
        assertThat(en.series().get(0).label()).isEqualTo("State Department");
        assertThat(ar.series().get(0).label()).isEqualTo("الخارجية الأمريكية");
        ChartModel agenciesAr = models.byAgency(app.snapshot(), stats, Lang.AR);
        assertThat(agenciesAr.categories()).extracting(ChartModel.Category::label).contains("البنتاغون", "البيت الأبيض");
        assertThat(agenciesAr.description()).startsWith("رسم بياني").contains("الخارجية الأمريكية: 6");
        assertThat(en.description()).contains("May 2024: 4 (");
        assertThat(ar.notes()).anyMatch(n -> n.contains(app.snapshot().version()));
    }

    @Test
    void anAgencyKeepsItsColourInBothCharts() {
        StatsResult stats = app.queries().stats();
        ChartModel months = models.byMonth(app.snapshot(), stats, Lang.EN);
        ChartModel agencies = models.byAgency(app.snapshot(), stats, Lang.EN);
        for (ChartModel.Series s : months.series()) {
            assertThat(agencies.categories()).filteredOn(c -> c.key().equals(s.key()))
                    .singleElement().extracting(ChartModel.Category::colour).isEqualTo(s.colour());
        }
    }

    /** An entry known only to the year is in the counts by agency but in no month, and the chart says so. */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void entriesKnownOnlyToTheYearAreNotPutInAMonth(Lang lang) {
        Snapshot s = withAnnounced(Map.of("mike-casey", new Attested<>(PartialDate.parse("2024"), null, List.of("source-article-ar"),
                Standing.PREFERRED, null, null), "josh-paul", new Attested<>(PartialDate.parse("2023-10"), DatePart.LATE,
                List.of("source-article-ar"), Standing.PREFERRED, null, null)));
        StatsResult stats = new Queries(() -> new Directory(s)).stats();
        assertThat(stats.undatedMonth()).isEqualTo(1);

        ChartModel m = models.byMonth(s, stats, lang);
        assertThat(m.total()).isEqualTo(13);
        assertThat(m.categories()).extracting(ChartModel.Category::key).last().isEqualTo("2024-07");
        assertThat(m.categoryTotals()).containsEntry("2023-10", 1);  // "late October" stays in October
        assertThat(m.notes()).contains(T.get(lang, "chart.by_month.undated", "count", 1));
        assertThat(m.description()).contains(T.get(lang, "chart.by_month.undated", "count", 1));
        assertThat(models.byAgency(s, stats, lang).total()).isEqualTo(14);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void altTextFitsDiscordsLimit(Lang lang) {
        StatsResult stats = app.queries().stats();
        assertThat(models.byMonth(app.snapshot(), stats, lang).description()).hasSizeLessThanOrEqualTo(ChartModels.ALT_TEXT);
        assertThat(models.byAgency(app.snapshot(), stats, lang).description()).hasSizeLessThanOrEqualTo(ChartModels.ALT_TEXT);
    }

    @Test
    void timelineAndStatsRepliesCarryTheirChart() {
        Reply timeline = app.router().handle(new CommandRequest("resignations", "timeline",
                Map.of("lang", "ar")), RequestContext.CONSOLE);
        Reply stats = app.router().handle(new CommandRequest("resignations", "stats",
                Map.of()), RequestContext.CONSOLE);
        assertThat(timeline.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("departures-by-month-ar.png");
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.description()).startsWith("رسم بياني");
            assertThat(a.data()).startsWith(0x89, 'P', 'N', 'G');
        });
        assertThat(stats.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("departures-by-agency-en.png");
            assertThat(a.description()).startsWith("Bar chart of departures by agency, 14 in all.");
        });
    }

    @Test
    void whenTheChartCannotBeDrawnTheTextGoesOutAlone() {
        Charts broken = new Charts(models, () -> {
            throw new IllegalStateException("no font");
        });
        Reply text = app.replies().stats(app.snapshot(), app.queries().stats(), Lang.EN);
        assertThat(broken.withAgencyChart(text, app.snapshot(), app.queries().stats(), Lang.EN)).isSameAs(text);
    }

    @Test
    void theSameChartIsDrawnOnceAndAChangeInTheDataDrawsItAgain() {
        int[] drawings = {0};
        ChartRenderer real = new ChartRenderer(ChartFonts.bundled());
        Charts charts = new Charts(models, () -> {
            drawings[0]++;      // asked for once per drawing
            return real;
        });
        StatsResult stats = app.queries().stats();
        Reply text = app.replies().stats(app.snapshot(), stats, Lang.AR);
        byte[] first = charts.withAgencyChart(text, app.snapshot(), stats, Lang.AR).attachments().get(0).data();
        byte[] again = charts.withAgencyChart(text, app.snapshot(), stats, Lang.AR).attachments().get(0).data();
        assertThat(again).isSameAs(first);
        assertThat(drawings[0]).isEqualTo(1);
        charts.withAgencyChart(text, app.snapshot(), stats, Lang.EN);
        assertThat(drawings[0]).isEqualTo(2);
    }

    private static int indexOf(ChartModel m, String key) {
        for (int i = 0; i < m.categories().size(); i++) {
            if (m.categories().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError(key);
    }

    /** The bundled dataset with the announced date of some entries replaced. */
    static Snapshot withAnnounced(Map<String, Attested<PartialDate>> announced) {
        Dataset d = Fixtures.bundled().dataset();
        List<Entry> entries = new ArrayList<>();
        for (Entry e : d.entries()) {
            Attested<PartialDate> a = announced.get(e.id());
            entries.add(a == null ? e : new Entry(e.id(), e.added(), e.name(), e.aliases(), e.agency(), e.inArticle(),
                    e.confidence(), e.confidenceNote(), e.departure(), e.office(), e.title(), new Fact<>(List.of(a), null),
                    e.effective(), e.statedReason(), e.reportedReason(), e.notes()));
        }
        return new Snapshot(new Dataset(d.schemaVersion(), d.dataset(), d.agencies(), d.sources(), entries), "test");
    }
}
