package org.newsdesk.resignations.search;

import java.util.Arrays;

/**
 * The best items of each prefix whose completions are held by many items, worked out when the
 * index is built, as Lucene's completion suggester keeps them per node: autocomplete then reads a
 * short list instead of scoring thousands of items. A prefix is named by where its completions
 * start in the sorted words and its length (a prefix is the first {@code length} letters of that
 * word), so no prefix string is kept. One flat array holds every list.
 */
final class BestCompletions {

    private final long[] keys;     // (first rank << 32 | prefix length), ascending
    private final int[] starts;    // list i is items[starts[i], starts[i + 1])
    private final int[] items;
    private final Object[] matches;   // the index's matches, item by item, ready to hand out

    private BestCompletions(long[] keys, int[] starts, int[] items, Object[] matches) {
        this.keys = keys;
        this.starts = starts;
        this.items = items;
        this.matches = matches;
    }

    /** The list of the prefix of {@code length} letters whose completions start at rank {@code from}, or -1. */
    int find(int from, int length) {
        int at = Arrays.binarySearch(keys, key(from, length));
        return at >= 0 ? at : -1;
    }

    int start(int list) {
        return starts[list];
    }

    int end(int list) {
        return starts[list + 1];
    }

    int item(int at) {
        return items[at];
    }

    Object match(int at) {
        return matches[at];
    }

    private static long key(int from, int length) {
        return (long) from << 32 | length;
    }

    /** Collects the lists in ascending (rank, length) order, as a depth-first walk of the sorted words gives them. */
    static final class Builder {
        private long[] keys = new long[64];
        private int[] starts = new int[65];
        private int[] items = new int[1024];
        private Object[] matches = new Object[1024];
        private int count;

        void add(int from, int length, int[] list, Object[] found) {
            long key = key(from, length);
            if (count > 0 && key <= keys[count - 1]) {
                throw new IllegalStateException("prefix lists must be added in order");
            }
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                starts = Arrays.copyOf(starts, count * 2 + 1);
            }
            int at = starts[count];
            if (at + list.length > items.length) {
                items = Arrays.copyOf(items, Math.max(items.length * 2, at + list.length));
                matches = Arrays.copyOf(matches, items.length);
            }
            System.arraycopy(list, 0, items, at, list.length);
            System.arraycopy(found, 0, matches, at, list.length);
            keys[count++] = key;
            starts[count] = at + list.length;
        }

        BestCompletions build() {
            return new BestCompletions(Arrays.copyOf(keys, count), Arrays.copyOf(starts, count + 1),
                    Arrays.copyOf(items, starts[count]), Arrays.copyOf(matches, starts[count]));
        }
    }
}
