package org.newsdesk.resignations.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Our name index and Lucene side by side, on the same 100,000 generated people (two words,
 * both scripts, surname aliases: {@link NameCorpus}) and the same queries: a name with one typo
 * (space included) in English or Arabic, and the first 3–7 letters of a name for autocomplete.
 * Lucene: {@code FuzzyQuery} (two edits per term, every term required) and {@code PrefixQuery},
 * on keys folded by our Normalizer, one in-memory segment. Both return 5 hits for a lookup and
 * 25 for autocomplete. The setup of the first benchmark run ({@code arabicTypoLucene}, JMH runs
 * them in alphabetical order) prints the top-1 accuracy of both on {@code -Dbench.accuracy.queries}
 * queries per script (default 2,000; 0 skips it; more with {@link LookupAccuracy}).
 *
 * <p>Goals (issue 15): top-1 at least Lucene's; lookup median at least 30× faster, p99 under
 * 1 ms; autocomplete median at or below Lucene's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class LuceneComparisonBench {

    @Param({"100000"})
    public int people;

    private FuzzyIndex<Integer> ours;
    private LuceneNames lucene;
    private String[] typos;
    private String[] arabicTypos;
    private String[] prefixes;
    private int i;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        NameCorpus corpus = new NameCorpus(people, 42);
        ours = corpus.index();
        lucene = new LuceneNames(corpus.people());
        typos = corpus.typos(1024, NameCorpus.Script.EN, 7).text();
        arabicTypos = corpus.typos(1024, NameCorpus.Script.AR, 9).text();
        prefixes = corpus.prefixes(1024, 5);
        int queries = Integer.getInteger("bench.accuracy.queries", 2_000);
        // once per run, in the first fork (Lucene's Arabic fuzzy queries take tens of ms each)
        if (queries > 0 && params.getBenchmark().endsWith(".arabicTypoLucene")) {
            System.out.print("\n" + LookupAccuracy.report(corpus, ours, lucene, queries, false));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        lucene.close();
    }

    @Benchmark
    public Object typoOurs() {
        return ours.search(typos[i++ & 1023], 5, false);
    }

    @Benchmark
    public Object typoLucene() {
        return lucene.fuzzy(typos[i++ & 1023], 5);
    }

    @Benchmark
    public Object arabicTypoOurs() {
        return ours.search(arabicTypos[i++ & 1023], 5, false);
    }

    @Benchmark
    public Object arabicTypoLucene() {
        return lucene.fuzzy(arabicTypos[i++ & 1023], 5);
    }

    @Benchmark
    public Object prefixOurs() {
        return ours.search(prefixes[i++ & 1023], 25, true);
    }

    @Benchmark
    public Object prefixLucene() {
        return lucene.prefix(prefixes[i++ & 1023], 25);
    }
}
