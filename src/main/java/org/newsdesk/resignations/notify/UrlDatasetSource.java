package org.newsdesk.resignations.notify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;

/**
 * A dataset published at an http(s) URL, fetched with {@code If-None-Match}: a 304 costs no
 * download and gives back the snapshot already loaded. An answer that is not a valid dataset is a
 * {@link InvalidDatasetException} like a bad file (the admins are told); a network failure or a
 * server error is an {@link UncheckedIOException} (logged; the next poll tries again), so an
 * unreachable server does not flood the admin channel.
 */
public final class UrlDatasetSource implements Reloader.Source {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI url;
    private final DatasetLoader loader;
    private final HttpClient http;
    private Optional<String> etag = Optional.empty();
    private Snapshot last;

    public UrlDatasetSource(URI url, DatasetLoader loader) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the dataset URL must be http or https: " + url);
        }
        this.url = url;
        this.loader = loader;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public synchronized Snapshot load() throws InvalidDatasetException {
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Accept", "application/json");
        if (last != null) {
            etag.ifPresent(e -> req.header("If-None-Match", e));
        }
        HttpResponse<InputStream> res;
        try {
            res = http.send(req.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("fetching " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while fetching " + url));
        }
        try (InputStream body = res.body()) {
            if (res.statusCode() == 304 && last != null) {
                return last;
            }
            if (res.statusCode() >= 500 || res.statusCode() == 429) {
                throw new UncheckedIOException(new IOException(url + " answered " + res.statusCode()));
            }
            if (res.statusCode() != 200) {
                throw new InvalidDatasetException(List.of(Problem.at(url.toString(), "", "the server answered " + res.statusCode() + ".")));
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, DatasetLoader.MAX_FILE_BYTES + 1));
            Snapshot s = loader.load(url.toString(), bytes);
            last = s;
            etag = res.headers().firstValue("ETag");
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + url + " failed", e);
        }
    }
}
