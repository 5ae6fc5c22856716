package org.newsdesk.resignations.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.Answer;
import org.newsdesk.resignations.discord.ComponentIds;
import org.newsdesk.resignations.discord.DiscordBot;
import org.newsdesk.resignations.discord.MessageRenderer;
import org.newsdesk.resignations.discord.DiscordOptions;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.discord.fake.Recorded;
import org.newsdesk.resignations.render.Reply;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
 *
 * <p>{@code replyCache}: "on" as shipped (a name asked again is not looked up again), "off" every
 * who is looked up and rendered. {@code -Dbench.discord.inline=false} (for {@link DiscordLatencyProbe})
 * puts every command on the worker pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class DiscordEndToEndBench {

    @Param({"on", "off"})
    public String replyCache;

    private FakeDiscord fake;
    private DiscordBot bot;

    /**
     * The trivial command: no core, a one-word reply. And, to tell transport from work, a ping
     * whose reply is a who embed rendered once in advance (same bytes on the wire, no lookup).
     */
    public static final class Ping extends ListenerAdapter {
        private final MessageCreateData canned;

        Ping(MessageCreateData canned) {
            this.canned = canned;
        }

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            if (event.getName().equals("ping")) {
                event.reply("pong").setAllowedMentions(List.of()).queue();
            } else if (event.getName().equals("pingembed")) {
                event.reply(canned).queue();
            }
        }
    }

    @Setup
    public void setUp() throws Exception {
        fake = FakeDiscord.start();
        fake.keepRecords(false);
        Application app = Application.standalone(DatasetLoader.standard().loadBundled(), Lang.EN);
        DiscordOptions options = DiscordOptions.defaults()
                .withEndpoints(java.util.Optional.of(fake.restUrl()), java.util.Optional.of(fake.gatewayUrl()))
                .withCompression(false)
                .withGuilds(List.of(FakeDiscord.GUILD_ID))
                .withExtraListener(new Ping(canned(app)), Set.of("ping", "pingembed"));
        if (!Boolean.parseBoolean(System.getProperty("bench.discord.inline", "true"))) {
            options = options.withInline(Set.of());   // every command through the worker pool, for comparison
        }
        if ("off".equals(replyCache) || !Boolean.parseBoolean(System.getProperty("bench.discord.cache", "true"))) {
            options = options.withReplyCache(0);      // every who looked up and rendered again
        }
        bot = DiscordBot.start(app.discord(), "bench-token", options);
    }

    private static MessageCreateData canned(Application app) {
        Reply who = app.router().handle(new CommandRequest("resignations", "who", Map.of("name", "Andrew Miller")),
                RequestContext.CONSOLE);
        return new MessageRenderer(app.templates(), new ComponentIds()).create(Answer.fresh(who, Lang.EN));
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

    /** Transport of a who-sized embed with no work: the floor under {@link #who()}. */
    @Benchmark
    public Recorded pingEmbed() throws Exception {
        return roundTrip("pingembed", null, Map.of());
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
