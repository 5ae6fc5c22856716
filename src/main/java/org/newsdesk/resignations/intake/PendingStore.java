package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where entries waiting for review are kept, durably: a restart between submit and review loses
 * nothing. {@link PendingFile} keeps them in a file in the data directory; a database can take
 * its place (the same four operations) when several bot processes share state.
 */
public interface PendingStore {

    /** Every kept entry, pending or rejected, in the order they were first sent. */
    List<Pending> all() throws IOException;

    default Optional<Pending> find(String id) throws IOException {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Adds it, or replaces the one with its id; durable when it returns. */
    void put(Pending p) throws IOException;

    /** Drops the ones with these ids (approved, or rejected long ago); durable when it returns. */
    void remove(List<String> ids) throws IOException;
}
