package org.newsdesk.resignations.bench;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.newsdesk.resignations.chart.ChartFonts;
import org.newsdesk.resignations.chart.ChartModel;
import org.newsdesk.resignations.chart.ChartModels;
import org.newsdesk.resignations.chart.ChartRenderer;
import org.newsdesk.resignations.chart.Charts;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.query.StatsResult;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chart rendering for the shipped dataset, English and Arabic: the model from the stats, the
 * drawing and the PNG encoding, i.e. everything the timeline and stats commands add to the text.
 * Budget: under 300 ms per chart. Run: mvn -Pbench verify -Dbench=Chart
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Djava.awt.headless=true"})
public class ChartBench {

    @Param({"en", "ar"})
    public String lang;

    private Snapshot snapshot;
    private StatsResult stats;
    private ChartModels models;
    private ChartRenderer renderer;
    private Lang language;
    private Charts charts;
    private Reply text;

    @Setup
    public void setUp() throws Exception {
        snapshot = DatasetLoader.standard().loadBundled();
        Directory dir = new Directory(snapshot);
        stats = new Queries(() -> dir).stats();
        models = new ChartModels(Templates.bundled());
        renderer = new ChartRenderer(ChartFonts.bundled());
        language = Lang.parse(lang).orElseThrow();
        charts = new Charts(Templates.bundled());
        text = Reply.answer(List.of(new Card("timeline", "", List.of(), "")), Optional.empty());
    }

    /** The timeline's chart: departures per month, stacked by agency. */
    @Benchmark
    public byte[] monthlyChartPng() {
        ChartModel m = models.byMonth(snapshot, stats, language);
        return renderer.png(m);
    }

    /** The stats chart: departures per agency. */
    @Benchmark
    public byte[] agencyChartPng() {
        ChartModel m = models.byAgency(snapshot, stats, language);
        return renderer.png(m);
    }

    /**
     * What /resignations timeline adds to the text after the first time: model, then the PNG
     * already drawn for that model (Charts keeps one per model).
     */
    @Benchmark
    public Object timelineChartAttachment() {
        return charts.withMonthlyChart(text, snapshot, stats, language);
    }

    /** The model alone, to show where the time goes. */
    @Benchmark
    public ChartModel monthlyChartModel() {
        return models.byMonth(snapshot, stats, language);
    }
}
