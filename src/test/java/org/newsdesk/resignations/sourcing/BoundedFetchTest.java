package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.render.Templates;

/**
 * Faults injected for real by a server on 127.0.0.1: it drips, claims 2 GB, sends without end,
 * redirects elsewhere. The fetch ends within its deadline and size, contacts nothing it must
 * not, leaves no temporary file, and says what happened in one sentence.
 */
class BoundedFetchTest {

    static final Duration GUARD = Duration.ofSeconds(30);   // only so that a regression fails instead of hanging

    @TempDir
    Path dir;

    BoundedFetch fetch(Duration timeout, long maxBytes, boolean allowPrivate) {
        return new BoundedFetch(new BoundedFetch.Limits(timeout, maxBytes, new AddressPolicy(allowPrivate)), Templates.bundled());
    }

    BoundedFetch.Failure failure(BoundedFetch f, URI url) {
        return assertTimeoutPreemptively(GUARD, () -> catchThrowableOfType(
                () -> f.get(url, Optional.empty(), dir), BoundedFetch.Failure.class));
    }

    long tempFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aServerDrippingItsBodyIsCutOffAtTheDeadlineAndItsConnectionClosed() throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        try (RawServer server = new RawServer((head, out) -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{"));
            out.flush();
            try {
                while (true) {            // one byte a second, for as long as anyone listens
                    Thread.sleep(1000);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException e) {
                gone.countDown();
            }
        })) {
            BoundedFetch.Failure f = failure(fetch(Duration.ofSeconds(2), 1 << 20, true), server.url("/data.json"));
            assertThat(f.said().key()).isEqualTo("notify.url.timeout");
            assertThat(f.getMessage()).isEqualTo("The dataset URL " + server.url("/data.json")
                    + " did not deliver the whole dataset within 2 s (dataset.fetch_timeout_seconds)");
            // not merely abandoned: the connection is closed, so the server's writes fail
            assertThat(gone.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(tempFiles()).isZero();
        }
    }

    @Test
    void aServerDrippingItsHeadersIsCutOffAtTheDeadline() throws Exception {
        try (RawServer server = new RawServer((head, out) -> {
            for (byte b : RawServer.ascii("HTTP/1.1 200 OK\r\nX-Slow: " + "x".repeat(1000))) {
                out.write(b);
                out.flush();
                Thread.sleep(1000);
            }
        })) {
            BoundedFetch.Failure f = failure(fetch(Duration.ofSeconds(2), 1 << 20, true), server.url("/data.json"));
            assertThat(f.said().key()).isEqualTo("notify.url.timeout");
        }
    }

    @Test
    void aTwoGigabyteContentLengthIsRefusedBeforeReading() throws Exception {
        try (RawServer server = new RawServer((head, out) -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n"));
            byte[] zeros = new byte[8192];
            for (long sent = 0; sent < 2147483648L; sent += zeros.length) {
                out.write(zeros);
            }
        })) {
            BoundedFetch.Failure f = failure(fetch(Duration.ofSeconds(20), 64 * 1024, true), server.url("/data.json"));
            assertThat(f.said().key()).isEqualTo("notify.url.too_large");
            assertThat(f.getMessage()).contains("sends more than 65536 bytes (dataset.max_bytes)");
            assertThat(tempFiles()).isZero();
        }
    }

