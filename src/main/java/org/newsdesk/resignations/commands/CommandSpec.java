package org.newsdesk.resignations.commands;

import java.util.List;
import java.util.Optional;

/**
 * A slash command and its subcommands. {@code path} is "resignations who" for a subcommand,
 * "factcheck" for a command without subcommands.
 */
public record CommandSpec(String command, String subcommand, String descriptionKey, List<OptionSpec> options,
                          Access access) {

    /** Who may run it: everyone, or those with a server permission (checked again on our side). */
    public enum Access { EVERYONE, EDITOR, MANAGE_CHANNELS, MANAGE_SERVER }

    public CommandSpec {
        options = List.copyOf(options);
    }

    public String path() {
        return subcommand == null ? command : command + " " + subcommand;
    }

    public Optional<OptionSpec> option(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
