package org.newsdesk.resignations.search;

import java.text.Normalizer.Form;

/**
 * Folds text so that the spellings a reporter meets in the press compare equal: Latin case and
 * accents; Arabic diacritics, tatweel, hamza and alef forms, ta marbuta, alef maqsura, Persian
 * letter forms and Arabic-Indic digits; invisible controls (zero-width, bidi) are dropped.
 * ج, غ and گ all fold to ج because outlets render the English "G" with any of them
 * (جيلبرت / غيلبرت, جرينبرج / غرينبيرغ).
 */
public final class Normalizer {

    private Normalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        // NFKD splits hamza and madda off their carriers (أ → ا + ٔ) and maps presentation forms to letters.
        String decomposed = java.text.Normalizer.normalize(raw, Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int folded = fold(cp);
            if (folded == DROP) {
                continue;
            }
            if (folded == SPACE) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            out.appendCodePoint(folded);
            space = false;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    private static final int DROP = -1;
    private static final int SPACE = -2;

    private static int fold(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
            return DROP;   // accents, Arabic harakat, hamza/madda marks, ZWJ/ZWNJ, bidi controls, BOM
        }
        switch (cp) {
            case '\'', '\u2019', '\u2018', '\u02BC', '\u0640', '\u0621' -> {
                return DROP;   // apostrophes (O'Brien), tatweel, lone hamza
            }
            case '\u0671', '\u0672', '\u0673', '\u0675' -> {
                return '\u0627';   // alef wasla and other alef forms
            }
            case '\u0629' -> {
                return '\u0647';   // ta marbuta → ha
            }
            case '\u0649', '\u06CC', '\u06D0', '\u064A' -> {
                return '\u064A';   // alef maqsura, Persian yeh → yeh
            }
            case '\u06A9', '\u06AA' -> {
                return '\u0643';   // keheh → kaf
            }
            case '\u063A', '\u06AF' -> {
                return '\u062C';   // ghain, gaf → jeem (the English G)
            }
            case '\u06C1', '\u06D5' -> {
                return '\u0647';
            }
            default -> {
            }
        }
        if (cp >= '\u0660' && cp <= '\u0669') {
            return '0' + (cp - '\u0660');
        }
        if (cp >= '\u06F0' && cp <= '\u06F9') {
            return '0' + (cp - '\u06F0');
        }
        if (Character.isLetterOrDigit(cp)) {
            return Character.toLowerCase(cp);
        }
        return SPACE;
    }

    /** Normalized text split on spaces; empty array for blank input. */
    public static String[] tokens(String raw) {
        String n = normalize(raw);
        return n.isEmpty() ? new String[0] : n.split(" ");
    }
}
