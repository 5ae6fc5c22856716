package org.newsdesk.resignations.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake Discord's gateway: a WebSocket server on 127.0.0.1 that sends HELLO, answers IDENTIFY
 * with READY and a GUILD_CREATE per server of the shard it names, acknowledges heartbeats, refuses
 * RESUME (a fresh session), and dispatches events to the sessions that should get them.
 */
final class FakeGateway extends WebSocketServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch identified = new CountDownLatch(1);
    private final Map<WebSocket, AtomicLong> sequences = new ConcurrentHashMap<>();
    /** Each identified session's [shard, total]. */
    private final Map<WebSocket, int[]> shards = new ConcurrentHashMap<>();
    private final List<ObjectNode> received = new CopyOnWriteArrayList<>();
    /** The bot's servers, by id, with their text channels; GUILD_ID with CHANNEL_ID unless a test sets others. */
    private final Map<Long, List<Long>> guilds = new ConcurrentSkipListMap<>(
            Map.of(FakeDiscord.GUILD_ID, List.of(FakeDiscord.CHANNEL_ID)));
    private volatile boolean down;

    private FakeGateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
    }

    /** A gateway on a random port, listening when this returns. */
    static FakeGateway listen() throws IOException, InterruptedException {
        FakeGateway gateway = new FakeGateway();
        gateway.setReuseAddr(true);
        gateway.setTcpNoDelay(true);
        gateway.setDaemon(true);
        gateway.start();
        if (!gateway.started.await(10, TimeUnit.SECONDS)) {
            throw new IOException("fake gateway did not start");
        }
        return gateway;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    /** Gateway payloads the bot sent (IDENTIFY, heartbeats…). */
    List<ObjectNode> received() {
        return List.copyOf(received);
    }

    boolean awaitIdentify(Duration timeout) throws InterruptedException {
        return identified.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The servers sessions identifying from now on see. */
    void setGuilds(Map<Long, List<Long>> byId) {
        guilds.clear();
        byId.forEach((g, cs) -> guilds.put(g, List.copyOf(cs)));
    }

    /** Which sessions are identified, as shard id → how many sessions of it. */
    Map<Integer, Integer> identifiedShards() {
        Map<Integer, Integer> out = new TreeMap<>();
        for (WebSocket ws : getConnections()) {
            int[] sh = shards.get(ws);
            if (sh != null && ws.isOpen()) {
                out.merge(sh[0], 1, Integer::sum);
            }
        }
        return out;
    }

    /** Closes every session (code 4000) and refuses new ones until {@link #restore}. */
    void drop() {
        down = true;
        for (WebSocket ws : getConnections()) {
            ws.close(4000, "fake gateway down");
        }
    }

    void restore() {
        down = false;
    }

    /** A dispatch to every open session; one that closes meanwhile is skipped. */
    void dispatchToAll(String type, JsonNode data) {
        for (WebSocket ws : getConnections()) {
            if (ws.isOpen()) {
                dispatchIfOpen(ws, type, data);
            }
        }
    }

    /** A dispatch to the sessions whose shard holds server {@code guild}. */
    void dispatchToShardOf(long guild, String type, JsonNode data) {
        for (WebSocket ws : getConnections()) {
            int[] sh = shards.get(ws);
            if (sh == null || !ws.isOpen() || (guild >>> 22) % sh[1] != sh[0]) {
                continue;
            }
            dispatchIfOpen(ws, type, data);
        }
    }

    private void dispatchIfOpen(WebSocket ws, String type, JsonNode data) {
        try {
            dispatch(ws, type, data);
        } catch (WebsocketNotConnectedException e) {
            // closed between the check and the send
        }
    }

    private void dispatch(WebSocket ws, String type, JsonNode data) {
        AtomicLong seq = sequences.computeIfAbsent(ws, k -> new AtomicLong());
        ObjectNode p = JSON.createObjectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
        p.set("d", data);
        ws.send(p.toString());
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket ws, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        if (down) {
            // the upgrade is refused: to the client, the gateway cannot be reached
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "fake gateway down");
        }
        return super.onWebsocketHandshakeReceivedAsServer(ws, draft, request);
    }

    @Override
    public void onOpen(WebSocket ws, ClientHandshake handshake) {
        sequences.put(ws, new AtomicLong());
        ObjectNode hello = JSON.createObjectNode().put("op", 10);
        // a heartbeat every 10 s (Discord says about 41 s): a test waiting for a measured ping sees
        // several within its wait, even when one is answered late on a loaded machine
        hello.putObject("d").put("heartbeat_interval", 10_000);
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
        received.add(payload);
        switch (payload.path("op").asInt()) {
            case 1 -> {
                ObjectNode ack = JSON.createObjectNode().put("op", 11);
                ws.send(ack.toString());
            }
            case 2 -> identify(ws, payload.path("d").path("shard"));
            case 6 -> {
                ObjectNode invalid = JSON.createObjectNode().put("op", 9).put("d", false);
                ws.send(invalid.toString());
            }
            default -> {
            }
        }
    }

    /** READY, then a GUILD_CREATE for each server of the shard asked for ([0, 1] when none). */
    private void identify(WebSocket ws, JsonNode asked) {
        int shard = asked.isArray() ? asked.get(0).asInt() : 0;
        int total = asked.isArray() ? Math.max(1, asked.get(1).asInt()) : 1;
        shards.put(ws, new int[] {shard, total});
        Map<Long, List<Long>> held = new TreeMap<>();
        guilds.forEach((g, cs) -> {
            if ((g >>> 22) % total == shard) {
                held.put(g, cs);
            }
        });
        ObjectNode ready = JSON.createObjectNode().put("v", 10).put("session_id", "fake-session-" + shard)
                .put("resume_gateway_url", url());
        ready.set("user", Payloads.botUser());
        ArrayNode readyGuilds = ready.putArray("guilds");
        held.keySet().forEach(g -> readyGuilds.addObject().put("id", Long.toString(g)).put("unavailable", true));
        ready.putObject("application").put("id", Long.toString(FakeDiscord.APP_ID)).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.putArray("shard").add(shard).add(total);
        dispatch(ws, "READY", ready);
        held.forEach((g, cs) -> dispatch(ws, "GUILD_CREATE", Payloads.guild(g, cs)));
        identified.countDown();
    }

    @Override
    public void onMessage(WebSocket ws, ByteBuffer message) {
        onMessage(ws, StandardCharsets.UTF_8.decode(message).toString());
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
