package org.newsdesk.resignations.discord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
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
 * The bot: JDA's shard manager running this process's shards (all of them by default; see
 * {@link ShardPlan}), each a client with no privileged intent and no cache beyond the servers and their
 * roles (JDA always asks for GUILDS, non-privileged: per-server registration, role checks), answering interactions through
 * the {@link InteractionService}. Commands are registered with one bulk overwrite at start-up.
 * It tells the operator's readiness and metrics its gateway state ({@link GatewayStatus}) and
 * every 429 Discord answers ({@link DiscordOptions#rateLimited}).
 */
public final class DiscordBot implements AutoCloseable, GatewayStatus {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /** Work waiting for a worker beyond this is answered "busy" at once instead of late. */
    static final int QUEUE = 1_000;

    /** How long the shards may take to connect, all together. */
    static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final ShardManager shards;
    private final List<JDA> clients;
    private final int total;
    private final Set<Integer> mine;
    private final InteractionService service;
    private final CommandDefinitions definitions;
    private final BotCore core;
    private volatile boolean closed;

    private DiscordBot(ShardManager shards, List<JDA> clients, int total, Set<Integer> mine, InteractionService service,
                       CommandDefinitions definitions, BotCore core) {
        this.shards = shards;
        this.clients = clients;
        this.total = total;
        this.mine = mine;
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
        ShardPlan plan = options.shards();
        // the light settings of JDABuilder.createLight, for every shard: no intent, no member cache, no chunking
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setCompression(options.compressGateway() ? Compression.ZLIB : Compression.NONE)
                .setEnableShutdownHook(false)
                .setHttpClientBuilder(httpClient(options.rateLimited()))
                .setShardsTotal(plan.total().orElse(-1))
                .addEventListeners(listeners.toArray());
        if (!plan.ids().isEmpty()) {
            builder.setShards(plan.ids());
        }
        options.apiBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        options.gatewayUrl().ifPresent(url -> builder.setSessionController(new FixedGateway(url)));
        ShardManager shards;
        List<JDA> clients;
        try {
            shards = builder.build();
        } catch (RuntimeException e) {
            workers.shutdownNow();
            timers.shutdownNow();
            throw StartFailure.of(e);
        }
        try {
            clients = awaitReady(shards, plan.idsOf(shards.getShardsTotal()));
        } catch (InterruptedException e) {
            shutdownNow(shards);
            workers.shutdownNow();
            timers.shutdownNow();
            throw e;
        } catch (RuntimeException e) {
            shutdownNow(shards);
            workers.shutdownNow();
            timers.shutdownNow();
            throw StartFailure.of(e);
        }
        int total = shards.getShardsTotal();
        Set<Integer> mine = plan.idsOf(total);
        DiscordBot bot = new DiscordBot(shards, clients, total, mine, service,
                new CommandDefinitions(core.commands().catalog(), core.templates()), core);
        bot.register(options.guilds());
        // entries sent for review are posted where the desk reviews them
        options.reviewChannel().ifPresent(channel -> core.intake().ifPresent(i ->
                i.review().channel(new JdaReviewChannel(clients.get(0), channel, renderer, core.templates()))));
        // notifications: what a previous run missed or left in flight goes out first, oldest first;
        // only to the servers of this process's shards (all of them when it runs every shard)
        core.notifier().ifPresent(n -> {
            n.channelCheck(new JdaChannelCheck(shards));
            n.startDelivery(new JdaChannelSender(clients.get(0), renderer), total, mine, plan.ids().isEmpty());
            n.fleet().ifPresent(f -> f.join(total, mine));
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
        LOG.info("Connected to Discord as {} in {} server(s), shard(s) {} of {}", clients.get(0).getSelfUser().getName(),
                shards.getGuildCache().size(), ShardPlan.format(mine), total);
        return bot;
    }

    /**
     * Waits until every shard of this process is connected and has its servers. The shard manager
     * builds them one after another (Discord's identify limit), so a shard may not exist yet.
     */
    private static List<JDA> awaitReady(ShardManager shards, Set<Integer> ids) throws InterruptedException {
        List<JDA> out = new ArrayList<>();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        for (int id : new TreeSet<>(ids)) {
            JDA jda = shards.getShardById(id);
            while (jda == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("shard " + id + " did not start within " + READY_WITHIN.toSeconds() + " s");
                }
                Thread.sleep(20);   // the manager's queue builds it; no event tells when
                jda = shards.getShardById(id);
            }
            jda.awaitReady();
            out.add(jda);
        }
        return List.copyOf(out);
    }

    /** One bulk overwrite per place: globally, or in each configured server (instant). */
    void register(List<Long> guilds) {
        List<CommandData> commands = definitions.withMenus();
        if (guilds.isEmpty()) {
            // one process of a fleet does it (the one with shard 0): the same list, once
            if (mine.contains(0)) {
                overwrite("globally", () -> clients.get(0).updateCommands().addCommands(commands).submit(), commands.size());
            }
            return;
        }
        for (long id : guilds) {
            if (!mine.contains(ShardPlan.shardOf(id, total))) {
                continue;   // another process of the fleet holds that server's shard
            }
            Guild guild = shards.getGuildById(id);
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

    /** The client of this process's first shard (with a single shard, the only one). */
    public JDA jda() {
        return clients.get(0);
    }

    /** The client of each shard this process runs, by shard id (gateway status, tests). */
    public List<JDA> clients() {
        return clients;
    }

    /**
     * The gateway state of every shard this process runs, by shard id, without JDA's types: the
     * readiness check (ready when all are connected) and the ping metric.
     */
    @Override
    public List<GatewayStatus.Shard> shards() {
        List<GatewayStatus.Shard> out = new ArrayList<>();
        for (JDA jda : clients) {
            JDA.ShardInfo info = jda.getShardInfo();
            JDA.Status status = jda.getStatus();
            out.add(new GatewayStatus.Shard(info.getShardId(), info.getShardTotal(), status == JDA.Status.CONNECTED, status.name(),
                    jda.getGatewayPing()));
        }
        return out;
    }

    /** The number of shards of the whole bot. */
    public int shardsTotal() {
        return total;
    }

    /** The shards this process runs. */
    public Set<Integer> shardIds() {
        return mine;
    }

    /**
     * Blocks until the client has shut down: after {@link #close()} (e.g. on SIGTERM), or because
     * Discord ended the session for good (token reset, intents refused).
     *
     * @return true when the shutdown was asked for, false when Discord ended it
     */
    public boolean awaitShutdown() throws InterruptedException {
        for (JDA jda : clients) {
            jda.awaitShutdown();
        }
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
            shards.shutdown();
            for (JDA jda : clients) {
                if (!jda.awaitShutdown(Duration.ofSeconds(10))) {
                    jda.shutdownNow();
                    jda.awaitShutdown(Duration.ofSeconds(5));
                }
            }
        } catch (InterruptedException e) {
            shutdownNow(shards);
            Thread.currentThread().interrupt();
        }
        LOG.info("Disconnected from Discord");
    }

    /** Stops every shard at once, requests still queued dropped (start-up failed, or interrupted). */
    private static void shutdownNow(ShardManager shards) {
        shards.getShards().forEach(JDA::shutdownNow);
        shards.shutdown();
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

        /** The shard count and identify concurrency from Discord ({@code GET /gateway/bot}), the URL configured. */
        @Override
        public ShardedGateway getShardedGateway(JDA api) {
            ShardedGateway asked = super.getShardedGateway(api);
            return new ShardedGateway(url, asked.getShardTotal(), asked.getConcurrency());
        }
    }
}
