package org.newsdesk.resignations.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The words one query word matches, each with its similarity: a small map from word id to
 * score without boxing, since scoring a candidate looks it up once per word of each of its keys.
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

    static WordScores exact(int word) {
        WordScores w = new WordScores();
        w.merge(word, 1.0);
        return w;
    }

    /** The word's score, 0 when it does not match. */
    double get(int word) {
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

    /** The word ids, best score first (ties by id). */
    int[] byScore() {
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
            int c = Double.compare(scores[b], scores[a]);
            return c != 0 ? c : Integer.compare(words[a], words[b]);
        });
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = words[order[i]];
        }
        return out;
    }

    private boolean before(int a, int b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : words[a] < words[b];
    }

    /** As a map, for the suggestion list, which iterates it. */
    Map<Integer, Double> asMap() {
        Map<Integer, Double> m = new HashMap<>();
        for (int i = 0; i < size; i++) {
            m.put(words[i], scores[i]);
        }
        return m;
    }

    private int find(int word) {
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
