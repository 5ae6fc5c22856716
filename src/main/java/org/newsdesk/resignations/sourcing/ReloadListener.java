package org.newsdesk.resignations.sourcing;

import org.newsdesk.resignations.dataset.Snapshot;

/**
 * Who hears of a reload besides the log: the admin channel, told when a dataset is refused, and
 * the ledger that records what a new version changed before it is served. notify's
 * {@code Notifier} is the one; app wires it in. Without one (no database), reloads are only logged.
 */
public interface ReloadListener extends AdminChannel {

    /** Whether a dataset with no entry may replace one that has entries ({@code dataset.allow_empty}). */
    boolean allowEmpty();

    /** Records what {@code snapshot} changed, before it is swapped in. */
    Changes datasetChanged(Snapshot snapshot);
}
