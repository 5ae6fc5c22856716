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
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.store.Store;

/**
 * Two pairs of eyes, through the real JDA client against the fake Discord: an editor's entry is
 * posted to the review channel and is nowhere else (not in who or list, not announced); its author
 * and a non-editor cannot approve it; a second editor's approval serves it and each subscribed
 * channel hears of it once, as reviewed; a rejected one is never served nor announced and its
 * author is told; a restart in between loses nothing; a proposed correction goes the same way and
 * is announced once with its diff. "Nothing else came" is proven by a later known message (a
 * /notify test message is queued after, and delivery keeps the order), never by waiting.
 */
class ReviewEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final long REVIEW_CHANNEL = FakeDiscord.CHANNEL_ID + 1;
    static final long AUTHOR = FakeDiscord.EDITOR_ID;
    /** Manage Server in the newsroom's own server: an editor too. */
    static final long REVIEWER = FakeDiscord.OWNER_ID;
    static final long READER = FakeDiscord.REPORTER_ID;

    @RegisterExtension
    final FakeDiscordExtension discord = new FakeDiscordExtension();

    @TempDir
    Path dir;
    Path dataset;
    Path data;
    FakeDiscord fake;
    Notifier notifier;
    Application app;
    DiscordBot bot;
    int tests;

    @BeforeEach
    void setUp() throws Exception {
        fake = discord.fake();
        dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        data = dir.resolve("data");
        startBot();
    }

    /** The bot as Assembly wires it, on the data directory (again after {@link #stopBot}: a restart). */
    void startBot() throws Exception {
        DatasetLoader loader = DatasetLoader.standard();
        Path additions = data.resolve(AdditionsFile.NAME);
        Reloader.Source source = DatasetSources.of(loader, Optional.of(additions), List.of(dataset), Optional.empty(),
                DatasetSources.Mode.REPLACE, Clock.systemUTC(), Optional.of(data.resolve(Application.CORRECTIONS)));
        notifier = new Notifier(Store.open(data), Templates.bundled(), new EntryCodec(loader.mapper()), Lang.EN, Optional.empty(),
                Clock.systemUTC());
        var snapshot = source.load();
        app = new Application(snapshot, Application.Setup.standalone(Lang.EN).reloading(Optional.of(source), Optional.of(notifier))
                .withAdditions(Optional.of(new AdditionsFile(additions, loader))));
        notifier.datasetChanged(snapshot);
        bot = DiscordBot.start(app.discord(), "fake-token", TestBots.against(fake)
                .withEditorRole(Optional.of(FakeDiscord.EDITOR_ROLE_ID)).withReviewChannel(Optional.of(REVIEW_CHANNEL)));
    }

    @AfterEach
    void stopBot() {
        bot.close();   // before the notifier it delivers for; the extension closes the fake Discord
        notifier.close();
    }

    // ---- talking to the bot ------------------------------------------------------------------------

    Recorded send(ObjectNode interaction) throws InterruptedException {
        fake.interact(interaction);
        return fake.awaitCallback(interaction.get("id").asLong(), WAIT);
    }

    /** The message the user ends up seeing: the callback's, or what replaced a deferred one. */
    Recorded shown(ObjectNode interaction) throws InterruptedException {
        Recorded cb = send(interaction);
        if (cb.json().path("type").asInt() == 5) {
            String token = interaction.get("token").asText();
            return fake.await(r -> r.carriesMessage() && r.path().matches("/webhooks/\\d+/" + token + "(/messages/@original)?"), WAIT);
        }
        return cb;
    }

    Recorded slash(long user, String sub, Map<String, String> options) throws InterruptedException {
        return shown(fake.interaction(2, user, "en-US", fake.command("resignations", sub, options, null)));
    }

    Recorded click(Recorded message, String label, long user) throws InterruptedException {
        return send(fake.buttonClick(fake.messageFrom(message), button(message, label), user, "en-US"));
    }

    Recorded clickShown(Recorded message, String label, long user) throws InterruptedException {
        return shown(fake.buttonClick(fake.messageFrom(message), button(message, label), user, "en-US"));
    }

    static String button(Recorded message, String label) {
        for (JsonNode row : message.message().path("components")) {
            for (JsonNode b : row.path("components")) {
                if (b.path("label").asText().equals(label)) {
                    return b.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no button \"" + label + "\" on " + message);
    }

    static List<String> labels(Recorded message) {
        List<String> out = new ArrayList<>();
        message.message().path("components").forEach(row -> row.path("components").forEach(b -> out.add(b.path("label").asText())));
        return out;
    }

    static String title(Recorded m) {
        return m.message().path("embeds").path(0).path("title").asText();
    }

    static String text(Recorded m) {
        JsonNode e = m.message().path("embeds").path(0);
        StringBuilder b = new StringBuilder(e.path("title").asText()).append('\n').append(e.path("description").asText());
        e.path("fields").forEach(f -> b.append('\n').append(f.path("name").asText()).append(": ").append(f.path("value").asText()));
        return b.toString().replace("\\", "");   // markdown escapes
    }

    static boolean ephemeral(Recorded m) {
        return (m.message().path("flags").asInt() & 64) == 64;
    }

    static Map<String, String> who(String en, String ar) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name_en", en);
        m.put("name_ar", ar);
        m.put("agency", "USAID");
        m.put("title_en", "Senior adviser");
        m.put("title_ar", "مستشارة أولى");
        return m;
    }

    static Map<String, String> why() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", "2024-06-03");
        m.put("reason_en", "She said the policy made her complicit in the starvation of civilians in Gaza.");
        m.put("reason_ar", "قالت إن السياسة جعلتها شريكة في تجويع المدنيين في غزة.");
        m.put("source_url", "https://example.org/2024/06/03/story");
        m.put("outlet", "Example News");
        return m;
    }

    /** An editor fills both forms; the card the review channel then gets. */
    Recorded submit(String en, String ar) throws InterruptedException {
        Recorded form = send(fake.interaction(2, AUTHOR, "en-US", fake.command("resignations", "add", Map.of("departure", "resigned"), null)));
        String first = form.json().path("data").path("custom_id").asText();
        Recorded step1 = shown(fake.modalSubmit(first, who(en, ar), AUTHOR, "en-US"));
        String next = step1.message().path("components").get(0).path("components").get(0).path("custom_id").asText();
        Recorded sent = shown(fake.modalSubmit(next, why(), AUTHOR, "en-US"));
        assertThat(title(sent)).isEqualTo("Sent for review: " + en);
        assertThat(ephemeral(sent)).isTrue();
        return reviewCard("Waiting for review: " + en);
    }

    Recorded reviewCard(String title) throws InterruptedException {
        return fake.await(r -> r.is("POST", "/channels/" + REVIEW_CHANNEL + "/messages") && title(r).equals(title), WAIT);
    }

    void subscribe() throws InterruptedException {
        Recorded sub = send(fake.interaction(2, FakeDiscord.OWNER_ID, "en-US", fake.command("notify", "subscribe", Map.of(), null)));
        assertThat(sub.json().path("data").path("flags").asInt() & 64).isEqualTo(64);
    }

    /**
     * What the subscribed channel got up to now: a /notify test message is queued after whatever
     * was queued before it, and delivery keeps the order, so once it arrives nothing earlier is missing.
     */
    List<String> announced() throws InterruptedException {
        int n = ++tests;
        send(fake.interaction(2, FakeDiscord.OWNER_ID, "en-US", fake.command("notify", "test", Map.of(), null)));
        fake.await(r -> r.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages") && title(r).startsWith("Test")
                && fake.requests().stream().filter(x -> x.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages"))
                .filter(x -> title(x).startsWith("Test")).count() >= n, WAIT);
        return fake.requests().stream().filter(r -> r.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages"))
                .map(ReviewEndToEndTest::title).filter(t -> !t.startsWith("Test")).toList();
    }

    /** The edit that marks the review card decided: what it says, and that it pings nobody. */
    Recorded cardMarked(String outcome) throws InterruptedException {
        Recorded marked = fake.await(r -> r.is("PATCH", "/channels/\\d+/messages/\\d+"), WAIT);
        assertThat(marked.json().path("content").asText())
                .isEqualTo("This entry has left review: " + outcome + " by editor <@" + REVIEWER + ">.");
        assertThat(marked.json().path("allowed_mentions").path("parse").size()).as("nobody is pinged").isZero();
        return marked;
    }

    boolean served(String name) throws InterruptedException {
        Recorded who = slash(READER, "who", Map.of("name", name));
        return title(who).contains(name);
    }

    // ---- the tests -----------------------------------------------------------------------------------

    @Test
    void anEntryWaitsForASecondEditorThenIsServedAndAnnouncedOnce() throws Exception {
        subscribe();
        Recorded card = submit("Jane Q. Example", "جين كيو إكزامبل");
        // the card: every field, the source link, the three buttons; nothing in it pings
        assertThat(text(card)).contains("Jane Q. Example").contains("جين كيو إكزامبل").contains("USAID").contains("Senior adviser")
                .contains("2024-06-03").contains("https://example.org/2024/06/03/story").contains("Example News");
        assertThat(labels(card)).containsExactly("Approve", "Reject", "Edit");
        assertThat(card.json().path("allowed_mentions").path("parse").size()).isZero();

        // an editor's who finds it, marked and for their eyes only; a reader's does not, nor the list
        Recorded editorWho = slash(AUTHOR, "who", Map.of("name", "Jane Example"));
        assertThat(ephemeral(editorWho)).isTrue();
        assertThat(text(editorWho)).contains("Pending review: Jane Q. Example");
        // the same question from a reader (the reply cache must not hand over the editor's answer)
        Recorded readerWho = slash(READER, "who", Map.of("name", "Jane Example"));
        assertThat(text(readerWho)).doesNotContain("Jane Q. Example").doesNotContain("Pending review");
        assertThat(served("Jane Q. Example")).isFalse();
        assertThat(text(slash(READER, "list", Map.of("agency", "USAID")))).doesNotContain("Jane");

        // its author and a non-editor may not approve it
        Recorded own = clickShown(card, "Approve", AUTHOR);
        assertThat(ephemeral(own)).isTrue();
        assertThat(text(own)).contains("You wrote or edited this entry, so another editor must review it.");
        Recorded reader = clickShown(card, "Approve", READER);
        assertThat(ephemeral(reader)).isTrue();
        assertThat(text(reader)).contains("You are not allowed to use /resignations review");
        assertThat(data.resolve(AdditionsFile.NAME)).doesNotExist();
        assertThat(announced()).isEmpty();

        // a second editor approves: served at once, then announced once, as reviewed
        Recorded ok = clickShown(card, "Approve", REVIEWER);
        assertThat(ephemeral(ok)).isTrue();
        assertThat(title(ok)).isEqualTo("Approved and served: Jane Q. Example");
        // the card says so, pinging nobody, and keeps no button: no other editor acts on it
        assertThat(cardMarked("approved").json().path("components").size()).isZero();
        assertThat(served("Jane Q. Example")).isTrue();
        fake.await(r -> r.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages") && title(r).startsWith("New entry"), WAIT);
        List<String> heard = announced();
        assertThat(heard).containsExactly("New entry, reviewed by the desk: Jane Q. Example");
        // and a second click changes nothing
        assertThat(text(clickShown(card, "Approve", REVIEWER))).contains("No entry waits for review");
        assertThat(announced()).containsExactly("New entry, reviewed by the desk: Jane Q. Example");
    }

    @Test
    void aRejectedEntryIsNeverServedNorAnnouncedAndItsAuthorIsTold() throws Exception {
        subscribe();
        Recorded card = submit("Jane Q. Example", "جين كيو إكزامبل");
        assertThat(text(clickShown(card, "Reject", AUTHOR))).contains("You wrote or edited this entry");

        Recorded form = click(card, "Reject", REVIEWER);
        assertThat(form.json().path("type").asInt()).as("a form asking why").isEqualTo(9);
        String formId = form.json().path("data").path("custom_id").asText();
        assertThat(formId).startsWith("v:reason:");
        // no reason: said what to fix, nothing changes
        Recorded empty = shown(fake.modalSubmit(formId, Map.of("reason", " "), REVIEWER, "en-US"));
        assertThat(text(empty)).contains("Say why it is rejected");
        assertThat(app.intake().orElseThrow().review().waiting()).hasSize(1);

        ObjectNode sent = fake.modalSubmit(formId, Map.of("reason", "Only one blog says so; find a second source @everyone"),
                REVIEWER, "en-US");
        sent.set("message", fake.messageFrom(card));   // Discord names the card whose button opened the form
        Recorded no = shown(sent);
        assertThat(title(no)).isEqualTo("Rejected: Jane Q. Example");
        // the card says so and keeps only Edit (a rejected form can still be edited and sent again)
        Recorded marked = cardMarked("rejected");
        List<String> left = new ArrayList<>();
        marked.json().path("components").forEach(row -> row.path("components").forEach(b -> left.add(b.path("label").asText())));
        assertThat(left).containsExactly("Edit");
        Recorded told = fake.await(r -> r.is("POST", "/channels/" + REVIEW_CHANNEL + "/messages")
                && title(r).equals("Not approved: Jane Q. Example"), WAIT);
        assertThat(told.json().path("content").asText()).isEqualTo("<@" + AUTHOR + ">");
        assertThat(told.json().path("allowed_mentions").path("parse").size()).as("nobody is pinged").isZero();
        assertThat(text(told)).contains("Only one blog says so");

        assertThat(served("Jane Q. Example")).isFalse();
        assertThat(announced()).isEmpty();
        assertThat(data.resolve(AdditionsFile.NAME)).doesNotExist();
    }

    @Test
    void aRestartBetweenSubmitAndReviewLosesNothing() throws Exception {
        subscribe();
        Recorded card = submit("Jane Q. Example", "جين كيو إكزامبل");
        stopBot();
        startBot();
        // the card posted before the restart still works: its buttons carry the review id
        Recorded ok = clickShown(card, "Approve", REVIEWER);
        assertThat(title(ok)).isEqualTo("Approved and served: Jane Q. Example");
        // the card says so, pinging nobody, and keeps no button: no other editor acts on it
        assertThat(cardMarked("approved").json().path("components").size()).isZero();
        assertThat(served("Jane Q. Example")).isTrue();
        fake.await(r -> r.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages") && title(r).startsWith("New entry"), WAIT);
        assertThat(announced()).containsExactly("New entry, reviewed by the desk: Jane Q. Example");
    }

    @Test
    void aProposedCorrectionGoesThroughReviewAndIsAnnouncedOnceWithItsDiff() throws Exception {
        subscribe();
        Recorded editorCard = slash(AUTHOR, "who", Map.of("name", "Andrew Miller"));
        assertThat(labels(editorCard)).contains("Propose a correction");
        assertThat(labels(slash(READER, "who", Map.of("name", "Andrew Miller")))).doesNotContain("Propose a correction");
        assertThat(labels(clickShown(editorCard, "Propose a correction", READER))).isEmpty();   // refused: not an editor

        Recorded form = click(editorCard, "Propose a correction", AUTHOR);
        assertThat(form.json().path("type").asInt()).isEqualTo(9);
        JsonNode modal = form.json().path("data");
        Map<String, String> w = new LinkedHashMap<>();
        String was = null;
        for (JsonNode label : modal.path("components")) {
            JsonNode in = label.path("component");
            w.put(in.path("custom_id").asText(), in.path("value").asText());
            if (in.path("custom_id").asText().equals("title_en")) {
                was = in.path("value").asText();
            }
        }
        assertThat(w.get("name_en")).isEqualTo("Andrew Miller");
        w.put("title_en", "Deputy Assistant Secretary (corrected)");
        Recorded step1 = shown(fake.modalSubmit(modal.path("custom_id").asText(), w, AUTHOR, "en-US"));
        String next = step1.message().path("components").get(0).path("components").get(0).path("custom_id").asText();
        Recorded second = send(fake.buttonClick(fake.messageFrom(step1), next, AUTHOR, "en-US"));
        Map<String, String> y = new LinkedHashMap<>();
        second.json().path("data").path("components").forEach(l -> y.put(l.path("component").path("custom_id").asText(),
                l.path("component").path("value").asText()));
        y.put("source_url", "https://example.org/correction");
        y.put("outlet", "Example News");
        assertThat(title(shown(fake.modalSubmit(next, y, AUTHOR, "en-US")))).isEqualTo("Sent for review: Andrew Miller");

        Recorded card = reviewCard("Correction waiting for review: Andrew Miller");
        assertThat(text(card)).contains("Deputy Assistant Secretary (corrected)").contains("(was: ");
        assertThat(announced()).isEmpty();
        assertThat(text(clickShown(card, "Approve", AUTHOR))).contains("You wrote or edited this entry");
        Recorded ok = clickShown(card, "Approve", REVIEWER);
        assertThat(title(ok)).isEqualTo("Correction approved and applied: Andrew Miller");

        Recorded correction = fake.await(r -> r.is("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages")
                && title(r).startsWith("Correction"), WAIT);
        assertThat(text(correction)).contains("Title").contains("Deputy Assistant Secretary (corrected)").contains(was);
        assertThat(announced()).containsExactly("Correction: Andrew Miller");
    }

    @Test
    void anEditOpensTheFormFilledInAndSendsTheEntryBackToReview() throws Exception {
        Recorded card = submit("Jane Q. Example", "جين كيو إكزامبل");
        Recorded form = click(card, "Edit", REVIEWER);
        assertThat(form.json().path("type").asInt()).isEqualTo(9);
        JsonNode modal = form.json().path("data");
        Map<String, String> w = new LinkedHashMap<>();
        modal.path("components").forEach(l -> w.put(l.path("component").path("custom_id").asText(),
                l.path("component").path("value").asText()));
        assertThat(w).containsEntry("name_en", "Jane Q. Example").containsEntry("title_en", "Senior adviser");
        w.put("title_en", "Senior policy adviser");
        Recorded step1 = shown(fake.modalSubmit(modal.path("custom_id").asText(), w, REVIEWER, "en-US"));
        String next = step1.message().path("components").get(0).path("components").get(0).path("custom_id").asText();
        Recorded second = send(fake.buttonClick(fake.messageFrom(step1), next, REVIEWER, "en-US"));
        Map<String, String> y = new LinkedHashMap<>();
        second.json().path("data").path("components").forEach(l -> y.put(l.path("component").path("custom_id").asText(),
                l.path("component").path("value").asText()));
        assertThat(y).containsEntry("source_url", "https://example.org/2024/06/03/story");
        assertThat(title(shown(fake.modalSubmit(next, y, REVIEWER, "en-US")))).isEqualTo("Sent for review: Jane Q. Example");

        Recorded again = fake.await(r -> r.is("POST", "/channels/" + REVIEW_CHANNEL + "/messages")
                && text(r).contains("Edited and sent back for review"), WAIT);
        assertThat(text(again)).contains("Senior policy adviser");
        // who edited it is an author now: a third editor must approve it
        assertThat(text(clickShown(again, "Approve", REVIEWER))).contains("You wrote or edited this entry");
        assertThat(app.intake().orElseThrow().review().waiting()).hasSize(1);
    }

    @Test
    void pendingListsWhatWaitsOldestFirstWithAButtonToOpenEach() throws Exception {
        submit("Jane Q. Example", "جين كيو إكزامبل");
        submit("Omar Sample", "عمر سامبل");
        Recorded list = slash(REVIEWER, "pending", Map.of());
        assertThat(ephemeral(list)).isTrue();
        String body = text(list);
        assertThat(body).contains("Waiting for review: 2");
        assertThat(body.indexOf("Jane Q. Example")).isLessThan(body.indexOf("Omar Sample"));
        Recorded opened = clickShown(list, "Open: Omar Sample", REVIEWER);
        assertThat(ephemeral(opened)).isTrue();
        assertThat(title(opened)).isEqualTo("Waiting for review: Omar Sample");
        assertThat(labels(opened)).containsExactly("Approve", "Reject", "Edit");
        Recorded refused = slash(READER, "pending", Map.of());
        assertThat(text(refused)).contains("You are not allowed to use /resignations pending");
    }
}
