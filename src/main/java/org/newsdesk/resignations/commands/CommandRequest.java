package org.newsdesk.resignations.commands;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command as the user gave it, whatever the transport: "/resignations who name:ميلر" on the
 * console and the same slash command in Discord become the same request.
 */
public record CommandRequest(String command, String subcommand, Map<String, String> options) {

    public CommandRequest {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    public Optional<String> option(String name) {
        String v = options.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** Compact form used to rebuild a reply later (page buttons): "list|agency=state|lang=ar". */
    public static CommandRequest fromReplay(String command, String replay) {
        String[] parts = replay.split("\\|");
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0 && eq < parts[i].length() - 1) {
                opts.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return new CommandRequest(command, parts[0], opts);
    }
}
