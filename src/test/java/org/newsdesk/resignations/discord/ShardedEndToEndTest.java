package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.ops.GatewayStatus;
import org.newsdesk.resignations.discord.fake.Recorded;

/**
 * The bot through JDA's shard manager against a fake Discord with two shards: one process runs
 * every shard Discord recommends, or only the ones it is given; each shard's session carries its
 * own servers, and an interaction is answered by the process holding its server's shard.
 */
class ShardedEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final long ON_0 = FakeDiscord.guildOnShard(0, 2, 1);
    static final long ON_1 = FakeDiscord.guildOnShard(1, 2, 1);
    static final long CHANNEL_0 = 900000000000000210L;
    static final long CHANNEL_1 = 900000000000000211L;

    @RegisterExtension
    final FakeDiscordExtension discord = new FakeDiscordExtension();

    FakeDiscord twoShards() {
        FakeDiscord fake = discord.fake();
        fake.recommendShards(2);
        fake.setGuilds(Map.of(ON_0, List.of(CHANNEL_0), ON_1, List.of(CHANNEL_1)));
        return fake;
    }

    static List<Long> guilds(JDA jda) {
        return jda.getGuilds().stream().map(Guild::getIdLong).toList();
    }

    Recorded who(FakeDiscord fake, long guild, long channel) throws InterruptedException {
        ObjectNode i = fake.interaction(guild, channel, 2, FakeDiscord.REPORTER_ID, "en-US",
                fake.command("resignations", "who", Map.of("name", "Josh Paul"), null));
        fake.interact(i);
        return fake.awaitCallback(i.get("id").asLong(), WAIT);
    }

    @Test
    void oneProcessRunsEveryShardDiscordRecommends() throws Exception {
        FakeDiscord fake = twoShards();
        assertThat(ShardPlan.shardOf(ON_0, 2)).isZero();
        assertThat(ShardPlan.shardOf(ON_1, 2)).isEqualTo(1);
        DiscordBot bot = discord.start(TestBots.app().discord(), TestBots.against(fake).withGuilds(List.of(ON_0, ON_1)));
        assertThat(bot.shardsTotal()).isEqualTo(2);
        assertThat(bot.shardIds()).containsExactlyInAnyOrder(0, 1);
        assertThat(fake.identifiedShards()).isEqualTo(Map.of(0, 1, 1, 1));
        assertThat(fake.requests()).anyMatch(r -> r.is("GET", "/gateway/bot"));
        assertThat(guilds(bot.clients().get(0))).containsExactly(ON_0);
        assertThat(guilds(bot.clients().get(1))).containsExactly(ON_1);
        assertThat(bot.shards()).extracting(GatewayStatus.Shard::id, GatewayStatus.Shard::total,
                GatewayStatus.Shard::connected).containsExactly(tuple(0, 2, true), tuple(1, 2, true));
        fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_0 + "/commands"), WAIT);
        fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_1 + "/commands"), WAIT);
        // answered in both servers, each through its own shard's session
        assertThat(who(fake, ON_0, CHANNEL_0).json().path("data").path("embeds").get(0).path("title").asText()).startsWith("Josh Paul");
        assertThat(who(fake, ON_1, CHANNEL_1).json().path("data").path("embeds").get(0).path("title").asText()).startsWith("Josh Paul");
    }

    @Test
    void aProcessGivenShardIdsRunsThoseOnlyAndRegistersInTheirServers() throws Exception {
        FakeDiscord fake = twoShards();
        DiscordBot bot = discord.start(TestBots.app().discord(), TestBots.against(fake).withGuilds(List.of(ON_0, ON_1))
                .withShards(new ShardPlan(Optional.of(2), Set.of(1))));
        assertThat(bot.shardIds()).containsExactly(1);
        assertThat(bot.clients()).hasSize(1);
        assertThat(guilds(bot.jda())).containsExactly(ON_1);
        assertThat(fake.identifiedShards()).isEqualTo(Map.of(1, 1));
        fake.await(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_1 + "/commands"), WAIT);
        assertThat(who(fake, ON_1, CHANNEL_1).json().path("data").path("embeds").get(0).path("title").asText()).startsWith("Josh Paul");
        // the other server's commands are left to the process holding shard 0 (registration ran before the answer above)
        assertThat(fake.requests()).noneMatch(r -> r.is("PUT", "/applications/\\d+/guilds/" + ON_0 + "/commands"));
    }
}
