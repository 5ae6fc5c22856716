package org.newsdesk.resignations.search;

import java.util.Arrays;

/**
 * The deletion index behind {@link FuzzyIndex}'s typo search: every word, and every word of three
 * letters or more with one letter removed, as 40-bit hashes packed with the word id into one sorted
 * {@code long[]}, with a directory on the hashes' top bits. A query word with up to two letters
 * removed meets the words within two edits, which {@link EditDistance} then confirms.
 */
final class TypoWords {

    private static final int TOKEN_BITS = 24;
    private static final long TOKEN_MASK = (1L << TOKEN_BITS) - 1;
    /** The most distinct words an index can hold (word ids share a long with a hash). */
    static final long MAX_WORDS = TOKEN_MASK;
    /** Short-word typos only ever match words this long: "Li" is never a typo of "Lu". */
    private static final int SHORT_TYPO_WORD = 3;

    private final String[] words;              // word id → word
    private final long[] deletions;            // (hash40 << 24 | word id), sorted
    private final int bucketBits;
    private final int[] buckets;               // hash40's top bits → first index in deletions

    TypoWords(String[] words) {
        this.words = words;
        int total = 0;
        for (String word : words) {
            total += 1 + (word.length() >= SHORT_TYPO_WORD ? word.length() : 0);
        }
        long[] dels = new long[total];
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            dels[n++] = pack(hash(word), w);
            if (word.length() >= SHORT_TYPO_WORD) {
                for (int c = 0; c < word.length(); c++) {
                    dels[n++] = pack(hashWithout(word, c), w);
                }
            }
        }
        Arrays.sort(dels);
        this.deletions = dels;
        // A directory on the hash's top bits, about two entries a bucket: a probe reads one short
        // run instead of binary-searching the whole array (twenty cache misses at 100,000 names).
        this.bucketBits = Math.max(1, Math.min(24, 63 - Long.numberOfLeadingZeros(Math.max(2, dels.length)) - 1));
        this.buckets = new int[(1 << bucketBits) + 1];
        int b = 0;
        for (int i = 0; i < dels.length; i++) {
            int own = bucket(dels[i]);
            while (b <= own) {
                buckets[b++] = i;
            }
        }
        while (b < buckets.length) {
            buckets[b++] = dels.length;
        }
    }

    /**
     * Typos in short words, which {@link EditDistance#allowedEdits} leaves alone: one letter
     * dropped from a word of three or four ("Peo" for "Pego", "Man" for "Mann"), or two letters
     * swapped in a word of three ("Lma" for "Lam"); never a word shorter than three. Such a
     * match scores low (two thirds), so it decides a name only with the other words' help.
     */
    void shortFuzzy(String q, WordScores out) {
        long[] probes = new long[1 + q.length()];
        probes[0] = hash(q);
        for (int c = 0; c < q.length(); c++) {
            probes[1 + c] = hashWithout(q, c);
        }
        probeAll(probes, probes.length, q, 1, SHORT_TYPO_WORD, out);
    }

    void fuzzy(String q, int allowed, WordScores out) {
        int n = q.length();
        long[] probes = new long[1 + n + (allowed > 1 ? n * (n - 1) / 2 : 0)];
        int p = 0;
        probes[p++] = hash(q);
        for (int c = 0; c < n; c++) {
            probes[p++] = hashWithout(q, c, -1);
            if (allowed > 1) {
                for (int c2 = c + 1; c2 < n; c2++) {
                    probes[p++] = hashWithout(q, c, c2);
                }
            }
        }
        probeAll(probes, p, q, allowed, 0, out);
    }

    /**
     * Looks each distinct probe up in the deletion index and keeps the words within the allowed
     * edits (no more than one more than the word's own length allows) and at least {@code minLength} long.
     */
    private void probeAll(long[] probes, int count, String q, int allowed, int minLength, WordScores out) {
        Arrays.sort(probes, 0, count);
        for (int k = 0; k < count; k++) {
            long h = probes[k];
            if (k > 0 && h == probes[k - 1]) {
                continue;   // deleting either of two equal letters gives the same probe
            }
            int b = bucket(h << TOKEN_BITS);
            for (int i = buckets[b], end = buckets[b + 1]; i < end; i++) {
                if ((deletions[i] >>> TOKEN_BITS) != h) {
                    continue;
                }
                int w = (int) (deletions[i] & TOKEN_MASK);
                if (out.get(w) >= 1.0) {
                    continue;
                }
                String word = words[w];
                if (word.length() < minLength) {
                    continue;
                }
                int limit = Math.min(allowed, EditDistance.allowedEdits(word.length()) + 1);
                int d = EditDistance.osa(q, word, limit);
                if (d <= limit && d > 0) {
                    out.merge(w, 1.0 - (double) d / Math.max(q.length(), word.length()) - 0.05);
                }
            }
        }
    }

    /** The bucket of a packed entry: its top bits, in the signed order the array is sorted in. */
    private int bucket(long packed) {
        return (int) ((packed ^ Long.MIN_VALUE) >>> (64 - bucketBits));
    }

    private static long pack(long hash40, int word) {
        return (hash40 << TOKEN_BITS) | word;
    }

    /** 40-bit FNV-1a; collisions only add candidates, which the distance check then drops. */
    private static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h ^ (h >>> 40)) & 0xFFFFFFFFFFL;
    }

    private static long hashWithout(String s, int skip) {
        return hashWithout(s, skip, -1);
    }

    /** The hash of {@code s} without the letters at {@code skip} and {@code skip2}, no string built. */
    private static long hashWithout(String s, int skip, int skip2) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            if (i != skip && i != skip2) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        return (h ^ (h >>> 40)) & 0xFFFFFFFFFFL;
    }
}
