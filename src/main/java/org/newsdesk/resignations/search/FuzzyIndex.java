package org.newsdesk.resignations.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzy lookup of items by their names and aliases, in any script, without scanning every item.
 *
 * <p>Each distinct word of every key gets an id. Typos are found through a deletion index
 * (every word and every word with one letter removed, stored as hashes in one sorted
 * {@code long[]}): a query word with up to two letters removed meets the words within two
 * edits, which are then confirmed with {@link EditDistance}. Prefixes (for autocomplete) come
 * from a sorted word list. Only items that hold a matching word are scored.
 */
public final class FuzzyIndex<T> {

    /** One item with the strings it may be found by. */
    public record Item<T>(T value, List<String> keys) {
    }

    /** A found item, its score in [0, 1] and the key that matched best. */
    public record Match<T>(T value, double score, String key) {
    }

    /** Completions of a typed prefix considered per word: enough for 25 choices, bounded at any scale. */
    private static final int MAX_PREFIX_WORDS = 64;
    /** No name has a longer word; longer input words are matched exactly only (typo probes grow with length²). */
    private static final int MAX_FUZZY_WORD = 32;
    /** Words of a query beyond this are ignored: nobody's name is longer. */
    private static final int MAX_QUERY_WORDS = 12;
    private static final int MAX_CANDIDATE_ITEMS = 20_000;
    /** Autocomplete shows 25 choices; scoring more candidates than this only costs time. */
    private static final int MAX_PREFIX_CANDIDATES = 2_000;
    private static final int TOKEN_BITS = 24;
    private static final long TOKEN_MASK = (1L << TOKEN_BITS) - 1;

    private final List<T> items;
    private final String[] words;              // word id → word
    private final String[] sortedWords;        // for prefix search
    private final int[] sortedWordIds;
    private final int[][] postings;            // word id → item ids (ascending)
    private final String[][] itemKeys;         // item → original keys
    private final int[][][] itemKeyWords;      // item → key → word ids
    private final long[] deletions;            // (hash40 << 24 | word id), sorted
    private final Map<String, Integer> wordIds;

    public FuzzyIndex(List<Item<T>> input) {
        this.items = new ArrayList<>(input.size());
        this.wordIds = new HashMap<>();
        List<String> wordList = new ArrayList<>();
        int[][] post = new int[1024][];
        int[] postSize = new int[1024];
        this.itemKeys = new String[input.size()][];
        this.itemKeyWords = new int[input.size()][][];
        for (int i = 0; i < input.size(); i++) {
            Item<T> item = input.get(i);
            items.add(item.value());
            itemKeys[i] = item.keys().toArray(String[]::new);
            itemKeyWords[i] = new int[itemKeys[i].length][];
            for (int k = 0; k < itemKeys[i].length; k++) {
                String[] toks = Normalizer.tokens(itemKeys[i][k]);
                int[] ids = new int[toks.length];
                for (int t = 0; t < toks.length; t++) {
                    Integer id = wordIds.get(toks[t]);
                    if (id == null) {
                        id = wordList.size();
                        wordIds.put(toks[t], id);
                        wordList.add(toks[t]);
                        if (id == post.length) {
                            post = Arrays.copyOf(post, id * 2);
                            postSize = Arrays.copyOf(postSize, id * 2);
                        }
                        post[id] = new int[2];
                    }
                    ids[t] = id;
                    // Items are added in order, so a word's postings stay sorted and deduplicated.
                    int n = postSize[id];
                    if (n == 0 || post[id][n - 1] != i) {
                        if (n == post[id].length) {
                            post[id] = Arrays.copyOf(post[id], n * 2);
                        }
                        post[id][postSize[id]++] = i;
                    }
                }
                itemKeyWords[i][k] = ids;
            }
        }
        if (wordList.size() > TOKEN_MASK) {
            throw new IllegalArgumentException("too many distinct words for the index: " + wordList.size());
        }
        this.words = wordList.toArray(String[]::new);
        this.postings = new int[words.length][];
        for (int w = 0; w < words.length; w++) {
            postings[w] = postSize[w] == post[w].length ? post[w] : Arrays.copyOf(post[w], postSize[w]);
        }
        this.sortedWords = words.clone();
        Arrays.sort(sortedWords);
        this.sortedWordIds = new int[words.length];
        for (int r = 0; r < sortedWords.length; r++) {
            sortedWordIds[r] = wordIds.get(sortedWords[r]);
        }
        int total = 0;
        for (String word : words) {
            total += 1 + (EditDistance.allowedEdits(word.length()) > 0 ? word.length() : 0);
        }
        long[] dels = new long[total];
        int n = 0;
        for (int w = 0; w < words.length; w++) {
            String word = words[w];
            dels[n++] = pack(hash(word), w);
            if (EditDistance.allowedEdits(word.length()) > 0) {
                for (int c = 0; c < word.length(); c++) {
                    dels[n++] = pack(hashWithout(word, c), w);
                }
            }
        }
        Arrays.sort(dels);
        this.deletions = dels;
    }

