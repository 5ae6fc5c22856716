package org.newsdesk.resignations.query;

import java.util.List;

/** The outcome of resolving what a user typed to one record. */
public sealed interface Lookup<T> {

    record Found<T>(T value) implements Lookup<T> {
    }

    /** Nothing matched well enough; {@code suggestions} are the nearest records. */
    record Missing<T>(String typed, List<T> suggestions) implements Lookup<T> {
        public Missing {
            suggestions = List.copyOf(suggestions);
        }
    }
}
