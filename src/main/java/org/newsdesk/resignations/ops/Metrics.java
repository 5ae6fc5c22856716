package org.newsdesk.resignations.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.newsdesk.resignations.dataset.Lang;

/**
 * The bot's Prometheus metrics (names in docs/OPERATIONS.md). Gauges hold their source strongly
 * (Micrometer's default is a weak reference, which would turn a gauge read through a lambda into
 * NaN after the next garbage collection). Labels only ever hold values from a
 * short fixed list (a command path from the catalogue, a language, an outcome, a shard number): no
 * user text, no guild, channel or user id.
 */
public final class Metrics implements AutoCloseable {

    /** The latency buckets of commands and autocomplete: Discord's 3 s deadline is the one that matters. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(1000), Duration.ofMillis(2500),
            Duration.ofMillis(10_000)};

    /** Delivery results, all exported from the start (at zero) so that rate() works at once. */
    public static final List<String> DELIVERY_RESULTS = List.of("sent", "retried", "rate_limited", "disabled", "failed");
    /** X-RateLimit-Scope values Discord sends; anything else is "unknown". */
    static final Set<String> SCOPES = Set.of("user", "global", "shared");
    static final Set<String> LOAD_FAILURES = Set.of("invalid", "unavailable");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MultiGauge datasetVersion;

