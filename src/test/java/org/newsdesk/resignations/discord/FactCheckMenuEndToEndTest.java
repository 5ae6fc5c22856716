package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.factcheck.FactCheckCommands;
import org.newsdesk.resignations.render.Templates;

/**
 * The "Fact-check" message context menu with the real JDA client against the fake Discord: the
 * target message's text comes from {@code data.resolved.messages} (the bot has no intents at all).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactCheckMenuEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final int EPHEMERAL = 64;
    static final String CLAIM_EN = "Lily Greenberg Call resigned on 8 May 2024";
    static final String CLAIM_AR = "استقالت ليلي غرينبرغ كول في 8 مايو 2024";
    static final String BOOM = "this text makes the (spied) fact-checker throw";

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
        BotCore core = app.discord();
        FactCheckCommands checks = app.factcheck();
        BotCore.FactCheck failing = (text, lang) -> {
            if (BOOM.equals(text)) {
                throw new IllegalStateException("simulated bug in the fact-checker");
            }
            return checks.check(text, lang);
        };
        t = app.templates();
        bot = DISCORD.start(new BotCore(core.templates(), core.speech(), core.commands(), failing, core.intake(),
                core.notifier(), core.warmUp()));
    }

    @AfterAll
    void stop() {
        logs.close();   // the bot and the fake are closed by the extension
    }

    // ---- helpers ---------------------------------------------------------------------------------

    Recorded factCheck(String content, long user, String locale) throws InterruptedException {
        ObjectNode i = fake.interaction(2, user, locale, fake.messageCommand(FactCheckMenu.NAME, content, FakeDiscord.OWNER_ID));
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    Recorded click(Recorded shownIn, String customId, long user) throws InterruptedException {
        ObjectNode i = fake.buttonClick(fake.messageFrom(shownIn), customId, user, "en-US");
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    static List<JsonNode> buttons(Recorded r) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode row : r.message().path("components")) {
            row.path("components").forEach(out::add);
        }
        return out;
    }

    static JsonNode postButton(Recorded r) {
        return buttons(r).stream().filter(b -> b.path("custom_id").asText().startsWith("f:p:")).findFirst()
                .orElseThrow(() -> new AssertionError("no post button in " + r));
    }

    static JsonNode embed(Recorded r) {
        return r.message().path("embeds").get(0);
    }

    static boolean ephemeral(Recorded r) {
        return (r.message().path("flags").asInt() & EPHEMERAL) != 0;
    }

    static void noMentions(Recorded r) {
        JsonNode am = r.message().path("allowed_mentions");
        assertThat(am.isObject()).as(r.toString()).isTrue();
        assertThat(am.path("parse").isArray()).isTrue();
        assertThat(am.path("parse").size()).as(r.toString()).isZero();
        assertThat(am.path("users").size()).isZero();
        assertThat(am.path("roles").size()).isZero();
    }

    String verdict(Lang lang) {
        return t.get(lang, "factcheck.verdict.contradicted").strip();
    }

    // ---- tests -----------------------------------------------------------------------------------

    @Test
    void theMessageCommandIsRegisteredInTheSameBulkOverwrite() throws Exception {
        Recorded put = fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/\\d+/commands"), WAIT);
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("PUT")).hasSize(1);
        JsonNode cmds = put.json();
        assertThat(cmds.size()).isEqualTo(5);   // resignations, factcheck, notify, settings, Fact-check
        JsonNode menu = cmds.get(cmds.size() - 1);
        assertThat(menu.path("name").asText()).isEqualTo("Fact-check");
        assertThat(menu.path("type").asInt()).isEqualTo(3);
        assertThat(menu.has("description") && !menu.path("description").asText().isEmpty()).isFalse();
    }

    @Test
    void englishClaimIsCheckedEphemerallyWithAPostButton() throws Exception {
        Recorded r = factCheck(CLAIM_EN, FakeDiscord.REPORTER_ID, "en-US");
        assertThat(r.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(r)).isTrue();
        assertThat(embed(r).path("title").asText()).contains(verdict(Lang.EN));
        assertThat(postButton(r).path("label").asText()).isEqualTo(t.get(Lang.EN, "discord.factcheck.post"));
        assertThat(postButton(r).path("custom_id").asText()).hasSizeLessThanOrEqualTo(100);
        noMentions(r);
    }

    @Test
    void arabicClaimIsAnsweredInArabicWhateverTheLocale() throws Exception {
        Recorded r = factCheck(CLAIM_AR, FakeDiscord.REPORTER_ID, "en-US");
        assertThat(ephemeral(r)).isTrue();
        assertThat(embed(r).path("title").asText()).contains(verdict(Lang.AR));
        assertThat(postButton(r).path("label").asText()).isEqualTo(t.get(Lang.AR, "discord.factcheck.post"));
    }

    @Test
    void thePostButtonPostsTheSameResultPubliclyWithoutPings() throws Exception {
        Recorded r = factCheck(CLAIM_EN, FakeDiscord.REPORTER_ID, "en-US");
        Recorded posted = click(r, postButton(r).path("custom_id").asText(), FakeDiscord.REPORTER_ID);
        assertThat(posted.json().path("type").asInt()).isEqualTo(4);
        assertThat(ephemeral(posted)).isFalse();
        assertThat(embed(posted).path("title").asText()).isEqualTo(embed(r).path("title").asText());
        assertThat(embed(posted).path("description").asText()).isEqualTo(embed(r).path("description").asText());
        assertThat(buttons(posted)).noneMatch(b -> b.path("custom_id").asText().startsWith("f:"));
        noMentions(posted);
    }

    @Test
    void anotherUserCannotPostSomeoneElsesResult() throws Exception {
        Recorded r = factCheck(CLAIM_EN, FakeDiscord.REPORTER_ID, "en-US");
        Recorded refused = click(r, postButton(r).path("custom_id").asText(), FakeDiscord.OTHER_USER_ID);
        assertThat(ephemeral(refused)).isTrue();
        assertThat(embed(refused).path("description").asText()).isEqualTo(t.get(Lang.EN, "discord.factcheck.not_yours"));
    }

    @Test
    void anUnknownOrExpiredResultSaysSo() throws Exception {
        Recorded r = factCheck(CLAIM_EN, FakeDiscord.REPORTER_ID, "en-US");
        Recorded expired = click(r, "f:p:0000000000000000:0", FakeDiscord.REPORTER_ID);
        assertThat(ephemeral(expired)).isTrue();
        assertThat(embed(expired).path("description").asText()).isEqualTo(t.get(Lang.EN, "discord.factcheck.expired"));
    }

    @Test
    void aMessageWithoutTextGetsAUserError() throws Exception {
        Recorded r = factCheck("", FakeDiscord.REPORTER_ID, "en-US");
        assertThat(ephemeral(r)).isTrue();
        assertThat(embed(r).path("description").asText()).isEqualTo(t.get(Lang.EN, "discord.factcheck.empty"));
        assertThat(buttons(r)).isEmpty();
        Recorded ar = factCheck("   ", FakeDiscord.REPORTER_ID, "ar");
        assertThat(embed(ar).path("description").asText()).isEqualTo(t.get(Lang.AR, "discord.factcheck.empty"));
    }

    @Test
    void everyoneInTheMessagePingsNobody() throws Exception {
        Recorded r = factCheck("@everyone " + CLAIM_EN + " <@&123> <@" + FakeDiscord.OTHER_USER_ID + ">",
                FakeDiscord.REPORTER_ID, "en-US");
        noMentions(r);
        Recorded posted = click(r, postButton(r).path("custom_id").asText(), FakeDiscord.REPORTER_ID);
        assertThat(ephemeral(posted)).isFalse();
        noMentions(posted);
        assertThat(posted.message().path("content").asText("")).doesNotContain("@everyone");
    }

    @Test
    void anythingThrownIsAnEphemeralFailureWithTheRefOfAnErrorLine() throws Exception {
        Recorded r = factCheck(BOOM, FakeDiscord.REPORTER_ID, "en-US");
        assertThat(ephemeral(r)).isTrue();
        String description = embed(r).path("description").asText();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{8}").matcher(description);
        assertThat(m.find()).as(description).isTrue();
        String ref = m.group();
        assertThat(description).isEqualTo(t.get(Lang.EN, "error.unexpected", "ref", ref));
        assertThat(logs.errors()).anySatisfy(line -> assertThat(line).contains("ref " + ref));
        noMentions(r);
    }
}
