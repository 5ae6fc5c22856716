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
