package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.single;
import static org.newsdesk.resignations.store.Database.update;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every entry the bot has seen (table {@code ledger}), the dataset versions loaded
 * ({@code dataset_versions}) and what changed between them ({@code events}). Recording a load
 * also queues its messages in the {@link Outbox}, in the same transaction.
 */
public final class Ledger {

    /** One entry as last recorded: its content hash and canonical JSON. */
    public record LedgerRow(String entryId, String hash, String content) {
    }

    /** An event to record: a removal carries the entry's last content as both old and new. */
    public record NewEvent(EventKind kind, String entryId, Optional<String> oldContent, String newContent) {
    }

    /**
     * What one dataset load changed.
     *
     * @param changed    ledger rows that are new or changed
     * @param removed    entry ids no longer in the dataset: their ledger rows go (a return is then new again)
     * @param withhold   entry ids gone but not announced: kept, marked as withheld
     * @param returned   withheld entry ids back in the dataset: unmarked
     * @param summarised new entries (already among {@code changed}) announced as one summary
     *                   message per active subscription (kind ADDED, the count as its note) instead
     *                   of one message each; 0 for none
     */
    public record Changes(List<LedgerRow> changed, List<String> removed, List<String> withhold, List<String> returned,
                          List<NewEvent> events, int summarised) {
    }

    private final Database db;

    public Ledger(Database db) {
        this.db = db;
    }

    /** Whether any dataset has been recorded: false on the very first run (the baseline). */
    public boolean hasBaseline() {
        return db.tx(c -> single(c, "SELECT COUNT(*) FROM dataset_versions") > 0);
    }

    /** Entries gone from the dataset whose withdrawal was not announced (see {@link #record}). */
    public Set<String> withheld() {
        return db.tx(c -> {
            Set<String> out = new HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT entry_id FROM ledger WHERE withheld_at IS NOT NULL")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** entry id → content hash and canonical JSON. */
    public Map<String, LedgerRow> rows() {
        return db.tx(c -> {
            Map<String, LedgerRow> out = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT entry_id, content_hash, content FROM ledger")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new LedgerRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    public long eventCount() {
        return db.tx(c -> single(c, "SELECT COUNT(*) FROM events"));
    }

    /**
     * Records one dataset load in one transaction: the ledger rows that are new or changed, the
     * events, and one outbox row per event and active subscription that wants it (corrections
     * only where asked for). Either all of it is written or none of it.
     *
     * <p>Exactly once across processes: each event is written only if its ledger write finds the
     * ledger as the caller read it (a new entry's row inserted, not there already; a corrected
     * entry's row still holding the old content; a removed entry's row still there). When two
     * processes record the same change at once, the primary key of {@code ledger} makes the second
     * wait for the first and then find the change made: it writes no event and queues nothing.
     * New entries announced by a summary count only those this call inserted. A baseline is
     * recorded once per database (a unique index): when another process recorded a different
     * baseline first, nothing is written and a {@link StoreException.Kind#CONFLICT} says to read
     * the ledger again.
     *
     * @return the number of outbox rows queued
     */
    public int record(String version, boolean baseline, Changes changes, long now) {
        return db.tx(c -> {
            int versions = update(c, "INSERT INTO dataset_versions (version, loaded_at, baseline) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", version, now, baseline);
            if (baseline && versions == 0
                    && single(c, "SELECT COUNT(*) FROM dataset_versions WHERE baseline = ? AND version = ?", true, version) == 0) {
                throw new StoreException("another process recorded the baseline first; read the ledger again", null,
                        StoreException.Kind.CONFLICT);
            }
            for (String id : changes.withhold()) {
                update(c, "UPDATE ledger SET withheld_at = ? WHERE entry_id = ?", now, id);
            }
            for (String id : changes.returned()) {
                update(c, "UPDATE ledger SET withheld_at = NULL WHERE entry_id = ?", id);
            }
            Map<String, NewEvent> eventOf = new HashMap<>();
            for (NewEvent e : changes.events()) {
                eventOf.put(e.entryId(), e);
            }
            Set<NewEvent> held = new HashSet<>();
            int inserted = 0;
            for (LedgerRow r : changes.changed()) {
                NewEvent e = baseline ? null : eventOf.get(r.entryId());
                if (e != null && e.kind() == EventKind.CORRECTION) {
                    // only if the row still holds what the caller read: else another process recorded it
                    if (update(c, "UPDATE ledger SET content_hash = ?, content = ?, last_version = ? WHERE entry_id = ? "
                            + "AND content = ?", r.hash(), r.content(), version, r.entryId(), e.oldContent().orElse("")) == 1) {
                        held.add(e);
                    }
                    continue;
                }
                // a new entry (announced or summarised) or the baseline: never over a row another process wrote
                int n = update(c, "INSERT INTO ledger (entry_id, content_hash, content, first_seen, first_version, last_version) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO NOTHING",
                        r.entryId(), r.hash(), r.content(), now, version, version);
                if (n == 1 && e != null) {
                    held.add(e);
                } else if (n == 1) {
                    inserted++;
                }
            }
            for (String id : changes.removed()) {
                NewEvent e = baseline ? null : eventOf.get(id);
                if (e != null && e.kind() == EventKind.REMOVED) {
                    if (update(c, "DELETE FROM ledger WHERE entry_id = ? AND content = ?", id, e.newContent()) == 1) {
                        held.add(e);
                    }
                } else {
                    update(c, "DELETE FROM ledger WHERE entry_id = ?", id);
                }
            }
            int summarised = baseline ? 0 : Math.min(changes.summarised(), inserted);
            int queued = 0;
            List<Subscriptions.Target> targets = held.isEmpty() && summarised <= 0 ? List.of() : Subscriptions.active(c);
            Database.Ids eventIds = db.ids(c, "events");
            Database.Ids outIds = db.ids(c, "outbox");
            for (NewEvent e : changes.events()) {
                if (!held.contains(e)) {
                    continue;
                }
                long eventId = eventIds.next();
                update(c, "INSERT INTO events (id, kind, entry_id, version, old_content, new_content, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, e.kind().name(), e.entryId(), version,
                        e.oldContent().orElse(null), e.newContent(), now);
                boolean correction = e.kind() == EventKind.CORRECTION;
                for (Subscriptions.Target t : targets) {
                    if (!correction || t.corrections()) {
                        Outbox.insert(c, outIds.next(), eventId, t.channelId(), t.guildId(), Outbox.Kind.EVENT, null, now);
                        queued++;
                    }
                }
            }
            if (summarised > 0) {
                for (Subscriptions.Target t : targets) {
                    Outbox.insert(c, outIds.next(), null, t.channelId(), t.guildId(), Outbox.Kind.ADDED,
                            Integer.toString(summarised), now);
                    queued++;
                }
            }
            return queued;
        });
    }
}
