package org.newsdesk.resignations.discord;

import java.util.UUID;

/** Short references that tie what a user is told to an ERROR log line. */
final class Refs {

    private Refs() {
    }

    static String next() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
