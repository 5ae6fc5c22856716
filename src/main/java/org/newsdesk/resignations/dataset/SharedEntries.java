package org.newsdesk.resignations.dataset;

import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Entries that did not change between two loads of a file are kept once: a reload binds each
 * entry anew, and one equal to the entry of the same id in the file's previous snapshot (the
 * version being served) is replaced by that instance, so the new snapshot shares it and the
 * fresh copy is garbage at once. At 100,000 entries this is what keeps a reload from holding two
 * full datasets (see docs/PERFORMANCE.md). Only the last snapshot loaded from each file is
 * remembered (normally the one being served, so it costs nothing); no per-entry table, which
 * would cost the first load time and heap. Belongs to one loader.
 */
final class SharedEntries {
    /** A loader reads a few files (the dataset, the additions); past this the table starts again. */
    private static final int MAX_FILES = 64;

    private final ConcurrentHashMap<String, Snapshot> lastLoaded = new ConcurrentHashMap<>();

    /** The previous snapshot of this file, if any, for {@link #share}. */
    @Nullable Snapshot previous(String file) {
        return lastLoaded.get(file);
    }

    /** The instance of {@code previous} when it equals {@code e}, else {@code e}. */
    static Entry share(@Nullable Snapshot previous, Entry e) {
        if (previous == null) {
            return e;
        }
        Entry known = previous.entry(e.id()).orElse(null);
        return known != null && known.equals(e) ? known : e;
    }

    /** A load of {@code file} succeeded: the next one shares with it. */
    void loaded(String file, Snapshot s) {
        if (lastLoaded.size() >= MAX_FILES && !lastLoaded.containsKey(file)) {
            lastLoaded.clear();
        }
        lastLoaded.put(file, s);
    }
}
