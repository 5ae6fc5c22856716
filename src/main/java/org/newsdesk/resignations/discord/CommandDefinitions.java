package org.newsdesk.resignations.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
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
 * The slash commands as Discord registers them, built from the core's catalog. Discord has no
 * Arabic client locale, so a description is English, followed by " · " and the Arabic when both
 * fit in Discord's 100 characters.
 */
public final class CommandDefinitions {

    static final int DESCRIPTION = 100;
    static final String SEPARATOR = " · ";

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
            SlashCommandData data = Commands.slash(name, describe(flat ? specs.get(0).descriptionKey() : "cmd." + name));
            if (flat) {
                data.addOptions(options(specs.get(0)));
            } else {
                for (CommandSpec s : specs) {
                    data.addSubcommands(new SubcommandData(s.subcommand(), describe(s.descriptionKey())).addOptions(options(s)));
                }
            }
            // Subcommands share their command's default permissions: the least restrictive one is
            // used so that none becomes unreachable; stricter ones are checked again when run.
            CommandSpec.Access loosest = specs.stream().map(CommandSpec::access)
                    .min(java.util.Comparator.naturalOrder()).orElse(CommandSpec.Access.EVERYONE);
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
        out.add(FactCheckMenu.command());
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
                                .addChoices(o.choices().stream().map(c -> new Command.Choice(choiceLabel(o, c), c)).toList());
                case LANGUAGE -> new OptionData(OptionType.STRING, o.name(), d, o.required()).addChoices(
                        new Command.Choice(describe("discord.lang.en"), Lang.EN.code()),
                        new Command.Choice(describe("discord.lang.ar"), Lang.AR.code()));
                case BOOLEAN -> new OptionData(OptionType.BOOLEAN, o.name(), d, o.required());
                case CHANNEL -> new OptionData(OptionType.CHANNEL, o.name(), d, o.required())
                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
            };
            out.add(od);
        }
        return out;
    }

    /** A fixed value's label ("Pushed out · أُقيل") when the responses name it, else the value itself. */
    String choiceLabel(OptionSpec o, String value) {
        String key = "choice." + o.name() + "." + value;
        return templates.has(Lang.EN, key) ? describe(key) : value;
    }

    /** English, and the Arabic after it when both fit. */
    String describe(String key) {
        String en = templates.get(Lang.EN, key).strip();
        String both = en + SEPARATOR + templates.get(Lang.AR, key).strip();
        return both.length() <= DESCRIPTION ? both : Fit.shorten(en, DESCRIPTION);
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
