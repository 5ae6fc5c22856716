package org.newsdesk.resignations.render;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;

/**
 * A /resignations subcommand with its options, in the compact form buttons carry to rebuild a
 * reply later, after a restart too: {@code list|agency=state|lang=ar} (a {@link Reply}'s replay,
 * written here by the replies and read by the transports; {@code CommandRequest.of} turns it back
 * into a request). Empty options are left out
 * (the same request). A replay starting with {@link #KEPT} stands for a reply kept in memory
 * instead, which no command rebuilds.
 */
public record Replay(String subcommand, Map<String, String> options) {

    /** The prefix of a replay that names a kept reply ({@code @<key>}), not a command. */
    public static final String KEPT = "@";

    public static Replay of(String subcommand, Map<String, String> options) {
        return new Replay(subcommand, options);
    }

    /** {@code of("who", "name", "x", "lang", "en")}: options as name, value pairs, in order. */
    public static Replay of(String subcommand, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("options come as name, value pairs");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Replay(subcommand, options);
    }

    public Replay {
        Map<String, String> kept = new LinkedHashMap<>();
        options.forEach((k, v) -> {
            if (!k.isEmpty() && v != null && !v.isEmpty()) {
                kept.put(k, v);
            }
        });
        options = Collections.unmodifiableMap(kept);
    }

    public static boolean isKept(String replay) {
        return replay.startsWith(KEPT);
    }

    /** Reads {@code sub|name=value|…}; parts without a name or a value are dropped. */
    public static Replay parse(String replay) {
        String[] parts = replay.split("\\|");
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && eq < parts[i].length() - 1) {
                opts.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return new Replay(parts[0], opts);
    }

    public String encode() {
        StringBuilder b = new StringBuilder(subcommand);
        options.forEach((k, v) -> b.append('|').append(k).append('=').append(v));
        return b.toString();
    }

    /** The same replay with one more option (a value picked in a menu). */
    public Replay with(String option, String value) {
        Map<String, String> more = new LinkedHashMap<>(options);
        more.remove(option);
        more.put(option, value);
        return new Replay(subcommand, more);
    }

    /** The language the replay asked for, if it did. */
    public Optional<Lang> lang() {
        return Optional.ofNullable(options.get("lang")).flatMap(Lang::parse);
    }
}