    @Test
    void anEndlessBodyWithoutLengthIsCutOffAtTheCap() throws Exception {
        try (RawServer server = new RawServer((head, out) -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"));
            byte[] spaces = " ".repeat(8192).getBytes();
            while (true) {
                out.write(spaces);
            }
        })) {
            BoundedFetch.Failure f = failure(fetch(Duration.ofSeconds(20), 64 * 1024, true), server.url("/data.json"));
            assertThat(f.said().key()).isEqualTo("notify.url.too_large");
            assertThat(tempFiles()).isZero();
        }
    }

    @Test
    void aBodyWithinTheCapArrivesInAFileWithItsEtag() throws Exception {
        try (RawServer server = new RawServer((head, out) -> out.write(RawServer.ascii(
                "HTTP/1.1 200 OK\r\nETag: \"v1\"\r\nContent-Length: 2\r\n\r\n{}")))) {
            BoundedFetch.Outcome o = fetch(Duration.ofSeconds(20), 1024, true).get(server.url("/d.json"), Optional.empty(), dir);
            assertThat(o).isInstanceOf(BoundedFetch.Body.class);
            BoundedFetch.Body b = (BoundedFetch.Body) o;
            assertThat(Files.readString(b.file())).isEqualTo("{}");
            assertThat(b.etag()).contains("\"v1\"");
        }
    }

    @Test
    void redirectsElsewhereAreNotFollowed() throws Exception {
        try (RawServer other = new RawServer((head, out) -> out.write(RawServer.ascii(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")));
             RawServer server = new RawServer((head, out) -> {
                 String to = head.contains("/port") ? other.url("/data.json").toString()
                         : head.contains("/meta") ? "http://169.254.169.254/latest/meta-data/iam/security-credentials/"
                         : head.contains("/host") ? "https://localhost:" + other.port() + "/data.json"
                         : "/elsewhere.json";
                 out.write(RawServer.ascii("HTTP/1.1 302 Found\r\nLocation: " + to + "\r\nContent-Length: 0\r\n\r\n"));
             })) {
            BoundedFetch f = fetch(Duration.ofSeconds(20), 1024, true);
            BoundedFetch.Failure toPort = failure(f, server.url("/port"));
            assertThat(toPort.said().key()).isEqualTo("notify.url.redirect");
            assertThat(toPort.getMessage()).isEqualTo("The dataset URL " + server.url("/port") + " redirects to http://127.0.0.1:"
                    + other.port() + ", which the bot does not follow (only https on the same host); publish the dataset at its final address");
            BoundedFetch.Failure toMetadata = failure(f, server.url("/meta"));
            assertThat(toMetadata.getMessage()).contains("redirects to http://169.254.169.254,")
                    .doesNotContain("security-credentials");
            assertThat(failure(f, server.url("/host")).said().key()).isEqualTo("notify.url.redirect");
            assertThat(failure(f, server.url("/relative")).said().key()).isEqualTo("notify.url.redirect");
            assertThat(other.connections.get()).isZero();
        }
    }

    @Test
    void onlyHttpsOnTheConfiguredHostIsARedirectToFollow() {
        URI https = URI.create("https://data.example.org/desk/resignations.json");
        URI http = URI.create("http://data.example.org/desk/resignations.json");
        assertThat(BoundedFetch.allowedRedirect(http, URI.create("https://data.example.org/desk/resignations.json"))).isTrue();
        assertThat(BoundedFetch.allowedRedirect(https, URI.create("https://DATA.example.org:443/v2.json"))).isTrue();
        assertThat(BoundedFetch.allowedRedirect(https, URI.create("http://data.example.org/v2.json"))).isFalse();
        assertThat(BoundedFetch.allowedRedirect(https, URI.create("https://cdn.example.org/v2.json"))).isFalse();
        assertThat(BoundedFetch.allowedRedirect(https, URI.create("https://data.example.org:8443/v2.json"))).isFalse();
        assertThat(BoundedFetch.allowedRedirect(https, URI.create("https://user:pw@data.example.org/v2.json"))).isFalse();
        assertThat(BoundedFetch.allowedRedirect(URI.create("https://data.example.org:8443/a"),
                URI.create("https://data.example.org:8443/b"))).isTrue();
    }

    @Test
    void refusedAddressesAreNeverContacted() throws Exception {
        try (RawServer server = new RawServer((head, out) -> out.write(RawServer.ascii(
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")))) {
            BoundedFetch strict = fetch(Duration.ofSeconds(20), 1024, false);
            BoundedFetch.Failure loopback = failure(strict, server.url("/data.json"));
            assertThat(loopback.getMessage()).isEqualTo("The dataset URL " + server.url("/data.json") + " leads to 127.0.0.1,"
                    + " a loopback address (127.0.0.1), which the bot does not contact (dataset.allow_private_hosts = true"
                    + " allows loopback and private addresses)");
            URI mapped = URI.create("http://[::ffff:127.0.0.1]:" + server.port() + "/data.json");
            assertThat(failure(strict, mapped).said().key()).isEqualTo("notify.url.address");
            assertThat(server.connections.get()).isZero();
            // the metadata service stays out of reach even where private hosts are allowed
            BoundedFetch.Failure metadata = failure(fetch(Duration.ofSeconds(20), 1024, true),
                    URI.create("http://169.254.169.254/latest/meta-data/"));
            assertThat(metadata.getMessage()).contains("a link-local address (169.254.169.254)");
        }
    }

    @Test
    void aServerErrorOrAClosedPortIsOneClearSentence() throws Exception {
        try (RawServer server = new RawServer((head, out) -> out.write(RawServer.ascii(
                "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 9\r\n\r\nAKIA12345")))) {
            BoundedFetch f = fetch(Duration.ofSeconds(20), 1024, true);
            assertThat(failure(f, server.url("/data.json")).getMessage())
                    .isEqualTo("The dataset URL " + server.url("/data.json") + " answered 500 Internal Server Error");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI down = URI.create("http://127.0.0.1:" + closed + "/data.json");
        assertThat(failure(fetch(Duration.ofSeconds(20), 1024, true), down).getMessage())
                .isEqualTo("The dataset URL " + down + " refused the connection");
    }

    @Test
    void aUrlIsShownWithoutCredentialsOrQuery() {
        assertThat(BoundedFetch.display(URI.create("https://desk:s3cret@data.example.org:8443/r.json?key=abc#x")))
                .isEqualTo("https://data.example.org:8443/r.json?…");
        assertThatThrownBy(() -> new UrlDatasetSource(URI.create("ftp://user:pw@host/x"), null, null, dir, Duration.ZERO))
                .hasMessageNotContaining("pw");
    }
}
