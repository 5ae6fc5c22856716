package org.newsdesk.resignations.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.newsdesk.resignations.commands.CommandObserver;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.factcheck.FactCheckResult;
import org.newsdesk.resignations.notify.Delivery;
import org.newsdesk.resignations.ops.GatewayStatus;
import org.newsdesk.resignations.ops.Metrics;
import org.newsdesk.resignations.ops.Operations;
import org.newsdesk.resignations.ops.ReadinessCheck;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;

/**
 * The adapters between the parts of the bot and the operator's readiness checks and metrics (ops
 * knows none of them): what a reload's result, a fact-check's result, a delivery's outcome, the
 * outbox and the gateway mean for readiness and which metric they move.
 */
final class Instrumentation {

    private Instrumentation() {
    }

    static CommandObserver commands(Metrics metrics) {
        return new CommandObserver() {
            @Override
            public void answered(String command, Lang lang, Reply.Kind outcome, long nanos) {
                metrics.command(command, lang, outcome.name().toLowerCase(Locale.ROOT), nanos);
            }

            @Override
            public void completed(String option, long nanos) {
                metrics.autocomplete(option, nanos);
            }
        };
    }

    /** The overall verdict of a checked claim, else why there was none (no_official, empty, no_text). */
    static Consumer<FactCheckResult> verdicts(Metrics metrics) {
        return r -> metrics.verdict((r.status() == FactCheckResult.Status.CHECKED ? r.overall().name() : r.status().name())
                .toLowerCase(Locale.ROOT));
    }

    static Consumer<Delivery.Outcome> deliveries(Metrics metrics) {
        return o -> metrics.delivery(o.name().toLowerCase(Locale.ROOT));
    }

    /** The dataset as loaded at start-up: what could not be fetched makes the bot not ready, as on a reload. */
    static void started(Operations ops, Optional<Reloader.Unavailable> down, String version, Templates templates, Clock clock) {
        if (down.isPresent()) {
            unavailable(ops, down.get(), version, templates);
        } else {
            ops.dataset().loaded(clock.instant());
        }
    }

    /** Every reload's result (file change, poll, /resignations reload, an editor's addition). */
    static Consumer<Reloader.Result> reloads(Operations ops, Supplier<String> serving, Templates templates, Clock clock) {
        return r -> {
            if (r instanceof Reloader.Invalid invalid) {
                ops.metrics().datasetLoadFailed("invalid");
                ops.dataset().failed("the last dataset load was refused (" + invalid.problems().size()
                        + " problem(s), in the log and told to the admin channel); the bot keeps serving version "
                        + serving.get() + ". Fix the dataset and save it again, or run /resignations reload.");
            } else if (r instanceof Reloader.Loaded loaded && loaded.unavailable().isPresent()) {
                unavailable(ops, loaded.unavailable().get(), serving.get(), templates);
            } else {
                ops.dataset().loaded(clock.instant());
                ops.metrics().datasetVersion(serving.get());
            }
        };
    }

    private static void unavailable(Operations ops, Reloader.Unavailable down, String version, Templates templates) {
        ops.metrics().datasetLoadFailed("unavailable");
        // the sentence says where and what failed, never what a server sent
        ops.dataset().failed(down.problem().in(templates, Lang.EN) + "; the bot keeps serving version " + version
                + " and tries again in " + down.retry().toSeconds() + " s.");
    }

    /** The database answers a read (the outbox's backlog). */
    static ReadinessCheck database(Store store) {
        return ReadinessCheck.of("database", () -> {
            try {
                store.outboxWaiting();
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of("notify.db cannot be read (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                        : ": " + e.getMessage()) + "); check the data directory's disk, permissions and other processes.");
            }
        });
    }

    /** Rows waiting and the age of the oldest; empty when the database cannot be read. */
    static Supplier<Optional<Metrics.Backlog>> backlog(Store store, Clock clock) {
        return () -> {
            try {
                Outbox.Waiting w = store.outboxWaiting();
                long now = clock.millis();
                return Optional.of(new Metrics.Backlog(w.rows(),
                        w.oldestQueuedAt().map(t -> Duration.ofMillis(Math.max(0, now - t))).orElse(Duration.ZERO)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
    }

    /** Every shard this process holds is connected. */
    static ReadinessCheck gateway(GatewayStatus status) {
        return ReadinessCheck.of("gateway", () -> {
            List<String> down = status.shards().stream().filter(s -> !s.connected())
                    .map(s -> "shard " + s.id() + "/" + s.total() + " is " + s.status()).toList();
            return down.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", down)
                    + " (not connected to Discord's gateway; it reconnects by itself, the log says why it dropped)");
        });
    }
}
