package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;

class MessageRendererTest {

    final Templates templates = Templates.bundled();
    final ComponentIds ids = new ComponentIds();
    final MessageRenderer renderer = new MessageRenderer(templates, ids);

    static Reply pages(int n, Optional<String> replay) {
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cards.add(new Card("T", "page " + (i + 1), List.of(new Card.Field("", "", false)), "f"));
        }
        return new Reply(Reply.Kind.ANSWER, cards, List.of(), List.of(), replay);
    }

    static List<Button> buttons(MessageCreateData m) {
        return m.getComponents().stream().map(c -> (ActionRow) c).flatMap(r -> r.getButtons().stream()).toList();
    }

    @Test
    void onePageNoButtonsAndNeverAnyMention() {
        MessageCreateData m = renderer.create(Answer.fresh(pages(1, Optional.empty()), Lang.EN));
        assertThat(m.getComponents()).isEmpty();
        assertThat(m.getAllowedMentions()).isEmpty();
        assertThat(m.isMentionRepliedUser()).isFalse();
        assertThat(m.getEmbeds()).hasSize(1);
        // an empty field name or value is sent as a zero-width space, which Discord accepts
        assertThat(m.getEmbeds().get(0).getFields().get(0).getName()).isEqualTo(MessageRenderer.BLANK);
    }

    @Test
    void anActionIsAButtonThatCarriesItsCommandAfterThePageButtons() {
        Reply r = pages(2, Optional.of("timeline|lang=ar"))
                .withActions(List.of(new Reply.Action("السجل الكامل", "who|name=andrew-miller|detail=true|lang=ar")));
        MessageCreateData m = renderer.create(Answer.fresh(r, Lang.AR));
        assertThat(m.getComponents()).hasSize(2);
        List<Button> b = buttons(m);
        assertThat(b).hasSize(5);
        assertThat(b.get(4).getLabel()).isEqualTo("السجل الكامل");
        assertThat(b.get(4).getCustomId()).isEqualTo("r:s:who|name=andrew-miller|detail=true|lang=ar");
        assertThat(ComponentIds.action(((ComponentId.Found) ids.decode(b.get(4).getCustomId())).id()))
                .contains(new ComponentIds.Suggestion("who|name=andrew-miller|detail=true|lang=ar"));
        // kept on a page turn too
        assertThat(renderer.edit(new Answer(r, 1, 0, Optional.empty(), true, Lang.AR)).getComponents()).hasSize(2);
    }

    @Test
    void middlePageHasAllFourButtonsEnabledWithDistinctIds() {
        Reply r = pages(3, Optional.of("timeline|lang=en"));
        MessageCreateData m = renderer.create(new Answer(r, 1, 0, Optional.empty(), false, Lang.EN));
        assertThat(m.getEmbeds().get(0).getDescription()).isEqualTo("page 2");
        List<Button> b = buttons(m);
        assertThat(b).extracting(Button::getCustomId).containsExactly(
                "r:pf:0:0:timeline|lang=en", "r:pp:0:0:timeline|lang=en", "r:pn:2:0:timeline|lang=en", "r:pl:2:0:timeline|lang=en");
        assertThat(b).noneMatch(Button::isDisabled);
        MessageEditData e = renderer.edit(new Answer(r, 2, 0, Optional.empty(), true, Lang.EN));
        assertThat(e.getEmbeds().get(0).getDescription()).isEqualTo("page 3");
        assertThat(e.getAllowedMentions()).isEmpty();
    }

    @Test
    void pagesWithoutAReplayAreRemembered() {
        MessageCreateData m = renderer.create(Answer.fresh(pages(2, Optional.empty()), Lang.EN));
        String next = buttons(m).get(2).getCustomId();
        ComponentIds.Pager p = (ComponentIds.Pager) ComponentIds.action(((ComponentId.Found) ids.decode(next)).id()).orElseThrow();
        assertThat(p.replay()).startsWith("@");
        assertThat(ids.remembered(p.replay())).isPresent();
    }

    @Test
    void fewSuggestionsAreButtonsManyAreAMenu() {
        Answer.Retry retry = new Answer.Retry("name", Replay.of("who", "lang", "ar"));
        List<Reply.Choice> three = List.of(new Reply.Choice("A", "a"), new Reply.Choice("B", "b"), new Reply.Choice("C", "c"));
        Reply few = Reply.userError(new Card("e", "d", List.of(), ""), three);
        MessageCreateData m = renderer.create(new Answer(few, 0, 0, Optional.of(retry), false, Lang.AR));
        assertThat(buttons(m)).extracting(Button::getCustomId)
                .containsExactly("r:s:who|name=a|lang=ar", "r:s:who|name=b|lang=ar", "r:s:who|name=c|lang=ar");

        List<Reply.Choice> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new Reply.Choice("Name " + i, "id-" + i));
        }
        Reply lots = Reply.userError(new Card("e", "d", List.of(), ""), many);
        MessageCreateData menu = renderer.create(new Answer(lots, 0, 0, Optional.of(retry), false, Lang.AR));
        StringSelectMenu s = (StringSelectMenu) ((ActionRow) menu.getComponents().get(0)).getComponents().get(0);
        assertThat(s.getCustomId()).isEqualTo("r:m:name:who|lang=ar");
        assertThat(s.getOptions()).hasSize(25);
        assertThat(s.getPlaceholder()).isEqualTo(templates.get(Lang.AR, "discord.pick"));
    }

    @Test
    void kindSetsTheColour() {
        Reply failure = new Reply(Reply.Kind.FAILURE, List.of(new Card("x", "y", List.of(), "")), List.of(), List.of(), Optional.empty());
        assertThat(renderer.create(Answer.fresh(failure, Lang.EN)).getEmbeds().get(0).getColor()).isEqualTo(MessageRenderer.FAILURE);
    }

    @Test
    void aFileTooLargeForDiscordIsNotUploadedAndTheMessageSaysSo() {
        byte[] big = new byte[(int) MessageRenderer.MAX_UPLOAD_BYTES + 1];
        Reply r = new Reply(Reply.Kind.ANSWER, List.of(new Card("x", "y", List.of(), "")), List.of(),
                List.of(new Reply.Attachment("all.json", "application/json", big, "everything")), Optional.empty());
        MessageCreateData m = renderer.create(Answer.fresh(r, Lang.AR));
        assertThat(m.getFiles()).isEmpty();
        assertThat(m.getContent()).isEqualTo(templates.get(Lang.AR, "discord.file_too_large", "file", "all.json",
                "size", "10.0", "limit", 10));
        // a page turn never uploads again, whatever the reply carries
        Reply paged = new Reply(Reply.Kind.ANSWER, List.of(new Card("a", "1", List.of(), ""), new Card("a", "2", List.of(), "")),
                List.of(), List.of(new Reply.Attachment("c.png", "image/png", new byte[] {1}, "chart")), Optional.of("timeline|lang=en"));
        assertThat(renderer.edit(new Answer(paged, 1, 0, Optional.empty(), true, Lang.EN)).getFiles()).isEmpty();
        assertThat(renderer.edit(new Answer(paged, 0, 0, Optional.empty(), false, Lang.EN)).getFiles()).hasSize(1);
    }

    @Test
    void attachmentsAreUploaded() {
        Reply r = new Reply(Reply.Kind.ANSWER, List.of(new Card("x", "y", List.of(), "")), List.of(),
                List.of(new Reply.Attachment("chart.png", "image/png", new byte[] {1, 2, 3}, "A chart")), Optional.empty());
        assertThat(renderer.create(Answer.fresh(r, Lang.EN)).getFiles()).extracting(f -> f.getName()).containsExactly("chart.png");
    }
}
