package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Commands and what they reply, through the real JDA client and the fake Discord: registration,
 * {@code who} in both languages, autocomplete, charts, export, hostile input, a failing handler and
 * a command this version no longer has.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordCommandsEndToEndTest extends DiscordEndToEndBase {

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension();

    @Override
    FakeDiscordExtension discord() {
        return DISCORD;
    }

    // ---- registration ----------------------------------------------------------------------------

    @Test
    @Order(1)
    void registersEveryCommandWithOneBulkOverwrite() throws Exception {
        Recorded put = fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/\\d+/commands"), WAIT);
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("PUT") || r.path().endsWith("/commands"))
                .hasSize(1);
        assertThat(put.path()).isEqualTo("/applications/" + FakeDiscord.APP_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands");

        JsonNode cmds = put.json();
        List<String> names = new ArrayList<>();
        cmds.forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactly("resignations", "factcheck", "notify", "settings", "Fact-check");
        assertThat(cmds.get(4).path("type").asInt()).isEqualTo(3);
        JsonNode res = cmds.get(0);
        assertThat(res.path("type").asInt()).isEqualTo(1);
        assertThat(res.path("default_member_permissions").isNull()).isTrue();
        List<String> subs = new ArrayList<>();
        res.path("options").forEach(o -> subs.add(o.path("name").asText()));
        assertThat(subs).containsExactly("who", "list", "timeline", "stats", "about", "export", "reload", "add", "correct",
                "pending", "review", "approve", "reject");
        // the editors' command: how they left is a required pick list, labelled in both languages
        JsonNode departure = res.path("options").get(7).path("options").get(0);
        assertThat(departure.path("name").asText()).isEqualTo("departure");
        assertThat(departure.path("required").asBoolean()).isTrue();
        assertThat(departure.path("choices").get(1).path("name").asText()).isEqualTo("Pushed out");
        assertThat(departure.path("choices").get(1).path("name_localizations").path("ar").asText()).isEqualTo("إقصاء");
        assertThat(departure.path("name_localizations").path("ar").asText()).isEqualTo("طريقة_المغادرة");
        assertThat(departure.path("choices").get(1).path("value").asText()).isEqualTo("pushed_out");
        JsonNode format = res.path("options").get(5).path("options").get(0);
        assertThat(format.path("name").asText()).isEqualTo("format");
        assertThat(format.path("choices").findValuesAsText("value")).containsExactly("json", "csv", "claimreview");

        JsonNode who = res.path("options").get(0);
        assertThat(who.path("type").asInt()).isEqualTo(1);
        assertThat(who.path("description").asText())
                .isEqualTo(t.get(Lang.EN, "cmd.who"));
        // clients in Arabic see Arabic names and descriptions; the interaction still carries "who"
        assertThat(who.path("name_localizations").path("ar").asText()).isEqualTo(t.get(Lang.AR, "discord.name.who"));
        assertThat(who.path("description_localizations").path("ar").asText()).isEqualTo(t.get(Lang.AR, "cmd.who"));
        assertThat(res.path("name_localizations").path("ar").asText()).isEqualTo("استقالات");
        assertThat(res.path("description_localizations").path("ar").asText()).isEqualTo(t.get(Lang.AR, "cmd.resignations"));
        assertThat(cmds.get(4).path("name_localizations").path("ar").asText()).isEqualTo("تدقيق الرسالة");
        JsonNode name = who.path("options").get(0);
        assertThat(name.path("name").asText()).isEqualTo("name");
        assertThat(name.path("type").asInt()).isEqualTo(3);
        assertThat(name.path("required").asBoolean()).isTrue();
        assertThat(name.path("autocomplete").asBoolean()).isTrue();
        JsonNode lang = who.path("options").get(1);
        assertThat(lang.path("name").asText()).isEqualTo("lang");
        assertThat(lang.path("choices").findValuesAsText("value")).containsExactly("en", "ar");
        JsonNode detail = who.path("options").get(2);
        assertThat(detail.path("name").asText()).isEqualTo("detail");
        assertThat(detail.path("type").asInt()).isEqualTo(5);
        assertThat(detail.path("required").asBoolean()).isFalse();

        JsonNode list = res.path("options").get(1);
        List<String> listOptions = new ArrayList<>();
        list.path("options").forEach(o -> listOptions.add(o.path("name").asText()));
        assertThat(listOptions).containsExactly("agency", "from", "to", "lang");
        assertThat(list.path("options").get(0).path("autocomplete").asBoolean()).isTrue();

        // every description is 1-100 characters, everywhere in the tree
        assertThat(cmds.findValuesAsText("description")).allSatisfy(d -> assertThat(d.length()).isBetween(1, 100));

        // notifications: Manage Channels by default (checked again on our side), servers only
        JsonNode notify = cmds.get(2);
        assertThat(notify.path("default_member_permissions").asText()).isEqualTo("16");
        assertThat(notify.path("contexts").size()).isEqualTo(1);
        List<String> notifySubs = new ArrayList<>();
        notify.path("options").forEach(o -> notifySubs.add(o.path("name").asText()));
        assertThat(notifySubs).containsExactly("subscribe", "unsubscribe", "status", "test");
        JsonNode channel = notify.path("options").get(0).path("options").get(0);
        assertThat(channel.path("type").asInt()).isEqualTo(7);
        assertThat(notify.path("options").get(0).path("options").get(1).path("type").asInt()).isEqualTo(5);
        // the server's language: Manage Server
        assertThat(cmds.get(3).path("default_member_permissions").asText()).isEqualTo("32");
    }

    // ---- who -------------------------------------------------------------------------------------

    @Test
    @Order(2)
    void whoInEnglish() throws Exception {
        Recorded r = ask("who", opts("name", "Andrew Miller"));
        assertThat(r.query()).contains("with_response=true");
        assertThat(r.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isFalse();
        JsonNode e = embed(r);
        assertWithinLimits(e);
        // the card: one embed, no fields, at most 1,500 characters
        assertThat(e.path("fields").size()).isZero();
        assertThat(e.path("title").asText().length() + e.path("description").asText().length()
                + e.path("footer").path("text").asText().length()).isLessThanOrEqualTo(1500);
        assertThat(e.path("title").asText()).startsWith("Andrew Miller · ").contains("أندرو ميلر");
        String d = e.path("description").asText();
        assertThat(d.lines().findFirst().orElseThrow()).startsWith("**Andrew Miller** · Deputy Assistant Secretary")
                .contains("made public 21 June 2024");
        assertThat(d).contains("**" + t.get(Lang.EN, "card.said") + "** Said US policy on Gaza was wrong \\*and\\*")
                .contains("@\u200Beveryone")
                .contains("**" + t.get(Lang.EN, "card.reported") + "** " + t.get(Lang.EN, "card.mark.contested"))
                .contains("• **Test Wire**: Protest")
                .contains("Source article said “14 June 2024”; right: 21 June 2024")
                .contains("[Test Wire](https://example.org/wire?a=1&b=%282%29)")
                .contains("[Resignation letter](https://example.org/letter)");
        assertThat(e.path("footer").path("text").asText()).contains("version");
        // and one button: the full record, for the asker alone
        assertThat(buttons(r)).hasSize(1);
        assertThat(buttons(r).get(0).path("label").asText()).isEqualTo(t.get(Lang.EN, "card.full_record"));
        assertThat(buttons(r).get(0).path("custom_id").asText()).isEqualTo("r:s:who|name=andrew-miller|detail=true|lang=en");
    }

    @Test
    @Order(3)
    void whoInArabicWhenTypedInArabicOrAsked() throws Exception {
        for (Recorded r : List.of(
                ask("who", opts("name", "ميلر")),
                ask("who", opts("name", "Andrew Miller", "lang", "ar")),
                ask("who", opts("name", "Andrew Miller"), FakeDiscord.REPORTER_ID, "ar"))) {
            JsonNode e = embed(r);
            assertWithinLimits(e);
            assertThat(e.path("fields").size()).isZero();
            assertThat(e.path("title").asText()).startsWith("أندرو ميلر · ").contains("Andrew Miller");
            String d = e.path("description").asText();
            assertThat(d).contains("**" + t.get(Lang.AR, "card.said") + "** قال إن السياسة الأمريكية تجاه غزة خاطئة")
                    .contains("ورد في المقال المصدر «14 يونيو 2024»؛ والصحيح: 21 يونيو 2024")
                    .contains("](https://example.org/letter)");
            assertThat(e.path("footer").path("text").asText()).startsWith("قاعدة بيانات الاستقالات");
            assertThat(buttons(r).get(0).path("label").asText()).isEqualTo(t.get(Lang.AR, "card.full_record"));
            assertThat(buttons(r).get(0).path("custom_id").asText()).isEqualTo("r:s:who|name=andrew-miller|detail=true|lang=ar");
        }
    }

    // ---- autocomplete ----------------------------------------------------------------------------

    List<JsonNode> complete(String sub, String option, String typed) throws InterruptedException {
        ObjectNode i = fake.interaction(4, FakeDiscord.REPORTER_ID, "en-US",
                fake.command("resignations", sub, opts(option, typed), option));
        fake.interact(i);
        Recorded r = fake.awaitCallback(i.get("id").asLong(), WAIT);
        assertThat(r.json().path("type").asInt()).isEqualTo(8);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("data").path("choices").forEach(out::add);
        assertThat(out).hasSizeLessThanOrEqualTo(25)
                .allSatisfy(c -> assertThat(c.path("name").asText().length()).isBetween(1, 100))
                .allSatisfy(c -> assertThat(c.path("value").asText().length()).isBetween(1, 100));
        return out;
    }

    @Test
    @Order(5)
    void autocompleteMatchesEitherScriptAndShowsTheTypedOne() throws Exception {
        List<JsonNode> latin = complete("who", "name", "mil");
        assertThat(latin).isNotEmpty();
        assertThat(latin.get(0).path("name").asText()).isEqualTo("Andrew Miller");
        assertThat(latin.get(0).path("value").asText()).isEqualTo("andrew-miller");

        List<JsonNode> arabic = complete("who", "name", "ميل");
        assertThat(arabic).isNotEmpty();
        assertThat(arabic.get(0).path("name").asText()).isEqualTo("أندرو ميلر");
        assertThat(arabic.get(0).path("value").asText()).isEqualTo("andrew-miller");

        List<JsonNode> agencies = complete("list", "agency", "الخارجية");
        assertThat(agencies.get(0).path("value").asText()).isEqualTo("state");
        assertThat(agencies.get(0).path("name").asText()).isEqualTo("الخارجية");

        assertThat(complete("who", "name", "x".repeat(6000))).isEmpty();
        assertThat(complete("who", "name", "")).hasSize(13);
    }

    @Test
    @Order(8)
    void timelineAndStatsComeWithTheirChartWhichPageTurnsKeep() throws Exception {
        Recorded timeline = ask("timeline", opts("lang", "ar"));
        assertThat(embed(timeline).path("title").asText()).startsWith("التسلسل الزمني");
        assertThat(timeline.files()).hasSize(1).allSatisfy(f -> assertThat(f).endsWith(".png"));
        assertThat(timeline.message().path("attachments").get(0).path("description").asText()).isNotBlank();
        assertThat(buttons(timeline)).hasSize(4);
        assertThat(buttons(timeline).get(2).path("custom_id").asText()).isEqualTo("r:pn:1:0:timeline|lang=ar");

        Recorded turned = click(timeline, "r:pn:1:0:timeline|lang=ar", FakeDiscord.REPORTER_ID);
        assertThat(turned.json().path("type").asInt()).isEqualTo(7);
        assertThat(turned.files()).isEmpty();                         // the chart stays, not uploaded again
        assertThat(turned.message().has("attachments")).isFalse();    // absent: Discord keeps what is there

        Recorded stats = ask("stats", opts());
        assertThat(embed(stats).path("title").asText()).isEqualTo(t.get(Lang.EN, "stats.title"));
        assertThat(stats.files()).hasSize(1);
        assertWithinLimits(embed(stats));
    }

    @Test
    @Order(9)
    void exportAttachesTheFile() throws Exception {
        Recorded csv = ask("export", opts("format", "csv"));
        assertThat(ephemeral(csv)).isFalse();
        assertThat(csv.files()).hasSize(1).allSatisfy(f -> assertThat(f).endsWith(".csv"));
        assertThat(csv.body()).contains("andrew-miller");
    }

    // ---- bad input and failure -------------------------------------------------------------------

    @Test
    @Order(12)
    void hostileInputPingsNobodyAndStaysWithinLimits() throws Exception {
        String hostile = "@everyone <@&123> **bold** `code` \u200B\u202E\u2066 [x](https://evil.example) "
                + "y".repeat(6000);
        for (String sub : List.of("who", "list")) {
            Recorded r = ask(sub, opts(sub.equals("who") ? "name" : "agency", hostile));
            assertThat(ephemeral(r)).isTrue();
            JsonNode e = embed(r);
            assertWithinLimits(e);
            String shown = e.toString();
            assertThat(shown).doesNotContain("@everyone").doesNotContain("\u202E").doesNotContain("<@&123>")
                    .doesNotContain("[x](https");
            assertThat(r.message().path("content").asText()).isEmpty();
        }
        Recorded date = ask("list", opts("from", "@everyone " + "9".repeat(5000)));
        assertThat(ephemeral(date)).isTrue();
        assertWithinLimits(embed(date));
        assertThat(embed(date).toString()).doesNotContain("@everyone");
    }

    @Test
    @Order(13)
    void aBugInAHandlerGivesAnEphemeralRefThatMatchesAnErrorLine() throws Exception {
        Recorded r = ask("about", opts());
        assertThat(ephemeral(r)).isTrue();
        String text = embed(r).path("description").asText();
        Matcher m = Pattern.compile("\\(ref ([0-9a-f]{8})\\)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        String ref = m.group(1);
        assertThat(logs.errors()).anySatisfy(line -> assertThat(line).contains(ref));

        // and the bot keeps serving
        assertThat(embed(ask("who", opts("name", "Josh Paul"))).path("title").asText()).startsWith("Josh Paul");
    }

    @Test
    @Order(16)
    void aCommandThisVersionNoLongerHasIsStillAnswered() throws Exception {
        ObjectNode i = fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US", fake.command("resignation", "who", opts(), null));
        fake.interact(i);
        Recorded r = fake.awaitCallback(i.get("id").asLong(), WAIT);
        assertThat(ephemeral(r)).isTrue();
        assertThat(embed(r).path("description").asText()).contains("/resignations");
    }
}
