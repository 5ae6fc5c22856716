package org.newsdesk.resignations.ops;

import java.util.Optional;

/**
 * What the operator's listener serves, put together before the rest of the bot starts so that
 * {@code /healthz} answers during start-up and {@code /readyz} says what is still coming: the
 * metrics, and the readiness checks (gateway, dataset, database, background tasks), each filled
 * in by the wiring as its part starts.
 */
public final class Operations implements AutoCloseable {

    private final Metrics metrics;
    private final Readiness readiness = new Readiness();
    private final Readiness.Slot gateway = readiness.expect("gateway", "not connected to Discord yet");
    private final DatasetHealth dataset = new DatasetHealth();
    private final Readiness.Slot database = readiness.expect("database", "the database is not open yet");
    private final BackgroundTasks tasks = new BackgroundTasks();
    private final Optional<OpsServer> server;

    private Operations(BuildInfo build, Optional<HttpAddress> address) throws OpsServer.CannotListen {
        readiness.add(dataset).add(tasks);
        metrics = new Metrics(build);
        metrics.readiness(readiness);
        Optional<OpsServer> s = Optional.empty();
        try {
            if (address.isPresent()) {
                s = Optional.of(OpsServer.start(address.get(), readiness, metrics));
            }
        } catch (OpsServer.CannotListen e) {
            metrics.close();
            throw e;
        }
        server = s;
    }

    /**
     * @param address where to listen; empty ({@code http.address = off}): metrics and readiness
     *                are kept but not served
     */
    public static Operations start(BuildInfo build, Optional<HttpAddress> address) throws OpsServer.CannotListen {
        return new Operations(build, address);
    }

    public Metrics metrics() {
        return metrics;
    }

    public Readiness readiness() {
        return readiness;
    }

    public Readiness.Slot gateway() {
        return gateway;
    }

    public DatasetHealth dataset() {
        return dataset;
    }

    public Readiness.Slot database() {
        return database;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** Where the listener is bound (the port chosen when 0 was asked for); empty when off. */
    public Optional<HttpAddress> address() {
        return server.map(OpsServer::address);
    }

    @Override
    public void close() {
        server.ifPresent(OpsServer::close);
        metrics.close();
    }
}
