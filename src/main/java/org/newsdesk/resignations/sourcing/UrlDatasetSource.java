package org.newsdesk.resignations.sourcing;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset published at an http(s) URL. {@link #fetch()} does the network part (bounded, see
 * {@link BoundedFetch}) outside the reload lock, into a temporary file in the data directory;
 * {@link #load()} then validates what was fetched, under the lock, without touching the network.
 * {@code If-None-Match} makes an unchanged dataset cost no download.
 *
 * <p>A body that validates is kept as {@value #LAST_GOOD} in the data directory (written
 * atomically), so a restart while the server is down starts on it. A server that cannot be
 * reached is no reason to stop: the reload keeps what it has and says so (see
 * {@link Reloader.Unavailable}). A body that fails validation is reported once (the same body is
 * not reported again at every poll), by position only: nothing the server sent is repeated.
 */
public final class UrlDatasetSource implements Reloader.Source {

    private static final Logger LOG = LoggerFactory.getLogger(UrlDatasetSource.class);
    public static final String LAST_GOOD = "url-dataset.last-good.json";
    private static final Pattern POINTER_SEGMENT = Pattern.compile("[0-9]{1,9}|[a-z][a-z_]{0,29}");

    /** Nothing was ever fetched and no last good copy exists: the other sources (or the bundled dataset) serve. */
    public static final class NothingFetched extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingFetched(String url) {
            super("nothing has been fetched from " + url + " yet");
        }
    }

    private final URI url;
    private final String shown;
    private final DatasetLoader loader;
    private final BoundedFetch http;
    private final Path dataDir;
    private final Duration retry;
    /** One fetch at a time; a reload that finds one under way goes on with what is already here. */
    private final ReentrantLock fetching = new ReentrantLock();

    // guarded by this
    private BoundedFetch.@Nullable Body pending;
    private @Nullable Snapshot last;
    private @Nullable String lastHash;
    private Optional<String> etag = Optional.empty();
    /** The hash of the last body that failed validation: already reported, not again. */
    private @Nullable String rejected;
    private boolean swept;

    /**
     * @param dataDir where the temporary body and the last good copy are kept
     * @param retry   how long until the next try (the poll interval), for the messages
     */
    public UrlDatasetSource(URI url, DatasetLoader loader, BoundedFetch http, Path dataDir, Duration retry) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("the dataset URL must be http or https with a host: " + BoundedFetch.display(url));
        }
        this.url = url;
        this.shown = BoundedFetch.display(url);
        this.loader = loader;
        this.http = http;
        this.dataDir = dataDir;
        this.retry = retry;
    }

    public Path lastGood() {
        return dataDir.resolve(LAST_GOOD);
    }

    @Override
    public Optional<Reloader.Unavailable> fetch() {
        if (!fetching.tryLock()) {
            return Optional.empty();
        }
        try {
            if (!swept) {
                swept = true;
                sweep();
            }
            Optional<String> ask;
            synchronized (this) {
                ask = last != null ? etag : Optional.empty();
            }
            BoundedFetch.Outcome got = http.get(url, ask, dataDir);
            if (got instanceof BoundedFetch.Body body) {
                synchronized (this) {
                    boolean same = last != null && body.sha256().equals(lastHash);
                    if (same || body.sha256().equals(rejected)) {
                        deleteQuietly(body.file());    // the same bytes as before: nothing to check again
                        etag = same ? body.etag() : etag;
                    } else {
                        if (pending != null) {
                            deleteQuietly(pending.file());
                        }
                        pending = body;
                    }
                }
            }
            return Optional.empty();
        } catch (BoundedFetch.Failure f) {
            return Optional.of(new Reloader.Unavailable(f.said(), retry));
        } finally {
            fetching.unlock();
        }
    }

    @Override
    public synchronized Snapshot load() throws InvalidDatasetException {
        if (pending != null) {
            BoundedFetch.Body body = pending;
            pending = null;
            try {
                Snapshot s;
                try {
                    s = loader.load(body.file());
                } catch (InvalidDatasetException e) {
                    rejected = body.sha256();
                    throw new InvalidDatasetException(e.problems().stream().map(p -> redact(p, shown)).toList());
                } catch (RuntimeException e) {
                    // the exception's text may quote the body; only its kind goes on
                    throw new IllegalStateException("validating the dataset fetched from " + shown + " failed ("
                            + e.getClass().getSimpleName() + ")");
                }
                keep(body.file());
                last = s;
                lastHash = body.sha256();
                etag = body.etag();
                rejected = null;
                return s;
            } finally {
                deleteQuietly(body.file());
            }
        }
        if (last != null) {
            return last;
        }
        Path copy = lastGood();
        if (Files.isRegularFile(copy)) {
            try {
                last = loader.load(copy);
                LOG.info("Serving the last good copy of {} ({}, version {}) until the URL answers", shown, copy,
                        last.version());
                return last;
            } catch (InvalidDatasetException e) {
                LOG.warn("The last good copy {} of {} does not load any more ({} problem(s)); it is not used", copy, shown,
                        e.problems().size());
            }
        }
        throw new NothingFetched(shown);
    }

    /**
     * A problem in a fetched body, said without what the body holds: a parse error by line and
     * column only; otherwise the pointer (its parts that look like field names or indexes) and the
     * sentence with quoted values left out.
     */
    static Problem redact(Problem p, String shown) {
        if (p.pointer() == null) {
            return p.line() > 0
                    ? Problem.atLine(shown, p.line(), p.column(), "the body is not valid JSON at this line and column.")
                    : Problem.at(shown, "", "the body could not be read as a dataset.");
        }
        StringBuilder pointer = new StringBuilder();
        for (String seg : p.pointer().split("/", -1)) {
            if (!seg.isEmpty()) {
                pointer.append('/').append(POINTER_SEGMENT.matcher(seg).matches() ? seg : "…");
            }
        }
        // quoted values go; a quote left unpaired takes the rest of the sentence with it
        String message = p.message().replaceAll("\"[^\"]*\"", "\u0001").replaceAll("(?<![A-Za-z])'[^']*'(?![A-Za-z])", "\u0001")
                .replaceAll("«[^»]*»", "\u0001").replaceAll("[\"«»].*$", "…").replace("\u0001", "\"…\"");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return Problem.at(shown, pointer.toString(), message);
    }

    /** The body becomes the last good copy: renamed over it (same directory, so atomic) and synced. */
    private void keep(Path body) {
        try {
            Files.move(body, lastGood(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(dataDir, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // not every file system syncs a directory; the rename itself is atomic
            }
        } catch (IOException e) {
            LOG.warn("Could not keep a copy of the dataset fetched from {} in {} ({}); a restart while the URL is down "
                    + "starts on an older copy or the bundled dataset", shown, lastGood(), e.getClass().getSimpleName());
        }
    }

    /** Removes bodies left half-written by a process that stopped during a fetch. */
    private void sweep() {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dataDir, "url-dataset-*.part")) {
            for (Path p : parts) {
                deleteQuietly(p);
            }
        } catch (IOException e) {
            LOG.debug("could not look for stray temporary files in {}", dataDir);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete {}", p);
        }
    }

    /** For messages: the URL as it may be shown. */
    public String shown() {
        return shown;
    }

}
