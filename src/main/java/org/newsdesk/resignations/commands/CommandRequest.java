package org.newsdesk.resignations.commands;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.render.Replay;

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
        return of(command, Replay.parse(replay));
    }

    /** The request a replay stands for, as a subcommand of {@code command}. */
    public static CommandRequest of(String command, Replay replay) {
        return new CommandRequest(command, replay.subcommand(), replay.options());
    }
}
