package org.newsdesk.resignations.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.ops.GatewayStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot: one JDA client with no privileged intent and no cache beyond the servers and their
 * roles (JDA always asks for GUILDS, non-privileged: per-server registration, role checks), answering interactions through
 * the {@link InteractionService}. Commands are registered with one bulk overwrite at start-up.
 * It tells the operator's readiness and metrics its gateway state ({@link GatewayStatus}) and
 * every 429 Discord answers ({@link DiscordOptions#rateLimited}).
 */
public final class DiscordBot implements AutoCloseable, GatewayStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /** Work waiting for a worker beyond this is answered "busy" at once instead of late. */
    static final int QUEUE = 1_000;

    private final JDA jda;
    private final InteractionService service;
    private final CommandDefinitions definitions;
    private final BotCore core;
    private volatile boolean closed;

    private DiscordBot(JDA jda, InteractionService service, CommandDefinitions definitions, BotCore core) {
        this.jda = jda;
        this.service = service;
        this.definitions = definitions;
        this.core = core;
    }

    /**
     * Connects, waits until the servers are loaded and registers the commands.
     *
     * @throws StartFailure when Discord refuses the token or cannot be reached
     */
    public static DiscordBot start(BotCore core, String token, DiscordOptions options) throws InterruptedException, StartFailure {
        ComponentIds ids = new ComponentIds();
        MessageRenderer renderer = new MessageRenderer(core.templates(), ids);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor workers = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), named("discord-worker"));
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(named("discord-defer"));
        InteractionService service = new InteractionService(core.speech(), core.commands(), renderer, ids, workers, timers, options.deferAfter(), options.inline(), options.replyCache());
        // one listener routes every interaction: commands, the fact-check menu, the add form
        AddEntryFlow addEntry = new AddEntryFlow(core.speech(), core.intake(), renderer, service);
        InteractionListener listener = new InteractionListener(service, ids,
                new FactCheckMenu(core.speech(), service, core.factcheck(), core.templates(), renderer), addEntry,
                new ReviewFlow(core.speech(), core.intake(), renderer, service, addEntry, core.templates()),
                renderer, core.speech().replies(), core.speech().fallback(), options.leaveAlone(), options.editorRole(),
                options.guilds());

        List<Object> listeners = new ArrayList<>();
        listeners.add(listener);
        listeners.addAll(options.extraListeners());
        JDABuilder builder = JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setCompression(options.compressGateway() ? Compression.ZLIB : Compression.NONE)
                .setEnableShutdownHook(false)
                .setHttpClientBuilder(httpClient(options.rateLimited()))
                .addEventListeners(listeners.toArray());
        options.apiBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        options.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url)));
        JDA jda;
        try {
            jda = builder.build();
            jda.awaitReady();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            timers.shutdownNow();
            throw e;
        } catch (RuntimeException e) {
            workers.shutdownNow();
            timers.shutdownNow();
            throw StartFailure.of(e);
        }
        DiscordBot bot = new DiscordBot(jda, service, new CommandDefinitions(core.commands().catalog(), core.templates()), core);
        bot.register(options.guilds());
        // entries sent for review are posted where the desk reviews them
        options.reviewChannel().ifPresent(channel -> core.intake().ifPresent(i ->
                i.review().channel(new JdaReviewChannel(jda, channel, renderer, core.templates()))));
        // notifications: what a previous run missed or left in flight goes out first, oldest first
        core.notifier().ifPresent(n -> {
            n.channelCheck(new JdaChannelCheck(jda));
            n.startDelivery(new JdaChannelSender(jda, renderer));
        });
        // the first chart after a start loads fonts and classes (0.5-1 s): draw them now, in the
        // background, so that no /timeline or /stats waits for it
        workers.execute(() -> {
            try {
                core.warmUp().run();
                LOG.info("Charts drawn in advance");
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("Could not draw the charts in advance; they are drawn when first asked for", e);
            }
        });
        LOG.info("Connected to Discord as {} in {} server(s)", jda.getSelfUser().getName(), jda.getGuilds().size());
        return bot;
    }

    /** One bulk overwrite per place: globally, or in each configured server (instant). */
    void register(List<Long> guilds) {
        List<CommandData> commands = definitions.withMenus();
        if (guilds.isEmpty()) {
            overwrite("globally", () -> jda.updateCommands().addCommands(commands).submit(), commands.size());
            return;
        }
        for (long id : guilds) {
            Guild guild = jda.getGuildById(id);
            if (guild == null) {
                LOG.warn("Commands not registered in server {}: the bot is not a member of it. Invite it there first.", id);
                continue;
            }
            overwrite("in server " + id, () -> guild.updateCommands().addCommands(commands).submit(), commands.size());
        }
    }

    private static void overwrite(String where, Supplier<CompletableFuture<?>> put, int n) {
        try {
            put.get().get(30, TimeUnit.SECONDS);
            LOG.info("Registered {} command(s) {}", n, where);
        } catch (Exception e) {
            LOG.error("ref {}: registering the commands {} failed; the bot keeps answering the ones Discord already has",
                    Refs.next(), where, e);
        }
    }

    public JDA jda() {
        return jda;
    }

    /**
     * Blocks until the client has shut down: after {@link #close()} (e.g. on SIGTERM), or because
     * Discord ended the session for good (token reset, intents refused).
     *
     * @return true when the shutdown was asked for, false when Discord ended it
     */
    public boolean awaitShutdown() throws InterruptedException {
        jda.awaitShutdown();
        return closed;
    }

    /**
     * Clean shutdown: work under way is finished and answered, then the gateway is closed and
     * the remaining requests are sent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            service.shutdown(Duration.ofSeconds(5));
            core.notifier().ifPresent(Notifier::stopDelivery);
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Disconnected from Discord");
    }

    /**
     * JDA's own settings (25 parallel requests, 5 idle connections), with Nagle's algorithm off,
     * and every 429 told to {@code rateLimited} (JDA's rate limiter waits and retries them itself).
     */
    private static OkHttpClient.Builder httpClient(Consumer<String> rateLimited) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(25);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(5, 10, TimeUnit.SECONDS))
                .dispatcher(dispatcher)
                .socketFactory(new NoDelaySockets())
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    if (response.code() == 429) {
                        String scope = response.header("X-RateLimit-Scope");
                        try {
                            rateLimited.accept(scope == null ? "" : scope);
                        } catch (RuntimeException e) {
                            LOG.warn("Could not count a 429 ({})", e.toString());
                        }
                    }
                    return response;
                });
    }

    /** The one shard this client holds (JDA without a shard manager: shard 0 of 1). */
    @Override
    public List<GatewayStatus.Shard> shards() {
        JDA.ShardInfo info = jda.getShardInfo();
        JDA.Status status = jda.getStatus();
        return List.of(new GatewayStatus.Shard(info.getShardId(), info.getShardTotal(), status == JDA.Status.CONNECTED,
                status.name(), jda.getGatewayPing()));
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Uses the configured gateway URL instead of asking Discord for it. */
    static final class FixedGateway extends ConcurrentSessionController {
        private final String url;

        FixedGateway(String url) {
            this.url = url;
        }

        @Override
        public String getGateway() {
            return url;
        }
    }
}
