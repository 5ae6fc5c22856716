package org.newsdesk.resignations.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.newsdesk.resignations.store.FleetState;
import org.newsdesk.resignations.store.Processes;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as a member of a fleet on one PostgreSQL database: it registers with its shards and
 * beats its heart in the {@code processes} table (others list it, and forget it once it stops), and
 * it follows the fleet's dataset mark: a {@code /resignations reload} in any process bumps the mark
 * ({@link #reloaded}), and every other process sees the generation move at its next poll and
 * reloads too.
 */
public final class Fleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Fleet.class);

    public static final Duration HEARTBEAT = Duration.ofSeconds(10);
    /** Three missed heartbeats: presumed dead, no longer listed. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(30);
    public static final Duration POLL = Duration.ofSeconds(2);

    private final Store store;
    private final String processId;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration poll;
    private final ScheduledExecutorService timer;
    /** The generation of the dataset mark this process has acted on. */
    private final AtomicLong seen = new AtomicLong(-1);
    private volatile Set<Integer> shardIds = Set.of();
    private volatile int shardsTotal;

    public Fleet(Store store, String processId, Clock clock) {
        this(store, processId, clock, HEARTBEAT, POLL);
    }

    public Fleet(Store store, String processId, Clock clock, Duration heartbeat, Duration poll) {
        this.store = store;
        this.processId = processId;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.poll = poll;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleet");
            t.setDaemon(true);
            return t;
        });
    }

    public String processId() {
        return processId;
    }

    /** Registers this process with its shards and beats its heart from now on. */
    public void join(int total, Set<Integer> ids) {
        shardsTotal = total;
        shardIds = Set.copyOf(ids);
        store.processes().register(processId, shardIds, total, clock.millis());
        LOG.info("Joined the fleet as '{}' ({} shard(s) of {})", processId, ids.size(), total);
        timer.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            long now = clock.millis();
            if (!store.processes().heartbeat(processId, now)) {
                // forgotten as stale (the database was out of reach for a while): register again
                store.processes().register(processId, shardIds, shardsTotal, now);
            }
            store.processes().forgetStale(now, STALE_AFTER.toMillis() * 10);
        } catch (StoreException | IllegalStateException e) {
            LOG.warn("Fleet heartbeat failed ({}); trying again in {} s", e.getMessage(), heartbeat.toSeconds());
        }
    }

    /** The processes that beat their heart lately, by id. */
    public List<Processes.Process> live() {
        return store.processes().live(clock.millis(), STALE_AFTER.toMillis());
    }

    /**
     * Polls the fleet's dataset mark from now on: when another process bumped it (a reload asked
     * of it), {@code reload} runs here too. The mark as it is now counts as seen.
     */
    public void followReloads(Runnable reload) {
        seen.set(store.fleet().dataset().map(FleetState.DatasetMark::generation).orElse(0L));
        timer.scheduleWithFixedDelay(() -> check(reload), poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(Runnable reload) {
        try {
            Optional<FleetState.DatasetMark> mark = store.fleet().dataset();
            if (mark.isEmpty() || mark.get().generation() <= seen.get()) {
                return;
            }
            seen.set(mark.get().generation());
            if (mark.get().updatedBy().equals(processId)) {
                return;
            }
            LOG.info("Process '{}' reloaded the dataset (version {}); reloading here too", mark.get().updatedBy(),
                    mark.get().version());
            reload.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not follow the fleet's dataset ({}); trying again in {} s", e.getMessage(), poll.toSeconds());
        }
    }

    /** A reload was asked of this process: the others follow. */
    public void reloaded(String version) {
        FleetState.DatasetMark m = store.fleet().bump(version, processId, clock.millis());
        seen.accumulateAndGet(m.generation(), Math::max);
    }

    /** Stops beating and says so: the others stop listing this process at once. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            store.processes().deregister(processId);
        } catch (RuntimeException e) {
            LOG.warn("Could not leave the fleet ({}); the others forget this process after {} s", e.getMessage(),
                    STALE_AFTER.toSeconds());
        }
    }
}
