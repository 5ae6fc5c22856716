package org.newsdesk.resignations.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.newsdesk.resignations.search.FuzzyIndex;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Autocomplete, ours against Lucene's {@code PrefixQuery}, for a shared machine: one process,
 * the same 1,024 prefixes as {@link LuceneComparisonBench}, each query timed with the thread's
 * CPU time (waiting for a core does not count) and the two engines alternating query by query,
 * so both see the machine in the same state. Prints, per round, the median and mean of each,
 * split by one-word and several-word prefixes; also the heap the index retains.
 *
 * <pre>java -Xmx2g -cp ... org.newsdesk.resignations.bench.PrefixCpuTime [people] [rounds]</pre>
 *
 * {@code -Ddump=FILE} writes each prefix's 25 choices (person, score, key) for comparing two
 * versions of the index (the English prefixes and as many Arabic ones of 1–7 letters), and
 * every person's folded keys to {@code FILE.keys};
 * {@code -Dqueries=N} uses N prefixes (default 1,024).
 */
public final class PrefixCpuTime {

    private PrefixCpuTime() {
    }

    public static void main(String[] args) throws IOException {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int count = Integer.getInteger("queries", 1024);
        NameCorpus corpus = new NameCorpus(people, 42);
        long before = retained();
        long start = System.nanoTime();
        FuzzyIndex<Integer> ours = corpus.index();
        long took = System.nanoTime() - start;
        long after = retained();
        System.out.printf("index of %,d people: built in %d ms, %.1f MB retained%n", people, took / 1_000_000,
                (after - before) / 1e6);
        String[] prefixes = corpus.prefixes(count, 5);
        String dump = System.getProperty("dump");
        if (dump != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(dump), StandardCharsets.UTF_8))) {
                // and as many Arabic prefixes (1-7 letters), which the timing leaves out
                Random r = new Random(11);
                String[] arabic = new String[prefixes.length];
                for (int k = 0; k < arabic.length; k++) {
                    String ar = corpus.people().get(r.nextInt(people)).ar();
                    arabic[k] = ar.substring(0, Math.min(ar.length(), 1 + r.nextInt(7)));
                }
                for (String[] list : new String[][] {prefixes, arabic}) {
                    for (String p : list) {
                        w.println("Q\t" + p + "\t" + Normalizer.normalize(p));
                        for (FuzzyIndex.Match<Integer> m : ours.search(p, 25, true)) {
                            w.printf("%d\t%.12f\t%s%n", m.value(), m.score(), m.key());
                        }
                    }
                }
            }
            // every person's keys, folded, to tell which choices start with what was typed
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(dump + ".keys"), StandardCharsets.UTF_8))) {
                for (int k = 0; k < people; k++) {
                    for (String key : corpus.people().get(k).keys()) {
                        w.println(k + "\t" + Normalizer.normalize(key));
                    }
                }
            }
            System.out.println("choices written to " + dump + ", folded keys to " + dump + ".keys");
        }
        boolean[] multi = new boolean[prefixes.length];
        for (int k = 0; k < prefixes.length; k++) {
            multi[k] = Normalizer.tokens(prefixes[k]).length > 1;
        }
        try (LuceneNames lucene = new LuceneNames(corpus.people())) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long sink = 0;
            for (int round = -2; round < rounds; round++) {
                long[] oursCpu = new long[prefixes.length];
                long[] luceneCpu = new long[prefixes.length];
                for (int k = 0; k < prefixes.length; k++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    sink += ours.search(prefixes[k], 25, true).size();
                    long t1 = mx.getCurrentThreadCpuTime();
                    sink += lucene.prefix(prefixes[k], 25).scoreDocs.length;
                    long t2 = mx.getCurrentThreadCpuTime();
                    oursCpu[k] = t1 - t0;
                    luceneCpu[k] = t2 - t1;
                }
                if (round < 0) {
                    continue;   // warm-up
                }
                System.out.printf("round %d  ours %s | Lucene %s%n", round, stats(oursCpu, multi), stats(luceneCpu, multi));
            }
            System.out.println("(" + sink + ")");
        }
    }

    private static String stats(long[] cpu, boolean[] multi) {
        return String.format("median %6.1f µs mean %6.1f µs (one word: median %6.1f, several: median %6.1f)",
                median(cpu, null, false), Arrays.stream(cpu).average().orElse(0) / 1e3,
                median(cpu, multi, false), median(cpu, multi, true));
    }

    private static double median(long[] values, boolean[] multi, boolean which) {
        long[] v = java.util.stream.IntStream.range(0, values.length)
                .filter(i -> multi == null || multi[i] == which).mapToLong(i -> values[i]).sorted().toArray();
        return v.length == 0 ? 0 : v[v.length / 2] / 1e3;
    }

    private static long retained() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
