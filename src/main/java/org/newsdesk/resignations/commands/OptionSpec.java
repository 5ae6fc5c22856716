package org.newsdesk.resignations.commands;

import java.util.List;

/**
 * One option of a command, described once for every transport (console parsing, Discord
 * registration and validation).
 *
 * @param descriptionKey key of its description in {@code responses/}
 * @param maxLength      longest value Discord will accept for it (Discord's own cap is 6000)
 * @param choices        the only values offered (Discord shows them as a pick list); empty for free text
 */
public record OptionSpec(String name, Type type, boolean required, boolean autocomplete, String descriptionKey,
                         int maxLength, List<String> choices) {

    public enum Type { STRING, LANGUAGE, DATE, BOOLEAN, CHANNEL }

    public OptionSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** An option without fixed choices. */
    public OptionSpec(String name, Type type, boolean required, boolean autocomplete, String descriptionKey, int maxLength) {
        this(name, type, required, autocomplete, descriptionKey, maxLength, List.of());
    }

    public static OptionSpec lang() {
        return new OptionSpec("lang", Type.LANGUAGE, false, false, "cmd.lang", 2);
    }
}
