package org.newsdesk.resignations.commands;

/**
 * One option of a command, described once for every transport (console parsing, Discord
 * registration and validation).
 *
 * @param descriptionKey key of its description in {@code responses/}
 * @param maxLength      longest value Discord will accept for it (Discord's own cap is 6000)
 */
public record OptionSpec(String name, Type type, boolean required, boolean autocomplete, String descriptionKey,
                         int maxLength) {

    public enum Type { STRING, LANGUAGE, DATE, BOOLEAN, CHANNEL }

    public static OptionSpec lang() {
        return new OptionSpec("lang", Type.LANGUAGE, false, false, "cmd.lang", 2);
    }
}
