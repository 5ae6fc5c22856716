package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.render.Templates;

/**
 * The who card through the real JDA client and the fake Discord, on the bundled dataset (its
 * full records run to several pages): who → the card; "Full record" → the record for the
 * clicker alone, in pages; the page buttons turn, and still turn after the bot restarts.
 */
class WhoCardEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final FakeDiscordExtension discord = new FakeDiscordExtension();
    FakeDiscord fake;
    Templates t;

    @BeforeEach
    void start() {
        fake = discord.fake();
        t = Templates.bundled();
    }

    static Application app() {
        return Application.standalone(Fixtures.bundled(), Lang.EN);
    }

    Recorded send(ObjectNode interaction) throws InterruptedException {
        fake.interact(interaction);
        return fake.awaitCallback(interaction.get("id").asLong(), WAIT);
    }

    Recorded click(Recorded shownIn, String customId, long user) throws InterruptedException {
        return send(fake.buttonClick(fake.messageFrom(shownIn), customId, user, "en-US"));
    }

    static JsonNode embed(Recorded r) {
        return r.message().path("embeds").get(0);
    }

    static List<String> ids(Recorded r) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : r.message().path("components")) {
            row.path("components").forEach(b -> out.add(b.path("custom_id").asText()));
        }
        return out;
    }

    static boolean ephemeral(Recorded r) {
        return (r.message().path("flags").asInt() & 64) != 0;
    }

    @Test
    void theCardThenTheFullRecordInPagesThatTurnAndSurviveARestart() throws Exception {
        String owner = Long.toString(FakeDiscord.OTHER_USER_ID, 36);
        String replay = "who|name=andrew-miller|detail=true|lang=ar";
        Recorded turned;
        Recorded full;
        try (DiscordBot bot = DiscordBot.start(app().discord(), "fake-token", TestBots.against(fake))) {
            assertThat(bot.jda().getGuilds()).hasSize(1);
            Recorded card = send(fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US",
                    fake.command("resignations", "who", Map.of("name", "Andrew Miller", "lang", "ar"), null)));
            assertThat(ephemeral(card)).isFalse();
            JsonNode e = embed(card);
            assertThat(e.path("fields").size()).isZero();
            assertThat(e.path("title").asText().length() + e.path("description").asText().length()
                    + e.path("footer").path("text").asText().length()).isLessThanOrEqualTo(1500);
            assertThat(e.path("description").asText()).contains(t.get(Lang.AR, "card.said"))
                    .contains(t.get(Lang.AR, "card.correction"));
            assertThat(ids(card)).containsExactly("r:s:" + replay);

            // anyone in the channel may open the record; it is theirs alone, paged
            full = click(card, "r:s:" + replay, FakeDiscord.OTHER_USER_ID);
            assertThat(full.json().path("type").asInt()).isEqualTo(4);
            assertThat(ephemeral(full)).isTrue();
            JsonNode p1 = embed(full);
            assertThat(p1.path("title").asText()).contains(t.get(Lang.AR, "card.full_record"));
            assertThat(p1.path("fields").size()).isZero();
            String pages = p1.path("footer").path("text").asText();
            assertThat(pages).contains("1/");
            int count = Integer.parseInt(pages.substring(pages.lastIndexOf('/') + 1));
            assertThat(count).isGreaterThan(1);
            assertThat(ids(full)).containsExactly("r:pf:0:" + owner + ":" + replay, "r:pp:0:" + owner + ":" + replay,
                    "r:pn:1:" + owner + ":" + replay, "r:pl:" + (count - 1) + ":" + owner + ":" + replay)
                    .allSatisfy(id -> assertThat(id.length()).isLessThanOrEqualTo(100));

            turned = click(full, "r:pn:1:" + owner + ":" + replay, FakeDiscord.OTHER_USER_ID);
            assertThat(turned.json().path("type").asInt()).isEqualTo(7);
            assertThat(embed(turned).path("footer").path("text").asText()).contains("2/" + count);
            assertThat(embed(turned).path("description").asText()).isNotEqualTo(p1.path("description").asText());
        }
        // a new process: the button carries the command, nothing kept in memory is needed
        try (DiscordBot after = DiscordBot.start(app().discord(), "fake-token", TestBots.against(fake))) {
            assertThat(after.jda().getGuilds()).hasSize(1);
            String last = ids(turned).get(3);
            Recorded end = click(turned, last, FakeDiscord.OTHER_USER_ID);
            assertThat(end.json().path("type").asInt()).isEqualTo(7);
            JsonNode lastPage = embed(end);
            assertThat(lastPage.path("footer").path("text").asText()).doesNotContain("1/").matches(".*(\\d+)/\\1$");
            assertThat(lastPage.path("description").asText()).contains("**" + t.get(Lang.AR, "who.field.sources") + "**")
                    .contains("](https://");
            // only the one who opened it turns it
            Recorded stranger = click(turned, ids(turned).get(0), FakeDiscord.REPORTER_ID);
            assertThat(ephemeral(stranger)).isTrue();
            assertThat(embed(stranger).path("description").asText()).isEqualTo(t.get(Lang.AR, "discord.not_your_list"));
        }
    }
}
