package org.newsdesk.resignations.sourcing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the dataset again (file change, /resignations reload): validated first; a bad file
 * changes nothing, is logged and the admin channel is told what is wrong, with the same
 * pointers as {@code validate}. A good one is swapped in and compared with the ledger.
 */
public final class Reloader {

    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
    static final int PROBLEMS_SHOWN = 10;

    /** Reads and validates the configured dataset. */
    @FunctionalInterface
    public interface Source {
        /**
         * Waits on whatever is slow (the network) before the reload lock is taken, so that
         * {@link #load} finds it at hand; says what could not be fetched (the reload goes on
         * with what is here). None by default.
         */
        default Optional<Unavailable> fetch() {
            return Optional.empty();
        }

        Snapshot load() throws InvalidDatasetException;
    }

    /**
     * A source could not be fetched this time.
     *
     * @param problem what failed, where (never what a server sent)
     * @param retry   when it is tried again
     */
    public record Unavailable(Said problem, Duration retry) {
    }

    public sealed interface Result permits Loaded, Invalid {
    }

    /**
     * @param unavailable what could not be fetched this time (the URL down): the reload went on with
     *                    what was at hand, and the answer says so instead of "nothing changed"
     */
    public record Loaded(Snapshot snapshot, Optional<Changes> changes, Optional<Unavailable> unavailable) implements Result {

        public Loaded(Snapshot snapshot, Optional<Changes> changes) {
            this(snapshot, changes, Optional.empty());
        }
    }

    public record Invalid(List<Problem> problems) implements Result {
    }

    private final Source source;
    private final Supplier<Snapshot> current;
    private final Consumer<Snapshot> swap;
    private final Optional<? extends ReloadListener> notifier;
    private final Alarms alarms;
    private volatile Consumer<Result> observer = r -> { };

    public Reloader(Source source, Supplier<Snapshot> current, Consumer<Snapshot> swap,
                    Optional<? extends ReloadListener> notifier) {
        this.source = source;
        this.current = current;
        this.swap = swap;
        this.notifier = notifier;
        this.alarms = Alarms.of(notifier);
    }

    public Result reload() {
        // the network first, outside the lock: a slow server holds up neither another reload nor the watcher
        Optional<Unavailable> down = source.fetch();
        Result r = loadAndSwap();
        alarms.fetched(down, current.get().version());
        Result out = r instanceof Loaded ok && down.isPresent() ? new Loaded(ok.snapshot(), ok.changes(), down) : r;
        observer.accept(out);
        return out;
    }

    /** Who hears of every reload's result (readiness and metrics); set once at wiring. Quick, never throws. */
    public void observe(Consumer<Result> observer) {
        this.observer = observer;
    }

    private synchronized Result loadAndSwap() {
        Snapshot s;
        try {
            s = source.load();
        } catch (InvalidDatasetException e) {
            LOG.warn("Dataset not reloaded: {} problem(s); the bot keeps version {}\n{}", e.problems().size(),
                    current.get().version(), e.problems().stream().map(Problem::describe).collect(Collectors.joining("\n")));
            notifier.ifPresent(n -> n.tellAdmins(n.templates().get(n.fallback(), "notify.admin.invalid",
                    "count", e.problems().size(), "problems", problems(e.problems()))));
            return new Invalid(e.problems());
        }
        Snapshot before = current.get();
        Optional<Problem> empty = refusedAsEmpty(s, before.entries().size(),
                notifier.map(n -> n.allowEmpty()).orElse(false));
        if (empty.isPresent()) {
            LOG.warn("Dataset not reloaded: the new files hold no entry; the bot keeps version {} ({} entries). "
                    + "Set dataset.allow_empty=true if that is intended", before.version(), before.entries().size());
            notifier.ifPresent(n -> n.tellAdmins(n.templates().get(n.fallback(), "notify.admin.empty",
                    "version", before.version(), "count", before.entries().size())));
            return new Invalid(List.of(empty.get()));
        }
        // the ledger first: a version is served once its changes are recorded (or, when the
        // database cannot take them now, once their recording is scheduled to be retried)
        Optional<Changes> changes = notifier.map(n -> n.datasetChanged(s));
        if (!s.version().equals(before.version())) {
            swap.accept(s);
            LOG.info("Dataset reloaded: version {} ({} entries)", s.version(), s.entries().size());
        }
        return new Loaded(s, changes);
    }

    /**
     * A file emptied by mistake would silently take every entry away: a dataset with no entry
     * may replace one that has entries only when {@code dataset.allow_empty} says so.
     *
     * @param entriesBefore entries served (or, at start-up, recorded in the ledger) until now
     * @return the problem to report when it is refused
     */
    public static Optional<Problem> refusedAsEmpty(Snapshot next, int entriesBefore, boolean allowEmpty) {
        if (!next.entries().isEmpty() || entriesBefore == 0 || allowEmpty) {
            return Optional.empty();
        }
        return Optional.of(Problem.at("the new dataset files", "/entries", "no entry at all, where the bot had "
                + entriesBefore + "; nothing was loaded. Set dataset.allow_empty=true if an empty dataset is intended."));
    }

    /** The first problems, one a line, in a code block (file paths and pointers stay readable). */
    public static String problems(List<Problem> problems) {
        String shown = problems.stream().limit(PROBLEMS_SHOWN).map(Problem::describe)
                .map(d -> d.replace("```", "'''"))
                .map(d -> d.length() > 300 ? d.substring(0, 300) + "…" : d)
                .collect(Collectors.joining("\n"));
        return "```\n" + shown + (problems.size() > PROBLEMS_SHOWN ? "\n…" : "") + "\n```";
    }
}
