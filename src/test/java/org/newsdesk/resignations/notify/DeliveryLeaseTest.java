package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * Two processes on one database, with a short lease: the first one's sends are slow (an answer
 * that drips for longer than the lease). It keeps the rows it holds by renewing their leases, so
 * the second never takes them, and a row it lost anyway is not sent by it: no channel gets a
 * message from both.
 */
class DeliveryLeaseTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    static final Duration LEASE = Duration.ofSeconds(2);
    static final long GUILD = 10;
    static final int CHANNELS = 6;

    @TempDir
    Path dir;
    final Clock clock = Clock.systemUTC();
    final Templates templates = Templates.bundled();
    final EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());

    Delivery delivery(Store store, ChannelSender sender) {
        return new Delivery(store.outbox(), sender, templates, codec, g -> Lang.EN, Optional.empty(), clock, new Random(1),
                new Delivery.Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), Delivery.Backoff.DEFAULT_REPORT_AFTER, 10_000));
    }

    /** A message post as the server saw it: which process sent it, to which channel. */
    record Post(String process, long channel, String nonce) {
    }

    /**
     * Discord's "create message" on 127.0.0.1: records every post and answers at once, except the
     * first post of one process, whose answer drips (a byte every 100 ms) until a latch opens.
     */
    static final class DripServer implements AutoCloseable {
        final HttpServer server;
        final ExecutorService threads = Executors.newFixedThreadPool(4);
        final List<Post> posts = new CopyOnWriteArrayList<>();
        final AtomicLong ids = new AtomicLong(90_000);
        final CountDownLatch dripping = new CountDownLatch(1);
        final AtomicBoolean dripped = new AtomicBoolean();
        volatile String slowProcess = "";
        volatile CountDownLatch until = new CountDownLatch(0);

        DripServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(threads);
            server.createContext("/", this::serve);
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        /** The first post of {@code process} drips its answer until {@code release} opens. */
        void dripFirstOf(String process, CountDownLatch release) {
            until = release;
            slowProcess = process;
        }

        private void serve(HttpExchange ex) throws IOException {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                String process = ex.getRequestHeaders().getFirst("X-Process");
                long channel = Long.parseLong(ex.getRequestURI().getPath().split("/")[2]);
                posts.add(new Post(process, channel, ex.getRequestHeaders().getFirst("X-Nonce")));
                byte[] head = ("{\"id\":\"" + ids.incrementAndGet() + "\"").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                boolean slow = slowProcess.equals(process) && dripped.compareAndSet(false, true);
                ex.sendResponseHeaders(200, slow ? 0 : head.length + 1);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(head);
                    out.flush();
                    if (slow) {
                        dripping.countDown();
                        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                        while (!until.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < end) {
                            out.write(' ');
                            out.flush();
                        }
                    }
                    out.write('}');
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Map<Long, Long> postsByChannel() {
            return posts.stream().collect(Collectors.groupingBy(Post::channel, Collectors.counting()));
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** Posts over HTTP as {@code process}, reading the whole answer (as a real client does). */
    static ChannelSender over(HttpClient http, URI base, String process) {
        ObjectMapper json = new ObjectMapper();
        return (channel, card, nonce) -> {
            HttpRequest req = HttpRequest.newBuilder(base.resolve("channels/" + channel + "/messages"))
                    .header("X-Process", process).header("X-Nonce", nonce).timeout(Duration.ofSeconds(90))
                    .POST(HttpRequest.BodyPublishers.ofString(card.title())).build();
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 ? new ChannelSender.Sent(json.readTree(r.body()).path("id").asLong())
                        : new ChannelSender.Transient("HTTP " + r.statusCode());
            } catch (IOException e) {
                return new ChannelSender.Transient(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ChannelSender.Transient("interrupted");
            }
        };
    }

    /**
     * Process a claims every row; its first answer drips for longer than the lease. Process b
     * looks for due rows all along, also well after a's claim would have run out. a renews its
     * leases while it works, so b takes none: every channel gets exactly one post. (Without the
     * renewals, on PostgreSQL b takes a's rows once their lease ran out and sends them, and a,
     * once its answer came, sends them too. On SQLite a claim never takes a row in flight.)
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSlowProcessKeepsItsRowsSoEveryChannelGetsOneMessage(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (Store a = db.open("a", LEASE); Store b = db.open("b", LEASE); DripServer discord = new DripServer()) {
            for (int n = 0; n < CHANNELS; n++) {
                a.queueTest(7_000 + n, GUILD, clock.millis());
            }
            CountDownLatch bLookedAfterTheLease = new CountDownLatch(1);
            discord.dripFirstOf("a", bLookedAfterTheLease);
            Delivery slow = delivery(a, over(http, discord.base(), "a"));
            Delivery other = delivery(b, over(http, discord.base(), "b"));
            Thread ta = new Thread(() -> slow.drainOnce(50), "process-a");
            ta.start();
            assertThat(discord.dripping.await(30, TimeUnit.SECONDS)).isTrue();
            // a claimed before its first post: without renewals its lease has run out by then
            long lapsed = clock.millis() + LEASE.toMillis() * 3 / 2;
            AtomicBoolean stop = new AtomicBoolean();
            Thread tb = new Thread(() -> {
                while (!stop.get()) {
                    long started = clock.millis();
                    other.drainOnce(50);
                    if (started > lapsed) {
                        bLookedAfterTheLease.countDown();
                    }
                    try {
                        Thread.sleep(50);   // b's poll interval
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "process-b");
            tb.start();
            try {
                ta.join(60_000);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> a.outboxCounts().getOrDefault(Outbox.State.DELIVERED, 0) == CHANNELS);
            } finally {
                stop.set(true);
                tb.join(30_000);
                slow.close();
                other.close();
            }
            assertThat(bLookedAfterTheLease.getCount()).isZero();
            assertThat(discord.postsByChannel()).hasSize(CHANNELS)
                    .allSatisfy((channel, posts) -> assertThat(posts).as("posts to channel %d", channel).isEqualTo(1));
            assertThat(discord.posts).extracting(Post::process).containsOnly("a");
        }
    }

    /**
     * Process a holds a batch; while its first send hangs, the rest of the batch passes to b (as
     * when a stalls for longer than the lease: a pause of the whole process, the database out of
     * its reach). Once its send returns, a finds those rows are b's and does not send them.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRowWhoseLeaseWasLostIsNotSent(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store a = db.open("a", LEASE); Store b = db.open("b", LEASE)) {
            for (int n = 0; n < 3; n++) {
                a.queueTest(7_000 + n, GUILD, clock.millis());
            }
            CountDownLatch inFlight = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Long> sentByA = new CopyOnWriteArrayList<>();
            ChannelSender hanging = (channel, card, nonce) -> {
                sentByA.add(channel);
                if (sentByA.size() == 1) {
                    inFlight.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return new ChannelSender.Sent(channel);
            };
            Delivery da = delivery(a, hanging);
            Thread ta = new Thread(() -> da.drainOnce(50), "process-a");
            ta.start();
            assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
            // b's clock is past a's lease: a stalled (its renewals too) for ten leases
            long later = clock.millis() + 10 * LEASE.toMillis();
            if (backend == Backend.SQLITE) {
                // on SQLite rows change hands only through a restart's recovery
                assertThat(b.outbox().recoverInFlight(later)).isEqualTo(3);
            }
            List<Outbox.Claimed> taken = b.outbox().claimDue(later, 50);
            assertThat(taken).extracting(Outbox.Claimed::channelId).containsExactly(7_000L, 7_001L, 7_002L);
            release.countDown();
            ta.join(30_000);
            da.close();
            assertThat(ta.isAlive()).isFalse();
            assertThat(sentByA).containsExactly(7_000L);
            // b holds all three, a's late answer settled nothing
            assertThat(b.outbox().renew(taken, clock.millis())).hasSize(3);
            assertThat(a.outboxCounts()).containsExactly(Map.entry(Outbox.State.SENDING, 3));
        }
    }
}
