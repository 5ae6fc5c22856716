package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Finds known phrases in a claim with hash lookups of word n-grams, never a scan of the phrase
 * list. The first word of a phrase may carry Arabic clitics in the claim (وبوزارة matches
 * "وزارة"). Phrase syntax: a leading {@code ^} requires the claim's first word to be capitalized
 * ("^State" is not "the state of Israel"), {@code ^^} requires it in capitals ("^^AP"), and a
 * one-word phrase ending in {@code *} matches words starting with it ("استقال*").
 */
final class PhraseMatcher<T> {

    /** A phrase found at tokens [start, end). */
    record Match<T>(int start, int end, T payload) {
        int length() {
            return end - start;
        }
    }

    private record Payload<T>(T value, int caps) {
    }

    private record Prefix<T>(String prefix, Payload<T> payload) {
    }

    private final Map<String, List<Payload<T>>> phrases = new HashMap<>();
    private final Set<String> firstWords = new HashSet<>();
    private final List<Prefix<T>> prefixes = new ArrayList<>();
    private int maxWords = 1;

    PhraseMatcher<T> add(String phrase, T value) {
        String p = phrase.strip();
        int caps = 0;
        if (p.startsWith("^^")) {
            caps = 2;
            p = p.substring(2);
        } else if (p.startsWith("^")) {
            caps = 1;
            p = p.substring(1);
        }
        boolean prefix = p.endsWith("*");
        if (prefix) {
            p = p.substring(0, p.length() - 1);
        }
        String[] words = Normalizer.tokens(p);
        if (words.length == 0) {
            return this;
        }
        Payload<T> payload = new Payload<>(value, caps);
        if (prefix && words.length == 1) {
            prefixes.add(new Prefix<>(words[0], payload));
            return this;
        }
        String key = String.join(" ", words);
        phrases.computeIfAbsent(key, k -> new ArrayList<>(1)).add(payload);
        firstWords.add(words[0]);
        maxWords = Math.max(maxWords, words.length);
        return this;
    }

    /** Every word of every phrase (prefix phrases give their prefix). */
    Set<String> words() {
        Set<String> out = new HashSet<>();
        for (String k : phrases.keySet()) {
            out.addAll(List.of(k.split(" ")));
        }
        prefixes.forEach(p -> out.add(p.prefix()));
        return out;
    }

    /** Every phrase at every position (overlapping matches included), in order of start. */
    List<Match<T>> matchAll(ClaimText c) {
        List<Match<T>> out = new ArrayList<>();
        Token[] tokens = c.tokens;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            Token t = tokens[i];
            for (int f = 0; f < t.forms().length; f++) {
                String form = t.forms()[f];
                if (!firstWords.contains(form) || (f > 0 && sameAsEarlierForm(t, f))) {
                    continue;
                }
                sb.setLength(0);
                sb.append(form);
                for (int n = 1; n <= maxWords && i + n <= tokens.length; n++) {
                    if (n > 1) {
                        Token next = tokens[i + n - 1];
                        if (next.sentence() != t.sentence()) {
                            break;
                        }
                        sb.append(' ').append(next.norm());
                    }
                    List<Payload<T>> found = phrases.get(sb.toString());
                    if (found != null) {
                        for (Payload<T> p : found) {
                            if (capsOk(t, p.caps())) {
                                out.add(new Match<>(i, i + n, p.value()));
                            }
                        }
                    }
                }
            }
            if (!prefixes.isEmpty() && !t.numeric()) {
                for (Prefix<T> p : prefixes) {
                    for (String form : t.forms()) {
                        if (form.startsWith(p.prefix()) && capsOk(t, p.payload().caps())) {
                            out.add(new Match<>(i, i + 1, p.payload().value()));
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean sameAsEarlierForm(Token t, int f) {
        for (int g = 0; g < f; g++) {
            if (t.forms()[g].equals(t.forms()[f])) {
                return true;
            }
        }
        return false;
    }

    private static boolean capsOk(Token t, int caps) {
        return caps == 0 || (caps == 1 ? t.capitalized() : t.allCaps());
    }

    /** Keeps, among overlapping matches, the longest (then the earliest). */
    static <T> List<Match<T>> longestNonOverlapping(List<Match<T>> matches) {
        List<Match<T>> sorted = new ArrayList<>(matches);
        sorted.sort((a, b) -> a.length() != b.length() ? Integer.compare(b.length(), a.length())
                : Integer.compare(a.start(), b.start()));
        List<Match<T>> kept = new ArrayList<>();
        for (Match<T> m : sorted) {
            boolean overlaps = false;
            for (Match<T> k : kept) {
                if (m.start() < k.end() && k.start() < m.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(m);
            }
        }
        kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return kept;
    }
}