    public Metrics(BuildInfo build) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("resignations.build.info", () -> 1).tags("version", build.version(), "commit", build.commit())
                .description("The running build: its version and git commit as labels, value 1").register(registry);
        datasetVersion = MultiGauge.builder("resignations.dataset.version.info")
                .description("The dataset version served (a hash of its content) as a label, value 1").register(registry);
        for (String r : DELIVERY_RESULTS) {
            deliveries(r);
        }
        for (String s : SCOPES) {
            rateLimitCounter(s);
        }
        for (String r : LOAD_FAILURES) {
            loadFailures(r);
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The exposition text of every metric (what {@code /metrics} answers). */
    public String scrape() {
        return registry.scrape();
    }

    // ---- commands ------------------------------------------------------------------------------

    /**
     * A command was answered.
     *
     * @param command the catalogue's path ("resignations who"), or "unknown" for one not in it
     * @param outcome answer, private, user_error or failure
     */
    public void command(String command, Lang lang, String outcome, long nanos) {
        Timer.builder("resignations.command").description("Commands answered, by command, language and outcome")
                .tags("command", command, "lang", lang.code(), "outcome", outcome)
                .serviceLevelObjectives(BUCKETS).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Autocomplete choices were computed for {@code option} ("name", "agency" or "other"). */
    public void autocomplete(String option, long nanos) {
        Timer.builder("resignations.autocomplete").description("Autocomplete answers computed, by option")
                .tags("option", option).serviceLevelObjectives(BUCKETS).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A claim was checked: its overall verdict ("contradicted"…), or why there was none ("no_official"…). */
    public void verdict(String verdict) {
        Counter.builder("resignations.factcheck.verdicts").description("Fact-checks, by overall verdict")
                .tag("verdict", verdict).register(registry).increment();
    }

    // ---- dataset -------------------------------------------------------------------------------

    /**
     * The dataset gauges: entries served and their version (read at each scrape), when a load
     * last succeeded.
     */
    public void dataset(Supplier<String> version, Supplier<Integer> entries, DatasetHealth health) {
        Gauge.builder("resignations.dataset.entries", () -> entries.get()).description("Entries in the dataset served")
                .register(registry);
        Gauge.builder("resignations.dataset.last.load.timestamp.seconds", health,
                        h -> h.lastLoad().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN))
                .strongReference(true).description("When a dataset load last succeeded (Unix time)").register(registry);
        datasetVersion(version.get());
    }

    /** The version label follows the dataset served: the old series goes when a new version comes. */
    public void datasetVersion(String v) {
        datasetVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", v), 1)), true);
    }

    /** A load was refused ("invalid": it failed validation or was empty) or could not be fetched ("unavailable"). */
    public void datasetLoadFailed(String reason) {
        loadFailures(LOAD_FAILURES.contains(reason) ? reason : "invalid").increment();
    }

    private Counter loadFailures(String reason) {
        return Counter.builder("resignations.dataset.load.failures").description("Dataset loads that failed, by reason")
                .tag("reason", reason).register(registry);
    }

    // ---- notifications -------------------------------------------------------------------------

    /**
     * The outbox gauges, read at each scrape.
     *
     * @param waiting rows not yet delivered (pending or in flight) and the age of the oldest, empty when the
     *                database cannot be read
     */
    public void outbox(Supplier<Optional<Backlog>> waiting) {
        Gauge.builder("resignations.outbox.waiting", waiting, w -> w.get().map(b -> (double) b.rows()).orElse(Double.NaN))
                .strongReference(true).description("Notifications waiting to be delivered (pending or in flight)").register(registry);
        Gauge.builder("resignations.outbox.oldest.age.seconds", waiting,
                        w -> w.get().map(b -> b.oldestAge().toMillis() / 1000.0).orElse(Double.NaN))
                .strongReference(true).description("Age of the oldest notification waiting to be delivered (0 when none waits)").register(registry);
    }

    /** @param oldestAge zero when nothing waits */
    public record Backlog(long rows, Duration oldestAge) {
    }

    /** A delivery attempt ended: one of {@link #DELIVERY_RESULTS}. */
    public void delivery(String result) {
        deliveries(DELIVERY_RESULTS.contains(result) ? result : "failed").increment();
    }

    private Counter deliveries(String result) {
        return Counter.builder("resignations.deliveries").description("Notification delivery attempts, by result")
                .tag("result", result).register(registry);
    }

    // ---- Discord -------------------------------------------------------------------------------

    /** Discord answered 429; {@code scope} from its X-RateLimit-Scope header. */
    public void rateLimited(String scope) {
        String s = scope == null ? "" : scope.toLowerCase(Locale.ROOT);
        rateLimitCounter(SCOPES.contains(s) ? s : "unknown").increment();
    }

    private Counter rateLimitCounter(String scope) {
        return Counter.builder("resignations.discord.rate.limited").description("HTTP 429 answers from Discord, by scope")
                .tag("scope", scope).register(registry);
    }

    /** The gateway gauges of every shard this process holds, read at each scrape. */
    public void gateway(GatewayStatus status) {
        for (GatewayStatus.Shard s : status.shards()) {
            int id = s.id();
            Gauge.builder("resignations.gateway.ping.seconds", status, shard(id, sh -> sh.pingMillis() < 0 ? Double.NaN
                            : sh.pingMillis() / 1000.0))
                    .strongReference(true).description("Round trip of the last gateway heartbeat, by shard").tag("shard", Integer.toString(id))
                    .register(registry);
            Gauge.builder("resignations.gateway.connected", status, shard(id, sh -> sh.connected() ? 1 : 0))
                    .strongReference(true).description("1 when the shard's gateway session is up").tag("shard", Integer.toString(id))
                    .register(registry);
        }
    }

    private static ToDoubleFunction<GatewayStatus> shard(int id, ToDoubleFunction<GatewayStatus.Shard> value) {
        return g -> g.shards().stream().filter(s -> s.id() == id).findFirst().map(value::applyAsDouble).orElse(Double.NaN);
    }

    // ---- readiness -----------------------------------------------------------------------------

    /** {@code resignations_ready} (1 or 0) and one {@code resignations_ready_check} per check, read at each scrape. */
    public void readiness(Readiness readiness) {
        Gauge.builder("resignations.ready", readiness, r -> r.check().ready() ? 1 : 0).strongReference(true)
                .description("1 when every readiness check passes (what /readyz answers 200 to)").register(registry);
        for (String name : readiness.names()) {
            Gauge.builder("resignations.ready.check", readiness, r -> r.problem(name).isPresent() ? 0 : 1)
                    .strongReference(true).description("1 when the readiness check passes, 0 when not").tag("check", name).register(registry);
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
