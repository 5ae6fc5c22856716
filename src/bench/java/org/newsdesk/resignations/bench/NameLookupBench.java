package org.newsdesk.resignations.bench;

import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.SchemaCheck;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.search.FuzzyIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Name lookup and autocomplete at 100,000 generated entries, uncached (the Directory's cache
 * is bypassed by calling the index), against a linear fuzzy scan of the same entries.
 * Budget (DESIGN.md): p99 under 1 ms and at least 50x faster than the scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class NameLookupBench {

    @Param({"100000"})
    public int entries;

    private FuzzyIndex<Entry> index;
    private String[] typos;
    private String[] arabic;
    private String[] prefixes;
    private int i;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
        SyntheticDataset.Generated g = SyntheticDataset.write(entries, 42, json);
        Snapshot s = new DatasetLoader(new SchemaCheck(), Clock.systemUTC()).load("synthetic.json", json.toByteArray());
        index = peopleIndex(s);
        Random r = new Random(7);
        typos = new String[1024];
        arabic = new String[1024];
        prefixes = new String[1024];
        List<SyntheticDataset.Person> people = g.people();
        for (int k = 0; k < typos.length; k++) {
            SyntheticDataset.Person p = people.get(r.nextInt(people.size()));
            typos[k] = SyntheticDataset.typo(p.en(), r);
            arabic[k] = p.ar();
            prefixes[k] = p.en().substring(0, Math.min(p.en().length(), 3 + r.nextInt(5)));
        }
    }

    static FuzzyIndex<Entry> peopleIndex(Snapshot s) {
        List<FuzzyIndex.Item<Entry>> items = s.entries().stream().map(e -> {
            List<String> keys = new java.util.ArrayList<>(List.of(e.name().en(), e.name().ar()));
            keys.addAll(e.aliases());
            return new FuzzyIndex.Item<>(e, keys);
        }).toList();
        return new FuzzyIndex<>(items);
    }

    @Benchmark
    public Object lookupWithTypo() {
        return index.search(typos[i++ & 1023], 5, false);
    }

    @Benchmark
    public Object lookupArabic() {
        return index.search(arabic[i++ & 1023], 5, false);
    }

    @Benchmark
    public Object autocompletePrefix() {
        return index.search(prefixes[i++ & 1023], 25, true);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 3)
    public Object linearScanBaseline() {
        return index.linearScan(typos[i++ & 1023], 5);
    }
}
