package org.newsdesk.resignations.app;

import java.util.Optional;

/**
 * The shape of a Discord bot token, checked before it is handed to JDA: three parts of base64url
 * characters ({@code A-Z a-z 0-9 - _}) separated by dots. A blank, a control character or a
 * non-ASCII character (a smart quote pasted from a document) otherwise ends in a library exception
 * that prints the token, or in a stack trace and a process that never exits. The sentence this
 * returns says what is wrong and where, never what the token is.
 */
public final class TokenCheck {

    static final String FIX = "copy the token again from the Bot page of your application at "
            + "https://discord.com/developers/applications (Reset Token) and set it without quotes or spaces.";

    private TokenCheck() {
    }

    /**
     * @param token the token, already stripped of surrounding whitespace
     * @param where where it came from, e.g. "DISCORD_TOKEN"
     * @return a sentence naming the problem, or empty when the token has the right shape
     */
    public static Optional<String> problem(String token, String where) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String what = null;
            if (c == ' ' || c == '\u00A0') {
                what = "a blank";
            } else if (c == '\t') {
                what = "a tab";
            } else if (c == '\n' || c == '\r') {
                what = "a line break";
            } else if (Character.isISOControl(c)) {
                what = String.format("an invisible control character (U+%04X)", (int) c);
            } else if (c > 0x7E) {
                what = Character.isWhitespace(c) || Character.isSpaceChar(c)
                        ? String.format("a blank (U+%04X)", (int) c)
                        : String.format("a non-ASCII character (U+%04X, such as a curly quote or a letter from "
                                + "another alphabet)", (int) c);
            } else if (!base64url(c) && c != '.') {
                what = "the character '" + c + "', which a token never holds";
            }
            if (what != null) {
                return Optional.of(where + " contains " + what + " at character " + (i + 1) + "; " + FIX);
            }
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.of(where + " has " + parts.length + " part" + (parts.length == 1 ? "" : "s")
                    + " separated by dots; a bot token has 3. It is not a client secret or an application id: " + FIX);
        }
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].isEmpty()) {
                return Optional.of(where + ": part " + (p + 1) + " of the token (between the dots) is empty; " + FIX);
            }
        }
        return Optional.empty();
    }

    private static boolean base64url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
