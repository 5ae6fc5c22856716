package org.newsdesk.resignations.store;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Two processes (or threads) doing something at the same moment: a barrier releases both. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Both run at once; their results, first's then second's. */
    public static <T> List<T> atOnce(Callable<T> a, Callable<T> b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<T> fa = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return a.call();
            });
            Future<T> fb = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return b.call();
            });
            return List.of(fa.get(60, TimeUnit.SECONDS), fb.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }
}
