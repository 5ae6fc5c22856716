package org.newsdesk.resignations.render;

import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Scripts;

/**
 * Keeps Latin names and codes in Arabic text from pulling neighbouring punctuation and numbers to
 * the wrong side: they are wrapped in first-strong isolates (U+2068 … U+2069), which Discord's
 * clients honour and which are invisible otherwise.
 */
public final class Bidi {
    private static final char FSI = '\u2068';
    private static final char PDI = '\u2069';

    private Bidi() {
    }

    /**
     * A right-to-left mark to start an Arabic line that may hold only Latin names and numbers (a
     * sources list), so the line still reads from the right; nothing in English.
     */
    public static String rtlMark(Lang lang) {
        return lang == Lang.AR ? "\u200F" : "";
    }

    public static String isolate(String s, Lang lang) {
        if (lang != Lang.AR || s == null || !Scripts.hasLatin(s)) {
            return s;
        }
        return FSI + s + PDI;
    }
}
