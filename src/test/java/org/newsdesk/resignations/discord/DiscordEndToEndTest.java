package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Templates;

/**
 * The real JDA client against the fake Discord: what users see, read from the REST bodies the
 * bot actually sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final int EPHEMERAL = 64;

    @RegisterExtension
    static final FakeDiscordExtension DISCORD = new FakeDiscordExtension();
    FakeDiscord fake;
    DiscordBot bot;
    Application app;
    Templates t;
    LogCapture logs;

    @BeforeAll
    void start() throws Exception {
        logs = new LogCapture();
        fake = DISCORD.fake();
        app = TestBots.app();
        t = app.templates();
        app.router().on("resignations about", (req, lang) -> {
            throw new IllegalStateException("simulated bug in a handler");
        });
        app.charts().warmUp(app.snapshot(), app.queries().stats());   // no cold first chart in a timed test
        bot = DISCORD.start(app.discord());
    }

    @AfterAll
    void stop() {
        logs.close();   // the bot and the fake are closed by the extension
    }

    // ---- helpers ---------------------------------------------------------------------------------

    Recorded ask(String sub, Map<String, String> options, long user, String locale) throws InterruptedException {
        ObjectNode i = fake.interaction(2, user, locale, fake.command("resignations", sub, options, null));
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    Recorded ask(String sub, Map<String, String> options) throws InterruptedException {
        return ask(sub, options, FakeDiscord.REPORTER_ID, "en-US");
    }

    Recorded click(Recorded shownIn, String customId, long user) throws InterruptedException {
        ObjectNode i = fake.buttonClick(fake.messageFrom(shownIn), customId, user, "en-US");
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    static JsonNode embed(Recorded r) {
        return r.message().path("embeds").get(0);
    }

    static List<JsonNode> buttons(Recorded r) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode row : r.message().path("components")) {
            row.path("components").forEach(out::add);
        }
        return out;
    }

    static String fieldValue(JsonNode embed, String name) {
        for (JsonNode f : embed.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f.path("value").asText();
            }
        }
        throw new AssertionError("no field " + name + " in " + embed);
    }

    static boolean ephemeral(Recorded r) {
        return (r.message().path("flags").asInt() & EPHEMERAL) != 0;
    }

    static Map<String, String> opts(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Every limit Discord enforces on an embed. */
    static void assertWithinLimits(JsonNode e) {
        int total = e.path("title").asText().length() + e.path("description").asText().length()
                + e.path("footer").path("text").asText().length();
        assertThat(e.path("title").asText().length()).isLessThanOrEqualTo(Limits.TITLE);
        assertThat(e.path("description").asText().length()).isLessThanOrEqualTo(Limits.DESCRIPTION);
        assertThat(e.path("fields").size()).isLessThanOrEqualTo(Limits.FIELDS);
        for (JsonNode f : e.path("fields")) {
            assertThat(f.path("name").asText().length()).isBetween(1, Limits.FIELD_NAME);
            assertThat(f.path("value").asText().length()).isBetween(1, Limits.FIELD_VALUE);
            total += f.path("name").asText().length() + f.path("value").asText().length();
        }
        assertThat(total).isLessThanOrEqualTo(Limits.EMBED_TOTAL);
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
        assertThat(e.path("title").asText()).contains(t.get(Lang.EN, "card.full_record").toLowerCase(java.util.Locale.ROOT));
        all.append(e.path("description").asText());
        assertThat(all.toString()).contains("**" + t.get(Lang.EN, "who.field.office") + "**\nOffice of Test Affairs")
                .contains(t.get(Lang.EN, "fact.rejected") + " 14 June 2024")
                .contains(t.get(Lang.EN, "fact.contested"))
                .contains("A note for the desk")
                .contains("[Test Wire](https://example.org/wire?a=1&b=%282%29)")
                .doesNotContainPattern("\\(\\d\\)\\*\\*");
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

    @Test
    @Order(16)
    void aCommandThisVersionNoLongerHasIsStillAnswered() throws Exception {
        ObjectNode i = fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US", fake.command("resignation", "who", opts(), null));
        fake.interact(i);
        Recorded r = fake.awaitCallback(i.get("id").asLong(), WAIT);
        assertThat(ephemeral(r)).isTrue();
        assertThat(embed(r).path("description").asText()).contains("/resignations");
    }

    // ---- on every message ------------------------------------------------------------------------

    @Test
    @Order(100)
    void everyMessageTheBotSentHasEmptyAllowedMentions() {
        List<Recorded> messages = fake.requests().stream().filter(Recorded::carriesMessage).toList();
        assertThat(messages).hasSizeGreaterThan(20);
        assertThat(messages).allSatisfy(r -> {
            JsonNode am = r.message().path("allowed_mentions");
            assertThat(am.isObject()).as(r.toString()).isTrue();
            assertThat(am.path("parse").isArray()).isTrue();
            assertThat(am.path("parse").size()).as(r.toString()).isZero();
            assertThat(am.path("users").size()).isZero();
            assertThat(am.path("roles").size()).isZero();
            assertThat(am.path("replied_user").asBoolean()).isFalse();
        });
        // and every callback the bot made answered an interaction exactly once
        List<Long> ids = fake.requests().stream().filter(Recorded::isInteractionCallback).map(Recorded::interactionId).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
