package org.newsdesk.resignations.intake;

import java.util.List;

/**
 * Something to fix in one field, as a template key and its placeholder pairs
 * ({@code "typed", "…", "max", 120}); the field's own label fills {@code {field}}.
 */
public record Flaw(Field field, String key, List<Object> args) {

    public Flaw {
        args = List.copyOf(args);
    }

    public static Flaw of(Field field, String key, Object... args) {
        return new Flaw(field, key, List.of(args));
    }
}
