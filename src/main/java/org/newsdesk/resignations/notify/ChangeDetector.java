package org.newsdesk.resignations.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.store.Store;
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
 */
public final class ChangeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);

    public static final String NEW = "NEW";
    public static final String CORRECTION = "CORRECTION";
    public static final String REMOVED = "REMOVED";
    public static final int MAX_ANNOUNCED_REMOVALS = 3;

    /**
     * What one snapshot changed.
     *
     * @param withheld entries gone but not announced (too many at once; see the class comment)
     */
    public record Outcome(boolean baseline, int added, int corrected, int removed, int withheld, int queued) {
    }

    private final Store store;
    private final EntryCodec codec;
    private final Clock clock;

    public ChangeDetector(Store store, EntryCodec codec, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
    }

    /** Serialised: two reloads at once must not both see the same old ledger. */
    public synchronized Outcome apply(Snapshot snapshot) {
        boolean baseline = !store.hasBaseline();
        Map<String, Store.LedgerRow> known = store.ledger();
        java.util.Set<String> away = store.withheld();
        List<String> returned = new ArrayList<>();
        List<Store.LedgerRow> changed = new ArrayList<>();
        List<Store.NewEvent> events = new ArrayList<>();
        int added = 0;
        int corrected = 0;
        // oldest first, so a catch-up of several new entries arrives in the dataset's order
        for (Entry e : snapshot.chronological()) {
            String json = codec.canonical(e);
            String hash = EntryCodec.hash(json);
            Store.LedgerRow before = known.get(e.id());
            if (away.contains(e.id())) {
                returned.add(e.id());   // back after a withheld removal: no news unless it changed
            }
            if (before != null && before.hash().equals(hash)) {
                continue;
            }
            changed.add(new Store.LedgerRow(e.id(), hash, json));
            if (baseline) {
                continue;
            }
            if (before == null) {
                events.add(new Store.NewEvent(NEW, e.id(), null, json));
                added++;
            } else {
                events.add(new Store.NewEvent(CORRECTION, e.id(), before.content(), json));
                corrected++;
            }
        }
        List<String> gone = new ArrayList<>();
        for (Store.LedgerRow before : known.values()) {
            if (snapshot.entry(before.entryId()).isEmpty() && !away.contains(before.entryId())) {
                gone.add(before.entryId());
            }
        }
        java.util.Collections.sort(gone);
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
                events.add(new Store.NewEvent(REMOVED, id, last, last));
                removed++;
            }
        }
        int queued = store.record(snapshot.version(), baseline, changed, gone, withhold, returned, events, clock.millis());
        Outcome o = new Outcome(baseline, added, corrected, removed, withheld, queued);
        if (baseline) {
            LOG.info("Dataset {}: {} entries recorded as the baseline; nobody is notified", snapshot.version(), changed.size());
        } else if (!events.isEmpty()) {
            LOG.info("Dataset {}: {} new, {} corrected, {} withdrawn; {} message(s) queued", snapshot.version(), added,
                    corrected, removed, queued);
        }
        return o;
    }
}
