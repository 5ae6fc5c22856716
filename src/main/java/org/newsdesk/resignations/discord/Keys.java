package org.newsdesk.resignations.discord;

import java.security.SecureRandom;

/**
 * The one source of the short random keys component ids carry (kept replies, fact-check results):
 * 16 characters of base 36, about 82 bits, so nobody can guess another user's key.
 */
final class Keys {

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    static String next() {
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
