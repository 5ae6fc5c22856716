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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The fake Discord's REST API (JDK HttpServer on 127.0.0.1): records every call, answers the calls
 * a bot makes (users/@me, gateway/bot, command registration, interaction callbacks, webhooks,
 * channel messages), and fails, holds or rate-limits calls when a test asks. The public methods
 * are documented on {@link FakeDiscord}, which delegates to them.
 */
final class FakeRest implements AutoCloseable {

    static final String PREFIX = "/api/v10";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // answer at once on loopback: without it, Nagle's algorithm and delayed ACKs add ~40 ms
        // to some exchanges, which would swamp every latency the benchmarks measure
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Supplier<String> gatewayUrl;
    private final LongSupplier ids;
    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ConcurrentLinkedDeque<>();
    private final Map<Long, CompletableFuture<Recorded>> expected = new ConcurrentHashMap<>();
    private volatile boolean keepRecords = true;
    private volatile int messagesPerSecond;
    private final Map<String, ObjectNode> byNonce = new ConcurrentHashMap<>();
    private final List<ObjectNode> created = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failuresAfter = new ConcurrentLinkedDeque<>();
    private volatile CountDownLatch hold;
    private final Deque<Long> messageWindow = new ArrayDeque<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final Object changed = new Object();
    private volatile int recommendedShards = 1;
    /** Arrival times (System.nanoTime) of every POST channels/{id}/messages, 429s included. */
    private final List<Long> messagePosts = new CopyOnWriteArrayList<>();

    private record Failure(String method, String pathRegex, Canned response) {
    }

    /** A REST server on a random port; {@code gatewayUrl} is what {@code GET gateway/bot} answers. */
    FakeRest(Supplier<String> gatewayUrl, LongSupplier ids) throws IOException {
        this.gatewayUrl = gatewayUrl;
        this.ids = ids;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PREFIX + "/";
    }

    // ---- what the bot did --------------------------------------------------------------------------

    List<Recorded> requests() {
        return List.copyOf(recorded);
    }

    void clearRequests() {
        recorded.clear();
    }

    Recorded await(Predicate<Recorded> match, Duration timeout) throws InterruptedException {
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

    CompletableFuture<Recorded> expectCallback(long interactionId) {
        return expected.computeIfAbsent(interactionId, k -> new CompletableFuture<>());
    }

    void keepRecords(boolean on) {
        keepRecords = on;
    }

    List<ObjectNode> createdMessages(long channelId) {
        return created.stream().filter(m -> m.path("channel_id").asText().equals(Long.toString(channelId))).toList();
    }

    int rateLimitedCount() {
        return rateLimited.get();
    }

    List<Long> messagePostTimes() {
        return List.copyOf(messagePosts);
    }

    int peakMessagesPerSecond() {
        List<Long> t = new ArrayList<>(messagePosts);
        Collections.sort(t);
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

    // ---- what a test makes it do -------------------------------------------------------------------

    void failNext(String method, String pathRegex, Canned response) {
        failures.add(new Failure(method, pathRegex, response));
    }

    void failNextAfterCreating(String pathRegex, Canned response) {
        failuresAfter.add(new Failure("POST", pathRegex, response));
    }

    void limitChannelMessages(int perSecond) {
        messagesPerSecond = perSecond;
    }

    void holdChannelMessages(CountDownLatch release) {
        hold = release;
    }

    void recommendShards(int n) {
        recommendedShards = n;
    }

    // ---- serving -----------------------------------------------------------------------------------

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
            send(ex, 200, Payloads.botUser().toString());
        } else if (method.equals("GET") && path.equals("/gateway/bot")) {
            ObjectNode g = JSON.createObjectNode().put("url", gatewayUrl.get()).put("shards", recommendedShards);
            // a high identify concurrency: every shard connects at once, no 5 s between them
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                    .put("max_concurrency", 16);
            send(ex, 200, g.toString());
        } else if (method.equals("PUT") && path.matches("/applications/\\d+(/guilds/\\d+)?/commands")) {
            ArrayNode out = JSON.createArrayNode();
            String guild = path.contains("/guilds/") ? path.split("/")[4] : null;
            for (JsonNode c : json) {
                ObjectNode o = ((ObjectNode) c.deepCopy());
                o.put("id", Long.toString(ids.getAsLong())).put("application_id", Long.toString(FakeDiscord.APP_ID))
                        .put("version", "1");
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
            send(ex, 200, Payloads.message(json, ids.getAsLong()).toString());
        } else if (method.equals("PATCH") && path.matches("/channels/\\d+/messages/\\d+")) {
            // an edit of a message the bot posted: answered as Discord does, with the message as edited
            ObjectNode m = Payloads.message(json, Long.parseLong(path.split("/")[4]));
            m.put("channel_id", path.split("/")[2]);
            send(ex, 200, m.toString());
        } else if (method.equals("POST") && path.matches("/channels/\\d+/messages")) {
            postChannelMessage(ex, path, json);
        } else {
            send(ex, 404, "{\"message\":\"404: Not Found (fake discord)\",\"code\":0}");
        }
    }

    /** POST channels/{id}/messages: the rate limit, the nonce, a hold, a failure after creating. */
    private void postChannelMessage(HttpExchange ex, String path, JsonNode json) throws IOException {
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
            m = Payloads.message(json, ids.getAsLong());
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

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
