package org.newsdesk.resignations.render;

import java.util.UUID;

/** Short references that tie what a user is told to an ERROR log line. */
public final class Refs {

    private Refs() {
    }

    public static String next() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
