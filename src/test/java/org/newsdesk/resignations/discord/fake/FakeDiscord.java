package org.newsdesk.resignations.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

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

    private final FakeRest rest;
    private final FakeGateway gateway;
    private final AtomicLong ids = new AtomicLong();

    private FakeDiscord() throws IOException, InterruptedException {
        rest = new FakeRest(this::gatewayUrl, this::newId);
        gateway = FakeGateway.listen();
    }

    public static FakeDiscord start() throws IOException, InterruptedException {
        return new FakeDiscord();
    }

    /** For {@code RestConfig.setBaseUrl}. */
    public String restUrl() {
        return rest.url();
    }

    /** For the session controller's {@code getGateway()}. */
    public String gatewayUrl() {
        return gateway.url();
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
        return rest.requests();
    }

    public void clearRequests() {
        rest.clearRequests();
    }

    /** Gateway payloads the bot sent (IDENTIFY, heartbeats…). */
    public List<ObjectNode> gatewayReceived() {
        return gateway.received();
    }

    /** Waits for the first recorded request that matches, or fails after {@code timeout}. */
    public Recorded await(Predicate<Recorded> match, Duration timeout) throws InterruptedException {
        return rest.await(match, timeout);
    }

    /** Waits for the callback (POST interactions/{id}/{token}/callback) of one interaction. */
    public Recorded awaitCallback(long interactionId, Duration timeout) throws InterruptedException {
        return await(r -> r.isInteractionCallback() && r.interactionId() == interactionId, timeout);
    }

    /**
     * The callback of an interaction about to be injected, without scanning the record (for
     * benchmarks, which also turn recording off with {@link #keepRecords}).
     */
    public CompletableFuture<Recorded> expectCallback(long interactionId) {
        return rest.expectCallback(interactionId);
    }

    /** Whether to keep every request (tests) or only complete {@link #expectCallback} futures (benchmarks). */
    public void keepRecords(boolean on) {
        rest.keepRecords(on);
    }

    /** Makes the next matching call fail once with the given response. */
    public void failNext(String method, String pathRegex, Canned response) {
        rest.failNext(method, pathRegex, response);
    }

    /**
     * Enforces a global limit on channel messages as Discord does (50 a second for a bot): beyond
     * {@code perSecond} in any one-second window the fake answers 429 with {@code X-RateLimit-Global}
     * and Retry-After, and counts it ({@link #rateLimitedCount}). Successful posts then carry the
     * per-channel bucket headers (5 per 5 s). 0 turns it off (the default).
     */
    public void limitChannelMessages(int perSecond) {
        rest.limitChannelMessages(perSecond);
    }

    /**
     * Makes the next matching channel message be created, then answered with {@code response}
     * anyway: the bot cannot tell whether it got through (a timeout, a 502 from a proxy).
     */
    public void failNextAfterCreating(String pathRegex, Canned response) {
        rest.failNextAfterCreating(pathRegex, response);
    }

    /**
     * Channel messages that exist: a POST with a {@code nonce} and {@code enforce_nonce} that was
     * already used returns the message it created, as Discord does, and creates nothing.
     */
    public List<ObjectNode> createdMessages(long channelId) {
        return rest.createdMessages(channelId);
    }

    /**
     * Channel messages are created but not answered until {@code release} counts down (at most
     * 60 s): the bot is caught between sending and hearing back, e.g. to be killed there.
     */
    public void holdChannelMessages(CountDownLatch release) {
        rest.holdChannelMessages(release);
    }

    /** 429s given by {@link #limitChannelMessages}. */
    public int rateLimitedCount() {
        return rest.rateLimitedCount();
    }

    /**
     * Drops every gateway session (close code 4000, which a client answers by reconnecting) and
     * refuses the upgrade of each new one, until {@link #restoreGateway}: Discord's gateway unreachable.
     */
    public void dropGateway() {
        gateway.drop();
    }

    /** Takes sessions again after {@link #dropGateway}. */
    public void restoreGateway() {
        gateway.restore();
    }

    // ---- servers and shards ----------------------------------------------------------------------

    /**
     * The bot's servers from now on (sessions identifying later see them): each id with its text
     * channels. A session of shard {@code [i, n]} gets READY and GUILD_CREATE for the servers with
     * {@code (id >> 22) % n == i} only, as Discord does.
     */
    public void setGuilds(Map<Long, List<Long>> byId) {
        gateway.setGuilds(byId);
    }

    /** The shard count {@code GET /gateway/bot} recommends (1 unless set). */
    public void recommendShards(int n) {
        rest.recommendShards(n);
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
        return gateway.identifiedShards();
    }

    /** Arrival times (System.nanoTime) of every channel message POST, 429s included. */
    public List<Long> messagePostTimes() {
        return rest.messagePostTimes();
    }

    /** The most channel message POSTs that arrived within any one second (a sliding window). */
    public int peakMessagesPerSecond() {
        return rest.peakMessagesPerSecond();
    }

    public boolean awaitIdentify(Duration timeout) throws InterruptedException {
        return gateway.awaitIdentify(timeout);
    }

    // ---- gateway events ----------------------------------------------------------------------------

    /**
     * Sends a dispatch (op 0) to every connected client. A client that has just gone (a bot closed
     * before a restart) may still be listed for a moment: it is skipped, not an error.
     */
    public void dispatch(String type, JsonNode data) {
        gateway.dispatchToAll(type, data);
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
        gateway.dispatchToShardOf(Long.parseLong(g), "INTERACTION_CREATE", interaction);
    }

    // ---- payloads ----------------------------------------------------------------------------------

    public static ObjectNode botUser() {
        return Payloads.botUser();
    }

    public static ObjectNode user(long id, String name, boolean bot) {
        return Payloads.user(id, name, bot);
    }

    public static ObjectNode channel() {
        return channel(CHANNEL_ID, GUILD_ID);
    }

    public static ObjectNode channel(long id, long guildId) {
        return Payloads.channel(id, guildId);
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
        ObjectNode member = Payloads.member(user(userId, "reporter" + (userId % 1000), false), MEMBER_PERMISSIONS);
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
     * The same interaction, in another server's channel (a click or a form sent there): what
     * {@link #buttonClick} and {@link #modalSubmit} build is in the newsroom channel.
     */
    public ObjectNode in(long guildId, long channelId, ObjectNode interaction) {
        interaction.put("guild_id", Long.toString(guildId)).put("channel_id", Long.toString(channelId));
        interaction.set("channel", channel(channelId, guildId));
        interaction.putObject("guild").put("id", Long.toString(guildId)).put("locale", "en-US").putArray("features");
        interaction.putObject("authorizing_integration_owners").put("0", Long.toString(guildId));
        return interaction;
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
        return Payloads.message(body, newId());
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rest.close();
    }
}
