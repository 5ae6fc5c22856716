package org.newsdesk.resignations.app;

import java.util.Optional;
import org.newsdesk.resignations.intake.Drafts.Backing;
import org.newsdesk.resignations.store.Drafts;

/** The add form's drafts in the store's drafts table (SQLite or PostgreSQL): they survive a restart. */
record StoredDrafts(Drafts table) implements Backing {

    @Override
    public void save(String id, long owner, String json, long now, long expiresAt) {
        // the table keeps the first creation time of a draft saved again
        table.put(new Drafts.Draft(id, owner, json, now, expiresAt));
    }

    @Override
    public Optional<String> load(String id, long now) {
        return table.get(id, now).map(Drafts.Draft::fieldsJson);
    }

    @Override
    public boolean remove(String id) {
        return table.remove(id);
    }
}
