package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.MessageTopLevelComponentUnion;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Reply;

/** The menu's buttons on a multi-page result, without Discord: page turns, posting, refusals. */
class FactCheckMenuTest {

    static final long ASKER = 7L;
    static final long OTHER = 8L;

    final Application app = TestBots.app();
    final FactCheckMenu menu = new FactCheckMenu(app.discord().speech(), app.factcheck()::check, app.templates(),
            new MessageRenderer(app.templates(), new ComponentIds()));
    final Reply threePages = Reply.answer(List.of(
            new Card("one", "first", List.of(), ""), new Card("two", "second", List.of(), ""),
            new Card("three", "third", List.of(), "")), Optional.empty());

    static List<String> ids(List<? extends MessageTopLevelComponentUnion> rows) {
        List<String> out = new ArrayList<>();
        for (MessageTopLevelComponentUnion row : rows) {
            for (Button b : row.asActionRow().getButtons()) {
                out.add(b.getCustomId());
            }
        }
        return out;
    }

    @Test
    void pagesTurnPrivatelyKeepThePostButtonAndPostThePageShown() {
        String key = menu.keep(new FactCheckMenu.Kept(ASKER, Lang.EN, threePages));
        MessageCreateData first = menu.privateCopy(key, new FactCheckMenu.Kept(ASKER, Lang.EN, threePages), 0);
        assertThat(first.getEmbeds().get(0).getTitle()).isEqualTo("one");
        assertThat(ids(first.getComponents())).containsExactly(
                "fc:gf:" + key + ":0", "fc:gp:" + key + ":0", "fc:gn:" + key + ":1", "fc:gl:" + key + ":2",
                "fc:p:" + key + ":0");

        Responder turn = mock(Responder.class);
        menu.click("fc:gn:" + key + ":1", ASKER, Optional.empty(), turn);
        ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
        verify(turn).update(edit.capture());
        assertThat(edit.getValue().getEmbeds().get(0).getTitle()).isEqualTo("two");
        assertThat(ids(edit.getValue().getComponents())).contains("fc:p:" + key + ":1");
        assertThat(edit.getValue().getAllowedMentions()).isEmpty();

        Responder post = mock(Responder.class);
        menu.click("fc:p:" + key + ":1", ASKER, Optional.empty(), post);
        ArgumentCaptor<MessageCreateData> posted = ArgumentCaptor.forClass(MessageCreateData.class);
        verify(post).reply(posted.capture(), eq(false));
        assertThat(posted.getValue().getEmbeds().get(0).getTitle()).isEqualTo("two");
        assertThat(posted.getValue().getAllowedMentions()).isEmpty();
        // the public copy's page buttons are anyone's (owner 0) and go through the generic pager
        assertThat(ids(posted.getValue().getComponents())).hasSize(4)
                .allSatisfy(id -> assertThat(id).startsWith("p").contains(":0:@"));
    }

    @Test
    void onlyTheAskerTurnsOrPosts() {
        String key = menu.keep(new FactCheckMenu.Kept(ASKER, Lang.AR, threePages));
        for (String id : List.of("fc:gn:" + key + ":1", "fc:p:" + key + ":0")) {
            Responder r = mock(Responder.class);
            menu.click(id, OTHER, Optional.empty(), r);
            ArgumentCaptor<MessageCreateData> m = ArgumentCaptor.forClass(MessageCreateData.class);
            verify(r).reply(m.capture(), eq(true));
            verify(r, never()).update(any());
            assertThat(m.getValue().getEmbeds().get(0).getDescription())
                    .isEqualTo(app.templates().get(Lang.AR, "discord.factcheck.not_yours"));
        }
    }

    @Test
    void malformedOrUnknownIdsSayTheResultExpired() {
        for (String id : List.of("fc:", "fc:p", "fc:p:nokey:0", "fc:x:y:z:w")) {
            Responder r = mock(Responder.class);
            menu.click(id, ASKER, Optional.of("ar"), r);
            ArgumentCaptor<MessageCreateData> m = ArgumentCaptor.forClass(MessageCreateData.class);
            verify(r).reply(m.capture(), eq(true));
            assertThat(m.getValue().getEmbeds().get(0).getDescription())
                    .isEqualTo(app.templates().get(Lang.AR, "discord.factcheck.expired"));
        }
        Responder r = mock(Responder.class);
        menu.click("fc:zz:" + menu.keep(new FactCheckMenu.Kept(ASKER, Lang.EN, threePages)) + ":0", ASKER, Optional.empty(), r);
        verify(r).reply(any(), anyBoolean());
    }
}