    public int size() {
        return items.size();
    }

    /**
     * Items matching the query, best first. Every query word must match a word of the item
     * exactly, within the edits its length allows, or, when {@code prefixLast} is set and it is
     * the last word, as a prefix.
     */
    public List<Match<T>> search(String query, int limit, boolean prefixLast) {
        String[] q = Normalizer.tokens(query);
        if (q.length == 0 || q.length > MAX_QUERY_WORDS || limit <= 0) {
            return List.of();
        }
        // For each query word: matching word id → similarity.
        List<Map<Integer, Double>> perWord = new ArrayList<>(q.length);
        for (int j = 0; j < q.length; j++) {
            perWord.add(wordMatches(q[j], prefixLast && j == q.length - 1));
        }
        // Candidate items: those holding a match for the rarest query word.
        int rarest = 0;
        long best = Long.MAX_VALUE;
        for (int j = 0; j < q.length; j++) {
            long count = 0;
            for (int w : perWord.get(j).keySet()) {
                count += postings[w].length;
            }
            if (count < best) {
                best = count;
                rarest = j;
            }
        }
        if (best == 0) {
            return List.of();
        }
        List<Match<T>> found = new ArrayList<>();
        int visited = 0;
        BitSet seen = new BitSet(items.size());
        // Best-matching words first, so the candidate caps never drop an exact hit for a completion.
        List<Map.Entry<Integer, Double>> seeds = new ArrayList<>(perWord.get(rarest).entrySet());
        seeds.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
        outer:
        for (Map.Entry<Integer, Double> seed : seeds) {
            for (int item : postings[seed.getKey()]) {
                if (seen.get(item)) {
                    continue;
                }
                seen.set(item);
                if (++visited > (prefixLast ? MAX_PREFIX_CANDIDATES : MAX_CANDIDATE_ITEMS)) {
                    break outer;
                }
                Match<T> m = score(item, perWord, q.length);
                if (m != null) {
                    found.add(m);
                }
            }
        }
        found.sort((a, b) -> {
            int c = Double.compare(b.score(), a.score());
            return c != 0 ? c : a.key().compareTo(b.key());
        });
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
    }

    /** Scores one item: each query word takes its best match within one key; the best key wins. */
    private Match<T> score(int item, List<Map<Integer, Double>> perWord, int queryWords) {
        double bestScore = -1;
        int bestKey = -1;
        for (int k = 0; k < itemKeyWords[item].length; k++) {
            int[] keyWords = itemKeyWords[item][k];
            double sum = 0;
            boolean all = true;
            for (Map<Integer, Double> matches : perWord) {
                double wordBest = 0;
                for (int w : keyWords) {
                    Double s = matches.get(w);
                    if (s != null && s > wordBest) {
                        wordBest = s;
                    }
                }
                if (wordBest == 0) {
                    all = false;
                    break;
                }
                sum += wordBest;
            }
            if (!all) {
                continue;
            }
            // Reward keys the query covers fully: "Miller" alone is a weaker hit on "Andrew Miller".
            double coverage = Math.min(1.0, (double) queryWords / keyWords.length);
            double s = (sum / queryWords) * (0.8 + 0.2 * coverage);
            if (s > bestScore) {
                bestScore = s;
                bestKey = k;
            }
        }
        return bestKey < 0 ? null : new Match<>(items.get(item), bestScore, itemKeys[item][bestKey]);
    }

