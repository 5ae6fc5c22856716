package org.newsdesk.resignations.sourcing;

import java.util.Optional;

/** What a new dataset version changed, as the ledger recorded it (see {@link ReloadListener}). */
public interface Changes {

    int added();

    int corrected();

    int removed();

    /** Entries gone but not announced (too many at once). */
    int withheld();

    /** The added entries went out as one summary message per channel. */
    boolean summarised();

    /** Why the ledger could not be written now (a kind of database fault), or empty when it was. */
    Optional<? extends Enum<?>> delayed();
}
