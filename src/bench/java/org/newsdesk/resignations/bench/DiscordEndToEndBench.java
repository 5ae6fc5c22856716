package org.newsdesk.resignations.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.DiscordBot;
import org.newsdesk.resignations.discord.DiscordOptions;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * End to end on loopback: an INTERACTION_CREATE leaves the fake Discord's gateway, the real JDA
 * client reads it, the bot answers, and the time stops when the fake's REST server has the
 * interaction callback. {@code who} (the whole bot: worker hand-off, router, lookup, rendering,
 * embed) is compared with a trivial {@code /ping} answered by a bare listener on the same JDA
 * client in the same run. Budget: median of who within 1.5× of ping's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DiscordEndToEndBench {

    private FakeDiscord fake;
    private DiscordBot bot;

    /** The trivial command: no worker, no core, a one-word reply. */
    public static final class Ping extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            if (event.getName().equals("ping")) {
                event.reply("pong").setAllowedMentions(List.of()).queue();
            }
        }
    }

    @Setup
    public void setUp() throws Exception {
        fake = FakeDiscord.start();
        fake.keepRecords(false);
        Application app = new Application(DatasetLoader.standard().loadBundled(), Lang.EN);
        DiscordOptions options = DiscordOptions.defaults()
                .withEndpoints(java.util.Optional.of(fake.restUrl()), java.util.Optional.of(fake.gatewayUrl()))
                .withCompression(false)
                .withGuilds(List.of(FakeDiscord.GUILD_ID))
                .withExtraListener(new Ping(), Set.of("ping"));
        if (!Boolean.parseBoolean(System.getProperty("bench.discord.inline", "true"))) {
            options = options.withInline(Set.of());   // every command through the worker pool, for comparison
        }
        bot = DiscordBot.start(app, "bench-token", options);
    }

    @TearDown
    public void tearDown() {
        bot.close();
        fake.close();
    }

    private Recorded roundTrip(String command, String sub, Map<String, String> options) throws Exception {
        ObjectNode i = fake.interaction(2, FakeDiscord.REPORTER_ID, "en-US", fake.command(command, sub, options, null));
        CompletableFuture<Recorded> callback = fake.expectCallback(i.get("id").asLong());
        fake.interact(i);
        return callback.get(10, TimeUnit.SECONDS);
    }

    @Benchmark
    public Recorded ping() throws Exception {
        return roundTrip("ping", null, Map.of());
    }

    @Benchmark
    public Recorded who() throws Exception {
        return roundTrip("resignations", "who", Map.of("name", "Andrew Miller"));
    }

    @Benchmark
    public Recorded whoArabic() throws Exception {
        return roundTrip("resignations", "who", Map.of("name", "ميلر"));
    }
}