    private Map<Integer, Double> wordMatches(String q, boolean prefix) {
        Map<Integer, Double> out = new HashMap<>();
        Integer exact = wordIds.get(q);
        if (exact != null) {
            out.put(exact, 1.0);
        }
        if (prefix) {
            int from = lowerBound(q);
            for (int r = from, taken = 0; r < sortedWords.length && taken < MAX_PREFIX_WORDS
                    && sortedWords[r].startsWith(q); r++, taken++) {
                int w = sortedWordIds[r];
                // A longer completion of the typed prefix scores a little less than a full word.
                out.merge(w, 0.9 + 0.1 * q.length() / sortedWords[r].length(), Math::max);
            }
        }
        int allowed = EditDistance.allowedEdits(q.length());
        if (allowed > 0 && q.length() <= MAX_FUZZY_WORD) {
            fuzzy(q, allowed, out);
        }
        return out;
    }

    private void fuzzy(String q, int allowed, Map<Integer, Double> out) {
        List<Long> probes = new ArrayList<>();
        probes.add(hash(q));
        for (int c = 0; c < q.length(); c++) {
            String d1 = q.substring(0, c) + q.substring(c + 1);
            probes.add(hash(d1));
            if (allowed > 1) {
                for (int c2 = c; c2 < d1.length(); c2++) {
                    probes.add(hashWithout(d1, c2));
                }
            }
        }
        for (long h : probes) {
            int i = Arrays.binarySearch(deletions, h << TOKEN_BITS);
            if (i < 0) {
                i = -i - 1;
            }
            for (; i < deletions.length && (deletions[i] >>> TOKEN_BITS) == h; i++) {
                int w = (int) (deletions[i] & TOKEN_MASK);
                if (out.containsKey(w) && out.get(w) >= 1.0) {
                    continue;
                }
                String word = words[w];
                int limit = Math.min(allowed, EditDistance.allowedEdits(word.length()) + 1);
                int d = EditDistance.osa(q, word, limit);
                if (d <= limit && d > 0) {
                    out.merge(w, 1.0 - (double) d / Math.max(q.length(), word.length()) - 0.05, Math::max);
                }
            }
        }
    }

    private static String[] queryWords(String query) {
        String[] q = Normalizer.tokens(query);
        return q.length > MAX_QUERY_WORDS ? Arrays.copyOf(q, MAX_QUERY_WORDS) : q;
    }

    private int lowerBound(String q) {
        int lo = 0;
        int hi = sortedWords.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedWords[mid].compareTo(q) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            if (i != skip) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        return (h ^ (h >>> 40)) & 0xFFFFFFFFFFL;
    }

    /**
     * Looser than {@link #search}: items matching any query word (prefix or typo), ranked by how
     * many words they match. For "did you mean" lists after a failed lookup.
     */
    public List<Match<T>> anyWord(String query, int limit) {
        String[] q = queryWords(query);
        Map<Integer, Double> scores = new HashMap<>();
        int visited = 0;
        for (String word : q) {
            Map<Integer, Double> matches = wordMatches(word, true);
            Map<Integer, Double> perItem = new HashMap<>();
            for (Map.Entry<Integer, Double> m : matches.entrySet()) {
                for (int item : postings[m.getKey()]) {
                    if (++visited > MAX_CANDIDATE_ITEMS) {
                        break;
                    }
                    perItem.merge(item, m.getValue(), Math::max);
                }
            }
            perItem.forEach((item, s) -> scores.merge(item, s, Double::sum));
        }
        return scores.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .map(e -> new Match<>(items.get(e.getKey()), e.getValue() / Math.max(1, q.length), itemKeys[e.getKey()][0]))
                .toList();
    }

    /** The baseline the benchmarks compare against: edit distance to every key of every item. */
    public List<Match<T>> linearScan(String query, int limit) {
        String nq = Normalizer.normalize(query);
        List<Match<T>> found = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            double best = 0;
            String bestKey = null;
            for (String key : itemKeys[i]) {
                String nk = Normalizer.normalize(key);
                int max = Math.max(nq.length(), nk.length());
                int d = EditDistance.osa(nq, nk, max);
                double s = max == 0 ? 0 : 1.0 - (double) d / max;
                if (s > best) {
                    best = s;
                    bestKey = key;
                }
            }
            if (best >= 0.7) {
                found.add(new Match<>(items.get(i), best, bestKey));
            }
        }
        found.sort((a, b) -> Double.compare(b.score(), a.score()));
        return found.size() > limit ? found.subList(0, limit) : found;
    }
}
