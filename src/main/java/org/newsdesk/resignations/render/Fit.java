package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.List;

/** Shortens and splits text at word or line boundaries, never inside a word or a link. */
public final class Fit {

    private static final String ELLIPSIS = "…";

    private Fit() {
    }

    /** The last {@code c} at or before {@code from} that is markup, not an escaped character ("\\)"). */
    private static int lastUnescaped(String s, char c, int from) {
        int i = s.lastIndexOf(c, from);
        while (i > 0 && s.charAt(i - 1) == '\\') {
            i = s.lastIndexOf(c, i - 1);
        }
        return i;
    }

    /** At most {@code max} characters, cut at the last space before the limit, with an ellipsis. */
    public static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = max - ELLIPSIS.length();
        int space = s.lastIndexOf(' ', cut);
        if (space > max / 2) {
            cut = space;
        }
        if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
            cut--;
        }
        return s.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * The first sentences of {@code s}, at most {@code maxSentences} and {@code max} characters, with
     * an ellipsis when anything was left out. Cut at a sentence end; only when the sentences that fit
     * say too little (less than a third of {@code max}), at the last space before the limit (never
     * inside a word).
     */
    public static String sentences(String s, int maxSentences, int max) {
        String text = s.strip();
        int end = 0;
        int count = 0;
        boolean full = false;   // stopped because the next sentence does not fit
        for (int i = 0; i < text.length() && count < maxSentences; i++) {
            int stop = sentenceEnd(text, i);
            if (stop < 0) {
                continue;
            }
            if (stop + (stop < text.length() ? 2 : 0) > max) {   // room for " …"
                full = true;
                break;
            }
            end = stop;
            count++;
            i = stop - 1;
        }
        if ((count > 0 && end >= text.length()) || (!full && count < maxSentences && text.length() <= max)) {
            return text;   // whole, or its last words have no full stop but fit
        }
        // Nothing kept, or only a few words ("Family."): the text is cut at a word instead.
        if (count == 0 || end < max / 3) {
            return shorten(text, max);
        }
        return text.substring(0, end).stripTrailing() + " " + ELLIPSIS;
    }

    /**
     * When a sentence ends at {@code i} ('.', '!', '?', '؟' followed by closing quotes and a space or
     * the end), the index just after it; else -1. "U.S." and "..." inside a quotation are not ends.
     */
    private static int sentenceEnd(String s, int i) {
        char c = s.charAt(i);
        if (c != '.' && c != '!' && c != '?' && c != '؟') {
            return -1;
        }
        if (c == '.' && ((i > 0 && s.charAt(i - 1) == '.') || (i + 1 < s.length() && s.charAt(i + 1) == '.'))) {
            return -1;
        }
        // a single capital before the point is an initial or an abbreviation ("U.S.", "J. Paul")
        if (c == '.' && i > 0 && Character.isUpperCase(s.charAt(i - 1))
                && (i == 1 || !Character.isLetter(s.charAt(i - 2)))) {
            return -1;
        }
        int j = i + 1;
        while (j < s.length() && "'\"’”»)".indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        if (j == s.length()) {
            return j;
        }
        return Character.isWhitespace(s.charAt(j)) ? j : -1;
    }

    /** Splits text into chunks of at most {@code max} characters, preferring line breaks, then spaces. */
    public static List<String> split(String s, int max) {
        List<String> out = new ArrayList<>();
        String rest = s;
        while (rest.length() > max) {
            int cut = rest.lastIndexOf('\n', max);
            if (cut < max / 3) {
                cut = safeSpace(rest, max);
            }
            if (cut <= 0) {
                cut = max;
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || out.isEmpty()) {
            out.add(rest);
        }
        return out;
    }

    /** The last space before max that is not inside a markdown link "[...](...)". */
    private static int safeSpace(String s, int max) {
        int cut = s.lastIndexOf(' ', max);
        while (cut > 0) {
            int open = lastUnescaped(s, '[', cut);
            int close = lastUnescaped(s, ')', cut);
            if (open < 0 || close > open) {
                return cut;
            }
            cut = s.lastIndexOf(' ', open - 1);
        }
        return cut;
    }
}
