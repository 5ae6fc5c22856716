package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.search.Normalizer;

/**
 * A claim split into words, sentences and clauses. Markup, emoji, mentions and punctuation only
 * separate words; a full stop ends a sentence unless it follows an initial or an abbreviation
 * ("U.S.", "Maj."); commas, semicolons, colons and dashes mark clause breaks.
 */
final class ClaimText {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "maj", "gen", "col", "lt", "sgt",
            "st", "jr", "sr", "dept", "gov", "sen", "rep", "vs", "no", "smsgt", "capt", "cpt", "prof", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "etc");

    final String text;
    final Token[] tokens;
    final int sentences;

    private ClaimText(String text, Token[] tokens, int sentences) {
        this.text = text;
        this.tokens = tokens;
        this.sentences = sentences;
    }

    int size() {
        return tokens.length;
    }

    Token at(int i) {
        return tokens[i];
    }

    /** The claim's own words from token {@code from} to token {@code to} (exclusive). */
    String excerpt(int from, int to) {
        if (from >= to || from < 0 || to > tokens.length) {
            return "";
        }
        return text.substring(tokens[from].start(), tokens[to - 1].end());
    }

    boolean sameSentence(int a, int b) {
        return tokens[a].sentence() == tokens[b].sentence();
    }

    /** True when a clause or sentence break lies between tokens a and b (a < b). */
    boolean breakBetween(int a, int b) {
        for (int i = a + 1; i <= b && i < tokens.length; i++) {
            if (tokens[i].breakBefore()) {
                return true;
            }
        }
        return false;
    }

    int sentenceStart(int i) {
        int s = tokens[i].sentence();
        while (i > 0 && tokens[i - 1].sentence() == s) {
            i--;
        }
        return i;
    }

    int sentenceEnd(int i) {
        int s = tokens[i].sentence();
        while (i < tokens.length && tokens[i].sentence() == s) {
            i++;
        }
        return i;
    }

    static ClaimText parse(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int sentence = 0;
        int pending = 0;   // 0 none, 1 clause break, 2 sentence break
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isWordStart(cp)) {
                int start = i;
                StringBuilder raw = new StringBuilder();
                boolean digits = isDigit(cp);
                boolean numericSeparated = false;
                while (i < n) {
                    int c = text.codePointAt(i);
                    int len = Character.charCount(c);
                    if (isWordPart(c)) {
                        raw.appendCodePoint(c);
                        digits &= isDigit(c);
                        i += len;
                    } else if (Character.getType(c) == Character.FORMAT) {
                        i += len;   // zero-width and bidi controls inside a word
                    } else if (isApostrophe(c) && i + len < n && Character.isLetter(text.codePointAt(i + len))
                            && raw.length() > 0 && Scripts.isLatinLetter(raw.codePointAt(raw.length() - 1))) {
                        raw.appendCodePoint('\'');
                        i += len;
                    } else if (digits && (c == '-' || c == '/' || c == '.') && i + 1 < n && isDigit(text.codePointAt(i + 1))) {
                        raw.append('-');
                        numericSeparated = true;
                        i += len;
                    } else {
                        break;
                    }
                }
                Token t = token(raw.toString(), start, i, sentence, pending > 0, digits, numericSeparated);
                if (t != null) {
                    if (pending == 2 && !out.isEmpty()) {
                        sentence++;
                        t = token(raw.toString(), start, i, sentence, true, digits, numericSeparated);
                    }
                    out.add(t);
                    pending = 0;
                }
                continue;
            }
            int len = Character.charCount(cp);
            switch (cp) {
                case '!', '?', '\u061F', '\u2026', '\n', '\r' -> pending = 2;
                case '.' -> {
                    boolean followedBySpace = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1))
                            || text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\u201D' || text.charAt(i + 1) == ')';
                    if (followedBySpace && !afterAbbreviation(out)) {
                        pending = 2;
                    }
                }
                case ',', '\u060C', ';', '\u061B', ':', '\u2013', '\u2014' -> pending = Math.max(pending, 1);
                case '-' -> {
                    boolean spaced = (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                            && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)));
                    if (spaced) {
                        pending = Math.max(pending, 1);
                    }
                }
                default -> {
                }
            }
            i += len;
        }
        int sentences = out.isEmpty() ? 0 : out.get(out.size() - 1).sentence() + 1;
        return new ClaimText(text, out.toArray(Token[]::new), sentences);
    }

    private static boolean afterAbbreviation(List<Token> out) {
        if (out.isEmpty()) {
            return false;
        }
        Token last = out.get(out.size() - 1);
        if (last.arabic() || last.numeric()) {
            return false;
        }
        return last.norm().length() == 1 || ABBREVIATIONS.contains(last.norm());
    }

    private static @Nullable Token token(String raw, int start, int end, int sentence, boolean breakBefore, boolean digits,
                               boolean numericSeparated) {
        String r = raw;
        if (r.endsWith("'s") && r.length() > 2) {
            r = r.substring(0, r.length() - 2);   // possessive: "Miller's resignation"
        }
        String norm;
        if (digits) {
            StringBuilder b = new StringBuilder();
            r.codePoints().forEach(c -> b.append(c == '-' ? '-' : (char) ('0' + Character.digit(c, 10))));
            norm = b.toString();
        } else {
            norm = Normalizer.normalize(r);
        }
        if (norm.isEmpty()) {
            return null;
        }
        boolean arabic = r.codePoints().anyMatch(Scripts::isArabic);
        boolean capitalized = !arabic && Character.isUpperCase(r.codePointAt(0));
        boolean allCaps = !arabic && r.codePoints().filter(Character::isLetter).count() >= 2
                && r.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
        String[] forms = arabic ? arabicForms(norm) : new String[]{norm};
        String stem = arabic ? shortest(forms) : latinStem(norm);
        return new Token(raw, norm, forms, stem, start, end, sentence, breakBefore, capitalized, allCaps, arabic,
                digits && !numericSeparated || digits);
    }

    private static String shortest(String[] forms) {
        String s = forms[0];
        for (String f : forms) {
            if (f.length() < s.length()) {
                s = f;
            }
        }
        return s;
    }

    private static String latinStem(String w) {
        if (w.length() > 4 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** The word and its forms without the clitics Arabic attaches to it: وبالخارجية → بالخارجية، الخارجية، خارجية. */
    static String[] arabicForms(String t) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(t);
        List<String> bases = new ArrayList<>();
        bases.add(t);
        if (t.length() > 3 && (t.charAt(0) == '\u0648' || t.charAt(0) == '\u0641')) {
            bases.add(t.substring(1));
            forms.add(t.substring(1));
        }
        for (String b : bases) {
            if (b.startsWith("\u0644\u0644") && b.length() > 4) {
                forms.add("\u0627\u0644" + b.substring(2));
                forms.add(b.substring(2));
            }
            if (b.length() > 3 && "\u0628\u0644\u0643".indexOf(b.charAt(0)) >= 0) {
                String c = b.substring(1);
                forms.add(c);
                if (c.startsWith("\u0627\u0644") && c.length() > 4) {
                    forms.add(c.substring(2));
                }
            }
            if (b.startsWith("\u0627\u0644") && b.length() > 4) {
                forms.add(b.substring(2));
            }
        }
        return forms.toArray(String[]::new);
    }

    private static boolean isApostrophe(int c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC';
    }

    private static boolean isDigit(int c) {
        return Character.isDigit(c);
    }

    private static boolean isWordStart(int c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isWordPart(int c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
