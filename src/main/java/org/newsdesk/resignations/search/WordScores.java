package org.newsdesk.resignations.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The words one query word matches, each with its similarity: a small map from word id to
 * score without boxing, since scoring a candidate looks it up once per word of each of its keys.
 * A typed prefix's completions are not put in the map one by one: they are a range of the
 * sorted words ({@link #completions}), scored by their length, however many there are.
 */
final class WordScores {

    /** Up to this many words, a linear scan beats hashing. */
    private static final int LINEAR = 8;

    int[] words = new int[8];
    double[] scores = new double[8];
    int size;
    /** The highest score held (0 when empty). */
    double max;
    private int[] slots;   // open addressing: index + 1 into words, 0 = empty; built past LINEAR

    // Completions of a typed prefix: the words ranked [from, to) in sorted order (none when rankOf is null).
    private int[] rankOf;
    private int[] sortedIds;
    private int[] lengthOf;
    private int from;
    private int to;
    private int prefixLength;

    static WordScores exact(int word) {
        WordScores w = new WordScores();
        w.merge(word, 1.0);
        return w;
    }

    /**
     * Adds the completions of a prefix of {@code prefixLength} letters: the words ranked
     * {@code [from, to)} in sorted order ({@code sortedIds}: rank to word id, {@code rankOf}: the
     * reverse), each scoring a little less the longer it is than what was typed.
     */
    void completions(int[] rankOf, int[] sortedIds, int[] lengthOf, int from, int to, int prefixLength) {
        this.rankOf = rankOf;
        this.sortedIds = sortedIds;
        this.lengthOf = lengthOf;
        this.from = from;
        this.to = to;
        this.prefixLength = prefixLength;
        // no completion is shorter than the prefix: none scores above one a letter longer (or the prefix itself)
        double best = completion(to - from > 1 || lengthOf[sortedIds[from]] > prefixLength ? prefixLength + 1 : prefixLength);
        if (best > max) {
            max = best;
        }
    }

    /** A completion's similarity; the typed prefix itself, when a word, is also merged as 1.0. */
    private double completion(int length) {
        return 0.9 + 0.1 * prefixLength / length;
    }

    /** The word's score as a completion of the prefix, 0 when it is none (or there is no prefix). */
    double asCompletion(int word) {
        if (rankOf == null) {
            return 0;
        }
        int r = rankOf[word];
        return r >= from && r < to ? completion(lengthOf[word]) : 0;
    }

    /** Where the completions start and end in sorted order ({@code from == to} when there are none). */
    int completionsFrom() {
        return rankOf == null ? 0 : from;
    }

    int completionsTo() {
        return rankOf == null ? 0 : to;
    }

    /** The word's score, 0 when it does not match. */
    double get(int word) {
        if (rankOf != null) {
            int r = rankOf[word];
            if (r >= from && r < to) {
                return Math.max(mapped(word), completion(lengthOf[word]));
            }
        }
        return mapped(word);
    }

    /** The word's score in the map alone (exact word and typos), 0 when absent. */
    double mapped(int word) {
        if (slots == null) {
            for (int i = 0; i < size; i++) {
                if (words[i] == word) {
                    return scores[i];
                }
            }
            return 0;
        }
        int i = find(word);
        return i < 0 ? 0 : scores[i];
    }

    /** Keeps the higher of the word's scores. */
    void merge(int word, double score) {
        int i;
        if (slots == null) {
            i = -1;
            for (int k = 0; k < size; k++) {
                if (words[k] == word) {
                    i = k;
                    break;
                }
            }
        } else {
            i = find(word);
        }
        if (i >= 0) {
            if (score > scores[i]) {
                scores[i] = score;
            }
        } else {
            if (size == words.length) {
                words = Arrays.copyOf(words, size * 2);
                scores = Arrays.copyOf(scores, size * 2);
            }
            words[size] = word;
            scores[size] = score;
            size++;
            if (slots != null && size * 2 > slots.length) {
                rehash(slots.length * 2);
            } else if (slots != null) {
                place(size - 1);
            } else if (size > LINEAR) {
                rehash(32);
            }
        }
        if (score > max) {
            max = score;
        }
    }

    /** The word ids, the map's and the completions', best score first (ties by id). */
    int[] byScore() {
        if (rankOf != null && to > from) {
            return withCompletions();
        }
        return byScoreOfMap();
    }

    /** The map's word ids, best score first (ties by id); with completions, their scores as completions count. */
    private int[] byScoreOfMap() {
        if (size <= 128) {
            // insertion sort: a prefix has at most 64 completions and a few typo matches
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                int j = i;
                while (j > 0 && before(i, order[j - 1])) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
            for (int i = 0; i < size; i++) {
                order[i] = words[order[i]];
            }
            return order;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(get(words[b]), get(words[a]));
            return c != 0 ? c : Integer.compare(words[a], words[b]);
        });
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = words[order[i]];
        }
        return out;
    }

    /**
     * {@link #byScore} with the completions: a completion's score falls with its length, so they
     * are sorted by length (then rank), and merged with the map's words sorted by score.
     */
    private int[] withCompletions() {
        long[] byLength = new long[to - from];
        int n = 0;
        for (int r = from; r < to; r++) {
            if (find(sortedIds[r]) < 0) {
                byLength[n++] = (long) lengthOf[sortedIds[r]] << 32 | r;
            }
        }
        Arrays.sort(byLength, 0, n);
        int[] mapped = byScoreOfMap();
        int[] out = new int[n + mapped.length];
        int a = 0;
        int b = 0;
        for (int o = 0; o < out.length; o++) {
            int completion = a < n ? sortedIds[(int) byLength[a]] : -1;
            if (b < mapped.length && (completion < 0 || get(mapped[b]) >= completion(lengthOf[completion]))) {
                out[o] = mapped[b++];
            } else {
                out[o] = completion;
                a++;
            }
        }
        return out;
    }

    private boolean before(int a, int b) {
        double sa = get(words[a]);
        double sb = get(words[b]);
        return sa != sb ? sa > sb : words[a] < words[b];
    }

    /** As a map, for the suggestion list, which iterates it. */
    Map<Integer, Double> asMap() {
        Map<Integer, Double> m = new HashMap<>();
        for (int i = 0; i < size; i++) {
            m.put(words[i], scores[i]);
        }
        return m;
    }

    /** The word's index in the map, -1 when absent. */
    private int find(int word) {
        if (slots == null) {
            for (int i = 0; i < size; i++) {
                if (words[i] == word) {
                    return i;
                }
            }
            return -1;
        }
        int mask = slots.length - 1;
        for (int h = mix(word) & mask; slots[h] != 0; h = (h + 1) & mask) {
            if (words[slots[h] - 1] == word) {
                return slots[h] - 1;
            }
        }
        return -1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int i = 0; i < size; i++) {
            place(i);
        }
    }

    private void place(int index) {
        int mask = slots.length - 1;
        int h = mix(words[index]) & mask;
        while (slots[h] != 0) {
            h = (h + 1) & mask;
        }
        slots[h] = index + 1;
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
