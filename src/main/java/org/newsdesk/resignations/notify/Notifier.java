package org.newsdesk.resignations.notify;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Store;

/**
 * Notifications as one piece the application wires: the store, change detection on each new
 * snapshot, server settings (language, cached in memory) and the delivery worker once a
 * {@link ChannelSender} exists (after the bot has connected).
 */
public final class Notifier implements AutoCloseable {

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
    private volatile ChannelCheck channelCheck = ChannelCheck.NONE;

    public Notifier(Store store, Templates templates, EntryCodec codec, Lang fallback, Optional<Long> adminChannel, Clock clock) {
        this(store, templates, codec, fallback, adminChannel, clock, Delivery.Backoff.standard());
    }

    public Notifier(Store store, Templates templates, EntryCodec codec, Lang fallback, Optional<Long> adminChannel, Clock clock,
                    Delivery.Backoff backoff) {
        this.backoff = backoff;
        this.store = store;
        this.templates = templates;
        this.codec = codec;
        this.fallback = fallback;
        this.adminChannel = adminChannel;
        this.clock = clock;
        this.detector = new ChangeDetector(store, codec, clock);
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

    /** A validated snapshot is now served: record what changed and wake the sender. */
    public ChangeDetector.Outcome datasetChanged(Snapshot snapshot) {
        ChangeDetector.Outcome o = detector.apply(snapshot);
        if (o.withheld() > 0) {
            // once: withheld entries are marked and not counted again
            tellAdmins(templates().get(fallback(), "notify.admin.withheld", "count", o.withheld(),
                    "version", snapshot.version(), "max", ChangeDetector.MAX_ANNOUNCED_REMOVALS));
        }
        poke();
        return o;
    }


    public Optional<Lang> guildLanguage(long guildId) {
        return languages.computeIfAbsent(guildId, store::language);
    }

    public void setGuildLanguage(long guildId, Lang lang) {
        store.setLanguage(guildId, lang, clock.millis());
        languages.put(guildId, Optional.of(lang));
    }

    /** The language of messages for a server: its setting, else the bot's default. */
    public Lang languageFor(long guildId) {
        return guildId == 0 ? fallback : guildLanguage(guildId).orElse(fallback);
    }

    /** Queues a note for the admin channel, when one is configured. */
    public void tellAdmins(String text) {
        adminChannel.ifPresent(c -> {
            store.queueNote(c, text, clock.millis());
            poke();
        });
    }

    public Lang fallback() {
        return fallback;
    }

    public Templates templates() {
        return templates;
    }

    /** Starts sending (once): what a previous run left in flight first, then the queue, oldest first. */
    public synchronized Delivery startDelivery(ChannelSender sender) {
        if (delivery == null) {
            delivery = new Delivery(store, sender, templates, codec, this::languageFor, adminChannel, clock,
                    new java.util.SplittableRandom(), backoff);
            delivery.start();
        }
        return delivery;
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

    @Override
    public synchronized void close() {
        stopDelivery();
        store.close();
    }
}
