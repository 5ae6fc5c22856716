package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.ps;
import static org.newsdesk.resignations.store.Database.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Drafts of the add form (table {@code drafts}): kept in the database so a draft survives a
 * restart and any process of a fleet can take the next step. The fields are the form's own JSON;
 * this table does not read them. An expired draft is never returned, and {@link #purgeExpired}
 * deletes it.
 */
public final class Drafts {

    public record Draft(String draftId, long authorId, String fieldsJson, long createdAt, long expiresAt) {
    }

    private final Database db;

    public Drafts(Database db) {
        this.db = db;
    }

    /** Creates or replaces a draft (the form saves it after each step); its creation time stays the first one. */
    public void put(Draft d) {
        db.tx(c -> update(c, "INSERT INTO drafts (draft_id, author_id, fields, created_at, expires_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (draft_id) DO UPDATE SET author_id = excluded.author_id, fields = excluded.fields, "
                + "expires_at = excluded.expires_at", d.draftId(), d.authorId(), d.fieldsJson(), d.createdAt(), d.expiresAt()));
    }

    /** The draft, unless it is unknown or expired at {@code now}. */
    public Optional<Draft> get(String draftId, long now) {
        return db.tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT draft_id, author_id, fields, created_at, expires_at FROM drafts "
                    + "WHERE draft_id = ? AND expires_at > ?", draftId, now); ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Draft(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5))) : Optional.empty();
            }
        });
    }

    /**
     * Removes a draft (submitted or cancelled).
     *
     * @return whether it was there: of two processes finishing the same draft at once, one gets true
     */
    public boolean remove(String draftId) {
        return db.tx(c -> update(c, "DELETE FROM drafts WHERE draft_id = ?", draftId) == 1);
    }

    /** Deletes the drafts expired at {@code now}; how many. */
    public int purgeExpired(long now) {
        return db.tx(c -> update(c, "DELETE FROM drafts WHERE expires_at <= ?", now));
    }
}
