package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.dataset.Lang;
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
    void bothLanguagesWhenTheyFitElseEnglish() {
        var d = new CommandDefinitions(CommandCatalog.standard(), templates("Short", "قصير"));
        assertThat(d.describe("k")).isEqualTo("Short · قصير");
        var longer = new CommandDefinitions(CommandCatalog.standard(), templates("E".repeat(60), "ع".repeat(60)));
        assertThat(longer.describe("k")).isEqualTo("E".repeat(60));
        var huge = new CommandDefinitions(CommandCatalog.standard(), templates("word ".repeat(40), "ع"));
        assertThat(huge.describe("k")).hasSizeLessThanOrEqualTo(100).endsWith("…");
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
        assertThat(all).extracting(net.dv8tion.jda.api.interactions.commands.build.CommandData::getName)
                .containsExactly("resignations", "factcheck", "Fact-check");
        assertThat(all.get(2).getType()).isEqualTo(net.dv8tion.jda.api.interactions.commands.Command.Type.MESSAGE);
        assertThat(all.get(2).getDefaultPermissions()).isEqualTo(DefaultMemberPermissions.ENABLED);
    }
}
