package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.localization.LocalizationMap;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.render.Templates;

class CommandDefinitionsTest {

    static Templates templates(String en, String ar) {
        Properties e = new Properties();
        Properties a = new Properties();
        e.setProperty("k", en);
        a.setProperty("k", ar);
        return new Templates(Map.of(Lang.EN, e, Lang.AR, a));
    }

    @Test
    void descriptionsAreEnglishWithArabicForArabicClientsAndFitDiscordsLimit() {
        var d = new CommandDefinitions(CommandCatalog.standard(), templates("Short", "قصير"));
        assertThat(d.describe("k")).isEqualTo("Short");
        assertThat(d.describeIn(Lang.AR, "k")).isEqualTo("قصير");
        var huge = new CommandDefinitions(CommandCatalog.standard(), templates("word ".repeat(40), "كلمة ".repeat(40)));
        assertThat(huge.describe("k")).hasSizeLessThanOrEqualTo(100).endsWith("…");
        assertThat(huge.describeIn(Lang.AR, "k")).hasSizeLessThanOrEqualTo(100).endsWith("…");
    }

    /** Every command, subcommand, option and choice has an Arabic name and description Discord accepts. */
    @Test
    void everyCommandOptionAndChoiceIsLocalizedInArabic() {
        Templates t = Templates.bundled();
        var catalog = CommandCatalog.standard().with(CommandCatalog.notifications()).with(CommandCatalog.editing());
        List<SlashCommandData> all = new CommandDefinitions(catalog, t).all();
        assertThat(all).extracting(SlashCommandData::getName).containsExactly("resignations", "factcheck", "notify", "settings");
        List<LocalizationMap> names = new ArrayList<>();
        List<LocalizationMap> descriptions = new ArrayList<>();
        List<Command.Choice> choices = new ArrayList<>();
        for (SlashCommandData c : all) {
            names.add(c.getNameLocalizations());
            descriptions.add(c.getDescriptionLocalizations());
            List<OptionData> options = new ArrayList<>(c.getOptions());
            for (SubcommandData s : c.getSubcommands()) {
                names.add(s.getNameLocalizations());
                descriptions.add(s.getDescriptionLocalizations());
                options.addAll(s.getOptions());
            }
            for (OptionData o : options) {
                names.add(o.getNameLocalizations());
                descriptions.add(o.getDescriptionLocalizations());
                choices.addAll(o.getChoices());
            }
        }
        assertThat(names).hasSizeGreaterThan(30).allSatisfy(m -> assertThat(m.get(DiscordLocale.ARABIC))
                .matches(CommandDefinitions.NAME).isEqualTo(m.get(DiscordLocale.ARABIC).toLowerCase(Locale.ROOT))
                .matches(n -> n.codePoints().anyMatch(Scripts::isArabic), "is Arabic"));
        assertThat(descriptions).allSatisfy(m -> assertThat(m.get(DiscordLocale.ARABIC)).isNotBlank().hasSizeLessThanOrEqualTo(100)
                .matches(n -> n.codePoints().anyMatch(Scripts::isArabic), "is Arabic"));
        // fixed values the responses name are labelled in both languages; file formats are shown as typed
        assertThat(choices).filteredOn(c -> c.getAsString().equals("pushed_out")).singleElement()
                .satisfies(c -> assertThat(c.getName()).isEqualTo("Pushed out"))
                .satisfies(c -> assertThat(c.getNameLocalizations().get(DiscordLocale.ARABIC)).isEqualTo("إقصاء"));
        assertThat(choices).filteredOn(c -> c.getAsString().equals("ar")).first()
                .satisfies(c -> assertThat(c.getNameLocalizations().get(DiscordLocale.ARABIC)).isEqualTo("العربية"));
        assertThat(choices).filteredOn(c -> c.getAsString().equals("csv")).singleElement()
                .satisfies(c -> assertThat(c.getNameLocalizations().toMap()).isEmpty());
        // the English names in en.properties are the ones registered (and routed by)
        assertThat(all).allSatisfy(c -> assertThat(t.get(Lang.EN, CommandDefinitions.NAME_KEY + c.getName())).isEqualTo(c.getName()));
    }

    @Test
    void anArabicNameDiscordWouldRefuseIsReportedByKey() {
        Properties e = new Properties();
        Properties a = new Properties();
        e.setProperty("discord.name.who", "who");
        a.setProperty("discord.name.who", "من هو");   // a space: Discord refuses the whole registration
        var d = new CommandDefinitions(CommandCatalog.standard(), new Templates(Map.of(Lang.EN, e, Lang.AR, a)));
        assertThatThrownBy(() -> d.arabicName("who")).hasMessageContaining("discord.name.who");
    }

    @Test
    void restrictedCommandsCarryDefaultPermissions() {
        var catalog = CommandCatalog.standard().with(List.of(
                new CommandSpec("desk", null, "cmd.about", List.of(), CommandSpec.Access.MANAGE_SERVER)));
        List<SlashCommandData> all = new CommandDefinitions(catalog, Templates.bundled()).all();
        assertThat(all).extracting(SlashCommandData::getName).containsExactly("resignations", "factcheck", "desk");
        assertThat(all.get(0).getDefaultPermissions()).isEqualTo(DefaultMemberPermissions.ENABLED);
        assertThat(all.get(1).getDefaultPermissions()).isEqualTo(DefaultMemberPermissions.ENABLED);
        assertThat(all.get(2).getDefaultPermissions().getPermissionsRaw())
                .isEqualTo(Permission.getRaw(Permission.MANAGE_SERVER));
        assertThat(CommandDefinitions.permissions(CommandSpec.Access.MANAGE_CHANNELS).getPermissionsRaw())
                .isEqualTo(Permission.getRaw(Permission.MANAGE_CHANNEL));
    }

    @Test
    void theFactCheckMessageMenuComesLastInTheSameList() {
        var all = new CommandDefinitions(CommandCatalog.standard(), Templates.bundled()).withMenus();
        assertThat(all).extracting(CommandData::getName)
                .containsExactly("resignations", "factcheck", "Fact-check");
        assertThat(all.get(2).getType()).isEqualTo(Command.Type.MESSAGE);
        assertThat(all.get(2).getDefaultPermissions()).isEqualTo(DefaultMemberPermissions.ENABLED);
    }
}
