package org.newsdesk.resignations.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.ReloadListener;
import org.newsdesk.resignations.store.Database;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications as one piece the application wires: the store, change detection on each new
 * snapshot, server settings (language, cached in memory) and the delivery worker once a
 * {@link ChannelSender} exists (after the bot has connected).
 */
public final class Notifier implements AutoCloseable, ReloadListener {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /**
     * @param maxAnnouncedAdditions more new entries than this in one load go out as one summary message per channel
     * @param allowEmpty            a dataset with no entry may replace one that has entries (else it is refused)
     * @param ledgerRetry           first pause before the ledger is written again after a failure (doubling, at most a minute)
     * @param ledgerRetries         how many times it is tried again in the background; then again at the next reload
     * @param chores                how often the store's housekeeping runs (expired add-form drafts deleted)
     */
    public record Settings(int maxAnnouncedAdditions, boolean allowEmpty, Duration ledgerRetry, int ledgerRetries,
                           Duration chores) {
        public static final Duration DEFAULT_CHORES = Duration.ofMinutes(10);

        public Settings(int maxAnnouncedAdditions, boolean allowEmpty, Duration ledgerRetry, int ledgerRetries) {
            this(maxAnnouncedAdditions, allowEmpty, ledgerRetry, ledgerRetries, DEFAULT_CHORES);
        }

        public static Settings standard() {
            return new Settings(ChangeDetector.DEFAULT_MAX_ANNOUNCED_ADDITIONS, false, Duration.ofSeconds(2), 8);
        }
    }

    private static final Duration LEDGER_RETRY_CAP = Duration.ofMinutes(1);

    private final Store store;
    private final Templates templates;
    private final EntryCodec codec;
    private final Lang fallback;
    private final Optional<Long> adminChannel;
    private final Clock clock;
    private final ChangeDetector detector;
    private final Map<Long, Optional<Lang>> languages = new ConcurrentHashMap<>();
    private final Delivery.Backoff backoff;
    private volatile Delivery delivery;
    private volatile Consumer<Delivery.Outcome> deliveryObserver = o -> { };
    private volatile ChannelCheck channelCheck = ChannelCheck.NONE;
    private final Settings settings;
    private final ScheduledExecutorService retries;
    /** This process in the fleet, on PostgreSQL (several processes may share it); none on SQLite. */
    private final Optional<Fleet> fleet;
    private final Object ledgerLock = new Object();
    /** The newest snapshot handed to {@link #datasetChanged}; a retry of an older one stops. Guarded by ledgerLock. */
    private Snapshot latest;

    public Notifier(Store store, Templates templates, EntryCodec codec, Lang fallback, Optional<Long> adminChannel, Clock clock) {
        this(store, templates, codec, fallback, adminChannel, clock, Delivery.Backoff.standard());
    }

    public Notifier(Store store, Templates templates, EntryCodec codec, Lang fallback, Optional<Long> adminChannel, Clock clock,
                    Delivery.Backoff backoff) {
        this(store, templates, codec, fallback, adminChannel, clock, backoff, Settings.standard());
    }

