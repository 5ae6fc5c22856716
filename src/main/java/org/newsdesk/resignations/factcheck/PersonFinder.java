package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.search.FuzzyIndex;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Finds the officials a claim names, by hash lookups of its word n-grams against every name and
 * alias of the snapshot (built once per snapshot). A surname alone counts only when the dataset
 * lists it as an alias of exactly one entry; a lone surname right after a different given name
 * ("Matthew Miller") is someone else. Spelling variants not listed as aliases are found through
 * the directory's fuzzy index, only for names of two or three words with at least one word exact.
 */
final class PersonFinder {

    /** A name found at tokens [start, end): one entry, or several when the name is ambiguous, or none. */
    record Mention(int start, int end, List<Entry> entries, boolean approximate) {
        boolean known() {
            return entries.size() == 1;
        }
    }

    private static final double FUZZY_SCORE = 0.8;

    private final Directory directory;
    private final List<Entry> entries;
    private final Map<String, int[]> keys;
    private final Set<String> firstWords;
    private final Set<String> nameWords;
    private int maxWords = 1;

    PersonFinder(Directory directory) {
        this.directory = directory;
        this.entries = directory.snapshot().entries();
        int n = entries.size();
        this.keys = new HashMap<>(Math.max(16, n * 8));
        this.firstWords = new HashSet<>(Math.max(16, n * 4));
        this.nameWords = new HashSet<>(Math.max(16, n * 6));
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            List<String> all = new ArrayList<>(e.aliases().size() + 2);
            all.add(e.name().en());
            all.add(e.name().ar());
            all.addAll(e.aliases());
            for (String alias : all) {
                String[] words = words(alias);
                if (words.length == 0) {
                    continue;
                }
                String key = String.join(" ", words);
                int[] prev = keys.get(key);
                if (prev == null) {
                    keys.put(key, new int[]{i});
                } else if (prev[prev.length - 1] != i) {
                    int[] next = Arrays.copyOf(prev, prev.length + 1);
                    next[prev.length] = i;
                    keys.put(key, next);
                }
                firstWords.add(words[0]);
                for (String w : words) {
                    nameWords.add(w);
                }
                maxWords = Math.max(maxWords, words.length);
            }
        }
    }

    /**
     * {@link Normalizer#tokens} with a fast path for plain ASCII, where Unicode decomposition does
     * nothing: apostrophes are dropped, letters and digits lowercased, anything else separates
     * words. Half the aliases of a large dataset are Latin, and this halves the build.
     */
    static String[] words(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.tokens(s);
            }
        }
        List<String> out = new ArrayList<>(4);
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                continue;
            }
            if (Character.isLetterOrDigit(ch)) {
                w.append(Character.toLowerCase(ch));
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out.toArray(String[]::new);
    }

    /**
     * Every name in the claim, longest first at each position, never overlapping.
     *
     * @param vocabulary words the lexicon knows (never part of a fuzzy name)
     */
    List<Mention> find(ClaimText c, Set<String> vocabulary) {
        List<Mention> out = new ArrayList<>();
        Token[] tokens = c.tokens;
        boolean[] used = new boolean[tokens.length];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            Token t = tokens[i];
            int bestEnd = -1;
            int[] best = null;
            for (String form : t.forms()) {
                if (!firstWords.contains(form)) {
                    continue;
                }
                sb.setLength(0);
                sb.append(form);
                for (int n = 1; n <= maxWords && i + n <= tokens.length; n++) {
                    if (n > 1) {
                        if (tokens[i + n - 1].sentence() != t.sentence()) {
                            break;
                        }
                        sb.append(' ').append(tokens[i + n - 1].norm());
                    }
                    int[] found = keys.get(sb.toString());
                    if (found != null && i + n > bestEnd) {
                        bestEnd = i + n;
                        best = found;
                    }
                }
            }
            if (best == null) {
                continue;
            }
            List<Entry> es = new ArrayList<>(best.length);
            for (int idx : best) {
                es.add(entries.get(idx));
            }
            if (bestEnd - i == 1 && es.size() == 1 && i > 0 && !used[i - 1] && otherGivenName(c, i, es.get(0), vocabulary)) {
                // "Matthew Miller": the surname alone belongs to someone the dataset does not hold.
                out.add(new Mention(i - 1, i + 1, List.of(), false));
                used[i - 1] = true;
                used[i] = true;
                continue;
            }
            out.add(new Mention(i, bestEnd, es, false));
            for (int k = i; k < bestEnd; k++) {
                used[k] = true;
            }
            i = bestEnd - 1;
        }
        out.addAll(fuzzy(c, used, vocabulary));
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private boolean otherGivenName(ClaimText c, int i, Entry e, Set<String> vocabulary) {
        if (i == 0 || !c.sameSentence(i - 1, i) || c.at(i).breakBefore()) {
            return false;
        }
        Token prev = c.at(i - 1);
        Set<String> own = new HashSet<>();
        own.addAll(Arrays.asList(Normalizer.tokens(e.name().en())));
        own.addAll(Arrays.asList(Normalizer.tokens(e.name().ar())));
        for (String a : e.aliases()) {
            own.addAll(Arrays.asList(Normalizer.tokens(a)));
        }
        if (own.contains(prev.norm())) {
            return false;
        }
        if (prev.arabic()) {
            return Lexicon.ARABIC_GIVEN_NAMES.contains(prev.norm());
        }
        return prev.capitalized() && !prev.numeric() && !vocabulary.contains(prev.norm())
                && !Lexicon.NOT_OFFICIALS.contains(prev.norm()) && prev.norm().length() > 1;
    }

    /** Two- or three-word spelling variants ("Lilly Grenberg Call"), confirmed by the directory's fuzzy index. */
    private List<Mention> fuzzy(ClaimText c, boolean[] used, Set<String> vocabulary) {
        List<Mention> out = new ArrayList<>();
        Token[] tokens = c.tokens;
        for (int i = 0; i < tokens.length; i++) {
            for (int n = 3; n >= 2; n--) {
                int end = i + n;
                if (end > tokens.length || !candidateWindow(c, i, end, used, vocabulary)) {
                    continue;
                }
                String window = c.excerpt(i, end);
                List<FuzzyIndex.Match<Entry>> found = directory.people(window, 2, false);
                if (found.isEmpty() || found.get(0).score() < FUZZY_SCORE
                        || Normalizer.tokens(found.get(0).key()).length != n) {
                    continue;
                }
                if (found.size() > 1 && found.get(1).value() != found.get(0).value()
                        && found.get(0).score() - found.get(1).score() < 0.05) {
                    continue;
                }
                out.add(new Mention(i, end, List.of(found.get(0).value()), true));
                for (int k = i; k < end; k++) {
                    used[k] = true;
                }
                i = end - 1;
                break;
            }
        }
        return out;
    }

    private boolean candidateWindow(ClaimText c, int from, int to, boolean[] used, Set<String> vocabulary) {
        boolean exact = false;
        boolean inexact = false;
        for (int k = from; k < to; k++) {
            Token t = c.at(k);
            if (used[k] || t.numeric() || t.norm().length() > FactChecker.MAX_NAME_WORD
                    || (k > from && (t.breakBefore() || !c.sameSentence(from, k)))) {
                return false;
            }
            boolean known = false;
            for (String f : t.forms()) {
                known |= nameWords.contains(f);
            }
            if (known) {
                exact = true;
            } else {
                if (vocabulary.contains(t.norm()) || t.norm().length() < 4) {
                    return false;
                }
                inexact = true;
            }
        }
        return exact && inexact;
    }
}
