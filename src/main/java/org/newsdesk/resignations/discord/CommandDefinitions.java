package org.newsdesk.resignations.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.commands.OptionSpec;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Templates;

/**
 * The slash commands as Discord registers them, built from the core's catalog: English names and
 * descriptions, with Arabic ones for clients in Arabic ({@link DiscordLocale#ARABIC}), every
 * command, option and choice, from {@code responses/ar.properties} ({@code discord.name.*} for
 * names, the description keys for descriptions). Interactions still carry the English names.
 */
public final class CommandDefinitions {

    static final int DESCRIPTION = 100;
    /** Discord's rule for a slash command's or option's name in any locale (lowercase where the script has case). */
    static final Pattern NAME = Pattern.compile("[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}");
    static final String NAME_KEY = "discord.name.";

    private final CommandCatalog catalog;
    private final Templates templates;

    public CommandDefinitions(CommandCatalog catalog, Templates templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    public List<SlashCommandData> all() {
        List<SlashCommandData> out = new ArrayList<>();
        for (String name : catalog.commandNames()) {
            List<CommandSpec> specs = catalog.subcommandsOf(name);
            boolean flat = specs.size() == 1 && specs.get(0).subcommand() == null;
            String descriptionKey = flat ? specs.get(0).descriptionKey() : "cmd." + name;
            SlashCommandData data = Commands.slash(name, describe(descriptionKey))
                    .setNameLocalizations(arabicName(name))
                    .setDescriptionLocalization(DiscordLocale.ARABIC, describeIn(Lang.AR, descriptionKey));
            if (flat) {
                data.addOptions(options(specs.get(0)));
            } else {
                for (CommandSpec s : specs) {
                    data.addSubcommands(new SubcommandData(s.subcommand(), describe(s.descriptionKey()))
                            .setNameLocalizations(arabicName(s.subcommand()))
                            .setDescriptionLocalization(DiscordLocale.ARABIC, describeIn(Lang.AR, s.descriptionKey()))
                            .addOptions(options(s)));
                }
            }
            // Subcommands share their command's default permissions: the least restrictive one is
            // used so that none becomes unreachable; stricter ones are checked again when run.
            CommandSpec.Access loosest = specs.stream().map(CommandSpec::access)
                    .min(Comparator.naturalOrder()).orElse(CommandSpec.Access.EVERYONE);
            data.setDefaultPermissions(permissions(loosest));
            data.setContexts(loosest == CommandSpec.Access.EVERYONE
                    ? List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                    : List.of(InteractionContextType.GUILD));
            data.setIntegrationTypes(IntegrationType.GUILD_INSTALL);
            out.add(data);
        }
        return out;
    }

    /** Everything registered in the one bulk overwrite: the slash commands, then the message menus. */
    public List<CommandData> withMenus() {
        List<CommandData> out = new ArrayList<>(all());
        out.add(FactCheckMenu.command().setNameLocalization(DiscordLocale.ARABIC,
                templates.get(Lang.AR, NAME_KEY + "menu.factcheck").strip()));
        return out;
    }

    private List<OptionData> options(CommandSpec spec) {
        List<OptionData> out = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            String d = describe(o.descriptionKey());
            OptionData od = switch (o.type()) {
                case STRING, DATE -> o.choices().isEmpty()
                        ? new OptionData(OptionType.STRING, o.name(), d, o.required(), o.autocomplete())
                                .setMaxLength(Math.max(1, Math.min(o.maxLength(), OptionData.MAX_STRING_OPTION_LENGTH)))
                        // fixed values (e.g. export formats) are identifiers, shown as they are typed
                        : new OptionData(OptionType.STRING, o.name(), d, o.required())
                                .addChoices(o.choices().stream().map(c -> choice("choice." + o.name() + "." + c, c)).toList());
                case LANGUAGE -> new OptionData(OptionType.STRING, o.name(), d, o.required()).addChoices(
                        choice("discord.lang.en", Lang.EN.code()), choice("discord.lang.ar", Lang.AR.code()));
                case BOOLEAN -> new OptionData(OptionType.BOOLEAN, o.name(), d, o.required());
                case CHANNEL -> new OptionData(OptionType.CHANNEL, o.name(), d, o.required())
                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
            };
            out.add(od.setNameLocalizations(arabicName(o.name()))
                    .setDescriptionLocalization(DiscordLocale.ARABIC, describeIn(Lang.AR, o.descriptionKey())));
        }
        return out;
    }

    /** A fixed value, labelled by the responses in both languages when they name it, else shown as it is typed. */
    private Command.Choice choice(String key, String value) {
        if (!templates.has(Lang.EN, key)) {
            return new Command.Choice(value, value);
        }
        return new Command.Choice(describe(key), value).setNameLocalization(DiscordLocale.ARABIC, describeIn(Lang.AR, key));
    }

    /** The English text, shortened to Discord's 100 characters if it must be. */
    String describe(String key) {
        return describeIn(Lang.EN, key);
    }

    String describeIn(Lang lang, String key) {
        return Fit.shorten(templates.get(lang, key).strip(), DESCRIPTION);
    }

    /**
     * The Arabic name of a command, subcommand or option (none when the responses have none: the
     * English one shows); refused here if Discord would refuse it, which would fail the whole registration.
     */
    Map<DiscordLocale, String> arabicName(String name) {
        if (!templates.has(Lang.AR, NAME_KEY + name)) {
            return Map.of();
        }
        String ar = templates.get(Lang.AR, NAME_KEY + name).strip();
        if (!NAME.matcher(ar).matches() || !ar.equals(ar.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("The Arabic name of " + name + " in responses/ar.properties (" + NAME_KEY + name
                    + ") is not a valid Discord command name: 1 to 32 lowercase letters, digits, - or _.");
        }
        return Map.of(DiscordLocale.ARABIC, ar);
    }

    static DefaultMemberPermissions permissions(CommandSpec.Access access) {
        return switch (access) {
            case EVERYONE -> DefaultMemberPermissions.ENABLED;
            case EDITOR -> DefaultMemberPermissions.enabledFor(Permission.MESSAGE_MANAGE);
            case MANAGE_CHANNELS -> DefaultMemberPermissions.enabledFor(Permission.MANAGE_CHANNEL);
            case MANAGE_SERVER -> DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER);
        };
    }
}
