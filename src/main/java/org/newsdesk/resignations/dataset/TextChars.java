package org.newsdesk.resignations.dataset;

import java.util.Locale;

/** Character rules for the dataset's text: what JSON escapes can smuggle in and a reader cannot see. */
public final class TextChars {

    private TextChars() {
    }

    /**
     * The index of the first control character (C0, DEL or C1; a line feed is allowed only when
     * {@code lines}) or unpaired surrogate, or -1. JSON can carry these as escapes (\u0000,
     * \ud800); they would go on into exports and replies.
     */
    public static int badChar(String s, boolean lines) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < Character.MIN_SURROGATE)) {
                continue;   // printable ASCII, Arabic and nearly all text: one test (this runs on every text of a load)
            }
            if (c < 0x20) {
                if (c != '\n' || !lines) {
                    return i;
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                return i;
            } else if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The sentence for {@link #badChar}'s find, naming the character by its code (it cannot be shown). */
    static String describe(char c, int index) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        String what = Character.isSurrogate(c) ? "half of a character pair (" + code + ", an unpaired surrogate)"
                : c == '\n' ? "a line break"
                : "an invisible control character (" + code + (c == 0 ? ", NUL" : c == '\t' ? ", tab" : "") + ")";
        return "contains " + what + " at character " + (index + 1) + "; remove it (it usually comes from a bad copy or a "
                + "\\u escape).";
    }

    /** At least one letter or digit (an alias of only spaces, dashes or zero-width characters is not a spelling). */
    public static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) && c != '\u0640') {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a spreadsheet would read the text as a formula: it starts with = + - or @, or with
     * a tab or carriage return (OWASP's list for CSV injection).
     */
    public static boolean startsLikeFormula(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
