package org.newsdesk.resignations.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * The same comparison as {@link DiscordEndToEndBench}, interleaved: one JDA client, and each
 * round sends /ping, then /resignations who, so both see the same machine at the same moment (the
 * ratio stays honest on a busy machine, where separate JMH forks may not). Prints median, p90 and
 * p99 of each and the ratio of medians. Run:
 * <pre>
 * mvn -q -Pbench test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath org.newsdesk.resignations.bench.DiscordLatencyProbe 3000"
 * </pre>
 */
public final class DiscordLatencyProbe {

    private DiscordLatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        DiscordEndToEndBench b = new DiscordEndToEndBench();
        b.setUp();
        try {
            Map<String, long[]> samples = Map.of("ping", new long[rounds], "pingEmbed", new long[rounds],
                    "who", new long[rounds], "whoArabic", new long[rounds]);
            for (int pass = 0; pass < 2; pass++) {
                int n = pass == 0 ? Math.max(500, rounds / 2) : rounds;   // warm-up pass, then measured pass
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    b.ping();
                    long t1 = System.nanoTime();
                    b.who();
                    long t2 = System.nanoTime();
                    b.whoArabic();
                    long t3 = System.nanoTime();
                    b.pingEmbed();
                    long t4 = System.nanoTime();
                    if (pass == 1) {
                        samples.get("ping")[i] = t1 - t0;
                        samples.get("who")[i] = t2 - t1;
                        samples.get("whoArabic")[i] = t3 - t2;
                        samples.get("pingEmbed")[i] = t4 - t3;
                    }
                }
            }
            double ping = 0;
            for (String k : new String[] {"ping", "pingEmbed", "who", "whoArabic"}) {
                long[] s = samples.get(k);
                Arrays.sort(s);
                double p50 = s[s.length / 2] / 1000.0;
                if (k.equals("ping")) {
                    ping = p50;
                }
                System.out.printf("%-10s n=%d  median %.0f us  p90 %.0f us  p99 %.0f us  median/ping %.2f%n", k, s.length,
                        p50, s[(int) (s.length * 0.90)] / 1000.0, s[(int) (s.length * 0.99)] / 1000.0, p50 / ping);
            }
        } finally {
            b.tearDown();
        }
    }
}
