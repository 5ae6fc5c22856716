package org.newsdesk.resignations.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.factcheck.FactCheckCommands;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;

/**
 * Companion to {@link FactCheckBench} for shared machines: the same claims, timed one by one with
 * both wall-clock time and the thread's CPU time. When other processes compete for the cores,
 * wall-clock percentiles include the time this thread waited to be scheduled; CPU time is what
 * the check itself costs. Run after {@code mvn -Pbench -DskipTests compile}:
 * {@code java -Xmx2g -cp target/classes:<classpath> org.newsdesk.resignations.bench.FactCheckCpuTime}.
 */
public final class FactCheckCpuTime {

    private FactCheckCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int n : List.of(14, 100_000)) {
            FactCheckSyntheticData.Generated g = FactCheckSyntheticData.build(n, 42);
            Directory d = new Directory(g.snapshot());
            FactCheckCommands commands = new FactCheckCommands(() -> d, new Replies(Templates.bundled()));
            String[] claims = claims(g);
            for (boolean render : new boolean[]{false, true}) {
                int warm = 20_000;
                int runs = 20_000;
                long[] wall = new long[runs];
                long[] cpu = new long[runs];
                for (int i = 0; i < warm + runs; i++) {
                    String c = claims[i % claims.length];
                    Lang lang = i % 2 == 0 ? Lang.EN : Lang.AR;
                    long w0 = System.nanoTime();
                    long c0 = mx.getCurrentThreadCpuTime();
                    Object r = render ? commands.check(c, lang) : commands.checker().check(c);
                    long c1 = mx.getCurrentThreadCpuTime();
                    long w1 = System.nanoTime();
                    if (r == null) {
                        throw new IllegalStateException();
                    }
                    if (i >= warm) {
                        wall[i - warm] = w1 - w0;
                        cpu[i - warm] = c1 - c0;
                    }
                }
                System.out.printf("%6d entries, %-16s wall p50 %7.3f p99 %7.3f ms | cpu p50 %7.3f p99 %7.3f p99.9 %7.3f ms%n",
                        n, render ? "check+render" : "check", pct(wall, 50), pct(wall, 99), pct(cpu, 50), pct(cpu, 99),
                        pct(cpu, 99.9));
            }
        }
    }

    private static String[] claims(FactCheckSyntheticData.Generated g) {
        List<String> out = new java.util.ArrayList<>(List.of(FactCheckBench.FIXED));
        Random r = new Random(3);
        for (int k = 0; k < 60 && !g.people().isEmpty(); k++) {
            var a = g.people().get(r.nextInt(g.people().size()));
            var b = g.people().get(r.nextInt(g.people().size()));
            var c = g.people().get(r.nextInt(g.people().size()));
            out.add(k % 2 == 0 ? FactCheckBench.english(a.en(), b.en(), c.en()) : FactCheckBench.arabic(a.ar(), b.ar(), c.ar()));
        }
        if (g.people().isEmpty()) {
            out.add(FactCheckBench.english("Josh Paul", "Mike Casey", "Mohammed Abu Hashem"));
            out.add(FactCheckBench.arabic("جوش بول", "مايك كيسي", "محمد أبو هاشم"));
        }
        return out.toArray(String[]::new);
    }

    private static double pct(long[] values, double p) {
        long[] v = values.clone();
        Arrays.sort(v);
        int i = (int) Math.min(v.length - 1, Math.ceil(p / 100.0 * v.length) - 1);
        return v[Math.max(0, i)] / 1e6;
    }
}
