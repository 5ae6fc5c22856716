package org.newsdesk.resignations.sourcing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Dataset;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Outlet;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.SemanticCheck;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;

/**
 * The dataset the bot serves: the bundled one, one file, or several files merged in order (on
 * top of the bundled one when asked). Each file must be a valid dataset on its own; merging goes
 * by id (agencies, sources, entries), a later file's version of an id replacing an earlier one in
 * place, and the merged whole is checked again (references across files). Problems of every file
 * are reported together, so one load says everything that is wrong.
 */
public final class DatasetSources {

    /** How the files combine with the bundled dataset. */
    public enum Mode { REPLACE, MERGE }

    private DatasetSources() {
    }

    public static Reloader.Source of(DatasetLoader loader, List<Path> files, Mode mode, Clock clock) {
        return of(loader, files, Optional.empty(), mode, clock);
    }

    /** @param url a dataset published over http(s), after the files (it wins over them by id) */
    public static Reloader.Source of(DatasetLoader loader, List<Path> files, Optional<Reloader.Source> url, Mode mode,
                                     Clock clock) {
        return of(loader, Optional.empty(), files, url, mode, clock);
    }

    /**
     * @param additions the file editors add entries to from Discord; merged first, so the curated
     *                  files win over it by id; skipped while it does not exist
     * @param url       a dataset published over http(s), after the files (it wins over them by id)
     */
    public static Reloader.Source of(DatasetLoader loader, Optional<Path> additions, List<Path> files,
                                     Optional<Reloader.Source> url, Mode mode, Clock clock) {
        return of(loader, additions, files, url, mode, clock, Optional.empty());
    }

    /**
     * @param corrections the file reviewed corrections from Discord are written to; merged last,
     *                    so a corrected entry wins over the file it came from; skipped while it does not exist
     */
    public static Reloader.Source of(DatasetLoader loader, Optional<Path> additions, List<Path> files,
                                     Optional<Reloader.Source> url, Mode mode, Clock clock, Optional<Path> corrections) {
        return withParts(loader, additions.map(p -> file(loader, p)), files, url, mode, clock,
                corrections.map(p -> file(loader, p)));
    }

    /** A part that may not exist yet: the additions or the corrections file, wherever it is kept. */
    @FunctionalInterface
    public interface OptionalPart {
        /** @return empty while it does not exist */
        Optional<Snapshot> read() throws InvalidDatasetException;
    }

    private static OptionalPart file(DatasetLoader loader, Path p) {
        return () -> Files.exists(p) ? Optional.of(loader.load(p)) : Optional.empty();
    }

    /**
     * @param additions   entries editors added from Discord; merged first, so the curated files win over them by id
     * @param corrections reviewed corrections from Discord; merged last, so a corrected entry wins over the file it came from
     */
    public static Reloader.Source withParts(DatasetLoader loader, Optional<OptionalPart> additions, List<Path> files,
                                            Optional<Reloader.Source> url, Mode mode, Clock clock,
                                            Optional<OptionalPart> corrections) {
        List<Reloader.Source> sources = new ArrayList<>();
        if (mode == Mode.MERGE) {
            sources.add(loader::loadBundled);
        }
        for (Path f : files) {
            sources.add(() -> loader.load(f));
        }
        url.ifPresent(sources::add);
        if (sources.isEmpty()) {
            sources.add(loader::loadBundled);
        }
        if (sources.size() == 1 && additions.isEmpty() && url.isEmpty() && corrections.isEmpty()) {
            return sources.get(0);
        }
        return new Reloader.Source() {
            @Override
            public Optional<Reloader.Unavailable> fetch() {
                return url.flatMap(Reloader.Source::fetch);
            }

            @Override
            public Snapshot load() throws InvalidDatasetException {
                List<Snapshot> parts = new ArrayList<>();
                List<Problem> problems = new ArrayList<>();
                readInto(additions, parts, problems);
                boolean nothingElse = true;
                for (Reloader.Source src : sources) {
                    try {
                        parts.add(src.load());
                        nothingElse = false;
                    } catch (InvalidDatasetException e) {
                        problems.addAll(e.problems());
                        nothingElse = false;
                    } catch (UrlDatasetSource.NothingFetched e) {
                        // the URL has never answered and left no copy: the others serve meanwhile
                    }
                }
                if (nothingElse) {
                    // only a URL was configured and it has not answered yet: the bundled dataset serves
                    parts.add(loader.loadBundled());
                }
                readInto(corrections, parts, problems);
                if (!problems.isEmpty()) {
                    throw new InvalidDatasetException(problems);
                }
                return parts.size() == 1 ? parts.get(0) : merge(parts, clock);
            }
        };
    }

    private static void readInto(Optional<OptionalPart> part, List<Snapshot> parts, List<Problem> problems) {
        if (part.isPresent()) {
            try {
                part.get().read().ifPresent(parts::add);
            } catch (InvalidDatasetException e) {
                problems.addAll(e.problems());
            }
        }
    }

    /** Merges by id, later parts winning, and checks the whole again (references across parts). */
    public static Snapshot merge(List<Snapshot> parts, Clock clock) throws InvalidDatasetException {
        Dataset last = parts.get(parts.size() - 1).dataset();
        Dataset merged = new Dataset(
                parts.stream().mapToInt(p -> p.dataset().schemaVersion()).max().orElse(last.schemaVersion()),
                last.dataset(),
                byId(parts, Dataset::agencies, Agency::id),
                byId(parts, Dataset::outlets, Outlet::id),
                byId(parts, Dataset::sources, Source::id),
                byId(parts, Dataset::entries, Entry::id));
        String name = "merged(" + String.join(" + ", parts.stream().map(Snapshot::version).toList()) + ")";
        List<Problem> problems = new SemanticCheck(LocalDate.now(clock)).check(name, merged);
        if (!problems.isEmpty()) {
            throw new InvalidDatasetException(problems);
        }
        return new Snapshot(merged, version(parts));
    }

    private static <T> List<T> byId(List<Snapshot> parts, Function<Dataset, List<T>> items, Function<T, String> id) {
        Map<String, T> out = new LinkedHashMap<>();
        for (Snapshot p : parts) {
            for (T t : items.apply(p.dataset())) {
                out.put(id.apply(t), t);
            }
        }
        return List.copyOf(out.values());
    }

    /** A hash of the parts' versions, in order: the same files give the same version. */
    private static String version(List<Snapshot> parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Snapshot p : parts) {
                d.update(p.version().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return Snapshot.version(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
