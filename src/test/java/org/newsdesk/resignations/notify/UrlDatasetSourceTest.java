package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Snapshot;

class UrlDatasetSourceTest {

    HttpServer server;
    volatile byte[] body = Datasets.bytes(Datasets.without("andrew-miller"));
    volatile String etag = "\"v1\"";
    volatile int status = 200;
    final List<String> ifNoneMatch = new CopyOnWriteArrayList<>();

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
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data.json");
    }

    @Test
    void fetchesThenAsksWithTheEtagAndKeepsTheSnapshotOn304() throws Exception {
        UrlDatasetSource s = new UrlDatasetSource(url(), DatasetLoader.standard());
        Snapshot first = s.load();
        assertThat(first.entries()).hasSize(13);
        assertThat(s.load()).isSameAs(first);
        assertThat(ifNoneMatch).containsExactly("null", "\"v1\"");

        body = Datasets.bytes(Datasets.bundled());
        etag = "\"v2\"";
        assertThat(s.load().entries()).hasSize(14);
    }

    @Test
    void aBadDocumentIsInvalidAndAServerErrorIsOnlyAFailedPoll() {
        UrlDatasetSource s = new UrlDatasetSource(url(), DatasetLoader.standard());
        body = "{\"entries\": [".getBytes();
        assertThatThrownBy(s::load).isInstanceOf(InvalidDatasetException.class);
        status = 503;
        assertThatThrownBy(s::load).isInstanceOf(UncheckedIOException.class);
        status = 404;
        assertThatThrownBy(s::load).isInstanceOf(InvalidDatasetException.class);
    }
}
