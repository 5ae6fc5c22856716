package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.ps;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * What the whole fleet should serve (table {@code fleet_state}, row {@code dataset}): the dataset
 * version and a generation that every reload bumps. Each process polls {@link #dataset()} and
 * reloads when the generation moved past the one it last saw, so a reload asked of any process
 * reloads them all.
 */
public final class FleetState {

    /**
     * @param generation 1 for the first version recorded, then one more per {@link #bump}
     * @param version    the dataset version (content hash) the process that bumped it serves
     * @param updatedBy  that process's id
     */
    public record DatasetMark(long generation, String version, String updatedBy, long updatedAt) {
    }

    static final String DATASET = "dataset";

    private final Database db;

    public FleetState(Database db) {
        this.db = db;
    }

    /** The current mark; empty before the first {@link #bump}. */
    public Optional<DatasetMark> dataset() {
        return db.tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT generation, version, updated_by, updated_at FROM fleet_state WHERE name = ?",
                    DATASET); ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new DatasetMark(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                        : Optional.empty();
            }
        });
    }

    /**
     * Records a reload: the generation goes up by one (atomically, however many processes bump at
     * once: each gets its own number) and the version becomes {@code version}.
     *
     * @return the new mark
     */
    public DatasetMark bump(String version, String by, long now) {
        return db.tx(c -> {
            try (PreparedStatement p = ps(c, "INSERT INTO fleet_state (name, generation, version, updated_by, updated_at) "
                    + "VALUES (?, 1, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET generation = fleet_state.generation + 1, "
                    + "version = excluded.version, updated_by = excluded.updated_by, updated_at = excluded.updated_at "
                    + "RETURNING generation", DATASET, version, by, now); ResultSet rs = p.executeQuery()) {
                rs.next();
                return new DatasetMark(rs.getLong(1), version, by, now);
            }
        });
    }
}
