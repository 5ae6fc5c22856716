package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.intake.AdditionsFile;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Store;

/**
 * {@code /resignations add} through the real JDA client against the fake Discord: the command
 * answers with a form (a modal whose inputs are wrapped in Labels), each submit is answered
 * ephemerally with what to fix or a button to the next form, and the finished entry is sent for
 * review (served and announced once a second editor approves it: {@code ReviewEndToEndTest}).
 * Only editors get a form.
 */
class AddEntryEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    final FakeDiscordExtension discord = new FakeDiscordExtension();

    @TempDir
    Path dir;
    Path additions;
    FakeDiscord fake;
    Notifier notifier;
    Application app;
    DiscordBot bot;

    @BeforeEach
    void start() throws Exception {
        fake = discord.fake();
        Path dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        additions = dir.resolve("data").resolve(AdditionsFile.NAME);
        DatasetLoader loader = DatasetLoader.standard();
        Reloader.Source source = DatasetSources.of(loader, Optional.of(additions), List.of(dataset), Optional.empty(),
                DatasetSources.Mode.REPLACE, Clock.systemUTC());
        notifier = new Notifier(Store.open(dir.resolve("data")), Templates.bundled(), new EntryCodec(loader.mapper()),
                Lang.EN, Optional.empty(), Clock.systemUTC());
        var snapshot = source.load();
        app = new Application(snapshot, Application.Setup.standalone(Lang.EN).reloading(Optional.of(source), Optional.of(notifier))
                .withAdditions(Optional.of(new AdditionsFile(additions, loader))));
        notifier.datasetChanged(snapshot);
        bot = DiscordBot.start(app.discord(), "fake-token",
                TestBots.against(fake).withEditorRole(Optional.of(FakeDiscord.EDITOR_ROLE_ID)));
    }

    @AfterEach
    void stop() {
        bot.close();   // before the notifier it delivers for; the extension closes the fake Discord
        notifier.close();
    }

    Recorded send(ObjectNode interaction) throws InterruptedException {
        fake.interact(interaction);
        return fake.awaitCallback(interaction.get("id").asLong(), WAIT);
    }

    Recorded command(long user, String locale, Map<String, String> options) throws InterruptedException {
        return send(fake.interaction(2, user, locale, fake.command("resignations", "add", options, null)));
    }

    /** The message the user ends up seeing for an interaction: the callback's, or the edit of a deferred one. */
    Recorded shown(ObjectNode interaction) throws InterruptedException {
        Recorded cb = send(interaction);
        if (cb.json().path("type").asInt() == 5) {
            assertThat(cb.json().path("data").path("flags").asInt() & 64).isEqualTo(64);
            String token = interaction.get("token").asText();
            return fake.await(r -> r.is("PATCH", "/webhooks/\\d+/" + token + "/messages/@original"), WAIT);
        }
        assertThat(cb.json().path("type").asInt()).isEqualTo(4);
        assertThat(cb.json().path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        return cb;
    }

    /** A click on a button of the message a request created. */
    ObjectNode click(Recorded message, long user) {
        return fake.buttonClick(fake.messageFrom(message), button(message), user, "en-US");
    }

    static Map<String, String> who() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name_en", "Jane Q. Example");
        m.put("name_ar", "جين كيو إكزامبل");
        m.put("agency", "USAID");
        m.put("title_en", "Senior adviser");
        m.put("title_ar", "مستشارة أولى");
        return m;
    }

    static Map<String, String> why(String url) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", "2024-06-03");
        m.put("reason_en", "She said the policy made her complicit in the starvation of civilians in Gaza.");
        m.put("reason_ar", "قالت إن السياسة جعلتها شريكة في تجويع المدنيين في غزة.");
        m.put("source_url", url);
        m.put("outlet", "Example News");
        return m;
    }

    static List<String> inputIds(JsonNode modal) {
        List<String> ids = new ArrayList<>();
        for (JsonNode label : modal.path("components")) {
            assertThat(label.path("type").asInt()).as("each input is wrapped in a Label").isEqualTo(18);
            assertThat(label.path("label").asText()).isNotBlank().hasSizeLessThanOrEqualTo(45);
            assertThat(label.path("component").path("type").asInt()).isEqualTo(4);
            ids.add(label.path("component").path("custom_id").asText());
        }
        return ids;
    }

    static String button(Recorded message) {
        return message.message().path("components").get(0).path("components").get(0).path("custom_id").asText();
    }

    static String description(Recorded message) {
        return message.message().path("embeds").get(0).path("description").asText();
    }

    @Test
    void anEditorSendsAnEntryThroughTwoFormsForReview() throws Exception {
        Recorded sub = send(fake.interaction(2, FakeDiscord.OWNER_ID, "en-US", fake.command("notify", "subscribe", Map.of(), null)));
        assertThat(sub.json().path("data").path("flags").asInt() & 64).as("/notify answers the asker alone").isEqualTo(64);

        Recorded form = command(FakeDiscord.EDITOR_ID, "en-US", Map.of("departure", "resigned"));
        assertThat(form.json().path("type").asInt()).as("a modal").isEqualTo(9);
        JsonNode modal = form.json().path("data");
        assertThat(modal.path("title").asText()).isEqualTo("New entry, step 1 of 2: who");
        assertThat(inputIds(modal)).containsExactly("name_en", "name_ar", "agency", "title_en", "title_ar");
        String first = modal.path("custom_id").asText();
        assertThat(first).startsWith("a:who:");

        Recorded step1 = shown(fake.modalSubmit(first, who(), FakeDiscord.EDITOR_ID, "en-US"));
        assertThat(step1.message().path("embeds").get(0).path("title").asText()).isEqualTo("Step 1 of 2 done");
        assertThat(step1.message().path("allowed_mentions").path("parse").size()).isZero();
        String next = button(step1);
        assertThat(next).isEqualTo(first.replace("a:who:", "a:why:"));

        Recorded second = send(click(step1, FakeDiscord.EDITOR_ID));
        assertThat(second.json().path("type").asInt()).isEqualTo(9);
        assertThat(inputIds(second.json().path("data"))).containsExactly("date", "reason_en", "reason_ar", "source_url", "outlet");

        // an invalid link: told what to fix, nothing written, the form reopens filled in
        Recorded bad = shown(fake.modalSubmit(next, why("www.example.org/story"), FakeDiscord.EDITOR_ID, "en-US"));
        assertThat(description(bad)).contains("Nothing was saved").contains("**Source link**").contains("is not a web link");
        assertThat(additions).doesNotExist();
        Recorded again = send(click(bad, FakeDiscord.EDITOR_ID));
        JsonNode reopened = again.json().path("data");
        assertThat(reopened.path("components").get(3).path("component").path("value").asText()).isEqualTo("www.example.org/story");
        assertThat(reopened.path("components").get(4).path("component").path("value").asText()).isEqualTo("Example News");

        Recorded added = shown(fake.modalSubmit(next, why("https://example.org/2024/06/03/story"), FakeDiscord.EDITOR_ID, "en-US"));
        assertThat(added.message().path("embeds").get(0).path("title").asText()).isEqualTo("Sent for review: Jane Q. Example");
        assertThat(description(added)).contains("Nothing is served or announced until another editor approves it");
        // it waits for a second editor (ReviewEndToEndTest goes on from here): not written, not served
        assertThat(additions).doesNotExist();
        assertThat(app.intake().orElseThrow().review().waiting()).hasSize(1);
        Recorded who = send(fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US",
                fake.command("resignations", "who", Map.of("name", "Jane Example"), null)));
        assertThat(who.json().path("data").path("embeds").get(0).path("title").asText()).doesNotContain("Jane Q. Example");
    }

    @Test
    void theArabicFormSaysWhatToFixInArabicAndWritesNothing() throws Exception {
        Recorded form = command(FakeDiscord.EDITOR_ID, "en-US", Map.of("departure", "pushed_out", "lang", "ar"));
        JsonNode modal = form.json().path("data");
        assertThat(modal.path("title").asText()).isEqualTo("إدخال جديد، الخطوة 1 من 2: الشخص المعني");
        Map<String, String> w = who();
        w.put("name_ar", "  ");
        w.put("agency", "وزارة السحر");
        Recorded fix = shown(fake.modalSubmit(modal.path("custom_id").asText(), w, FakeDiscord.EDITOR_ID, "en-US"));
        assertThat(description(fix)).contains("**الاسم بالعربية**: هذا الحقل مطلوب.")
                .contains("**الجهة**: «وزارة السحر» ليست جهة في قاعدة البيانات");
        assertThat(button(fix)).isEqualTo(modal.path("custom_id").asText());
        assertThat(additions).doesNotExist();
    }

    @Test
    void aFutureDateIsRefusedAtTheLastStep() throws Exception {
        Recorded form = command(FakeDiscord.OWNER_ID, "en-US", Map.of("departure", "resigned"));   // Manage Server counts as editor
        String first = form.json().path("data").path("custom_id").asText();
        Recorded step1 = shown(fake.modalSubmit(first, who(), FakeDiscord.OWNER_ID, "en-US"));
        Map<String, String> y = why("https://example.org/story");
        y.put("date", "2999-01-01");
        Recorded fix = shown(fake.modalSubmit(button(step1), y, FakeDiscord.OWNER_ID, "en-US"));
        assertThat(description(fix)).contains("**Date announced**: 2999-01-01 is in the future");
        assertThat(additions).doesNotExist();
    }

    @Test
    void someoneWithoutTheEditorRoleGetsNoFormAndCannotUseAnEditorsForm() throws Exception {
        Recorded refused = command(FakeDiscord.REPORTER_ID, "en-US", Map.of("departure", "resigned"));
        assertThat(refused.json().path("type").asInt()).isEqualTo(4);
        assertThat(refused.json().path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(description(refused)).contains("resignations add");

        // a reporter sending an editor's form (ids can be forged) is refused too, and nothing is written
        String first = command(FakeDiscord.EDITOR_ID, "en-US", Map.of("departure", "resigned")).json().path("data").path("custom_id").asText();
        Recorded forged = shown(fake.modalSubmit(first, who(), FakeDiscord.REPORTER_ID, "en-US"));
        assertThat(description(forged)).contains("resignations add");
        assertThat(additions).doesNotExist();
    }
}
