package org.newsdesk.resignations.render;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Makes text from the dataset or from a user safe to put in a Discord message: markdown is
 * escaped, mentions are broken, invisible and direction-changing controls are dropped.
 * Allowed mentions are also empty on every message; this is the second lock.
 */
public final class Markdown {

    private Markdown() {
    }

    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '*', '_', '~', '`', '|', '>', '<', '[', ']', '(', ')', '#', '-', ':' -> b.append('\\').append(c);
                case '@' -> b.append("@\u200B");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Text a user typed, made safe to echo: controls removed, markdown escaped, at most
     * {@code max} characters shown.
     */
    public static String userText(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        s.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT && !Character.isISOControl(cp))
                .forEach(clean::appendCodePoint);
        return escape(Fit.shorten(clean.toString().strip(), max));
    }

    /** A masked link; the URL is made ASCII-safe so Discord does not end it early. */
    public static String link(String label, String url) {
        return "[" + escape(label) + "](" + safeUrl(url) + ")";
    }

    public static String safeUrl(String url) {
        try {
            String ascii = new URI(url).toASCIIString();
            return ascii.replace("(", "%28").replace(")", "%29").replace(" ", "%20");
        } catch (URISyntaxException e) {
            StringBuilder b = new StringBuilder();
            for (byte x : url.getBytes(StandardCharsets.UTF_8)) {
                int v = x & 0xFF;
                if (v > 0x20 && v < 0x7F && v != '(' && v != ')' && v != '<' && v != '>') {
                    b.append((char) v);
                } else {
                    b.append('%').append(String.format("%02X", v));
                }
            }
            return b.toString();
        }
    }

    /** Back to plain text for the console: links become "label <url>", escapes are removed. */
    public static String toPlain(String s) {
        // Italics are only ever written by the renderer as "_text_" after a space or line start.
        String noItalics = s.replaceAll("(?m)(^|\\s)_(.+?)_(?=$|\\s|[.,;])", "$1$2");
        String links = noItalics.replaceAll("(?<!\\\\)\\[((?:\\\\.|[^\\]])*)]\\(([^)\\s]+)\\)", "$1 <$2>");
        String unformatted = links.replace("**", "");
        return unformatted.replaceAll("\\\\(.)", "$1").replace("@\u200B", "@");
    }
}