    public Notifier(Store store, Templates templates, EntryCodec codec, Lang fallback, Optional<Long> adminChannel, Clock clock,
                    Delivery.Backoff backoff, Settings settings) {
        this.settings = settings;
        this.backoff = backoff;
        this.store = store;
        this.templates = templates;
        this.codec = codec;
        this.fallback = fallback;
        this.adminChannel = adminChannel;
        this.clock = clock;
        this.detector = new ChangeDetector(store.entries(), codec, clock, settings.maxAnnouncedAdditions());
        this.fleet = store.dialect() == Database.Dialect.POSTGRESQL
                ? Optional.of(new Fleet(store, store.outbox().claimant(), clock)) : Optional.empty();
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notifier-chores");
            t.setDaemon(true);
            return t;
        });
        // drafts are filtered on read once expired; without this the table would only grow
        long every = Math.max(1, settings.chores().toMillis());
        retries.scheduleWithFixedDelay(this::chores, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The store's housekeeping, run every {@link Settings#chores}: deletes the expired drafts of the
     * add form. Every process of a fleet runs it; the deletes are the same whoever runs them first.
     * A failure is logged and the next round tries again.
     */
    void chores() {
        try {
            int purged = store.drafts().purgeExpired(clock.millis());
            LOG.debug("Store chores: {} expired add-form draft(s) deleted", purged);
        } catch (RuntimeException e) {
            LOG.warn("Store chores failed ({}); trying again in {} s", e.getMessage(), settings.chores().toSeconds());
        }
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public boolean allowEmpty() {
        return settings.allowEmpty();
    }

    /** Set by the Discord layer once connected. */
    public void channelCheck(ChannelCheck check) {
        this.channelCheck = check;
    }

    public ChannelCheck channelCheck() {
        return channelCheck;
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return clock;
    }

    public Optional<Long> adminChannel() {
        return adminChannel;
    }

    /**
     * A validated snapshot is about to be served: record what changed (ledger, events, outbox in
     * one transaction) and wake the sender. Never throws for a database failure: when the ledger
     * cannot be written (another process holds the lock, the disk is full) the outcome says why
     * ({@link ChangeDetector.Outcome#delayed}), and the same snapshot is recorded again in the
     * background, backing off, a bounded number of times; after that the next reload or poll
     * records it (the ledger is compared with the served version each time, so it catches up).
     */
    @Override
    public ChangeDetector.Outcome datasetChanged(Snapshot snapshot) {
        synchronized (ledgerLock) {
            latest = snapshot;
            return attempt(snapshot, 0);
        }
    }

    /** Called with ledgerLock held. */
    private ChangeDetector.Outcome attempt(Snapshot snapshot, int retry) {
        ChangeDetector.Outcome o;
        try {
            o = detector.apply(snapshot);
        } catch (StoreException e) {
            if (retry < settings.ledgerRetries()) {
                long delay = Math.min(LEDGER_RETRY_CAP.toMillis(), settings.ledgerRetry().toMillis() << Math.min(20, retry));
                LOG.warn("Dataset {}: the notifications could not be recorded ({}, {}); trying again in {} ms",
                        snapshot.version(), e.kind(), e.getMessage(), delay);
                try {
                    retries.schedule(() -> retry(snapshot, retry + 1), delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closed) {
                    LOG.warn("Dataset {}: not retried (shutting down); the next start records it", snapshot.version());
                }
            } else {
                LOG.error("Dataset {}: the notifications could not be recorded after {} tries ({}); the next reload "
                        + "or poll records them", snapshot.version(), retry + 1, e.kind(), e);
            }
            return ChangeDetector.Outcome.delayed(e.kind());
        }
        if (retry > 0) {
            LOG.info("Dataset {}: the notifications are recorded now ({} queued), after {} retries", snapshot.version(),
                    o.queued(), retry);
        }
        if (o.withheld() > 0) {
            // once: withheld entries are marked and not counted again
            tellAdmins(templates().get(fallback(), "notify.admin.withheld", "count", o.withheld(),
                    "version", snapshot.version(), "max", ChangeDetector.MAX_ANNOUNCED_REMOVALS));
        }
        if (o.summarised()) {
            // once: the ledger now holds them all
            tellAdmins(templates().get(fallback(), "notify.admin.mass_added", "count", o.added(),
                    "version", snapshot.version(), "max", settings.maxAnnouncedAdditions()));
        }
        poke();
        return o;
    }

    private void retry(Snapshot snapshot, int retry) {
        try {
            synchronized (ledgerLock) {
                if (latest == snapshot) {   // a newer snapshot has its own attempt: this one would undo it
                    attempt(snapshot, retry);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Dataset {}: recording the notifications failed; the next reload or poll records them",
                    snapshot.version(), e);
        }
    }


    /** Entries of the last dataset recorded in the ledger (those withheld as gone not counted). */
    public int recordedEntries() {
        return store.entries().rows().size() - store.entries().withheld().size();
    }

    public Optional<Lang> guildLanguage(long guildId) {
        return languages.computeIfAbsent(guildId, store.settings()::language);
    }

    public void setGuildLanguage(long guildId, Lang lang) {
        store.settings().setLanguage(guildId, lang, clock.millis());
        languages.put(guildId, Optional.of(lang));
    }

    /** The language of messages for a server: its setting, else the bot's default. */
    public Lang languageFor(long guildId) {
        return guildId == 0 ? fallback : guildLanguage(guildId).orElse(fallback);
    }

    /**
     * Queues a note for the admin channel, when one is configured. When the database cannot take
     * it (busy, full) the note is logged instead: the caller's own work is not failed for it.
     */
    @Override
    public void tellAdmins(String text) {
        adminChannel.ifPresent(c -> {
            try {
                store.outbox().queueNote(c, text, clock.millis());
            } catch (StoreException e) {
                LOG.warn("A note to the admin channel could not be queued ({}): {}", e.kind(), text, e);
                return;
            }
            poke();
        });
    }

    @Override
    public Lang fallback() {
        return fallback;
    }

    @Override
    public Templates templates() {
        return templates;
    }

    /** Starts sending (once): what a previous run left in flight first, then the queue, oldest first. */
    public synchronized Delivery startDelivery(ChannelSender sender) {
        return startDelivery(sender, Outbox.ALL_GUILDS);
    }

    /**
     * Starts sending for the servers of some shards only: a process of a fleet delivers to the
     * channels of its own shards (the gateway sessions it holds). Notes to the admin channel,
     * which belong to no server, go with shard 0.
     *
     * @param everyShard this process runs all the shards: it sends every row
     */
    public Delivery startDelivery(ChannelSender sender, int shardsTotal, Set<Integer> shardIds, boolean everyShard) {
        if (everyShard) {
            return startDelivery(sender, Outbox.ALL_GUILDS, backoff);
        }
        return startDelivery(sender, new Outbox.Shards(shardsTotal, shardIds, shardIds.contains(0)),
                share(backoff, shardIds.size(), shardsTotal));
    }

    /**
     * This process's share of the bot's message rate: Discord's global limit is per bot token, so
     * the fleet together must stay under it. The rows are split by shard (each process sends only
     * its own shards' rows), so the rate is split the same way: {@code perSecond × mine / total},
     * at least 1. Disjoint shard ids make the shares add up to at most the whole.
     */
    static Delivery.Backoff share(Delivery.Backoff whole, int mine, int total) {
        int perSecond = Math.max(1, (int) ((long) whole.perSecond() * mine / total));
        return new Delivery.Backoff(whole.base(), whole.cap(), whole.reportAfter(), perSecond);
    }

    public Delivery startDelivery(ChannelSender sender, Outbox.GuildFilter filter) {
        return startDelivery(sender, filter, backoff);
    }

    private synchronized Delivery startDelivery(ChannelSender sender, Outbox.GuildFilter filter, Delivery.Backoff pace) {
        if (delivery == null) {
            LOG.info("Sending notifications at most {} a second{}", pace.perSecond(),
                    filter instanceof Outbox.Shards ? " (this process's share of the bot's rate, by shard)" : "");
            delivery = new Delivery(store.outbox(), sender, templates, codec, this::languageFor, adminChannel, clock,
                    new SplittableRandom(), pace, filter);
            delivery.observe(deliveryObserver);
            delivery.start();
        }
        return delivery;
    }

    /** Who hears how each delivery attempt ended (the metrics); set at wiring, before delivery starts. */
    public void observeDeliveries(Consumer<Delivery.Outcome> observer) {
        this.deliveryObserver = observer;
        Delivery d = delivery;
        if (d != null) {
            d.observe(observer);
        }
    }

    /** Delivery was started and its thread still runs. */
    public boolean deliveryAlive() {
        Delivery d = delivery;
        return d != null && d.alive();
    }

    public void poke() {
        Delivery d = delivery;
        if (d != null) {
            d.poke();
        }
    }

    /** Stops sending; a message in flight is settled first (or left SENDING, sent again at the next start). */
    public synchronized void stopDelivery() {
        if (delivery != null) {
            delivery.close();
            delivery = null;
        }
    }

    /** This process in the fleet, when the state is in PostgreSQL. */
    public Optional<Fleet> fleet() {
        return fleet;
    }

    @Override
    public synchronized void close() {
        retries.shutdownNow();
        stopDelivery();
        fleet.ifPresent(Fleet::close);
        store.close();
    }
}
