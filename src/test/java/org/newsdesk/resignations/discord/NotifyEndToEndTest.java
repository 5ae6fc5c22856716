package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.fake.Canned;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.sourcing.DatasetWatcher;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.notify.Delivery;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;

/**
 * Notifications through the real JDA client against the fake Discord: subscribe with the slash
 * command, change the dataset file (replaced by rename, as editors do), see one message per
 * subscribed channel; a restart sends nothing twice; a 5xx is retried, a 403 disables the
 * subscription and tells the admin channel; what was queued while the bot was down goes out
 * when it comes back.
 */
class NotifyEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final long OTHER_CHANNEL = 900000000000000201L;
    static final long ADMIN_CHANNEL = 900000000000000299L;
    static final String ID = "andrew-miller";

    @RegisterExtension
    final FakeDiscordExtension discord = new FakeDiscordExtension();

    @TempDir
    Path dir;
    Path file;
    FakeDiscord fake;

    /** One run of the bot, as Main wires it. */
    final class Instance implements AutoCloseable {
        final Notifier notifier;
        final Application app;
        final DatasetWatcher watcher;
        final DiscordBot bot;

        Instance() throws Exception {
            DatasetLoader loader = DatasetLoader.standard();
            notifier = new Notifier(Store.open(dir.resolve("data")), Templates.bundled(), new EntryCodec(loader.mapper()),
                    Lang.EN, Optional.of(ADMIN_CHANNEL), Clock.systemUTC(),
                    new Delivery.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
            var snapshot = loader.load(file);
            app = new Application(snapshot, Application.Setup.standalone(Lang.EN).reloading(Optional.of(() -> loader.load(file)), Optional.of(notifier)));
            notifier.datasetChanged(snapshot);
            watcher = DatasetWatcher.start(List.of(file), app::reload, Duration.ofMillis(100));
            bot = DiscordBot.start(app.discord(), "fake-token", TestBots.against(fake));
        }

        @Override
        public void close() {
            bot.close();
            watcher.close();
            notifier.close();
        }
    }

    @BeforeEach
    void start() throws Exception {
        fake = discord.fake();
        file = dir.resolve("resignations.json");
        Files.write(file, Datasets.bytes(Datasets.without(ID)));
    }

    /** Writes a new version next to the file and renames it over the old one. */
    void replaceDataset(ObjectNode root) throws IOException {
        Path tmp = dir.resolve("resignations.json.tmp");
        Files.write(tmp, Datasets.bytes(root));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Recorded run(String command, String sub, Map<String, String> options) throws InterruptedException {
        ObjectNode i = fake.interaction(2, FakeDiscord.OWNER_ID, "en-US", fake.command(command, sub, options, null));
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    static String text(Recorded callback) {
        return callback.json().path("data").path("embeds").get(0).path("description").asText();
    }

    List<Recorded> postsTo(long channel) {
        return fake.requests().stream().filter(r -> r.is("POST", "/channels/" + channel + "/messages")).toList();
    }

    Recorded awaitPost(long channel, int nth) throws InterruptedException {
        return fake.await(r -> postsTo(channel).size() >= nth, WAIT);
    }

    /**
     * Proves that nothing more was sent to {@code channel} without waiting for nothing: a test
     * message queued now goes out after everything queued before it (the outbox is sent in order),
     * so once it arrives, the posts before it are all there are.
     */
    List<Recorded> postsUpToATestMessage(long channel) throws InterruptedException {
        int before = postsTo(channel).size();
        run("notify", "test", Map.of("channel", Long.toString(channel)));
        awaitPost(channel, before + 1);
        List<Recorded> posts = postsTo(channel);
        assertThat(posts).as("the test message is the next thing the channel received").hasSize(before + 1);
        assertThat(posts.get(before).json().path("embeds").get(0).path("title").asText()).isEqualTo("Test message");
        return posts.subList(0, before);
    }

    @Test
    void oneMessagePerSubscribedChannelAndNoneTwiceAfterARestart() throws Exception {
        try (Instance bot = new Instance()) {
            assertThat(text(run("notify", "subscribe", Map.of()))).contains("<#" + FakeDiscord.CHANNEL_ID + ">");
            assertThat(text(run("notify", "subscribe", Map.of("channel", Long.toString(OTHER_CHANNEL), "corrections", "false"))))
                    .contains("<#" + OTHER_CHANNEL + ">").contains("no corrections");
            assertThat(postsTo(FakeDiscord.CHANNEL_ID)).isEmpty();    // the baseline told nobody

            replaceDataset(Datasets.bundled());
            awaitPost(FakeDiscord.CHANNEL_ID, 1);
            awaitPost(OTHER_CHANNEL, 1);
            assertThat(text(run("notify", "status", Map.of()))).contains("<#" + FakeDiscord.CHANNEL_ID + ">: on")
                    .containsPattern("last message \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
            assertThat(postsUpToATestMessage(FakeDiscord.CHANNEL_ID)).hasSize(1);
            assertThat(postsUpToATestMessage(OTHER_CHANNEL)).hasSize(1);
            Recorded m = postsTo(FakeDiscord.CHANNEL_ID).get(0);
            assertThat(m.json().path("embeds").get(0).path("title").asText()).isEqualTo("New entry: Andrew Miller");
            assertThat(m.json().path("allowed_mentions").path("parse").size()).isZero();
            assertThat(m.json().path("nonce").asText()).hasSize(20);
            assertThat(m.json().path("enforce_nonce").asBoolean()).isTrue();
            assertThat(postsTo(OTHER_CHANNEL).get(0).json().path("nonce").asText()).isNotEqualTo(m.json().path("nonce").asText());

            // a correction goes only where corrections were asked for; a 502 first is retried
            fake.failNext("POST", "/channels/" + FakeDiscord.CHANNEL_ID + "/messages", Canned.serverError());
            replaceDataset(Datasets.changed(ID, Datasets.title("Deputy Assistant Secretary", "نائب مساعد الوزير")));
            awaitPost(FakeDiscord.CHANNEL_ID, 4);
            // (posts 0 and 1: the new entry and the test message)
            List<Recorded> posts = postsUpToATestMessage(FakeDiscord.CHANNEL_ID);
            assertThat(posts).hasSize(4);
            assertThat(posts.get(3).json().path("nonce").asText()).isEqualTo(posts.get(2).json().path("nonce").asText());
            assertThat(posts.get(3).json().path("embeds").get(0).path("title").asText()).isEqualTo("Correction: Andrew Miller");
            assertThat(postsUpToATestMessage(OTHER_CHANNEL)).hasSize(2);   // the new entry and the first test message
            // the last test message was received; its row is marked once Discord's answer is read
            await().atMost(WAIT).until(() -> bot.notifier.store().outboxCounts().getOrDefault(Outbox.State.DELIVERED, 0) == 7);

            // a message that got through although the bot was told it failed: the retry carries the
            // same nonce, and Discord (here the fake) answers with the message already created
            fake.failNextAfterCreating("/channels/" + FakeDiscord.CHANNEL_ID + "/messages", Canned.serverError());
            replaceDataset(Datasets.changed(ID, Datasets.title("Deputy Assistant Secretary of State", "نائب مساعد وزير الخارجية")));
            awaitPost(FakeDiscord.CHANNEL_ID, 7);
            await().atMost(WAIT).until(() -> bot.notifier.store().outboxCounts().getOrDefault(Outbox.State.DELIVERED, 0) == 8);
            List<Recorded> posts2 = postsTo(FakeDiscord.CHANNEL_ID);
            assertThat(posts2.get(6).json().path("nonce").asText()).isEqualTo(posts2.get(5).json().path("nonce").asText());
            // new, test, correction, test, correction (the one that got through and its retry are one message)
            assertThat(fake.createdMessages(FakeDiscord.CHANNEL_ID)).hasSize(5);
        }
        int before = fake.requests().size();
        try (Instance again = new Instance()) {
            // a restart sends nothing again: the next post is the test message asked for now
            int posted = postsTo(FakeDiscord.CHANNEL_ID).size();
            run("notify", "test", Map.of());
            awaitPost(FakeDiscord.CHANNEL_ID, posted + 1);
            assertThat(fake.requests().subList(before, fake.requests().size()))
                    .filteredOn(r -> r.is("POST", "/channels/\\d+/messages")).singleElement()
                    .satisfies(r -> assertThat(r.json().path("embeds").get(0).path("title").asText()).isEqualTo("Test message"));
        }
    }

    @Test
    void anEntryTakenOutOfTheDatasetIsAnnouncedAsWithdrawn() throws Exception {
        replaceDataset(Datasets.bundled());   // the baseline includes the entry
        try (Instance bot = new Instance()) {
            run("notify", "subscribe", Map.of("corrections", "false"));
            replaceDataset(Datasets.without(ID));
            Recorded m = awaitPost(FakeDiscord.CHANNEL_ID, 1);
            Recorded post = postsTo(FakeDiscord.CHANNEL_ID).get(0);
            assertThat(post.json().path("embeds").get(0).path("title").asText()).isEqualTo("Withdrawn: Andrew Miller");
            assertThat(post.json().path("allowed_mentions").path("parse").size()).isZero();
        }
    }

    @Test
    void a403DisablesTheSubscriptionAndTellsTheAdminChannel() throws Exception {
        try (Instance bot = new Instance()) {
            run("notify", "subscribe", Map.of("channel", Long.toString(OTHER_CHANNEL)));
            fake.failNext("POST", "/channels/" + OTHER_CHANNEL + "/messages", Canned.forbidden());
            replaceDataset(Datasets.bundled());
            Recorded note = fake.await(r -> r.is("POST", "/channels/" + ADMIN_CHANNEL + "/messages"), WAIT);
            assertThat(note.json().path("embeds").get(0).path("description").asText())
                    .contains("<#" + OTHER_CHANNEL + ">").contains("403");
            assertThat(bot.notifier.store().subscription(OTHER_CHANNEL).orElseThrow().active()).isFalse();
            assertThat(text(run("notify", "status", Map.of()))).contains("off: missing access (403)");
        }
    }

    @Test
    void whatChangedWhileTheBotWasDownIsSentWhenItComesBack() throws Exception {
        try (Instance bot = new Instance()) {
            run("notify", "subscribe", Map.of());
        }
        replaceDataset(Datasets.bundled());        // nobody is watching
        try (Instance again = new Instance()) {
            Recorded m = awaitPost(FakeDiscord.CHANNEL_ID, 1);
            assertThat(postsTo(FakeDiscord.CHANNEL_ID).get(0).json().path("embeds").get(0).path("title").asText())
                    .isEqualTo("New entry: Andrew Miller");
        }
    }

    @Test
    void aCrashBetweenTheEventAndItsDeliveryLosesNothingAndDuplicatesNothing() throws Exception {
        try (Instance bot = new Instance()) {
            run("notify", "subscribe", Map.of());
            run("notify", "subscribe", Map.of("channel", Long.toString(OTHER_CHANNEL)));
        }
        // a process that recorded the change and claimed the messages, then died before sending
        DatasetLoader loader = DatasetLoader.standard();
        replaceDataset(Datasets.bundled());
        List<Outbox.Claimed> claimed;
        try (Notifier dying = new Notifier(Store.open(dir.resolve("data")), Templates.bundled(), new EntryCodec(loader.mapper()),
                Lang.EN, Optional.of(ADMIN_CHANNEL), Clock.systemUTC())) {
            assertThat(dying.datasetChanged(loader.load(file)).queued()).isEqualTo(2);
            claimed = dying.store().claimDue(Long.MAX_VALUE, 10);
        }
        try (Instance again = new Instance()) {
            awaitPost(FakeDiscord.CHANNEL_ID, 1);
            awaitPost(OTHER_CHANNEL, 1);
            assertThat(postsUpToATestMessage(OTHER_CHANNEL)).hasSize(1);
            assertThat(text(run("notify", "status", Map.of()))).contains("<#" + FakeDiscord.CHANNEL_ID + ">: on")
                    .containsPattern("last message \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
            // sent with the nonces of the lost attempts: Discord would return a message already created
            assertThat(postsTo(FakeDiscord.CHANNEL_ID).get(0).json().path("nonce").asText()).isEqualTo(claimed.get(0).nonce());
            assertThat(postsTo(OTHER_CHANNEL).get(0).json().path("nonce").asText()).isEqualTo(claimed.get(1).nonce());

            // and /notify test reaches the channel in the server's language
            run("settings", "language", Map.of("language", "ar"));
            assertThat(text(run("notify", "test", Map.of()))).contains("<#" + FakeDiscord.CHANNEL_ID + ">");
            Recorded test = awaitPost(FakeDiscord.CHANNEL_ID, 2);
            // the next thing the channel received after the one delivery: nothing went out twice
            assertThat(postsTo(FakeDiscord.CHANNEL_ID)).hasSize(2);
            assertThat(postsTo(FakeDiscord.CHANNEL_ID).get(1).json().path("embeds").get(0).path("title").asText())
                    .isEqualTo("رسالة تجريبية");
        }
    }

    @Test
    void aBadFileChangesNothingAndTheAdminsAreToldWhy() throws Exception {
        try (Instance bot = new Instance()) {
            String version = bot.app.snapshot().version();
            Files.writeString(file, "{\"entries\": [");
            Recorded note = fake.await(r -> r.is("POST", "/channels/" + ADMIN_CHANNEL + "/messages"), WAIT);
            assertThat(note.json().path("embeds").get(0).path("description").asText()).contains("resignations.json");
            assertThat(bot.app.snapshot().version()).isEqualTo(version);
            assertThat(text(run("settings", "language", Map.of("language", "ar")))).isEqualTo("لغة هذا الخادم الآن العربية.");
        }
    }
}
