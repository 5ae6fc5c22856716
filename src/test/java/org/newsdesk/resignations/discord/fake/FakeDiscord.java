package org.newsdesk.resignations.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small fake of Discord for end-to-end tests: a REST API (JDK HttpServer) and a gateway
 * (WebSocket) on 127.0.0.1, random ports. It answers {@code GET users/@me} and {@code GET
 * gateway/bot} (a shard count, {@link #recommendShards}), sends HELLO, then READY and a
 * GUILD_CREATE per server of the shard the IDENTIFY names ({@link #setGuilds}; one server by
 * default), sends interactions on the session holding their server, records every REST call, answers the calls a bot makes
 * (command registration, interaction callbacks, webhooks, channel messages), and lets a test
 * inject any gateway event, in particular INTERACTION_CREATE, or make a call fail once
 * ({@link #failNext}) with a 429, 5xx or 403.
 *
 * <p>Payload facts that matter to JDA 6: it sends IDENTIFY without waiting for HELLO; it asks for
 * {@code compress=zlib-stream} unless built with {@code Compression.NONE} (this fake does not
 * compress: use NONE); GUILD_CREATE needs {@code afk_timeout} or the guild waits 75 s; roles need
 * a {@code colors} object; interactions need {@code context} and
 * {@code authorizing_integration_owners} or JDA drops them; permissions come from cached roles.
 */
public final class FakeDiscord implements AutoCloseable {

    public static final long BOT_ID = 900000000000000001L;
    public static final long APP_ID = BOT_ID;
    public static final long GUILD_ID = 900000000000000100L;
    public static final long CHANNEL_ID = 900000000000000200L;
    public static final long OWNER_ID = 900000000000000300L;
    public static final long REPORTER_ID = 900000000000000301L;
    public static final long OTHER_USER_ID = 900000000000000302L;
    /** A newsroom editor: an ordinary member who holds the editor role (no extra permission). */
    public static final long EDITOR_ID = 900000000000000303L;
    public static final long EDITOR_ROLE_ID = 900000000000000400L;
    public static final String ALL_PERMISSIONS = "2248473465835073";
    public static final String MEMBER_PERMISSIONS = "559623605571137";

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // answer at once on loopback: without it, Nagle's algorithm and delayed ACKs add ~40 ms
        // to some exchanges, which would swamp every latency the benchmarks measure
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final String PREFIX = "/api/v10";

    private final HttpServer rest;
    private final ExecutorService restThreads;
    private final Gateway gateway;
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> gatewayReceived = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, java.util.concurrent.CompletableFuture<Recorded>> expected = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean keepRecords = true;
    private volatile int messagesPerSecond;
    private final Map<String, ObjectNode> byNonce = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<ObjectNode> created = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failuresAfter = new ConcurrentLinkedDeque<>();
    private volatile CountDownLatch hold;
    private final Deque<Long> messageWindow = new java.util.ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger rateLimited = new java.util.concurrent.atomic.AtomicInteger();
    private final Object changed = new Object();
    private volatile boolean gatewayDown;
    /** The bot's servers, by id, with their text channels; GUILD_ID with CHANNEL_ID unless a test sets others. */
    private final Map<Long, List<Long>> guilds = new java.util.concurrent.ConcurrentSkipListMap<>(Map.of(GUILD_ID, List.of(CHANNEL_ID)));
    private volatile int recommendedShards = 1;
    /** Arrival times (System.nanoTime) of every POST channels/{id}/messages, 429s included. */
    private final List<Long> messagePosts = new CopyOnWriteArrayList<>();

    private record Failure(String method, String pathRegex, Canned response) {
    }

    private FakeDiscord() throws IOException, InterruptedException {
        rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        restThreads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        });
        rest.setExecutor(restThreads);
        rest.createContext("/", this::serve);
        rest.start();
        gateway = new Gateway();
        gateway.setReuseAddr(true);
        gateway.setTcpNoDelay(true);
        gateway.setDaemon(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("fake gateway did not start");
        }
    }

    public static FakeDiscord start() throws IOException, InterruptedException {
        return new FakeDiscord();
    }

    /** For {@code RestConfig.setBaseUrl}. */
    public String restUrl() {
        return "http://127.0.0.1:" + rest.getAddress().getPort() + PREFIX + "/";
    }

    /** For the session controller's {@code getGateway()}. */
    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    /**
     * A snowflake for now: JDA reads an interaction's age from its id and refuses to answer one
     * it believes older than 15 minutes.
     */
    public long newId() {
        long discordEpoch = 1420070400000L;
        return ((System.currentTimeMillis() - discordEpoch) << 22) | (ids.incrementAndGet() & 0x3FFFFF);
    }

    // ---- what the bot did --------------------------------------------------------------------------

    public List<Recorded> requests() {
        return List.copyOf(recorded);
    }

    public void clearRequests() {
        recorded.clear();
    }

    /** Gateway payloads the bot sent (IDENTIFY, heartbeats…). */
    public List<ObjectNode> gatewayReceived() {
        return List.copyOf(gatewayReceived);
    }

    /** Waits for the first recorded request that matches, or fails after {@code timeout}. */
    public Recorded await(Predicate<Recorded> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (changed) {
            while (true) {
                for (Recorded r : recorded) {
                    if (match.test(r)) {
                        return r;
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching request within " + timeout + "; recorded: " + recorded);
                }
                changed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Waits for the callback (POST interactions/{id}/{token}/callback) of one interaction. */
    public Recorded awaitCallback(long interactionId, Duration timeout) throws InterruptedException {
        return await(r -> r.isInteractionCallback() && r.interactionId() == interactionId, timeout);
    }

    /**
     * The callback of an interaction about to be injected, without scanning the record (for
     * benchmarks, which also turn recording off with {@link #keepRecords}).
     */
    public java.util.concurrent.CompletableFuture<Recorded> expectCallback(long interactionId) {
        return expected.computeIfAbsent(interactionId, k -> new java.util.concurrent.CompletableFuture<>());
    }

    /** Whether to keep every request (tests) or only complete {@link #expectCallback} futures (benchmarks). */
    public void keepRecords(boolean on) {
        keepRecords = on;
    }

    /** Makes the next matching call fail once with the given response. */
    public void failNext(String method, String pathRegex, Canned response) {
        failures.add(new Failure(method, pathRegex, response));
    }

    /**
     * Enforces a global limit on channel messages as Discord does (50 a second for a bot): beyond
     * {@code perSecond} in any one-second window the fake answers 429 with {@code X-RateLimit-Global}
     * and Retry-After, and counts it ({@link #rateLimitedCount}). Successful posts then carry the
     * per-channel bucket headers (5 per 5 s). 0 turns it off (the default).
     */
    public void limitChannelMessages(int perSecond) {
        messagesPerSecond = perSecond;
    }

    /**
     * Makes the next matching channel message be created, then answered with {@code response}
     * anyway: the bot cannot tell whether it got through (a timeout, a 502 from a proxy).
     */
    public void failNextAfterCreating(String pathRegex, Canned response) {
        failuresAfter.add(new Failure("POST", pathRegex, response));
    }

    /**
     * Channel messages that exist: a POST with a {@code nonce} and {@code enforce_nonce} that was
     * already used returns the message it created, as Discord does, and creates nothing.
     */
    public List<ObjectNode> createdMessages(long channelId) {
        return created.stream().filter(m -> m.path("channel_id").asText().equals(Long.toString(channelId))).toList();
    }

    /**
     * Channel messages are created but not answered until {@code release} counts down (at most
     * 60 s): the bot is caught between sending and hearing back, e.g. to be killed there.
     */
    public void holdChannelMessages(CountDownLatch release) {
        hold = release;
    }

    /** 429s given by {@link #limitChannelMessages}. */
    public int rateLimitedCount() {
        return rateLimited.get();
    }

    /**
     * Drops every gateway session (close code 4000, which a client answers by reconnecting) and
     * refuses the upgrade of each new one, until {@link #restoreGateway}: Discord's gateway unreachable.
     */
    public void dropGateway() {
        gatewayDown = true;
        for (WebSocket ws : gateway.getConnections()) {
            ws.close(4000, "fake gateway down");
        }
    }

    /** Takes sessions again after {@link #dropGateway}. */
    public void restoreGateway() {
        gatewayDown = false;
    }

    // ---- servers and shards ----------------------------------------------------------------------

    /**
     * The bot's servers from now on (sessions identifying later see them): each id with its text
     * channels. A session of shard {@code [i, n]} gets READY and GUILD_CREATE for the servers with
     * {@code (id >> 22) % n == i} only, as Discord does.
     */
    public void setGuilds(Map<Long, List<Long>> byId) {
        guilds.clear();
        byId.forEach((g, cs) -> guilds.put(g, List.copyOf(cs)));
    }

    /** The shard count {@code GET /gateway/bot} recommends (1 unless set). */
    public void recommendShards(int n) {
        recommendedShards = n;
    }

    /** A server id on shard {@code shard} of {@code total}: the {@code n}th such id (a snowflake of a past time). */
    public static long guildOnShard(int shard, int total, int n) {
        long base = 900000000000000100L >>> 22;
        long k = base + n * (long) total;
        k += Math.floorMod(shard - k, total);
        return k << 22 | (n & 0xFFF);
    }

    /** Which sessions are identified, as shard id → how many sessions of it (a restart may overlap). */
    public Map<Integer, Integer> identifiedShards() {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (WebSocket ws : gateway.getConnections()) {
            int[] sh = gateway.shards.get(ws);
            if (sh != null && ws.isOpen()) {
                out.merge(sh[0], 1, Integer::sum);
            }
        }
        return out;
    }

    /** Arrival times (System.nanoTime) of every channel message POST, 429s included. */
    public List<Long> messagePostTimes() {
        return List.copyOf(messagePosts);
    }

    /** The most channel message POSTs that arrived within any one second (a sliding window). */
    public int peakMessagesPerSecond() {
        List<Long> t = new java.util.ArrayList<>(messagePosts);
        java.util.Collections.sort(t);
        int peak = 0;
        int from = 0;
        for (int i = 0; i < t.size(); i++) {
            while (t.get(i) - t.get(from) >= 1_000_000_000L) {
                from++;
            }
            peak = Math.max(peak, i - from + 1);
        }
        return peak;
    }

    public boolean awaitIdentify(Duration timeout) throws InterruptedException {
        return gateway.identified.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---- gateway events ----------------------------------------------------------------------------

    /**
     * Sends a dispatch (op 0) to every connected client. A client that has just gone (a bot closed
     * before a restart) may still be listed for a moment: it is skipped, not an error.
     */
    public void dispatch(String type, JsonNode data) {
        for (WebSocket ws : gateway.getConnections()) {
            if (!ws.isOpen()) {
                continue;
            }
            try {
                gateway.dispatch(ws, type, data);
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                // closed between the check and the send
            }
        }
    }

    /**
     * Injects an INTERACTION_CREATE on the session that holds its server's shard (every session
     * when it has no server); when no session holds it, nobody gets it, as with Discord.
     */
    public void interact(ObjectNode interaction) {
        String g = interaction.path("guild_id").asText("");
        if (g.isEmpty()) {
            dispatch("INTERACTION_CREATE", interaction);
            return;
        }
        long guild = Long.parseLong(g);
        for (WebSocket ws : gateway.getConnections()) {
            int[] sh = gateway.shards.get(ws);
            if (sh == null || !ws.isOpen() || (guild >>> 22) % sh[1] != sh[0]) {
                continue;
            }
            try {
                gateway.dispatch(ws, "INTERACTION_CREATE", interaction);
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                // closed between the check and the send
            }
        }
    }

    // ---- payloads ----------------------------------------------------------------------------------

    public static ObjectNode botUser() {
        return user(BOT_ID, "desk-bot", true);
    }

    public static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", Long.toString(id)).put("username", name).put("discriminator", "0").putNull("global_name")
                .putNull("avatar").put("bot", bot).put("flags", 0).put("public_flags", 0);
        return u;
    }

    static ObjectNode role(long id, String name, String permissions, int position) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", Long.toString(id)).put("name", name).put("color", 0).put("hoist", false).putNull("icon")
                .putNull("unicode_emoji").put("position", position).put("permissions", permissions)
                .put("managed", false).put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        r.putObject("tags");
        return r;
    }

    public static ObjectNode channel() {
        return channel(CHANNEL_ID, GUILD_ID);
    }

    public static ObjectNode channel(long id, long guildId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", Long.toString(id)).put("type", 0).put("guild_id", Long.toString(guildId))
                .put("name", "desk").put("position", 0).putNull("parent_id").putNull("topic").put("nsfw", false)
                .put("rate_limit_per_user", 0).putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    static ObjectNode member(ObjectNode user, String permissions) {
        ObjectNode m = JSON.createObjectNode();
        m.set("user", user);
        m.putArray("roles");
        m.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).putNull("nick").putNull("avatar").putNull("premium_since").put("pending", false)
                .putNull("communication_disabled_until");
        if (permissions != null) {
            m.put("permissions", permissions);
        }
        return m;
    }

    ObjectNode guild() {
        return guild(GUILD_ID, List.of(CHANNEL_ID));
    }

    ObjectNode guild(long id, List<Long> channels) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", Long.toString(id)).put("name", id == GUILD_ID ? "Newsroom" : "Newsroom " + (id % 1000)).putNull("icon").putNull("splash")
                .putNull("discovery_splash").putNull("banner").putNull("description").putNull("vanity_url_code")
                .put("owner_id", Long.toString(OWNER_ID)).put("afk_timeout", 300).putNull("afk_channel_id")
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false).put("preferred_locale", "en-US").put("system_channel_flags", 0)
                .putNull("system_channel_id").putNull("rules_channel_id").putNull("public_updates_channel_id")
                .putNull("safety_alerts_channel_id").put("max_members", 500000).put("member_count", 3)
                .put("large", false).put("unavailable", false).put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        g.putArray("roles").add(role(id, "@everyone", MEMBER_PERMISSIONS, 0))
                .add(role(EDITOR_ROLE_ID, "editors", "0", 1));
        g.putArray("emojis");
        g.putArray("stickers");
        ArrayNode cs = g.putArray("channels");
        channels.forEach(c -> cs.add(channel(c, id)));
        g.putArray("threads");
        g.putArray("guild_scheduled_events");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("soundboard_sounds");
        g.putArray("members").add(member(botUser(), null));
        return g;
    }

    /**
     * An interaction in the newsroom channel, from {@code userId} with Discord locale
     * {@code locale}. Type 2 slash command, 3 component, 4 autocomplete.
     */
    public ObjectNode interaction(int type, long userId, String locale, JsonNode data) {
        return interaction(GUILD_ID, CHANNEL_ID, type, userId, locale, data);
    }

    /** An interaction in another server's channel (see {@link #setGuilds}). */
    public ObjectNode interaction(long guildId, long channelId, int type, long userId, String locale, JsonNode data) {
        long id = newId();
        ObjectNode i = JSON.createObjectNode();
        i.put("id", Long.toString(id)).put("application_id", Long.toString(APP_ID)).put("type", type)
                .put("token", "itoken-" + id).put("version", 1).put("guild_id", Long.toString(guildId))
                .put("channel_id", Long.toString(channelId)).put("locale", locale).put("guild_locale", "en-US")
                .put("app_permissions", ALL_PERMISSIONS).put("context", 0).put("attachment_size_limit", 10485760);
        i.set("channel", channel(channelId, guildId));
        i.putObject("guild").put("id", Long.toString(guildId)).put("locale", "en-US").putArray("features");
        ObjectNode member = member(user(userId, "reporter" + (userId % 1000), false), MEMBER_PERMISSIONS);
        if (userId == EDITOR_ID) {
            ((ArrayNode) member.get("roles")).add(Long.toString(EDITOR_ROLE_ID));
        }
        i.set("member", member);
        i.putArray("entitlements");
        i.putObject("authorizing_integration_owners").put("0", Long.toString(guildId));
        i.set("data", data);
        return i;
    }

    /**
     * A slash command: {@code /command subcommand name:value…}. {@code focused} names the option
     * being typed for an autocomplete interaction, or is null.
     */
    public ObjectNode command(String command, String subcommand, Map<String, String> options, String focused) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", "1").put("name", command).put("type", 1);
        ArrayNode opts = JSON.createArrayNode();
        for (Map.Entry<String, String> o : options.entrySet()) {
            ObjectNode on = opts.addObject().put("name", o.getKey()).put("type", 3).put("value", o.getValue());
            if (o.getKey().equals(focused)) {
                on.put("focused", true);
            }
        }
        if (subcommand != null) {
            ObjectNode sub = d.putArray("options").addObject().put("name", subcommand).put("type", 1);
            sub.set("options", opts);
        } else {
            d.set("options", opts);
        }
        return d;
    }

    /** A button click on a message the bot sent (as the message JSON Discord would hold). */
    public ObjectNode buttonClick(JsonNode message, String customId, long userId, String locale) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        ObjectNode i = interaction(3, userId, locale, data);
        i.set("message", message);
        return i;
    }

    /**
     * A modal sent back (interaction type 5): each text input wrapped in a Label (type 18), as
     * Discord sends it for modals built with labels. {@code values} maps input ids to what was typed.
     */
    public ObjectNode modalSubmit(String customId, Map<String, String> values, long userId, String locale) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> v : values.entrySet()) {
            ObjectNode label = components.addObject().put("type", 18).put("id", id++);
            label.putObject("component").put("type", 4).put("id", id++).put("custom_id", v.getKey()).put("value", v.getValue());
        }
        return interaction(5, userId, locale, data);
    }

    /** A choice in a select menu on a message the bot sent. */
    public ObjectNode selectChoice(JsonNode message, String customId, String value, long userId, String locale) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 3);
        data.putArray("values").add(value);
        ObjectNode i = interaction(3, userId, locale, data);
        i.set("message", message);
        return i;
    }

    /**
     * The data of a message context-menu command ({@code data.type} 3) on a message by
     * {@code authorId} with text {@code content}: Discord sends the message in
     * {@code data.resolved.messages}, content included, without the MESSAGE_CONTENT intent.
     * Inject it with {@code interaction(2, …)}.
     */
    public ObjectNode messageCommand(String name, String content, long authorId) {
        ObjectNode target = message(JSON.createObjectNode().put("content", content));
        target.set("author", user(authorId, "author" + (authorId % 1000), false));
        target.put("mention_everyone", content.contains("@everyone") || content.contains("@here"));
        String targetId = target.get("id").asText();
        ObjectNode d = JSON.createObjectNode();
        d.put("id", "2").put("name", name).put("type", 3).put("target_id", targetId);
        d.putObject("resolved").putObject("messages").set(targetId, target);
        return d;
    }

    /** The message Discord would hold after a create/edit request (a callback's data, a webhook body). */
    public ObjectNode messageFrom(Recorded r) {
        return message(r.message());
    }

    ObjectNode message(JsonNode body) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", Long.toString(newId())).put("channel_id", Long.toString(CHANNEL_ID)).put("type", 0)
                .put("content", body.path("content").asText("")).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("timestamp", OffsetDateTime.now().toString()).putNull("edited_timestamp")
                .put("flags", body.path("flags").asInt(0)).put("application_id", Long.toString(APP_ID))
                .put("webhook_id", Long.toString(APP_ID));
        m.set("author", botUser());
        ArrayNode embeds = m.putArray("embeds");
        for (JsonNode e : body.path("embeds")) {
            ObjectNode copy = e.deepCopy();
            copy.put("type", "rich");
            embeds.add(copy);
        }
        m.set("components", body.has("components") ? body.get("components") : JSON.createArrayNode());
        m.putArray("attachments");
        m.putArray("mentions");
        m.putArray("mention_roles");
        return m;
    }

    // ---- REST --------------------------------------------------------------------------------------

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String fullPath = ex.getRequestURI().getPath();
            String path = fullPath.startsWith(PREFIX) ? fullPath.substring(PREFIX.length()) : fullPath;
            String method = ex.getRequestMethod();
            byte[] raw = ex.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            JsonNode json = keepRecords || failures.size() > 0 || !path.endsWith("/callback")
                    ? parse(body, contentType) : MissingNode.getInstance();
            Recorded rec = new Recorded(System.nanoTime(), method, path, ex.getRequestURI().getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()), body, json);
            if (rec.isInteractionCallback()) {
                var waiting = expected.remove(rec.interactionId());
                if (waiting != null) {
                    waiting.complete(rec);
                }
            }
            if (keepRecords) {
                recorded.add(rec);
                synchronized (changed) {
                    changed.notifyAll();
                }
            }
            for (Failure f : failures) {
                if (f.method().equals(method) && path.matches(f.pathRegex()) && failures.remove(f)) {
                    f.response().headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                    send(ex, f.response().status(), f.response().body());
                    return;
                }
            }
            route(ex, method, path, json);
        } catch (RuntimeException e) {
            send(ex, 500, "{\"message\":\"fake discord: " + e + "\",\"code\":0}");
        }
    }

    private void route(HttpExchange ex, String method, String path, JsonNode json) throws IOException {
        if (method.equals("GET") && path.equals("/users/@me")) {
            send(ex, 200, botUser().toString());
        } else if (method.equals("GET") && path.equals("/gateway/bot")) {
            ObjectNode g = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
            // a high identify concurrency: every shard connects at once, no 5 s between them
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 16);
            send(ex, 200, g.toString());
        } else if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
            ArrayNode out = JSON.createArrayNode();
            String guild = path.contains("/guilds/") ? path.split("/")[4] : null;
            for (JsonNode c : json) {
                ObjectNode o = ((ObjectNode) c.deepCopy());
                o.put("id", Long.toString(newId())).put("application_id", Long.toString(APP_ID)).put("version", "1");
                if (!o.has("type")) {
                    o.put("type", 1);
                }
                if (guild != null) {
                    o.put("guild_id", guild);
                }
                out.add(o);
            }
            send(ex, 200, out.toString());
        } else if (method.equals("POST") && path.matches("/interactions/\\d+/[^/]+/callback")) {
            send(ex, 204, null);
        } else if (method.equals("DELETE") && path.matches("/webhooks/\\d+/[^/]+/messages/.+")) {
            send(ex, 204, null);
        } else if ((method.equals("PATCH") || method.equals("POST")) && path.matches("/webhooks/\\d+/[^/]+(/messages/.+)?")) {
            send(ex, 200, message(json).toString());
        } else if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
            messagePosts.add(System.nanoTime());
            int limit = messagesPerSecond;
            if (limit > 0) {
                long now = System.nanoTime();
                long retryNanos = 0;
                synchronized (messageWindow) {
                    while (!messageWindow.isEmpty() && now - messageWindow.peekFirst() >= 1_000_000_000L) {
                        messageWindow.pollFirst();
                    }
                    if (messageWindow.size() >= limit) {
                        retryNanos = 1_000_000_000L - (now - messageWindow.peekFirst());
                    } else {
                        messageWindow.addLast(now);
                    }
                }
                if (retryNanos > 0) {
                    rateLimited.incrementAndGet();
                    Canned c = Canned.rateLimited(Math.max(0.001, retryNanos / 1e9), true);
                    c.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                    send(ex, 429, c.body());
                    return;
                }
                ex.getResponseHeaders().add("X-RateLimit-Limit", "5");
                ex.getResponseHeaders().add("X-RateLimit-Remaining", "4");
                ex.getResponseHeaders().add("X-RateLimit-Reset-After", "5.0");
                ex.getResponseHeaders().add("X-RateLimit-Bucket", "channel-messages");
            }
            String nonce = json.path("nonce").asText("");
            boolean enforce = json.path("enforce_nonce").asBoolean(false) && !nonce.isEmpty();
            ObjectNode m = enforce ? byNonce.get(nonce) : null;
            if (m == null) {
                m = message(json);
                m.put("channel_id", path.split("/")[2]);
                if (!nonce.isEmpty()) {
                    m.put("nonce", nonce);
                }
                created.add(m);
                if (enforce) {
                    byNonce.put(nonce, m);
                }
            }
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Failure f : failuresAfter) {
                if (path.matches(f.pathRegex()) && failuresAfter.remove(f)) {
                    f.response().headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                    send(ex, f.response().status(), f.response().body());
                    return;
                }
            }
            send(ex, 200, m.toString());
        } else {
            send(ex, 404, "{\"message\":\"404: Not Found (fake discord)\",\"code\":0}");
        }
    }

    private static JsonNode parse(String body, String contentType) {
        try {
            if (contentType != null && contentType.startsWith("multipart/")) {
                int name = body.indexOf("name=\"payload_json\"");
                if (name < 0) {
                    return MissingNode.getInstance();
                }
                int start = body.indexOf("\r\n\r\n", name) + 4;
                int end = body.indexOf("\r\n--", start);
                return JSON.readTree(body.substring(start, end));
            }
            return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    // ---- gateway -----------------------------------------------------------------------------------

    private final class Gateway extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch identified = new CountDownLatch(1);
        final Map<WebSocket, AtomicLong> sequences = new java.util.concurrent.ConcurrentHashMap<>();
        /** Each identified session's [shard, total]. */
        final Map<WebSocket, int[]> shards = new java.util.concurrent.ConcurrentHashMap<>();

        Gateway() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket ws,
                org.java_websocket.drafts.Draft draft, ClientHandshake request) throws org.java_websocket.exceptions.InvalidDataException {
            if (gatewayDown) {
                // the upgrade is refused: to the client, the gateway cannot be reached
                throw new org.java_websocket.exceptions.InvalidDataException(org.java_websocket.framing.CloseFrame.TRY_AGAIN_LATER,
                        "fake gateway down");
            }
            return super.onWebsocketHandshakeReceivedAsServer(ws, draft, request);
        }

        @Override
        public void onOpen(WebSocket ws, ClientHandshake handshake) {
            sequences.put(ws, new AtomicLong());
            ObjectNode hello = JSON.createObjectNode().put("op", 10);
            hello.putObject("d").put("heartbeat_interval", 41250);
            hello.putNull("s");
            hello.putNull("t");
            ws.send(hello.toString());
        }

        @Override
        public void onMessage(WebSocket ws, String message) {
            ObjectNode payload;
            try {
                payload = (ObjectNode) JSON.readTree(message);
            } catch (IOException e) {
                ws.close(4002, "decode error");
                return;
            }
            gatewayReceived.add(payload);
            switch (payload.path("op").asInt()) {
                case 1 -> {
                    ObjectNode ack = JSON.createObjectNode().put("op", 11);
                    ws.send(ack.toString());
                }
                case 2 -> {
                    JsonNode asked = payload.path("d").path("shard");
                    int shard = asked.isArray() ? asked.get(0).asInt() : 0;
                    int total = asked.isArray() ? Math.max(1, asked.get(1).asInt()) : 1;
                    shards.put(ws, new int[] {shard, total});
                    Map<Long, List<Long>> held = new java.util.TreeMap<>();
                    guilds.forEach((g, cs) -> {
                        if ((g >>> 22) % total == shard) {
                            held.put(g, cs);
                        }
                    });
                    ObjectNode ready = JSON.createObjectNode().put("v", 10).put("session_id", "fake-session-" + shard)
                            .put("resume_gateway_url", gatewayUrl());
                    ready.set("user", botUser());
                    ArrayNode readyGuilds = ready.putArray("guilds");
                    held.keySet().forEach(g -> readyGuilds.addObject().put("id", Long.toString(g)).put("unavailable", true));
                    ready.putObject("application").put("id", Long.toString(APP_ID)).put("flags", 0);
                    ready.putArray("private_channels");
                    ready.putArray("presences");
                    ready.putArray("relationships");
                    ready.putArray("guild_join_requests");
                    ready.putArray("shard").add(shard).add(total);
                    dispatch(ws, "READY", ready);
                    held.forEach((g, cs) -> dispatch(ws, "GUILD_CREATE", guild(g, cs)));
                    identified.countDown();
                }
                case 6 -> {
                    ObjectNode invalid = JSON.createObjectNode().put("op", 9).put("d", false);
                    ws.send(invalid.toString());
                }
                default -> {
                }
            }
        }

        @Override
        public void onMessage(WebSocket ws, ByteBuffer message) {
            onMessage(ws, StandardCharsets.UTF_8.decode(message).toString());
        }

        void dispatch(WebSocket ws, String type, JsonNode data) {
            AtomicLong seq = sequences.computeIfAbsent(ws, k -> new AtomicLong());
            ObjectNode p = JSON.createObjectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
            p.set("d", data);
            ws.send(p.toString());
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            sequences.remove(ws);
            shards.remove(ws);
        }

        @Override
        public void onError(WebSocket ws, Exception ex) {
            // a test sees the consequence; nothing to do here
        }
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rest.stop(0);
        restThreads.shutdownNow();
    }

}
