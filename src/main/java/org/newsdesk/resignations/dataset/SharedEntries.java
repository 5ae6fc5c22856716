package org.newsdesk.resignations.dataset;

import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entries that did not change between two loads are kept once: a reload binds each entry anew,
 * and one equal to the entry of the same id still in memory (the version being served) is
 * replaced by that instance, so the new snapshot shares it and the fresh copy is garbage at once.
 * At 100,000 entries this is what keeps a reload from holding two full datasets (see
 * docs/PERFORMANCE.md). Weak references: the table never keeps an entry alive, not even one of a
 * load that failed. Bounded like {@link SharedIds}; belongs to one loader.
 */
final class SharedEntries {
    private static final int MAX_TABLE = 1_000_000;

    private final ConcurrentHashMap<String, WeakReference<Entry>> byId = new ConcurrentHashMap<>();

    /** The instance already in memory when it equals {@code e}, else {@code e} (remembered for the next load). */
    Entry share(Entry e) {
        WeakReference<Entry> ref = byId.get(e.id());
        Entry known = ref == null ? null : ref.get();
        if (known != null && known.equals(e)) {
            return known;
        }
        if (byId.size() >= MAX_TABLE) {
            byId.clear();
        }
        byId.put(e.id(), new WeakReference<>(e));
        return e;
    }
}
