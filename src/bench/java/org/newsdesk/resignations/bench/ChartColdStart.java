package org.newsdesk.resignations.bench;

import java.util.concurrent.TimeUnit;
import org.newsdesk.resignations.chart.ChartFonts;
import org.newsdesk.resignations.chart.ChartModels;
import org.newsdesk.resignations.chart.ChartRenderer;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.query.StatsResult;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first chart a fresh JVM draws: fonts read from the jar, Java2D and JFreeChart classes
 * loaded, nothing compiled yet. One shot per fork; this is what decides whether the first
 * /resignations timeline after a restart could come near Discord's 3 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Djava.awt.headless=true"})
public class ChartColdStart {

    private Snapshot snapshot;
    private StatsResult stats;
    private Templates templates;

    @Setup
    public void setUp() throws Exception {
        snapshot = DatasetLoader.standard().loadBundled();
        Directory dir = new Directory(snapshot);
        stats = new Queries(() -> dir).stats();
        templates = Templates.bundled();
    }

    /** Font loading, first layout of Arabic text, first PNG: the Arabic monthly chart from nothing. */
    @Benchmark
    public byte[] firstArabicMonthlyChart() {
        ChartRenderer renderer = new ChartRenderer(ChartFonts.bundled());
        return renderer.png(new ChartModels(templates).byMonth(snapshot, stats, Lang.AR));
    }
}
