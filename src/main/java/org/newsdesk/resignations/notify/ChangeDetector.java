package org.newsdesk.resignations.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.store.EventKind;
import org.newsdesk.resignations.store.Ledger;
import org.newsdesk.resignations.store.Ledger.LedgerRow;
import org.newsdesk.resignations.store.Ledger.NewEvent;
import org.newsdesk.resignations.sourcing.Changes;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a validated snapshot with the ledger of entries already seen. The first snapshot
 * ever recorded is the baseline (nobody is told); after that a new id is a NEW event, a changed
 * content hash a CORRECTION event, and an id that is gone a REMOVED event (channels that were
 * told of an entry hear that it was withdrawn). Ledger, events and outbox rows are written in
 * one transaction.
 *
 * More than {@link #MAX_ANNOUNCED_REMOVALS} entries gone at once looks like a configuration
 * mistake (a dataset file left out), not an editorial decision: nothing is announced, the ledger
 * keeps them marked as withheld (so their return is no news, and they do not count again when
 * later entries go), and the outcome says how many were withheld so the admins can be told.
 *
 * More than {@code maxAnnouncedAdditions} new entries at once (a whole file moved in, a bulk
 * import) are not fanned out one message each: every channel gets one summary message (outbox
 * kind ADDED), the ledger records them all, so none is announced later either.
 */
public final class ChangeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);

    public static final int MAX_ANNOUNCED_REMOVALS = 3;
    public static final int DEFAULT_MAX_ANNOUNCED_ADDITIONS = 10;

    /**
     * What one snapshot changed.
     *
     * @param withheld   entries gone but not announced (too many at once; see the class comment)
     * @param summarised the {@code added} entries went out as one summary message per channel
     * @param delayed    the ledger could not be written now (nothing was recorded, the counts are
     *                   0): why; it is retried (see {@link Notifier#datasetChanged})
     */
    public record Outcome(boolean baseline, int added, int corrected, int removed, int withheld, int queued,
                          boolean summarised, Optional<StoreException.Kind> delayed) implements Changes {

        public Outcome(boolean baseline, int added, int corrected, int removed, int withheld, int queued) {
            this(baseline, added, corrected, removed, withheld, queued, false, Optional.empty());
        }

        static Outcome delayed(StoreException.Kind why) {
            return new Outcome(false, 0, 0, 0, 0, 0, false, Optional.of(why));
        }
    }

    private final Ledger ledger;
    private final EntryCodec codec;
    private final Clock clock;
    private final int maxAnnouncedAdditions;

    public ChangeDetector(Ledger ledger, EntryCodec codec, Clock clock) {
        this(ledger, codec, clock, DEFAULT_MAX_ANNOUNCED_ADDITIONS);
    }

    /** @param maxAnnouncedAdditions more new entries than this in one load are summarised */
    public ChangeDetector(Ledger ledger, EntryCodec codec, Clock clock, int maxAnnouncedAdditions) {
        this.ledger = ledger;
        this.codec = codec;
        this.clock = clock;
        this.maxAnnouncedAdditions = maxAnnouncedAdditions;
    }

    public int maxAnnouncedAdditions() {
        return maxAnnouncedAdditions;
    }

    /**
     * Serialised: two reloads at once must not both see the same old ledger. Another process on
     * the same database may record the same change at once: the ledger writes it once (see
     * {@link Ledger#record}); when it recorded a different baseline first, this compares again.
     */
    public synchronized Outcome apply(Snapshot snapshot) {
        try {
            return applyOnce(snapshot);
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.CONFLICT) {
                throw e;
            }
            LOG.info("Dataset {}: another process recorded the baseline first; comparing with it", snapshot.version());
            return applyOnce(snapshot);
        }
    }

    private Outcome applyOnce(Snapshot snapshot) {
        boolean baseline = !ledger.hasBaseline();
        Map<String, LedgerRow> known = ledger.rows();
        Set<String> away = ledger.withheld();
        List<String> returned = new ArrayList<>();
        List<LedgerRow> changed = new ArrayList<>();
        List<NewEvent> events = new ArrayList<>();
        int added = 0;
        int corrected = 0;
        // oldest first, so a catch-up of several new entries arrives in the dataset's order
        for (Entry e : snapshot.chronological()) {
            String json = codec.canonical(e);
            String hash = EntryCodec.hash(json);
            LedgerRow before = known.get(e.id());
            if (away.contains(e.id())) {
                returned.add(e.id());   // back after a withheld removal: no news unless it changed
            }
            if (before != null && before.hash().equals(hash)) {
                continue;
            }
            changed.add(new LedgerRow(e.id(), hash, json));
            if (baseline) {
                continue;
            }
            if (before == null) {
                events.add(new NewEvent(EventKind.NEW, e.id(), Optional.empty(), json));
                added++;
            } else {
                events.add(new NewEvent(EventKind.CORRECTION, e.id(), Optional.of(before.content()), json));
                corrected++;
            }
        }
        List<String> gone = new ArrayList<>();
        for (LedgerRow before : known.values()) {
            if (snapshot.entry(before.entryId()).isEmpty() && !away.contains(before.entryId())) {
                gone.add(before.entryId());
            }
        }
        Collections.sort(gone);
        int removed = 0;
        int withheld = 0;
        List<String> withhold = List.of();
        if (!baseline && gone.size() > MAX_ANNOUNCED_REMOVALS) {
            withheld = gone.size();
            LOG.warn("Dataset {}: {} entries are no longer in it; not announced (more than {} at once looks like a "
                    + "configuration change): {}", snapshot.version(), gone.size(), MAX_ANNOUNCED_REMOVALS, gone);
            withhold = gone;
            gone = List.of();
        } else if (!baseline) {
            for (String id : gone) {
                String last = known.get(id).content();
                events.add(new NewEvent(EventKind.REMOVED, id, Optional.of(last), last));
                removed++;
            }
        }
        boolean summarised = !baseline && added > maxAnnouncedAdditions;
        if (summarised) {
            LOG.warn("Dataset {}: {} new entries at once; one summary message per channel instead of one each "
                    + "(more than {})", snapshot.version(), added, maxAnnouncedAdditions);
            events.removeIf(e -> e.kind() == EventKind.NEW);
        }
        int queued = ledger.record(snapshot.version(), baseline,
                new Ledger.Changes(changed, gone, withhold, returned, events, summarised ? added : 0), clock.millis());
        Outcome o = new Outcome(baseline, added, corrected, removed, withheld, queued, summarised, Optional.empty());
        if (baseline) {
            LOG.info("Dataset {}: {} entries recorded as the baseline; nobody is notified", snapshot.version(), changed.size());
        } else if (!events.isEmpty() || summarised) {
            LOG.info("Dataset {}: {} new, {} corrected, {} withdrawn; {} message(s) queued", snapshot.version(), added,
                    corrected, removed, queued);
        }
        return o;
    }
}
