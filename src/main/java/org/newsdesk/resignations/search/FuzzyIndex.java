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
 * (every word and every word of three letters or more with one letter removed, stored as hashes
 * in one sorted {@code long[]} with a directory on the hashes' top bits): a query word with up
 * to two letters removed meets the words within two edits, which are then confirmed with
 * {@link EditDistance}. Prefixes (for autocomplete) come from a sorted word list: a prefix's
 * completions are one range of it. Only items that hold a matching word are scored, and only the
 * best {@code limit} are kept; a prefix held by many items has its best completions worked out
 * in advance ({@link BestCompletions}). Measured against Lucene in docs/PERFORMANCE.md (issue 15).
 */
public final class FuzzyIndex<T> {

    /** One item with the strings it may be found by. */
    public record Item<T>(T value, List<String> keys) {
    }

    /** A found item, its score in [0, 1] and the key that matched best. */
    public record Match<T>(T value, double score, String key) {
    }

    /** Completions of a typed prefix considered per word by {@link #anyWord}: enough for its suggestions. */
    private static final int MAX_PREFIX_WORDS = 64;
    /** Autocomplete's choices (Discord shows 25): how many best completions a prefix keeps. */
    static final int LISTED = 25;
    /** A prefix whose completions hold more items than this keeps its best {@link #LISTED}; below, scoring them all is as quick. */
    static final int LISTED_FROM = 64;
    /** No name has a longer word; longer input words are matched exactly only (typo probes grow with length²). */
    private static final int MAX_FUZZY_WORD = 32;
    /** Words of a query beyond this are ignored: nobody's name is longer. */
    private static final int MAX_QUERY_WORDS = 12;
    private static final int MAX_CANDIDATE_ITEMS = 20_000;
    /**
     * Candidates scored when a prefix query cannot be answered from a precomputed list (more than
     * 25 choices asked, a typo of a word more than this many items hold, a multi-word query):
     * visited in posting order, not by score, so past this many the best can be missed (a review
     * showed "Smitg" finding 2,100 "Person… Smith" but not an alias "Smith"). A bound on the
     * time a keystroke can cost; newsroom datasets are far below it.
     */
    private static final int MAX_PREFIX_CANDIDATES = 2_000;
    /** Short words get a typo search of their own ({@link TypoWords#shortFuzzy}) from this length. */
    private static final int SHORT_TYPO_QUERY = 2;
    /** A query read with its space moved or put back scores as if one word had a typo. */
    private static final double SPACE_TYPO = 0.92;
    /** Words matched in another order than the key's: ties between "Son Nagar" and "Nagar Son" go to the typed order. */
    private static final double OUT_OF_ORDER = 0.99;

    private final List<T> items;
    private final String[] words;              // word id → word
    private final String[] sortedWords;        // for prefix search
    private final int[] sortedWordIds;
    private final int[] rankOf;                // word id → its place in sortedWords
    private final int[] wordLength;            // word id → letters (a completion scores by its length)
    private final int[] postingsBelow;         // rank → postings held by the words ranked before it
    // Word pairs of one key ("Son Saalha": son→saalha and saalha→son), by first word id, then the
    // second word's rank: the items where a word and a completion of a prefix meet in one name.
    private final int[] pairStart;             // word id → its pairs' first index
    private final int[] pairRank;
    private final int[] pairItem;
    private final int[][] postings;            // word id → item ids (ascending)
    private final String[][] itemKeys;         // item → original keys
    private final int[] itemStart;             // item → where its keys start in keyWords
    private final int[] keyWords;              // per item: key count, then per key: word count, word ids
    private final TypoWords typos;             // the deletion index over words
    private final BestCompletions best;        // the busy prefixes' best items
    private final Map<String, Integer> wordIds;

    public FuzzyIndex(List<Item<T>> input) {
        this.items = new ArrayList<>(input.size());
        this.wordIds = new HashMap<>();
        List<String> wordList = new ArrayList<>();
        int[][] post = new int[1024][];
        int[] postSize = new int[1024];
        this.itemKeys = new String[input.size()][];
        int[][][] itemKeyWords = new int[input.size()][][];
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
        // One flat array: scoring a candidate reads one run of memory, not an array per key.
        this.itemStart = new int[input.size() + 1];
        int flat = 0;
        for (int[][] keys : itemKeyWords) {
            flat += 1;
            for (int[] ids : keys) {
                flat += 1 + ids.length;
            }
        }
        this.keyWords = new int[flat];
        int at = 0;
        for (int i = 0; i < itemKeyWords.length; i++) {
            itemStart[i] = at;
            keyWords[at++] = itemKeyWords[i].length;
            for (int[] ids : itemKeyWords[i]) {
                keyWords[at++] = ids.length;
                System.arraycopy(ids, 0, keyWords, at, ids.length);
                at += ids.length;
            }
        }
        itemStart[itemKeyWords.length] = at;
        if (wordList.size() > TypoWords.MAX_WORDS) {
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
        this.rankOf = new int[words.length];
        this.wordLength = new int[words.length];
        this.postingsBelow = new int[words.length + 1];
        for (int r = 0; r < sortedWords.length; r++) {
            int w = wordIds.get(sortedWords[r]);
            sortedWordIds[r] = w;
            rankOf[w] = r;
            wordLength[w] = sortedWords[r].length();
            postingsBelow[r + 1] = postingsBelow[r] + postings[w].length;
        }
        this.typos = new TypoWords(words);
        this.pairStart = new int[words.length + 1];
        for (int i = 0; i < items.size(); i++) {
            int next = itemStart[i];
            for (int k = 0, keys = keyWords[next++]; k < keys; k++) {
                int length = keyWords[next++];
                for (int a = 0; a < length; a++) {
                    pairStart[keyWords[next + a] + 1] += length - 1;
                }
                next += length;
            }
        }
        for (int w = 0; w < words.length; w++) {
            pairStart[w + 1] += pairStart[w];
        }
        long[] pairs = new long[pairStart[words.length]];
        int[] fill = Arrays.copyOf(pairStart, words.length);
        for (int i = 0; i < items.size(); i++) {
            int next = itemStart[i];
            for (int k = 0, keys = keyWords[next++]; k < keys; k++) {
                int length = keyWords[next++];
                for (int a = 0; a < length; a++) {
                    for (int b = 0; b < length; b++) {
                        if (a != b) {
                            pairs[fill[keyWords[next + a]]++] = (long) rankOf[keyWords[next + b]] << 32 | i;
                        }
                    }
                }
                next += length;
            }
        }
        this.pairRank = new int[pairs.length];
        this.pairItem = new int[pairs.length];
        for (int w = 0; w < words.length; w++) {
            Arrays.sort(pairs, pairStart[w], pairStart[w + 1]);
        }
        for (int i = 0; i < pairs.length; i++) {
            pairRank[i] = (int) (pairs[i] >>> 32);
            pairItem[i] = (int) pairs[i];
        }
        BestCompletions.Builder lists = new BestCompletions.Builder();
        listBusyPrefixes(0, sortedWords.length, 0, new int[items.size()], new int[1], lists);
        this.best = lists.build();
    }

    /**
     * Keeps the best {@link #LISTED} items of every prefix longer than {@code length} of the
     * words ranked {@code [from, to)} (which share their first {@code length} letters) whose
     * completions hold more than {@link #LISTED_FROM} items, depth first. A longer prefix holds
     * fewer, so the walk stops at the first one that does not need a list.
     */
    private void listBusyPrefixes(int from, int to, int length, int[] stamp, int[] mark, BestCompletions.Builder out) {
        int r = from;
        if (r < to && sortedWords[r].length() == length) {
            r++;   // the prefix itself, a word: completes nothing longer
        }
        while (r < to) {
            char c = sortedWords[r].charAt(length);
            int end = r + 1;
            while (end < to && sortedWords[end].charAt(length) == c) {
                end++;
            }
            if (postingsBelow[end] - postingsBelow[r] > LISTED_FROM) {
                Top top = bestOf(r, end, length + 1, stamp, ++mark[0]);
                out.add(r, length + 1, top.items(), top.matches().toArray());
                listBusyPrefixes(r, end, length + 1, stamp, mark, out);
            }
            r = end;
        }
    }

    /**
     * The best items of the completions ranked {@code [from, to)} of a prefix of {@code length}
     * letters. Shorter completions score more, so they are read first, and reading stops once no
     * longer one can place an item in the list (the list is the same as scoring every item).
     */
    private Top bestOf(int from, int to, int length, int[] stamp, int mark) {
        WordScores completions = completionsOf(from, to, length);
        WordScores[] perWord = {completions};
        Top top = new Top(LISTED, true);
        for (int w : completions.byScore()) {
            if (top.settledAbove(completions.get(w))) {
                break;
            }
            for (int item : postings[w]) {
                if (stamp[item] != mark) {
                    stamp[item] = mark;
                    score(item, perWord, true, 1.0, top);
                }
            }
        }
        return top;
    }

    /** The completions ranked {@code [from, to)} of a prefix of {@code length} letters, the prefix itself (a word) at 1.0. */
    private WordScores completionsOf(int from, int to, int length) {
        WordScores out = new WordScores();
        if (from < to) {
            if (wordLength[sortedWordIds[from]] == length) {
                out.merge(sortedWordIds[from], 1.0);
            }
            out.completions(rankOf, sortedWordIds, wordLength, from, to, length);
        }
        return out;
    }

    public int size() {
        return items.size();
    }

    /**
     * Items matching the query, best first. Every query word must match a word of the item
     * exactly, within the edits its length allows, or, when {@code prefixLast} is set and it is
     * the last word, as a prefix. Without {@code prefixLast}, a space typed one letter early or
     * late ("Vul iIsrawabe") or left out ("VuliIsrawabe") is also forgiven, at the cost of an edit.
     */
    public List<Match<T>> search(String query, int limit, boolean prefixLast) {
        String[] q = Normalizer.tokens(query);
        if (q.length == 0 || q.length > MAX_QUERY_WORDS || limit <= 0) {
            return List.of();
        }
        if (prefixLast) {
            return complete(q, limit);
        }
        WordScores[] perWord = new WordScores[q.length];
        for (int j = 0; j < q.length; j++) {
            perWord[j] = wordMatches(q[j], false);
        }
        Top top = new Top(limit, false);
        collect(perWord, false, 1.0, top);
        spaceTypos(q, perWord, top);
        return top.matches();
    }

    /**
     * Autocomplete: the last word is a prefix. Every completion counts, ranked as {@link #score}
     * says, ties by key and then by item, up to {@link #MAX_PREFIX_CANDIDATES} candidates where no
     * precomputed list answers. A one-word prefix held by many items
     * reads its precomputed best items; so that a typo match cannot be missed, the items of the
     * words matched as typos are scored too, and the list is used only when its worst item is
     * still in the choices; otherwise every candidate is scored.
     */
    private List<Match<T>> complete(String[] q, int limit) {
        int last = q.length - 1;
        if (last == 0 && limit <= LISTED) {
            List<Match<T>> listed = listed(q[0], limit);
            if (listed != null) {
                return listed;
            }
        }
        WordScores[] perWord = prefixQuery(q);
        String prefix = q[last];
        int from = perWord[last].completionsFrom();
        int to = perWord[last].completionsTo();
        if (last == 0 && limit <= LISTED && from < to) {
            int list = best.find(from, prefix.length());
            if (list >= 0) {
                Top listed = fromList(list, from, to, prefix.length(), perWord, limit);
                if (listed != null) {
                    return listed.matches();
                }
            }
        }
        Top top = new Top(limit, true);
        collect(perWord, true, 1.0, top);
        return top.matches();
    }

    /** What each word of an autocomplete query matches: the last one's completions and typos, the others' words and typos. */
    private WordScores[] prefixQuery(String[] q) {
        int last = q.length - 1;
        WordScores[] perWord = new WordScores[q.length];
        for (int j = 0; j < last; j++) {
            perWord[j] = wordMatches(q[j], false);
        }
        String prefix = q[last];
        int from = lowerBound(prefix);
        perWord[last] = completionsOf(from, prefixEnd(prefix, from), prefix.length());
        int allowed = EditDistance.allowedEdits(prefix.length());
        if (allowed > 0 && prefix.length() <= MAX_FUZZY_WORD) {
            typos.fuzzy(prefix, allowed, perWord[last]);
        }
        return perWord;
    }

    /**
     * Autocomplete the slow way, for tests: every item scored, no list, no bound, no cap. What
     * {@code search(query, limit, true)} must return while no path meets
     * {@link #MAX_PREFIX_CANDIDATES} candidates.
     */
    List<Match<T>> completeByScoringEveryItem(String query, int limit) {
        String[] q = Normalizer.tokens(query);
        if (q.length == 0 || q.length > MAX_QUERY_WORDS || limit <= 0) {
            return List.of();
        }
        WordScores[] perWord = prefixQuery(q);
        Top top = new Top(limit, true);
        for (int item = 0; item < items.size(); item++) {
            score(item, perWord, true, 1.0, top);
        }
        return top.matches();
    }

    /**
     * The first choices of a one-word prefix's list, as they are, when no typo match can rank
     * among them: the prefix is too short to be read as a typo, or the last choice scores above
     * any typo match (one edit on a word a letter longer, less the typo's 0.05). Null otherwise.
     */
    @SuppressWarnings("unchecked")
    private List<Match<T>> listed(String prefix, int limit) {
        int from = lowerBound(prefix);
        if (from == sortedWords.length || !sortedWords[from].startsWith(prefix)) {
            return null;
        }
        int list = best.find(from, prefix.length());
        if (list < 0) {
            return null;
        }
        int size = best.end(list) - best.start(list);
        int length = prefix.length();
        if (EditDistance.allowedEdits(length) > 0 && length <= MAX_FUZZY_WORD) {
            double typoAtMost = 0.95 - 1.0 / (length + 1);
            if (size < limit || ((Match<T>) best.match(best.start(list) + limit - 1)).score() <= typoAtMost + 1e-9) {
                return null;
            }
        }
        Object[] first = new Object[Math.min(limit, size)];
        for (int i = 0; i < first.length; i++) {
            first[i] = best.match(best.start(list) + i);
        }
        return (List<Match<T>>) (List<?>) List.of(first);
    }

    /**
     * The choices from a prefix's list: its items, and those of the words matched only as typos
     * (scoring more than as completions), scored in full. Any other item holds completions only,
     * so it ranks below the list's last item; the result stands when that item does not rank
     * above the last choice. Null when it does (a typo match pushed list items out): the caller
     * then scores every candidate.
     */
    private Top fromList(int list, int from, int to, int length, WordScores[] perWord, int limit) {
        WordScores matches = perWord[0];
        Top top = new Top(limit, true);
        top.dedupe = true;   // a listed item may hold a typo word too
        for (int at = best.start(list); at < best.end(list); at++) {
            Match<?> m = (Match<?>) best.match(at);
            top.offer(best.item(at), m.score(), m.key());
        }
        int[] typoWords = new int[matches.size];
        int n = 0;
        for (int i = 0; i < matches.size; i++) {
            int w = matches.words[i];
            boolean prefixItself = wordLength[w] == length && rankOf[w] == from;
            if (!prefixItself && matches.mapped(w) > matches.asCompletion(w)) {
                typoWords[n++] = w;
            }
        }
        if (n == 0) {
            return top;   // every item is ranked as the list was: its first items are the choices
        }
        sortByScore(typoWords, n, matches);
        Seen seen = new Seen();
        int visited = 0;
        for (int i = 0; i < n; i++) {
            if (top.settledAbove(matches.get(typoWords[i]))) {
                break;
            }
            for (int item : postings[typoWords[i]]) {
                if (!seen.add(item)) {
                    continue;
                }
                if (++visited > MAX_PREFIX_CANDIDATES) {
                    return null;
                }
                score(item, perWord, true, 1.0, top);
            }
        }
        if (best.end(list) - best.start(list) < LISTED) {
            return top;   // the list holds every item with a completion
        }
        // The list's last item, ranked by its completions alone, bounds every item left out.
        Match<?> worst = (Match<?>) best.match(best.end(list) - 1);
        return top.reaches(worst.score(), worst.key(), best.item(best.end(list) - 1)) ? top : null;
    }

    /** The first {@code n} words by their score, best first, ties by id. */
    private static void sortByScore(int[] words, int n, WordScores matches) {
        for (int i = 1; i < n; i++) {
            int w = words[i];
            double s = matches.get(w);
            int j = i;
            while (j > 0 && (matches.get(words[j - 1]) < s || matches.get(words[j - 1]) == s && words[j - 1] > w)) {
                words[j] = words[j - 1];
                j--;
            }
            words[j] = w;
        }
    }

    /** Scores the items holding a match for the rarest query word, into {@code top}. */
    private void collect(WordScores[] perWord, boolean prefixLast, double factor, Top top) {
        int rarest = 0;
        long best = Long.MAX_VALUE;
        for (int j = 0; j < perWord.length; j++) {
            long count = 0;
            WordScores m = perWord[j];
            for (int n = 0; n < m.size; n++) {
                count += postings[m.words[n]].length;
            }
            count += postingsBelow[m.completionsTo()] - postingsBelow[m.completionsFrom()];
            if (count < best) {
                best = count;
                rarest = j;
            }
        }
        if (best == 0) {
            return;
        }
        // The other words' best similarities bound what any item can still score.
        double others = 0;
        for (int j = 0; j < perWord.length; j++) {
            if (j != rarest) {
                others += perWord[j].max;
            }
        }
        int visited = 0;
        int cap = prefixLast ? MAX_PREFIX_CANDIDATES : MAX_CANDIDATE_ITEMS;
        // a prefix's candidates are few (at most MAX_PREFIX_CANDIDATES): a set of them, not a bit per item
        BitSet seen = prefixLast ? null : new BitSet(items.size());
        Seen few = prefixLast ? new Seen() : null;
        // Autocomplete led by another word than the prefix: only the items whose key holds the
        // seed and, elsewhere in it, a match for the prefix (from the word pairs), not all the seed's.
        WordScores prefix = perWord[perWord.length - 1];
        int[] prefixTypos = prefixLast && rarest != perWord.length - 1 ? outsideCompletions(prefix) : null;
        // Best-matching words first, so the candidate caps never drop an exact hit for a completion.
        int[] seeds = perWord[rarest].byScore();
        for (int seed : seeds) {
            double seedScore = perWord[rarest].get(seed);
            // No item reached from here on can score above this: stop once the choices are settled.
            if (top.settledAbove((seedScore + others) / perWord.length * factor)) {
                return;
            }
            if (prefixTypos != null) {
                int first = pairStart[seed];
                int end = pairStart[seed + 1];
                for (int i = firstPair(first, end, prefix.completionsFrom()); i < end && pairRank[i] < prefix.completionsTo(); i++) {
                    visited = visit(pairItem[i], perWord, factor, top, few, visited);
                }
                for (int typo : prefixTypos) {
                    for (int i = firstPair(first, end, rankOf[typo]); i < end && pairRank[i] == rankOf[typo]; i++) {
                        visited = visit(pairItem[i], perWord, factor, top, few, visited);
                    }
                }
                if (visited > cap) {
                    return;
                }
                continue;
            }
            for (int item : postings[seed]) {
                if (few != null ? !few.add(item) : seen.get(item)) {
                    continue;
                }
                if (seen != null) {
                    seen.set(item);
                }
                if (++visited > cap) {
                    return;
                }
                score(item, perWord, prefixLast, factor, top);
            }
        }
    }

    /** Scores an autocomplete candidate not seen yet (up to the cap); the candidates counted so far. */
    private int visit(int item, WordScores[] perWord, double factor, Top top, Seen seen, int visited) {
        if (visited > MAX_PREFIX_CANDIDATES || !seen.add(item)) {
            return visited;
        }
        if (visited < MAX_PREFIX_CANDIDATES) {
            score(item, perWord, true, factor, top);
        }
        return visited + 1;
    }

    /** The words a prefix matches other than as completions (typos), in no order. */
    private int[] outsideCompletions(WordScores prefix) {
        int[] out = new int[prefix.size];
        int n = 0;
        for (int i = 0; i < prefix.size; i++) {
            int r = rankOf[prefix.words[i]];
            if (r < prefix.completionsFrom() || r >= prefix.completionsTo()) {
                out[n++] = prefix.words[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The first pair in {@code [from, to)} whose second word ranks at or after {@code rank}. */
    private int firstPair(int from, int to, int rank) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pairRank[mid] < rank) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Scores one item: each query word takes its best match within one key; the best key wins.
     * With {@code prefixLast}, the last word, a prefix, completes a word of the key that no other
     * query word took: "Son S" is "Son Saalha" or "Sara Son", and not "Albu Son" with "Son" read twice.
     */
    private void score(int item, WordScores[] perWord, boolean prefixLast, double factor, Top top) {
        double bestScore = -1;
        int bestKey = -1;
        int queryWords = perWord.length;
        int next = itemStart[item];
        int keys = keyWords[next++];
        for (int k = 0; k < keys; k++) {
            int length = keyWords[next++];
            int from = next;
            next += length;
            double sum = 0;
            boolean all = true;
            boolean inOrder = true;
            int previous = -1;
            long taken = 0;   // the key's words (the first 64: names are shorter) other query words took
            for (int j = 0; j < queryWords; j++) {
                WordScores matches = perWord[j];
                boolean last = prefixLast && j == queryWords - 1;
                double wordBest = 0;
                int at = -1;
                for (int p = 0; p < length; p++) {
                    if (last && p < 64 && (taken & 1L << p) != 0) {
                        continue;
                    }
                    double s = matches.get(keyWords[from + p]);
                    if (s > wordBest) {
                        wordBest = s;
                        at = p;
                    }
                }
                if (wordBest == 0) {
                    all = false;
                    break;
                }
                inOrder &= at > previous;
                previous = at;
                if (at < 64) {
                    taken |= 1L << at;
                }
                sum += wordBest;
            }
            if (!all) {
                continue;
            }
            // Reward keys the query covers fully: "Miller" alone is a weaker hit on "Andrew Miller".
            double coverage = Math.min(1.0, (double) queryWords / length);
            double s = (sum / queryWords) * (0.8 + 0.2 * coverage);
            if (!inOrder) {
                // "Son Nagra" is Son Nagar rather than Nagar Son: a hair, never enough to decide alone
                s *= OUT_OF_ORDER;
            }
            if (s > bestScore) {
                bestScore = s;
                bestKey = k;
            }
        }
        if (bestKey >= 0) {
            top.offer(item, bestScore * factor, itemKeys[item][bestKey]);
        }
    }

    /**
     * A space one letter off, or missing: when moving it, or putting it back, turns the words
     * around it into two known words, the query is tried that way too. Costs a few map lookups;
     * the extra search runs only when both words are known, which a one-letter typo inside a
     * word almost never produces.
     */
    private void spaceTypos(String[] q, WordScores[] perWord, Top top) {
        for (int j = 0; j + 1 < q.length; j++) {
            String a = q[j];
            String b = q[j + 1];
            if (wordIds.containsKey(a) && wordIds.containsKey(b)) {
                continue;
            }
            if (a.length() > 1) {
                respaced(q, perWord, j, 2, a.substring(0, a.length() - 1), a.charAt(a.length() - 1) + b, top);
            }
            if (b.length() > 1) {
                respaced(q, perWord, j, 2, a + b.charAt(0), b.substring(1), top);
            }
        }
        if (q.length < MAX_QUERY_WORDS) {
            for (int j = 0; j < q.length; j++) {
                String a = q[j];
                if (a.length() < 2 || a.length() > 2 * MAX_FUZZY_WORD || wordIds.containsKey(a)) {
                    continue;
                }
                for (int cut = 1; cut < a.length(); cut++) {
                    respaced(q, perWord, j, 1, a.substring(0, cut), a.substring(cut), top);
                }
            }
        }
    }

    /** The query with {@code replaced} words from {@code at} replaced by two known words, scored one edit down. */
    private void respaced(String[] q, WordScores[] perWord, int at, int replaced, String left, String right, Top top) {
        Integer l = wordIds.get(left);
        Integer r = l == null ? null : wordIds.get(right);
        if (r == null) {
            return;
        }
        top.dedupe = true;
        WordScores[] variant = new WordScores[q.length - replaced + 2];
        System.arraycopy(perWord, 0, variant, 0, at);
        variant[at] = WordScores.exact(l);
        variant[at + 1] = WordScores.exact(r);
        System.arraycopy(perWord, at + replaced, variant, at + 2, q.length - at - replaced);
        collect(variant, false, SPACE_TYPO, top);
    }

    private WordScores wordMatches(String q, boolean prefix) {
        WordScores out = new WordScores();
        Integer exact = wordIds.get(q);
        if (exact != null) {
            out.merge(exact, 1.0);
        }
        if (prefix) {
            int from = lowerBound(q);
            for (int r = from, taken = 0; r < sortedWords.length && taken < MAX_PREFIX_WORDS
                    && sortedWords[r].startsWith(q); r++, taken++) {
                int w = sortedWordIds[r];
                // A longer completion of the typed prefix scores a little less than a full word.
                out.merge(w, 0.9 + 0.1 * q.length() / sortedWords[r].length());
            }
        }
        int allowed = EditDistance.allowedEdits(q.length());
        if (allowed > 0 && q.length() <= MAX_FUZZY_WORD) {
            typos.fuzzy(q, allowed, out);
        } else if (!prefix && q.length() >= SHORT_TYPO_QUERY) {
            typos.shortFuzzy(q, out);
        }
        return out;
    }

    private static String[] queryWords(String query) {
        String[] q = Normalizer.tokens(query);
        return q.length > MAX_QUERY_WORDS ? Arrays.copyOf(q, MAX_QUERY_WORDS) : q;
    }

    /** The first rank from {@code from} on whose word does not start with {@code prefix}. */
    private int prefixEnd(String prefix, int from) {
        int lo = from;
        int hi = sortedWords.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedWords[mid].startsWith(prefix)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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

    /**
     * Looser than {@link #search}: items matching any query word (prefix or typo), ranked by how
     * many words they match. For "did you mean" lists after a failed lookup.
     */
    public List<Match<T>> anyWord(String query, int limit) {
        String[] q = queryWords(query);
        Map<Integer, Double> scores = new HashMap<>();
        int visited = 0;
        for (String word : q) {
            Map<Integer, Double> matches = wordMatches(word, true).asMap();
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

    /**
     * The best {@code limit} matches found so far, best first: by score, then key, then the order
     * they were found in (what sorting every match used to give) or, for autocomplete, the item
     * (the same whatever order they are found in, so that precomputed lists agree), without
     * sorting every match.
     */
    private final class Top {
        private final int limit;
        private final boolean byItem;
        private int size;
        private int found;
        /** Set once a respaced query is scored: only then can an item be offered twice. */
        boolean dedupe;
        private int[] item;
        private double[] score;
        private String[] key;
        private int[] order;

        Top(int limit, boolean byItem) {
            this.limit = limit;
            this.byItem = byItem;
            int capacity = Math.min(limit, 32);
            item = new int[capacity];
            score = new double[capacity];
            key = new String[capacity];
            order = new int[capacity];
        }

        /** Whether every place is taken by a match scoring above {@code bound} (nothing below it can enter). */
        boolean settledAbove(double bound) {
            return size == limit && score[size - 1] > bound + 1e-9;
        }

        void offer(int it, double s, String k) {
            int n = byItem ? it : found++;
            if (size == limit && !before(s, k, n, size - 1)) {
                return;   // cannot enter; if the item is kept already, it is kept with a better score
            }
            for (int i = 0; dedupe && i < size; i++) {
                if (item[i] == it) {
                    // found again through a respaced query: the better reading stays
                    if (!before(s, k, n, i)) {
                        return;
                    }
                    System.arraycopy(item, i + 1, item, i, size - i - 1);
                    System.arraycopy(score, i + 1, score, i, size - i - 1);
                    System.arraycopy(key, i + 1, key, i, size - i - 1);
                    System.arraycopy(order, i + 1, order, i, size - i - 1);
                    size--;
                    break;
                }
            }
            if (size == limit && !before(s, k, n, size - 1)) {
                return;
            }
            if (size == limit) {
                size--;
            } else if (size == item.length) {
                int capacity = Math.min(limit, item.length * 2);
                item = Arrays.copyOf(item, capacity);
                score = Arrays.copyOf(score, capacity);
                key = Arrays.copyOf(key, capacity);
                order = Arrays.copyOf(order, capacity);
            }
            int at = size;
            while (at > 0 && before(s, k, n, at - 1)) {
                item[at] = item[at - 1];
                score[at] = score[at - 1];
                key[at] = key[at - 1];
                order[at] = order[at - 1];
                at--;
            }
            item[at] = it;
            score[at] = s;
            key[at] = k;
            order[at] = n;
            size++;
        }

        private boolean before(double s, String k, int n, int i) {
            if (s != score[i]) {
                return s > score[i];
            }
            int c = k.compareTo(key[i]);
            return c != 0 ? c < 0 : n < order[i];
        }

        /** Whether every place is taken and the last is not ranked below the given match (found as {@code n}). */
        boolean reaches(double s, String k, int n) {
            return size == limit && !before(s, k, n, size - 1);
        }

        int[] items() {
            return Arrays.copyOf(item, size);
        }

        List<Match<T>> matches() {
            List<Match<T>> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(new Match<>(items.get(item[i]), score[i], key[i]));
            }
            return List.copyOf(out);
        }
    }

    /** A small set of item ids (open addressing), for the few hundred candidates of a prefix. */
    private static final class Seen {
        private int[] slots = new int[64];   // item + 1, 0 = empty
        private int size;

        /** Adds the item; false when it was there already. */
        boolean add(int item) {
            int mask = slots.length - 1;
            int h = (item * 0x9E3779B9) >>> 7 & mask;
            while (slots[h] != 0) {
                if (slots[h] == item + 1) {
                    return false;
                }
                h = (h + 1) & mask;
            }
            slots[h] = item + 1;
            if (++size * 2 > slots.length) {
                int[] old = slots;
                slots = new int[old.length * 2];
                mask = slots.length - 1;
                for (int v : old) {
                    if (v != 0) {
                        int g = ((v - 1) * 0x9E3779B9) >>> 7 & mask;
                        while (slots[g] != 0) {
                            g = (g + 1) & mask;
                        }
                        slots[g] = v;
                    }
                }
            }
            return true;
        }
    }
}
