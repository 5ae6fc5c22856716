package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;

/**
 * The dataset URL as the bot uses it: fetched outside the reload lock, validated under it, kept
 * as a last good copy; a server that is down is no reason to stop, and what a server sends is
 * never repeated in the log or the admin channel.
 */
class UrlDatasetSourceTest {

    static final long ADMIN = 999;
    static final String SECRET = "AKIAIOSFODNN7EXAMPLE";

    @TempDir
    Path dir;
    HttpServer server;
    volatile byte[] body = Datasets.bytes(Datasets.without("andrew-miller"));
    volatile String etag = "\"v1\"";
    volatile int status = 200;
    final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
    final DatasetLoader loader = DatasetLoader.standard();
    Store store;
    Notifier notifier;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/data.json", ex -> {
            String seen = ex.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(seen));
            if (status != 200) {
                ex.sendResponseHeaders(status, -1);
            } else if (etag.equals(seen)) {
                ex.sendResponseHeaders(304, -1);
            } else {
                ex.getResponseHeaders().set("ETag", etag);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        store = Store.open(dir.resolve("data"));
        notifier = new Notifier(store, Templates.bundled(), new EntryCodec(loader.mapper()), Lang.EN, Optional.of(ADMIN),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        notifier.close();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data.json");
    }

    UrlDatasetSource source() {
        return new UrlDatasetSource(url(), loader, new BoundedFetch(new BoundedFetch.Limits(Duration.ofSeconds(20),
                1 << 22, new AddressPolicy(true)), Templates.bundled()), dir.resolve("data"), Duration.ofSeconds(60));
    }

    /** As Main wires it: the URL after the (here: no) files, the additions file first. */
    Reloader.Source wired(UrlDatasetSource url) {
        return DatasetSources.of(loader, Optional.of(dir.resolve("data/additions.json")), List.of(), Optional.of(url),
                DatasetSources.Mode.REPLACE, Clock.systemUTC());
    }

    List<String> adminNotes() {
        return store.claimDue(Long.MAX_VALUE, 100).stream().filter(d -> d.channelId() == ADMIN)
                .map(d -> ((Outbox.Note) d.message()).text()).toList();
    }

    static Snapshot fetchAndLoad(Reloader.Source s) throws InvalidDatasetException {
        s.fetch();
        return s.load();
    }

    @Test
    void fetchesThenAsksWithTheEtagAndKeepsTheSnapshotOn304() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/url-dataset-123.part"), "{\"half\": ");   // left by a process that died mid-fetch
        UrlDatasetSource s = source();
        Snapshot first = fetchAndLoad(s);
        assertThat(first.entries()).hasSize(13);
        assertThat(fetchAndLoad(s)).isSameAs(first);
        assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");

        body = Datasets.bytes(Datasets.bundled());
        etag = "\"v2\"";
        assertThat(fetchAndLoad(s).entries()).hasSize(14);
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aServerDownAtStartUpServesTheBundledDatasetThenTheUrlWhenItAnswers() throws Exception {
        status = 500;
        UrlDatasetSource url = source();
        Reloader.Source source = wired(url);
        Optional<Reloader.Unavailable> down = source.fetch();
        assertThat(down).isPresent();
        assertThat(down.get().problem().in(Templates.bundled(), Lang.EN))
                .isEqualTo("The dataset URL " + url() + " answered 500 Internal Server Error");
        Snapshot start = source.load();
        assertThat(start.entries()).hasSize(14);                     // the bundled dataset

        AtomicReference<Snapshot> served = new AtomicReference<>(start);
        notifier.datasetChanged(start);
        Reloader reloader = new Reloader(source, served::get, served::set, Optional.of(notifier));
        reloader.reload();
        reloader.reload();                                            // still down: the admins heard it once
        List<String> notes = adminNotes();
        assertThat(notes).containsExactly("The dataset URL " + url() + " answered 500 Internal Server Error; the bot keeps version "
                + start.version() + " and tries again in 60 s.");

        status = 200;
        Reloader.Result back = reloader.reload();
        assertThat(back).isInstanceOf(Reloader.Loaded.class);
        assertThat(served.get().entries()).hasSize(13);               // the URL's dataset, at the next poll
        assertThat(adminNotes()).anyMatch(n -> n.startsWith("The dataset URL answers again; the bot serves version "
                + served.get().version()));
    }

    @Test
    void aRestartWhileTheServerIsDownStartsOnTheLastGoodCopy() throws Exception {
        Snapshot fetched = fetchAndLoad(wired(source()));
        assertThat(dir.resolve("data").resolve(UrlDatasetSource.LAST_GOOD)).exists();
        status = 503;
        Reloader.Source restarted = wired(source());
        assertThat(restarted.fetch()).isPresent();
        Snapshot start = restarted.load();
        assertThat(start.version()).isEqualTo(fetched.version());
        assertThat(start.entries()).hasSize(13);
    }

    @Test
    void aBrokenBodyIsReportedByPositionNeverByWhatItHolds() throws Exception {
        body = ("{\n  \"schema_version\": 1,\n  \"entries\": [" + SECRET + "]\n}").getBytes(StandardCharsets.UTF_8);
        UrlDatasetSource url = source();
        AtomicReference<Snapshot> served = new AtomicReference<>(Datasets.load(Datasets.bundled()));
        notifier.datasetChanged(served.get());
        try (LogCapture log = new LogCapture()) {
            Reloader.Result r = new Reloader(wired(url), served::get, served::set, Optional.of(notifier)).reload();
            assertThat(r).isInstanceOf(Reloader.Invalid.class);
            List<Problem> problems = ((Reloader.Invalid) r).problems();
            assertThat(problems).extracting(Problem::describe)
                    .containsExactly(url() + ":3:15: the body is not valid JSON at this line and column.");
            assertThat(log.all()).isNotEmpty().noneMatch(l -> l.contains(SECRET));
            assertThat(adminNotes()).hasSize(1).noneMatch(n -> n.contains(SECRET));
        }
    }

    @Test
    void aValueThatFailsTheChecksIsNotQuotedEither() throws Exception {
        body = Datasets.bytes(Datasets.changed("andrew-miller", e -> e.put("agency", SECRET)));
        Reloader.Source s = wired(source());
        s.fetch();
        InvalidDatasetException e = org.assertj.core.api.Assertions.catchThrowableOfType(s::load, InvalidDatasetException.class);
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).extracting(Problem::describe).noneMatch(d -> d.contains(SECRET))
                .anyMatch(d -> d.startsWith(url() + ": /entries/"));
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void theSameBadBodyIsReportedOnceNotAtEveryPoll() throws Exception {
        UrlDatasetSource url = source();
        AtomicReference<Snapshot> served = new AtomicReference<>(fetchAndLoad(url));
        notifier.datasetChanged(served.get());
        adminNotes();
        body = "{\"entries\": [".getBytes(StandardCharsets.UTF_8);
        etag = "\"broken\"";
        Reloader reloader = new Reloader(wired(url), served::get, served::set, Optional.of(notifier));
        assertThat(reloader.reload()).isInstanceOf(Reloader.Invalid.class);
        assertThat(reloader.reload()).isInstanceOf(Reloader.Loaded.class);   // the same bytes: already said
        assertThat(adminNotes()).hasSize(1);
        assertThat(served.get().entries()).hasSize(13);
    }

    @Test
    void aRedactedProblemKeepsFieldNamesAndIndexesOnly() {
        Problem p = UrlDatasetSourceTest.redact(Problem.at("/tmp/url-dataset-1.part", "/entries/3/" + SECRET + "/name",
                "the agency \"" + SECRET + "\" is not in the agencies table"));
        assertThat(p.describe()).isEqualTo("https://h/d.json: /entries/3/…/name: the agency \"…\" is not in the agencies table");
        assertThatThrownBy(() -> { throw new InvalidDatasetException(List.of(p)); }).hasMessageNotContaining(SECRET);
        assertThat(redact(Problem.at("x", "/entries/0/id", "an id's form: \"" + SECRET + " was given")).describe())
                .isEqualTo("https://h/d.json: /entries/0/id: an id's form: …");
    }

    static Problem redact(Problem p) {
        return UrlDatasetSource.redact(p, "https://h/d.json");
    }
}
