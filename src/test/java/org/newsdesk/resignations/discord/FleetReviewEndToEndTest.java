package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * The review flow across a fleet: two {@code run} processes, shards 0 and 1 of 2, on one
 * PostgreSQL database. An editor fills the add form in the server of shard 0; the review channel
 * is in the server of shard 1, so the other process shows the card's entry to an editor's who and
 * takes the approval; then both processes serve the entry, and each subscribed channel, one per
 * process, hears of it once. Nothing is written to either process's data directory.
 */
class FleetReviewEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final long ON_0 = FakeDiscord.guildOnShard(0, 2, 7);
    static final long ON_1 = FakeDiscord.guildOnShard(1, 2, 7);
    static final long NEWSROOM_0 = 930000000000000001L;
    static final long NEWSROOM_1 = 940000000000000001L;
    static final long REVIEW = 940000000000000002L;
    static final long AUTHOR = FakeDiscord.EDITOR_ID;
    static final long REVIEWER = FakeDiscord.OWNER_ID;
    static final long READER = FakeDiscord.REPORTER_ID;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    FakeDiscord fake;

    Process start(TestDatabases.Target db, Path dir, Path dataset, int shard) throws Exception {
        ProcessBuilder pb = TestBots.fleetMember(fake, db.url(), dir, dataset, shard, dir.resolve("p" + shard + ".log"), ON_0, ON_1);
        pb.environment().put("DISCORD_EDITOR_ROLE", Long.toString(FakeDiscord.EDITOR_ROLE_ID));
        pb.environment().put("BOT_REVIEW_CHANNEL", Long.toString(REVIEW));
        return pb.start();
    }

    /** The message the user ends up seeing: the callback's, or what replaced a deferred one. */
    Recorded shown(ObjectNode interaction) throws InterruptedException {
        fake.interact(interaction);
        Recorded cb = fake.awaitCallback(interaction.get("id").asLong(), WAIT);
        if (cb.json().path("type").asInt() == 5) {
            String token = interaction.get("token").asText();
            return fake.await(r -> r.carriesMessage() && r.path().matches("/webhooks/\\d+/" + token + "(/messages/@original)?"), WAIT);
        }
        return cb;
    }

    Recorded slash(long guild, long channel, long user, String command, String sub, Map<String, String> options)
            throws InterruptedException {
        return shown(fake.interaction(guild, channel, 2, user, "en-US", fake.command(command, sub, options, null)));
    }

    static String title(JsonNode message) {
        return message.path("embeds").path(0).path("title").asText();
    }

    boolean served(long guild, long channel, String name) throws InterruptedException {
        return ReviewEndToEndTest.title(slash(guild, channel, READER, "resignations", "who", Map.of("name", name))).contains(name);
    }

    /** What a subscribed channel heard, once a /notify test queued now has arrived after it. */
    List<String> heard(long guild, long channel) throws InterruptedException {
        slash(guild, channel, REVIEWER, "notify", "test", Map.of());
        await().atMost(WAIT).until(() -> fake.createdMessages(channel).stream().anyMatch(m -> title(m).startsWith("Test")));
        return fake.createdMessages(channel).stream().map(FleetReviewEndToEndTest::title).filter(t -> !t.startsWith("Test")).toList();
    }

    @Test
    void anEntryAddedThroughOneProcessIsReviewedThroughTheOtherAndServedAndAnnouncedByBoth(@TempDir Path dir)
            throws Exception {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        Path dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        try (FakeDiscord f = FakeDiscord.start()) {
            fake = f;
            Map<Long, List<Long>> guilds = new LinkedHashMap<>();
            guilds.put(ON_0, List.of(NEWSROOM_0));
            guilds.put(ON_1, List.of(NEWSROOM_1, REVIEW));
            fake.setGuilds(guilds);
            List<Process> running = new ArrayList<>();
            try {
                running.add(start(db, dir, dataset, 0));
                running.add(start(db, dir, dataset, 1));
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_0 + "/commands"), WAIT);
                fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_1 + "/commands"), WAIT);
                slash(ON_0, NEWSROOM_0, REVIEWER, "notify", "subscribe", Map.of());
                slash(ON_1, NEWSROOM_1, REVIEWER, "notify", "subscribe", Map.of());

                // the form, in the server of shard 0: its process keeps the entry as pending, in the database
                fake.interact(fake.interaction(ON_0, NEWSROOM_0, 2, AUTHOR, "en-US",
                        fake.command("resignations", "add", Map.of("departure", "resigned"), null)));
                Recorded form = fake.await(r -> r.path().matches("/interactions/\\d+/.+/callback")
                        && r.json().path("type").asInt() == 9, WAIT);
                String first = form.json().path("data").path("custom_id").asText();
                Recorded step1 = shown(fake.in(ON_0, NEWSROOM_0, fake.modalSubmit(first, ReviewEndToEndTest.who("Jane Q. Example", "جين كيو إكزامبل"), AUTHOR, "en-US")));
                String next = step1.message().path("components").get(0).path("components").get(0).path("custom_id").asText();
                Recorded sent = shown(fake.in(ON_0, NEWSROOM_0, fake.modalSubmit(next, ReviewEndToEndTest.why(), AUTHOR, "en-US")));
                assertThat(ReviewEndToEndTest.title(sent)).isEqualTo("Sent for review: Jane Q. Example");
                Recorded card = fake.await(r -> r.is("POST", "/channels/" + REVIEW + "/messages")
                        && ReviewEndToEndTest.title(r).equals("Waiting for review: Jane Q. Example"), WAIT);

                // the process of shard 1 sees it waiting: an editor's who there finds it, marked
                Recorded editorWho = slash(ON_1, NEWSROOM_1, AUTHOR, "resignations", "who", Map.of("name", "Jane Example"));
                assertThat(ReviewEndToEndTest.text(editorWho)).contains("Pending review: Jane Q. Example");
                assertThat(served(ON_0, NEWSROOM_0, "Jane Q. Example")).isFalse();

                // the second editor approves in the review channel, in the server of shard 1
                Recorded ok = shown(fake.in(ON_1, REVIEW, fake.buttonClick(fake.messageFrom(card), ReviewEndToEndTest.button(card, "Approve"),
                        REVIEWER, "en-US")));
                assertThat(ReviewEndToEndTest.title(ok)).isEqualTo("Approved and served: Jane Q. Example");
                assertThat(served(ON_1, NEWSROOM_1, "Jane Q. Example")).isTrue();
                // the process of shard 0 follows the fleet's reload (it polls every 2 s)
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> served(ON_0, NEWSROOM_0, "Jane Q. Example"));

                // each subscribed channel, one per process, hears of it once
                for (long[] where : new long[][] {{ON_0, NEWSROOM_0}, {ON_1, NEWSROOM_1}}) {
                    await().atMost(WAIT).until(() -> fake.createdMessages(where[1]).stream()
                            .anyMatch(m -> title(m).startsWith("New entry")));
                    assertThat(heard(where[0], where[1])).as("channel %d", where[1])
                            .containsExactly("New entry, reviewed by the desk: Jane Q. Example");
                }
                // the editors' files are in the database, not in either process's data directory
                for (int shard = 0; shard < 2; shard++) {
                    Path data = dir.resolve("p" + shard).resolve("data");
                    assertThat(data.resolve("additions.json")).doesNotExist();
                    assertThat(data.resolve("pending.json")).doesNotExist();
                }
            } finally {
                TestBots.stop(running);
            }
        }
    }
}
