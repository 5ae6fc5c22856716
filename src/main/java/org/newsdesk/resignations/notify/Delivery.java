package org.newsdesk.resignations.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.random.RandomGenerator;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Notifications;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.EventKind;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Outbox.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox, oldest first, one message at a time, on its own thread.
 *
 * <p>Each row is marked SENDING with a fresh attempt id before the request and settled after it
 * in its own transaction. A crash between the two leaves it SENDING; at the next start it goes
 * back to PENDING and is sent again with the same nonce and {@code enforce_nonce}, so Discord
 * answers with the message it already created instead of a second one. Discord keeps nonces only
 * for a few minutes: a crash followed by a restart later than that, after a request that did
 * reach Discord, can still post a message twice. That window (one message per channel in flight,
 * and only across a crash) is the at-least-once residue; nothing is ever lost.
 *
 * <p>429: the row waits for Retry-After, and so does the whole worker (one at a time keeps the
 * bot under the global limit); 5xx and network errors back off exponentially with jitter up to a
 * cap and are retried for as long as it takes (an outage of a day loses nothing); a channel that
 * has been failing for {@link Backoff#reportAfter} is reported to the admin channel once, and
 * once more when it recovers (remembered in memory: a restart during an outage reports it again
 * later); 403 and 404 disable the subscription and tell the admin channel; other refusals (a
 * message Discord will never take) fail the row.
 *
 * <p>Leases: a claimed row is held under a lease ({@link Outbox#lease()}); past it, another process
 * of a fleet may claim the row. While a batch is worked on (slow answers, a long send), a keeper
 * thread renews the lease of the rows still held every quarter of the lease, and each row's lease
 * is renewed once more just before it is sent: a row that was lost meanwhile (the renewals failed
 * for longer than the lease and another process took it) is not sent here, so no channel gets it
 * from two processes.
 */
public final class Delivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** How often a process looks again when every due row is another process's. */
    static final long OTHERS_DUE_POLL = 200;

    /**
     * Backoff: base × 2^(attempt-1), at most {@code cap}, full jitter on the upper half, with no
     * last attempt; a channel failing for {@code reportAfter} is reported to the admins; and the
     * pace of sending, {@code perSecond} messages at most (Discord's global limit is 50 requests
     * a second per bot; 45 leaves room for the interaction replies).
     */
    public record Backoff(Duration base, Duration cap, Duration reportAfter, int perSecond) {
        public static final int DEFAULT_PER_SECOND = 45;
        public static final Duration DEFAULT_REPORT_AFTER = Duration.ofHours(1);

        public Backoff(Duration base, Duration cap) {
            this(base, cap, DEFAULT_REPORT_AFTER, DEFAULT_PER_SECOND);
        }

        public static Backoff standard() {
            return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), DEFAULT_REPORT_AFTER, DEFAULT_PER_SECOND);
        }

        long delayMillis(int attempt, RandomGenerator random) {
            long exp = base.toMillis() << Math.min(20, Math.max(0, attempt - 1));
            long upper = Math.min(cap.toMillis(), exp);
            return upper / 2 + (upper <= 1 ? 0 : random.nextLong(upper / 2 + 1));
        }
    }

    /** How one attempt ended, for the metrics. */
    public enum Outcome {
        /** Discord took the message. */
        SENT,
        /** A 5xx or network failure: tried again later. */
        RETRIED,
        /** A 429: tried again after Retry-After. */
        RATE_LIMITED,
        /** 403/404: the channel's subscription was disabled. */
        DISABLED,
        /** Discord will never take it (or it could not be rendered): set aside. */
        FAILED
    }

    private final Outbox outbox;
    private final ChannelSender sender;
    private final Notifications cards;
    private final Templates templates;
    private final EntryCodec codec;
    private final LongFunction<Lang> languageOf;
    private final Optional<Long> adminChannel;
    private final Clock clock;
    private final RandomGenerator random;
    private final Backoff backoff;
    private final Outbox.GuildFilter guilds;
    private final Semaphore wake = new Semaphore(0);
    /** Channel → when its current run of failures began (epoch ms). */
    private final Map<Long, Long> failingSince = new ConcurrentHashMap<>();
    /** Channels whose run of failures the admins were told of. */
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();
    private long nextSendNanos = System.nanoTime();
    private volatile boolean running;
    private Thread thread;
    private volatile Consumer<Outcome> observer = o -> { };
    /** The claimed rows of the batch being worked on, not yet settled, by id: their leases are renewed. */
    private final Map<Long, Claimed> held = new ConcurrentHashMap<>();
    /** Renews the leases of {@link #held} while a batch is worked on; its thread ends when idle. */
    private final ScheduledThreadPoolExecutor keeper;

    /**
     * @param languageOf a server's language (its setting, else the bot's default); called with 0
     *                   for notes, which are not tied to a server
     */
    public Delivery(Outbox outbox, ChannelSender sender, Templates templates, EntryCodec codec, LongFunction<Lang> languageOf,
                    Optional<Long> adminChannel, Clock clock, RandomGenerator random, Backoff backoff) {
        this(outbox, sender, templates, codec, languageOf, adminChannel, clock, random, backoff, Outbox.ALL_GUILDS);
    }

    /** @param guilds which rows this process sends: those of its shards' servers (see {@link Outbox.GuildFilter}) */
    public Delivery(Outbox outbox, ChannelSender sender, Templates templates, EntryCodec codec, LongFunction<Lang> languageOf,
                    Optional<Long> adminChannel, Clock clock, RandomGenerator random, Backoff backoff, Outbox.GuildFilter guilds) {
        this.guilds = guilds;
        this.outbox = outbox;
        this.sender = sender;
        this.templates = templates;
        this.cards = new Notifications(templates);
        this.codec = codec;
        this.languageOf = languageOf;
        this.adminChannel = adminChannel;
        this.clock = clock;
        this.random = random;
        this.backoff = backoff;
        this.keeper = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "notify-lease");
            t.setDaemon(true);
            return t;
        });
        keeper.setKeepAliveTime(1, TimeUnit.SECONDS);
        keeper.allowCoreThreadTimeOut(true);
        keeper.setRemoveOnCancelPolicy(true);
    }

    /** Puts back what a previous process left in flight, then sends in the background. */
    public synchronized void start() {
        int recovered = outbox.recoverInFlight(clock.millis());
        if (recovered > 0) {
            LOG.info("{} message(s) left in flight by the previous run are sent again (same nonce)", recovered);
        }
        running = true;
        thread = new Thread(this::loop, "notify-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    /** Who hears how each attempt ended (the metrics); quick, never throws. */
    public void observe(Consumer<Outcome> observer) {
        this.observer = observer;
    }

    /** The sending thread runs (false before {@link #start} and after {@link #close}). */
    public synchronized boolean alive() {
        return running && thread != null && thread.isAlive();
    }

    /** Something was queued: look at the outbox now instead of at the next tick. */
    public void poke() {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                int[] claimed = new int[1];
                long pause = drainOnce(50, claimed);
                if (pause > 0) {
                    // sleep through the rate limit; a poke (something new queued) does not cut it short
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause);
                    for (long left = pause; left > 0 && running; left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
                        wake.tryAcquire(left, TimeUnit.MILLISECONDS);
                    }
                    wake.drainPermits();
                    continue;
                }
                long wait = outbox.nextDue().map(t -> Math.max(0, t - clock.millis())).orElse(1_000L);
                if (wait == 0 && claimed[0] == 0) {
                    // what is due belongs to other processes' shards (or another process holds it):
                    // look again shortly; rows another process queues for these shards arrive that way
                    wait = OTHERS_DUE_POLL;
                }
                if (wait > 0) {
                    wake.tryAcquire(Math.min(wait, 1_000L), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("notification delivery failed; retrying in 5 s", e);
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /**
     * Sends what is due, oldest first, up to {@code batch} rows.
     *
     * @return milliseconds the worker must wait before sending anything (a 429), else 0
     */
    public long drainOnce(int batch) {
        return drainOnce(batch, new int[1]);
    }

    /** @param claimed set to how many rows were claimed */
    private long drainOnce(int batch, int[] claimed) {
        List<Claimed> due = outbox.claimDue(guilds, clock.millis(), batch);
        claimed[0] = due.size();
        if (due.isEmpty()) {
            return 0;
        }
        due.forEach(d -> held.put(d.id(), d));
        long every = Math.max(10, outbox.lease().toMillis() / 4);
        ScheduledFuture<?> renewing;
        try {
            renewing = keeper.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            renewing = null;   // closed meanwhile: the renewal before each send still guards the batch
        }
        try {
            for (int i = 0; i < due.size(); i++) {
                Claimed d = due.get(i);
                if (!stillHeld(d)) {
                    continue;
                }
                long pause = sendOne(d);
                held.remove(d.id(), d);
                if (pause > 0) {
                    // give the rest of the batch back untouched (an attempt that was never made)
                    long at = clock.millis() + pause;
                    for (Claimed rest : due.subList(i + 1, due.size())) {
                        outbox.retryAt(rest.id(), rest.attemptId(), at, "waiting for a rate limit", clock.millis());
                    }
                    return pause;
                }
            }
            return 0;
        } finally {
            if (renewing != null) {
                renewing.cancel(false);
            }
            due.forEach(d -> held.remove(d.id(), d));
        }
    }

    /**
     * Renews the row's lease right before its send: true while this process still holds it. A lost
     * row is another process's now (it sends it, with the same nonce); sending it here too could
     * post it twice.
     */
    private boolean stillHeld(Claimed d) {
        if (outbox.renew(List.of(d), clock.millis()).contains(d.id())) {
            return true;
        }
        held.remove(d.id(), d);
        LOG.warn("outbox row {} for channel {} is no longer this process's (its lease ran out and another process took it): "
                + "not sent here", d.id(), d.channelId());
        return false;
    }

    /**
     * The keeper's round, every quarter of the lease while a batch is worked on: renews every row
     * held (three late or failed rounds still leave the lease running); rows found lost are dropped.
     */
    private void renewHeld() {
        List<Claimed> rows = List.copyOf(held.values());
        if (rows.isEmpty()) {
            return;
        }
        try {
            Set<Long> kept = outbox.renew(rows, clock.millis());
            for (Claimed d : rows) {
                if (!kept.contains(d.id())) {
                    held.remove(d.id(), d);
                }
            }
        } catch (RuntimeException e) {
            // the send goes on; the renewal before each send says whether a row is still this process's
            LOG.warn("the leases of {} outbox row(s) in hand could not be renewed ({}); trying again shortly", rows.size(),
                    e.getMessage());
        }
    }

    /** Sends every due row until none is left or a rate limit stops it (tests, benchmark). */
    public int drainAll() {
        int before = sentCount();
        int[] claimed = new int[1];
        while (true) {
            long pause = drainOnce(50, claimed);
            if (pause > 0) {
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                continue;
            }
            Optional<Long> next = outbox.nextDue();
            if (next.isEmpty() || next.get() > clock.millis() || claimed[0] == 0) {
                break;
            }
        }
        return sentCount() - before;
    }

    private int sentCount() {
        return outbox.counts().getOrDefault(Outbox.State.DELIVERED, 0);
    }

    private long sendOne(Claimed d) {
        long now = clock.millis();
        Card card;
        try {
            card = render(d);
        } catch (RuntimeException e) {
            LOG.error("outbox row {} cannot be rendered; it is set aside", d.id(), e);
            outbox.failed(d.id(), d.attemptId(), "render: " + e, now);
            observer.accept(Outcome.FAILED);
            return 0;
        }
        pace();
        ChannelSender.Result r;
        try {
            r = sender.send(d.channelId(), card, d.nonce());
        } catch (RuntimeException e) {
            r = new ChannelSender.Transient(e.toString());
        }
        now = clock.millis();
        if (r instanceof ChannelSender.Sent s) {
            outbox.delivered(d.id(), d.attemptId(), s.messageId(), now);
            observer.accept(Outcome.SENT);
            recovered(d.channelId(), now);
            return 0;
        }
        if (r instanceof ChannelSender.RateLimited rl) {
            long wait = Math.max(1, rl.retryAfter().toMillis());
            LOG.info("rate limited{} sending to channel {}: waiting {} ms", rl.global() ? " (global)" : "", d.channelId(), wait);
            outbox.retryAt(d.id(), d.attemptId(), now + wait, "429", now);
            observer.accept(Outcome.RATE_LIMITED);
            return wait;
        }
        if (r instanceof ChannelSender.Transient t) {
            // never given up: the cap keeps the retries cheap, and the outage may last a day
            long delay = backoff.delayMillis(d.attempts(), random);
            LOG.warn("sending to channel {} failed ({}); attempt {} again in {} ms", d.channelId(), t.reason(), d.attempts() + 1, delay);
            outbox.retryAt(d.id(), d.attemptId(), now + delay, t.reason(), now);
            observer.accept(Outcome.RETRIED);
            failing(d.channelId(), t.reason(), now);
            return 0;
        }
        if (r instanceof ChannelSender.Gone g) {
            String reason = g.status() == 404 ? "channel not found (404)" : "missing access (" + g.status() + ")";
            LOG.warn("channel {} refused the bot ({}): its subscription is disabled", d.channelId(), g.reason());
            if (d.message() instanceof Outbox.Note) {
                outbox.failed(d.id(), d.attemptId(), reason, now);
                observer.accept(Outcome.FAILED);
                return 0;
            }
            Lang lang = languageOf.apply(d.guildId().orElse(0L));
            String note = templates.get(lang, "notify.admin.disabled", "channel", d.channelId(), "reason", reason);
            outbox.disable(d.id(), d.attemptId(), d.channelId(), reason, adminChannel, note, now);
            observer.accept(Outcome.DISABLED);
            poke();
            return 0;
        }
        ChannelSender.Rejected x = (ChannelSender.Rejected) r;
        LOG.error("Discord refused outbox row {} for channel {}: {}", d.id(), d.channelId(), x.reason());
        outbox.failed(d.id(), d.attemptId(), x.reason(), now);
        observer.accept(Outcome.FAILED);
        return 0;
    }

    /** A failure: the admins hear of it once the channel has failed for {@code reportAfter}. */
    private void failing(long channelId, String reason, long now) {
        long since = failingSince.computeIfAbsent(channelId, c -> now);
        if (now - since < backoff.reportAfter().toMillis() || reported.contains(channelId)) {
            return;
        }
        reported.add(channelId);
        long minutes = (now - since) / 60_000;
        LOG.error("messages to channel {} have failed for {} minutes ({}); they are kept and retried", channelId, minutes, reason);
        if (adminChannel.isPresent() && adminChannel.get() != channelId) {
            outbox.queueNote(adminChannel.get(), templates.get(languageOf.apply(0), "notify.admin.failing", "channel", channelId,
                    "minutes", minutes, "cap", Math.max(1, backoff.cap().toMinutes())), now);
        }
    }

    /** A message went through: if the admins were told the channel was failing, they hear it recovered. */
    private void recovered(long channelId, long now) {
        Long since = failingSince.remove(channelId);
        if (since == null || !reported.remove(channelId)) {
            return;
        }
        LOG.info("messages to channel {} go through again, after {} minutes", channelId, (now - since) / 60_000);
        if (adminChannel.isPresent() && adminChannel.get() != channelId) {
            outbox.queueNote(adminChannel.get(), templates.get(languageOf.apply(0), "notify.admin.recovered", "channel", channelId,
                    "minutes", (now - since) / 60_000), now);
        }
    }

    /** Keeps under {@code perSecond} sends a second, so a fan-out does not run into the global limit. */
    private void pace() {
        long gap = 1_000_000_000L / Math.max(1, backoff.perSecond());
        long now = System.nanoTime();
        long wait = nextSendNanos - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nextSendNanos = Math.max(now, nextSendNanos) + gap;
    }

    Card render(Claimed d) {
        Outbox.Message m = d.message();
        if (m instanceof Outbox.Note n) {
            return cards.note(n.text());
        }
        if (m instanceof Outbox.Unreadable u) {
            throw new IllegalStateException(u.why());
        }
        Lang lang = languageOf.apply(d.guildId().orElse(0L));
        if (m instanceof Outbox.Test) {
            return cards.test(lang);
        }
        if (m instanceof Outbox.Added a) {
            // many new entries at once: one message instead of one each (see ChangeDetector)
            return new Card(templates.get(lang, "notify.added_many.title", "count", a.count()),
                    templates.get(lang, "notify.added_many.body", "count", a.count()), List.of(), "");
        }
        Outbox.Event e = (Outbox.Event) m;
        if (e.kind() == EventKind.CORRECTION) {
            return cards.correction(codec.tree(e.oldContent().orElseThrow()), codec.tree(e.newContent()), lang);
        }
        if (e.kind() == EventKind.REMOVED) {
            return cards.removed(codec.tree(e.oldContent().orElseThrow()), lang);
        }
        return cards.newEntry(codec.tree(e.newContent()), lang);
    }

    @Override
    public synchronized void close() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keeper.shutdownNow();
    }
}
