package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Templates;

/**
 * The real JDA client against the fake Discord: what users see, read from the REST bodies the
 * bot actually sent. The set-up, the helpers and the check made on every message the bot sent,
 * shared by {@link DiscordCommandsEndToEndTest} and {@link DiscordButtonsEndToEndTest}; each
 * subclass registers its own {@link FakeDiscordExtension} (one fake Discord and bot per class).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DiscordEndToEndBase {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final int EPHEMERAL = 64;

    FakeDiscord fake;
    DiscordBot bot;
    Application app;
    Templates t;
    LogCapture logs;

    /** The subclass's extension: its static {@code @RegisterExtension} field. */
    abstract FakeDiscordExtension discord();

    @BeforeAll
    void start() throws Exception {
        logs = new LogCapture();
        fake = discord().fake();
        app = TestBots.app();
        t = app.templates();
        app.router().on("resignations about", (req, lang) -> {
            throw new IllegalStateException("simulated bug in a handler");
        });
        app.charts().warmUp(app.snapshot(), app.queries().stats());   // no cold first chart in a timed test
        bot = discord().start(app.discord());
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

    // ---- on every message ------------------------------------------------------------------------

    @Test
    @Order(100)
    void everyMessageTheBotSentHasEmptyAllowedMentions() {
        List<Recorded> messages = fake.requests().stream().filter(Recorded::carriesMessage).toList();
        assertThat(messages).hasSizeGreaterThan(10);   // each class sends 14 or more: the check is not empty
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
