package org.newsdesk.resignations.dataset;

/** Which script a character or a piece of text is written in. */
public final class Scripts {
    private Scripts() {
    }

    public static boolean isArabic(int codePoint) {
        // The Arabic blocks first: a range test is far cheaper than a script lookup.
        if (codePoint < 0x0600) {
            return false;
        }
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    public static boolean isLatinLetter(int codePoint) {
        return Character.isLetter(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
    }

    /** True when the text has more Arabic letters than Latin ones. */
    public static boolean mostlyArabic(String text) {
        if (text == null) {
            return false;
        }
        long arabic = text.codePoints().filter(Scripts::isArabic).count();
        long latin = text.codePoints().filter(Scripts::isLatinLetter).count();
        return arabic > 0 && arabic >= latin;
    }

    public static boolean hasLatin(String text) {
        return text != null && text.codePoints().anyMatch(Scripts::isLatinLetter);
    }
}
