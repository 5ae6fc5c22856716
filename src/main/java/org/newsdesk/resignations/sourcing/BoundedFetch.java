package org.newsdesk.resignations.sourcing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.sourcing.BodySubscribers.DiskFailure;
import org.newsdesk.resignations.sourcing.BodySubscribers.Refusing;
import org.newsdesk.resignations.sourcing.BodySubscribers.ToFile;
import org.newsdesk.resignations.sourcing.BodySubscribers.TooLarge;
import org.newsdesk.resignations.render.Templates;

/**
 * One GET of a dataset URL, bounded in every way a server could stretch it: the whole exchange
 * (name lookup, connection, headers, body, redirects) within one deadline, the body within a size
 * (refused up front when Content-Length says more; cut off as soon as more arrives), written to a
 * temporary file instead of memory. Redirects are followed only to https on the configured host;
 * addresses the {@link AddressPolicy} refuses are never contacted. A failure says what happened
 * at which URL (without credentials or query), never what the server sent.
 */
public final class BoundedFetch {

    static final int MAX_REDIRECTS = 5;
    private static final int MAX_ETAG = 200;
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"), Map.entry(304, "Not Modified"));

    /**
     * @param timeout   the whole exchange, redirects included
     * @param maxBytes  the largest body accepted
     * @param addresses which addresses may be contacted
     */
    public record Limits(Duration timeout, long maxBytes, AddressPolicy addresses) {
        public Limits {
            if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0) {
                throw new IllegalArgumentException("the fetch limits must be positive");
            }
        }
    }

    /** What a fetch brought. */
    public sealed interface Outcome permits Body, NotModified {
    }

    /** A 200: the body in {@code file} (the caller deletes it), its ETag and SHA-256. */
    public record Body(Path file, Optional<String> etag, String sha256) implements Outcome {
    }

    /** A 304 to If-None-Match: what the caller has is still current. */
    public record NotModified() implements Outcome {
    }

    /** The fetch did not bring a body; {@link #said()} says why, and {@link #getMessage()} in English. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Said said;

        Failure(Said said, String english) {
            super(english, null, false, false);
            this.said = said;
        }

        public Said said() {
            return said;
        }
    }

    private final Limits limits;
    private final Templates templates;
    private final HttpClient http;
    /** Name lookups run here so that a slow resolver is bounded by the deadline too. */
    private final ExecutorService lookups = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dataset-fetch-lookup");
        t.setDaemon(true);
        return t;
    });

    public BoundedFetch(Limits limits, Templates templates) {
        this.limits = limits;
        this.templates = templates;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(limits.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)   // followed by hand, see redirect()
                .build();
    }

    public Limits limits() {
        return limits;
    }

    /**
     * GETs the URL into a new file in {@code tempDir}.
     *
     * @param ifNoneMatch the ETag of what the caller already has
     */
    public Outcome get(URI url, Optional<String> ifNoneMatch, Path tempDir) throws Failure {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        URI at = url;
        for (int hop = 0; ; hop++) {
            Path temp;
            try {
                Files.createDirectories(tempDir);
                temp = Files.createTempFile(tempDir, "url-dataset-", ".part");
            } catch (IOException e) {
                throw fail(Said.of("notify.url.disk", "url", display(url), "dir", tempDir.toAbsolutePath()));
            }
            boolean keep = false;
            try {
                Exchange ex = exchange(url, at, ifNoneMatch, temp, deadline);
                HttpResponse<Path> res = ex.response();
                int status = res.statusCode();
                if (status == 200) {
                    keep = true;
                    String etag = res.headers().firstValue("ETag")
                            .filter(e -> e.length() <= MAX_ETAG && e.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).orElse(null);
                    return new Body(temp, Optional.ofNullable(etag), ex.body().hash());
                }
                if (status == 304 && ifNoneMatch.isPresent()) {
                    return new NotModified();
                }
                if (status >= 300 && status < 400 && status != 304 && res.headers().firstValue("Location").isPresent()) {
                    if (hop >= MAX_REDIRECTS) {
                        throw fail(Said.of("notify.url.redirects", "url", display(url), "max", MAX_REDIRECTS));
                    }
                    at = redirect(url, at, res.headers().firstValue("Location").get());
                    continue;
                }
                throw fail(Said.of("notify.url.status", "url", display(url), "status", status(status)));
            } finally {
                if (!keep) {
                    deleteQuietly(temp);
                }
            }
        }
    }

    /** A response and, for a 200, the body that was written. */
    private record Exchange(HttpResponse<Path> response, ToFile body) {
    }

    private Exchange exchange(URI url, URI at, Optional<String> ifNoneMatch, Path temp, long deadline)
            throws Failure {
        checkAddress(url, at, deadline);
        HttpRequest.Builder req = HttpRequest.newBuilder(at).GET()
                .timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                .header("Accept", "application/json")
                .header("Accept-Encoding", "identity");
        ifNoneMatch.ifPresent(e -> req.header("If-None-Match", e));
        AtomicReference<ToFile> body = new AtomicReference<>();
        HttpResponse.BodyHandler<Path> handler = info -> {
            if (info.statusCode() != 200) {
                return new Refusing(null);     // only the status and headers matter; the body is not read
            }
            OptionalLong length = info.headers().firstValueAsLong("Content-Length");
            if (length.isPresent() && length.getAsLong() > limits.maxBytes()) {
                return new Refusing(new TooLarge());
            }
            try {
                ToFile t = new ToFile(temp, limits.maxBytes());
                body.set(t);
                return t;
            } catch (IOException e) {
                return new Refusing(new DiskFailure());
            }
        };
        CompletableFuture<HttpResponse<Path>> pending = http.sendAsync(req.build(), handler);
        try {
            HttpResponse<Path> res = pending.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Exchange(res, body.get());
        } catch (TimeoutException e) {
            throw fail(Said.of("notify.url.timeout", "url", display(url), "seconds", limits.timeout().toSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(Said.of("notify.url.network", "url", display(url)));
        } catch (ExecutionException e) {
            throw failure(url, temp, e.getCause());
        } finally {
            // whatever happened, nothing goes on in the background: the body stops, the connection closes
            ToFile t = body.get();
            if (t != null && !pending.isDone()) {
                t.abort(new TimeoutException());
            }
            pending.cancel(true);
        }
    }

    private Failure failure(URI url, Path temp, Throwable cause) {
        Throwable c = cause;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof TooLarge) {
            return fail(Said.of("notify.url.too_large", "url", display(url), "max", megabytes(limits.maxBytes())));
        }
        if (c instanceof DiskFailure) {
            return fail(Said.of("notify.url.disk", "url", display(url), "dir", temp.getParent().toAbsolutePath()));
        }
        if (c instanceof HttpTimeoutException) {
            return fail(Said.of("notify.url.timeout", "url", display(url), "seconds", limits.timeout().toSeconds()));
        }
        if (c instanceof ConnectException) {
            return fail(Said.of("notify.url.refused", "url", display(url)));
        }
        if (c instanceof UnknownHostException) {
            return fail(Said.of("notify.url.unknown_host", "url", display(url)));
        }
        if (c instanceof SSLException) {
            return fail(Said.of("notify.url.tls", "url", display(url)));
        }
        return fail(Said.of("notify.url.network", "url", display(url)));
    }

    /** Resolves the host of this hop (within the deadline) and refuses what the policy refuses, before any connection. */
    private void checkAddress(URI url, URI at, long deadline) throws Failure {
        CompletableFuture<Object> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return limits.addresses().check(at.getHost());
            } catch (AddressPolicy.Refused | UnknownHostException e) {
                return e;
            }
        }, lookups);
        Object r;
        try {
            r = lookup.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw fail(Said.of("notify.url.timeout", "url", display(url), "seconds", limits.timeout().toSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(Said.of("notify.url.network", "url", display(url)));
        } catch (ExecutionException e) {
            throw fail(Said.of("notify.url.network", "url", display(url)));
        }
        if (r instanceof UnknownHostException) {
            throw fail(Said.of("notify.url.unknown_host", "url", display(url)));
        }
        if (r instanceof AddressPolicy.Refused refused) {
            throw fail(Said.of("notify.url.address", "url", display(url), "host", hostOf(at),
                    "address", refused.address(), "kind", Said.of("notify.url.kind." + refused.kind())));
        }
    }

    /**
     * Where a redirect may lead: https on the configured host (its port when the configured URL is
     * https, else 443), nowhere else. Anything else is refused with the place it pointed to (scheme,
     * host and port only).
     */
    URI redirect(URI configured, URI from, String location) throws Failure {
        URI to;
        try {
            to = from.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw fail(Said.of("notify.url.redirect", "url", display(configured), "target", "?"));
        }
        if (!allowedRedirect(configured, to)) {
            throw fail(Said.of("notify.url.redirect", "url", display(configured), "target", origin(to)));
        }
        return to;
    }

    static boolean allowedRedirect(URI configured, URI to) {
        if (to.getScheme() == null || !to.getScheme().equalsIgnoreCase("https") || to.getHost() == null
                || to.getRawUserInfo() != null || configured.getHost() == null) {
            return false;
        }
        int port = to.getPort() == -1 ? 443 : to.getPort();
        boolean configuredHttps = "https".equalsIgnoreCase(configured.getScheme());
        int allowed = configuredHttps && configured.getPort() != -1 ? configured.getPort() : 443;
        return to.getHost().equalsIgnoreCase(configured.getHost()) && port == allowed;
    }

    /** The URL as it may be shown: no user or password, no query (it may hold a key), no fragment. */
    public static String display(URI url) {
        StringBuilder s = new StringBuilder();
        s.append(url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT)).append("://")
                .append(hostOf(url));
        if (url.getPort() != -1) {
            s.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        s.append(path == null || path.isEmpty() ? "/" : path);
        if (url.getRawQuery() != null) {
            s.append("?…");
        }
        return s.toString();
    }

    private static String hostOf(URI url) {
        return url.getHost() == null ? "?" : url.getHost();
    }

    /** scheme://host[:port] of where a server pointed, when it looks like a host; never the path or query. */
    private static String origin(URI to) {
        String host = to.getHost();
        if (to.getScheme() == null || host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,100}")
                || !to.getScheme().matches("[A-Za-z][A-Za-z0-9+.-]{0,15}")) {
            return "?";
        }
        return to.getScheme().toLowerCase(Locale.ROOT) + "://" + host + (to.getPort() == -1 ? "" : ":" + to.getPort());
    }

    private static String status(int code) {
        String reason = REASONS.get(code);
        return reason == null ? Integer.toString(code) : code + " " + reason;
    }

    static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private Failure fail(Said said) {
        return new Failure(said, said.in(templates, Lang.EN));
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a stray temporary file in the data directory; the next fetch does not depend on it
        }
    }
}
