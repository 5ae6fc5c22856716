package org.newsdesk.resignations.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.SchemaCheck;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.search.Directory;

/**
 * The heap a reload holds at 100,000 entries: the version being served (snapshot and search
 * index) stays in use while the next is loaded and indexed, as in the bot. The second file
 * corrects one entry in {@code changedEvery} (default 100). Prints the heap retained (after a
 * full GC) at each stage; run it with the budget as the heap limit, so finishing is the proof:
 *
 * <pre>java -Xmx400m -cp ... org.newsdesk.resignations.bench.ReloadHeapProbe 100000 100</pre>
 *
 * {@code -Dshare=false} loads the second version with a new loader, which shares nothing with
 * the first (what a reload did before entries were shared).
 */
public final class ReloadHeapProbe {

    private ReloadHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int changedEvery = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        boolean share = Boolean.parseBoolean(System.getProperty("share", "true"));
        Path v1 = Files.createTempFile("reload-v1-", ".json");
        try {
            SyntheticDataset.file(n, 42, v1, 0);
            System.out.printf("entries=%d changed=1/%d share=%s max heap=%d MB%n", n, changedEvery, share,
                    Runtime.getRuntime().maxMemory() >> 20);
            print("start");
            DatasetLoader loader = new DatasetLoader(new SchemaCheck(), Clock.systemUTC());
            Snapshot s1 = loader.load(v1);
            Directory d1 = new Directory(s1);
            print("version 1 served (snapshot + index)");
            // the bot reads the same file again after it was saved with the corrections
            SyntheticDataset.file(n, 42, v1, changedEvery);
            long start = System.nanoTime();
            DatasetLoader second = share ? loader : new DatasetLoader(new SchemaCheck(), Clock.systemUTC());
            Snapshot s2 = second.load(v1);
            print("version 2 loaded, version 1 still served");
            Directory d2 = new Directory(s2);
            long took = System.nanoTime() - start;
            print("version 2 indexed, version 1 still served (the peak)");
            long same = s2.entries().stream().filter(e -> s1.entry(e.id()).orElse(null) == e).count();
            System.out.printf("reload took %.2f s; entries shared with version 1: %d of %d; directories %d/%d%n",
                    took / 1e9, same, s2.entries().size(), d1.snapshot().entries().size(), d2.snapshot().entries().size());
            d1 = null;
            print("version 1 dropped");
            System.out.println(d2.snapshot().version());
        } finally {
            Files.deleteIfExists(v1);
        }
    }

    private static void print(String stage) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%-55s heap retained %4d MB%n", stage, used >> 20);
    }
}
