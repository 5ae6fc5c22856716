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
 * ever recorded is the baseline (nobody is told); after that a new id is a NEW event and a
 * changed content hash a CORRECTION event. Ledger, events and outbox rows are written in one
 * transaction. An entry removed from the dataset stays in the ledger and raises no event.
 */
public final class ChangeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);

    public static final String NEW = "NEW";
    public static final String CORRECTION = "CORRECTION";

    /** What one snapshot changed. */
    public record Outcome(boolean baseline, int added, int corrected, int queued) {
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
        List<Store.LedgerRow> changed = new ArrayList<>();
        List<Store.NewEvent> events = new ArrayList<>();
        int added = 0;
        int corrected = 0;
        // oldest first, so a catch-up of several new entries arrives in the dataset's order
        for (Entry e : snapshot.chronological()) {
            String json = codec.canonical(e);
            String hash = EntryCodec.hash(json);
            Store.LedgerRow before = known.get(e.id());
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
        int queued = store.record(snapshot.version(), baseline, changed, events, clock.millis());
        Outcome o = new Outcome(baseline, added, corrected, queued);
        if (baseline) {
            LOG.info("Dataset {}: {} entries recorded as the baseline; nobody is notified", snapshot.version(), changed.size());
        } else if (!events.isEmpty()) {
            LOG.info("Dataset {}: {} new, {} corrected; {} message(s) queued", snapshot.version(), added, corrected, queued);
        }
        return o;
    }
}
