package org.newsdesk.resignations.sourcing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reloads at a fixed interval (a dataset published at a URL). A failed poll, whatever it threw
 * (an OutOfMemoryError included), is logged and told to the admins (once per kind), and the next
 * poll comes all the same: a scheduled executor cancels a task that throws, without a word.
 */
public final class DatasetPoller implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dataset-poll");
        t.setDaemon(true);
        return t;
    });

    public DatasetPoller(Runnable reload, Duration every) {
        this(reload, every, Alarms.of(Optional.empty()));
    }

    public DatasetPoller(Runnable reload, Duration every, Alarms alarms) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                reload.run();
            } catch (Throwable t) {   // NOPMD: nothing may end the polling; the alarm says what happened
                alarms.taskFailed("dataset-poll", t);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls are still scheduled (false once closed). */
    public boolean alive() {
        return !timer.isShutdown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
