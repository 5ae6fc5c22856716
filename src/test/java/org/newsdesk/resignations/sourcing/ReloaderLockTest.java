package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Templates;

/** No lock is held while waiting on the network: a slow dataset URL holds up no other reload. */
class ReloaderLockTest {

    @TempDir
    Path dir;

    @Test
    void aFileChangeReloadsWhileTheUrlIsStillDripping() throws Exception {
        DatasetLoader loader = DatasetLoader.standard();
        Path file = dir.resolve("resignations.json");
        Files.write(file, Datasets.bytes(Datasets.bundled()));
        CountDownLatch asked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (RawServer server = new RawServer((head, out) -> {
            out.write(RawServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n{"));
            out.flush();
            asked.countDown();
            while (!release.await(1, TimeUnit.SECONDS)) {   // a byte a second until the test is done
                out.write(' ');
                out.flush();
            }
            throw new IOException("enough");
        })) {
            UrlDatasetSource url = new UrlDatasetSource(server.url("/data.json"), loader, new BoundedFetch(
                    new BoundedFetch.Limits(Duration.ofSeconds(60), 1 << 20, new AddressPolicy(true)), Templates.bundled()),
                    dir.resolve("data"), Duration.ofSeconds(60));
            Reloader.Source source = DatasetSources.of(loader, Optional.empty(), List.of(file), Optional.of(url),
                    DatasetSources.Mode.REPLACE, Clock.systemUTC());
            AtomicReference<Snapshot> served = new AtomicReference<>(loader.load(file));
            Reloader reloader = new Reloader(source, served::get, served::set, Optional.empty());

            CompletableFuture<Reloader.Result> poll = CompletableFuture.supplyAsync(reloader::reload);
            assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();
            // an editor saves the file while the poll is stuck on the slow server: the watcher's reload goes through
            Files.write(file, Datasets.bytes(Datasets.without("andrew-miller")));
            Reloader.Result edit = CompletableFuture.supplyAsync(reloader::reload).get(20, TimeUnit.SECONDS);
            assertThat(edit).isInstanceOf(Reloader.Loaded.class);
            assertThat(served.get().entries()).hasSize(13);
            assertThat(poll).isNotDone();
            release.countDown();
            assertThat(poll.get(30, TimeUnit.SECONDS)).isInstanceOf(Reloader.Loaded.class);
        }
    }
}
