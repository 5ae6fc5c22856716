package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.ps;
import static org.newsdesk.resignations.store.Database.update;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Named files every process of a fleet reads and writes (table {@code shared_files}): the
 * additions, the corrections and the entries waiting for review. Each write is a compare-and-set
 * on the version the writer read, so of two processes writing from the same version one wins and
 * the other is told, never a lost update.
 */
public final class SharedFiles {

    /** One file: its content hash and its bytes (UTF-8 JSON). */
    public record Stored(String name, String version, byte[] body, String updatedBy, long updatedAt) {
    }

    private final Database db;

    public SharedFiles(Database db) {
        this.db = db;
    }

    /** The file, or empty while nobody has written it. */
    public Optional<Stored> read(String name) {
        return db.tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT version, body, updated_by, updated_at FROM shared_files WHERE name = ?", name);
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(name, rs.getString(1), rs.getString(2).getBytes(StandardCharsets.UTF_8),
                        rs.getString(3), rs.getLong(4))) : Optional.empty();
            }
        });
    }

    /**
     * Writes the file if it is still at {@code base} (empty: if it does not exist yet).
     *
     * @param version the content hash of {@code body}
     * @return false, writing nothing, when another writer got there first
     */
    public boolean replace(String name, Optional<String> base, String version, byte[] body, String by, long now) {
        String text = new String(body, StandardCharsets.UTF_8);
        return db.tx(c -> base.isEmpty()
                ? update(c, "INSERT INTO shared_files (name, version, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (name) DO NOTHING", name, version, text, by, now) == 1
                : update(c, "UPDATE shared_files SET version = ?, body = ?, updated_by = ?, updated_at = ? "
                        + "WHERE name = ? AND version = ?", version, text, by, now, name, base.get()) == 1);
    }
}
