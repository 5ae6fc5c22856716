package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.commands.CommandSpec;

/**
 * Who may add to the dataset every server shares: the editor role, or Manage Server in the
 * newsroom's own servers; an admin of another server the bot is in may not.
 */
class EditorAccessTest {

    static final long HOME = 1L;
    static final long ELSEWHERE = 2L;
    static final long EDITORS = 77L;

    static Interaction asking(long guildId, boolean manageServer, long... roles) {
        Guild guild = mock(Guild.class);
        when(guild.getIdLong()).thenReturn(guildId);
        Member m = mock(Member.class);
        when(m.getGuild()).thenReturn(guild);
        when(m.hasPermission(Permission.MANAGE_SERVER)).thenReturn(manageServer);
        when(m.hasPermission(Permission.MANAGE_CHANNEL)).thenReturn(manageServer);
        List<Role> rs = new java.util.ArrayList<>();
        for (long id : roles) {
            Role r = mock(Role.class);
            when(r.getIdLong()).thenReturn(id);
            rs.add(r);
        }
        when(m.getRoles()).thenReturn(rs);
        User u = mock(User.class);
        when(u.getIdLong()).thenReturn(5L);
        Interaction i = mock(Interaction.class);
        when(i.getUserLocale()).thenReturn(DiscordLocale.ENGLISH_US);
        when(i.getMember()).thenReturn(m);
        when(i.getGuild()).thenReturn(guild);
        when(i.getChannelIdLong()).thenReturn(9L);
        when(i.getUser()).thenReturn(u);
        return i;
    }

    static boolean editor(Interaction i, Optional<Long> role) {
        return InteractionListener.callerOf(i, role, List.of(HOME)).may(CommandSpec.Access.EDITOR);
    }

    @Test
    void manageServerMakesAnEditorOnlyInTheNewsroomsOwnServers() {
        assertThat(editor(asking(HOME, true), Optional.empty())).isTrue();
        assertThat(editor(asking(ELSEWHERE, true), Optional.empty())).isFalse();
        assertThat(editor(asking(ELSEWHERE, true), Optional.of(EDITORS))).isFalse();
        // Manage Server still counts for what it is (reload, settings) wherever it is held
        assertThat(InteractionListener.callerOf(asking(ELSEWHERE, true), Optional.empty(), List.of(HOME))
                .may(CommandSpec.Access.MANAGE_SERVER)).isTrue();
    }

    @Test
    void theEditorRoleMakesAnEditor() {
        assertThat(editor(asking(HOME, false, EDITORS), Optional.of(EDITORS))).isTrue();
        assertThat(editor(asking(HOME, false, 3L), Optional.of(EDITORS))).isFalse();
        assertThat(editor(asking(HOME, false), Optional.empty())).isFalse();
    }
}
