package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.Canned;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.render.Reply;

/** Slow handlers are deferred; page buttons survive a restart of the bot. */
class DiscordLifecycleEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    final FakeDiscordExtension discord = new FakeDiscordExtension();
    FakeDiscord fake;

    @BeforeEach
    void fake() {
        fake = discord.fake();
    }

    Recorded ask(String sub, Map<String, String> options) throws InterruptedException {
        ObjectNode i = fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US", fake.command("resignations", sub, options, null));
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    static String token(Recorded callback) {
        return callback.path().split("/")[3];
    }

    /** Slow commands answered so far; the n-th answers only once Discord has n acknowledgements. */
    final AtomicInteger slowCalls = new AtomicInteger();

    /**
     * Makes a command slow without a clock: it answers only once the fake Discord has received the
     * acknowledgement ("thinking…" or a deferred update) that the bot must send while it runs.
     */
    Reply slowly(Reply r) {
        int n = slowCalls.incrementAndGet();
        try {
            fake.await(x -> acknowledgements() >= n, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return r;
    }

    long acknowledgements() {
        return fake.requests().stream().filter(r -> r.isInteractionCallback())
                .filter(r -> r.json().path("type").asInt() == 5 || r.json().path("type").asInt() == 6).count();
    }

    @Test
    void aSlowReplyIsDeferredThenEdited() throws Exception {
        Application app = TestBots.app();
        var queries = app.queries();
        app.router().on("resignations timeline", (req, lang) ->
                slowly(app.replies().timeline(app.snapshot(), queries.timeline(), lang)));
        app.router().on("resignations stats", (req, lang) ->
                slowly(app.replies().userError(lang, "error.range_reversed")));
        try (DiscordBot bot = DiscordBot.start(app.discord(), "fake-token",
                TestBots.against(fake).withDeferAfter(Duration.ofMillis(150)))) {
            assertThat(bot.jda().getGuilds()).hasSize(1);
            // an answer: "thinking…" first, then the original response is edited into the answer
            Recorded deferred = ask("timeline", Map.of());
            assertThat(deferred.json().path("type").asInt()).isEqualTo(5);
            assertThat(deferred.json().path("data").path("flags").asInt() & 64).isZero();
            String tok = token(deferred);
            Recorded edit = fake.await(r -> r.is("PATCH", "/webhooks/\\d+/" + tok + "/messages/@original"), WAIT);
            assertThat(edit.json().path("embeds").get(0).path("title").asText()).startsWith("Timeline");
            assertThat(edit.json().path("allowed_mentions").path("parse").size()).isZero();
            // Order, not a gap: on a loaded machine the deferral timer itself can fire late.
            assertThat(edit.at()).isGreaterThan(deferred.at());

            // a page turn on a slow command: the click is acknowledged, then the message is edited
            JsonNode message = fake.messageFrom(edit);
            String next = edit.json().path("components").get(0).path("components").get(2).path("custom_id").asText();
            ObjectNode click = fake.buttonClick(message, next, FakeDiscord.REPORTER_ID, "en-US");
            fake.interact(click);
            Recorded ack = fake.awaitCallback(click.get("id").asLong(), WAIT);
            assertThat(ack.json().path("type").asInt()).isEqualTo(6);
            String clickTok = token(ack);
            Recorded turned = fake.await(r -> r.is("PATCH", "/webhooks/\\d+/" + clickTok + "/messages/@original"), WAIT);
            assertThat(turned.json().path("embeds").get(0).path("footer").path("text").asText()).contains("2/2");

            // an error for the asker alone: the public "thinking…" is removed, an ephemeral follow-up says it
            Recorded deferred2 = ask("stats", Map.of());
            assertThat(deferred2.json().path("type").asInt()).isEqualTo(5);
            String tok2 = token(deferred2);
            fake.await(r -> r.is("DELETE", "/webhooks/\\d+/" + tok2 + "/messages/@original"), WAIT);
            Recorded follow = fake.await(r -> r.is("POST", "/webhooks/\\d+/" + tok2), WAIT);
            assertThat(follow.json().path("flags").asInt() & 64).isEqualTo(64);
            assertThat(follow.json().path("embeds").get(0).path("description").asText())
                    .isEqualTo(app.templates().get(Lang.EN, "error.range_reversed"));
            assertThat(follow.json().path("allowed_mentions").path("parse").size()).isZero();
        }
    }

    @Test
    void aRateLimitedReplyIsSentAgainAfterRetryAfter() throws Exception {
        try (DiscordBot bot = DiscordBot.start(TestBots.app().discord(), "fake-token", TestBots.against(fake))) {
            assertThat(bot.jda().getGuilds()).hasSize(1);
            fake.failNext("POST", "/interactions/\\d+/[^/]+/callback", Canned.rateLimited(0.2, false));
            ObjectNode i = fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US",
                    fake.command("resignations", "who", Map.of("name", "Josh Paul"), null));
            fake.interact(i);
            long id = i.get("id").asLong();
            Recorded first = fake.awaitCallback(id, WAIT);
            Recorded again = fake.await(r -> r.isInteractionCallback() && r.interactionId() == id && r != first, WAIT);
            assertThat(again.at() - first.at()).isGreaterThan(Duration.ofMillis(150).toNanos());
            assertThat(again.json().path("data").path("embeds").get(0).path("title").asText()).startsWith("Josh Paul");
        }
    }

    @Test
    void pageButtonsKeepWorkingAfterARestart() throws Exception {
        Recorded shown;
        try (DiscordBot before = DiscordBot.start(TestBots.app().discord(), "fake-token", TestBots.against(fake))) {
            assertThat(before.jda().getGuilds()).hasSize(1);
            shown = ask("list", Map.of("lang", "ar"));
        }
        String last = shown.json().path("data").path("components").get(0).path("components").get(3).path("custom_id").asText();
        assertThat(last).isEqualTo("r:pl:1:0:list|lang=ar");

        try (DiscordBot after = DiscordBot.start(TestBots.app().discord(), "fake-token", TestBots.against(fake))) {
            assertThat(after.jda().getGuilds()).hasSize(1);
            ObjectNode click = fake.buttonClick(fake.messageFrom(shown), last, FakeDiscord.OTHER_USER_ID, "en-US");
            fake.interact(click);
            Recorded turned = fake.awaitCallback(click.get("id").asLong(), WAIT);
            assertThat(turned.json().path("type").asInt()).isEqualTo(7);
            JsonNode embed = turned.json().path("data").path("embeds").get(0);
            assertThat(embed.path("footer").path("text").asText()).contains("2/2");
            assertThat(embed.path("title").asText()).startsWith("كل الجهات");
        }
    }
}
