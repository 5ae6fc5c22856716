package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;

/**
 * Buttons and menus, through the real JDA client and the fake Discord: the full record, page
 * turns and who may turn them, the did-you-mean buttons, a suggestion menu, and expired or forged ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordButtonsEndToEndTest extends DiscordEndToEndBase {

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension();

    @Override
    FakeDiscordExtension discord() {
        return DISCORD;
    }

    @Test
    @Order(4)
    void fullRecordOpensForTheClickerAloneWithEverythingTheOldReplyShowed() throws Exception {
        Recorded card = ask("who", opts("name", "Andrew Miller"));
        Recorded full = click(card, buttons(card).get(0).path("custom_id").asText(), FakeDiscord.OTHER_USER_ID);
        assertThat(full.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(full)).isTrue();
        StringBuilder all = new StringBuilder();
        JsonNode e = embed(full);
        assertWithinLimits(e);
        assertThat(e.path("title").asText()).contains(t.get(Lang.EN, "card.full_record").toLowerCase(Locale.ROOT));
        all.append(e.path("description").asText());
        assertThat(all.toString()).contains("**" + t.get(Lang.EN, "who.field.office") + "**\nOffice of Test Affairs")
                .contains(t.get(Lang.EN, "fact.rejected") + " 14 June 2024")
                .contains(t.get(Lang.EN, "fact.contested"))
                .contains("A note for the desk")
                .contains("[Test Wire](https://example.org/wire?a=1&b=%282%29)")
                .doesNotContainPattern("\\(\\d\\)\\*\\*");
    }

    // ---- list and page buttons -------------------------------------------------------------------

    @Test
    @Order(6)
    void listPagesTurnWithButtons() throws Exception {
        Recorded first = ask("list", opts());
        assertThat(ephemeral(first)).isFalse();
        JsonNode e = embed(first);
        assertWithinLimits(e);
        assertThat(e.path("description").asText().lines().filter(l -> l.startsWith("• "))).hasSize(10);
        assertThat(e.path("footer").path("text").asText()).contains("1/2");

        List<JsonNode> b = buttons(first);
        assertThat(b).hasSize(4);
        assertThat(b).extracting(x -> x.path("custom_id").asText())
                .containsExactly("r:pf:0:0:list|lang=en", "r:pp:0:0:list|lang=en", "r:pn:1:0:list|lang=en", "r:pl:1:0:list|lang=en")
                .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(100));
        assertThat(b).extracting(x -> x.path("disabled").asBoolean()).containsExactly(true, true, false, false);

        // anyone may turn the pages of a list shown to the whole channel
        Recorded next = click(first, "r:pn:1:0:list|lang=en", FakeDiscord.OTHER_USER_ID);
        assertThat(next.json().path("type").asInt()).isEqualTo(7);
        JsonNode p2 = embed(next);
        assertWithinLimits(p2);
        assertThat(p2.path("footer").path("text").asText()).contains("2/2");
        assertThat(p2.path("description").asText().lines().filter(l -> l.startsWith("• "))).hasSize(3);
        assertThat(p2.path("description").asText()).contains("Riley Test");
        assertThat(buttons(next)).extracting(x -> x.path("disabled").asBoolean()).containsExactly(false, false, true, true);
        assertThat(buttons(next)).extracting(x -> x.path("custom_id").asText())
                .containsExactly("r:pf:0:0:list|lang=en", "r:pp:0:0:list|lang=en", "r:pn:1:0:list|lang=en", "r:pl:1:0:list|lang=en");
    }

    @Test
    @Order(7)
    void onlyTheAskerTurnsTheirOwnEphemeralList() throws Exception {
        Recorded shown = ask("list", opts("agency", "state", "lang", "ar"));
        String owned = new ComponentIds().pager('n', 1, FakeDiscord.REPORTER_ID, "list|lang=ar");
        Recorded stranger = click(shown, owned, FakeDiscord.OTHER_USER_ID);
        assertThat(stranger.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(stranger)).isTrue();
        assertThat(embed(stranger).path("description").asText()).isEqualTo(t.get(Lang.AR, "discord.not_your_list"));

        Recorded owner = click(shown, owned, FakeDiscord.REPORTER_ID);
        assertThat(owner.json().path("type").asInt()).isEqualTo(7);
        assertThat(embed(owner).path("footer").path("text").asText()).contains("2/2");
        assertThat(buttons(owner).get(0).path("custom_id").asText())
                .isEqualTo("r:pf:0:" + Long.toString(FakeDiscord.REPORTER_ID, 36) + ":list|lang=ar");
    }

    // ---- bad input and failure -------------------------------------------------------------------

    @Test
    @Order(10)
    void unknownNameOffersTheClosestAsButtons() throws Exception {
        Recorded r = ask("who", opts("name", "Andy Mill"));
        assertThat(r.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isTrue();
        JsonNode e = embed(r);
        assertThat(e.path("title").asText()).isEqualTo(t.get(Lang.EN, "error.title"));
        assertThat(e.path("description").asText()).contains("Andy Mill").contains(t.get(Lang.EN, "who.did_you_mean"));
        List<JsonNode> b = buttons(r);
        assertThat(b).isNotEmpty();
        assertThat(b.get(0).path("label").asText()).isEqualTo("Andrew Miller");
        assertThat(b.get(0).path("custom_id").asText()).isEqualTo("r:s:who|name=andrew-miller|lang=en");

        Recorded picked = click(r, b.get(0).path("custom_id").asText(), FakeDiscord.REPORTER_ID);
        assertThat(picked.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(picked)).isFalse();
        assertThat(embed(picked).path("title").asText()).startsWith("Andrew Miller");
    }

    @Test
    @Order(11)
    void unknownAgencyOffersTheAgencies() throws Exception {
        Recorded r = ask("list", opts("agency", "Ministry of Silly Walks", "from", "2024-05"));
        assertThat(ephemeral(r)).isTrue();
        List<JsonNode> b = buttons(r);
        assertThat(b).hasSize(5);
        assertThat(b).extracting(x -> x.path("custom_id").asText())
                .contains("r:s:list|agency=state|from=2024-05|lang=en");
        Recorded picked = click(r, "r:s:list|agency=state|from=2024-05|lang=en", FakeDiscord.REPORTER_ID);
        assertThat(embed(picked).path("title").asText()).startsWith("State Department");
    }

    @Test
    @Order(14)
    void expiredOrForgedButtonsAreAnsweredToo() throws Exception {
        Recorded shown = ask("list", opts());
        for (String id : List.of("k:doesnotexist", "garbage", "r:pn:x:0:list", "m:name:who|lang=en")) {
            Recorded r = click(shown, id, FakeDiscord.REPORTER_ID);
            assertThat(ephemeral(r)).as(id).isTrue();
            assertThat(embed(r).path("description").asText()).isEqualTo(t.get(Lang.EN, "discord.expired"));
        }
    }

    @Test
    @Order(15)
    void aChoiceInASuggestionMenuRunsTheCommand() throws Exception {
        Recorded shown = ask("list", opts("agency", "nowhere"));
        ObjectNode pick = fake.selectChoice(fake.messageFrom(shown), "r:m:agency:list|lang=ar", "defense",
                FakeDiscord.REPORTER_ID, "en-US");
        fake.interact(pick);
        Recorded r = fake.awaitCallback(pick.get("id").asLong(), WAIT);
        assertThat(r.json().path("type").asInt()).isEqualTo(4);
        assertThat(embed(r).path("title").asText()).startsWith("الدفاع");

        ObjectNode forged = fake.selectChoice(fake.messageFrom(shown), "r:m:agency:list|lang=ar", "state|lang=en",
                FakeDiscord.REPORTER_ID, "en-US");
        fake.interact(forged);
        assertThat(ephemeral(fake.awaitCallback(forged.get("id").asLong(), WAIT))).isTrue();
    }
}
