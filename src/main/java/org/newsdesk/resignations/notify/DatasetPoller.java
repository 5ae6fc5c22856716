package org.newsdesk.resignations.notify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reloads at a fixed interval (a dataset published at a URL); a failed poll is logged and retried at the next. */
public final class DatasetPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetPoller.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dataset-poll");
        t.setDaemon(true);
        return t;
    });

    public DatasetPoller(Runnable reload, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                reload.run();
            } catch (RuntimeException e) {
                LOG.warn("Polling the dataset failed ({}); the bot keeps its data and tries again in {} s", e.getMessage(),
                        every.toSeconds());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
