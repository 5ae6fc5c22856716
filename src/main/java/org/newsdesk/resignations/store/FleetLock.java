package org.newsdesk.resignations.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;

/**
 * One lock for the whole fleet, by name: what a single process does under a Java lock (an editor's
 * read-check-write of the shared files), the fleet does under this one. On PostgreSQL it is a
 * transaction-scoped advisory lock, so a killed process can never leave it held; waiting for it is
 * bounded by {@code lock_timeout}, after which the caller is told the database is busy. On SQLite
 * there is one process (the data directory is locked), and the section simply runs.
 *
 * <p>The section runs while one pooled connection holds the lock, and does its own writes on other
 * connections: callers take a process-local lock first, so no more than one connection per process
 * ever waits here.
 */
public final class FleetLock {

    /** What runs under the lock; its exception is the caller's. */
    @FunctionalInterface
    public interface Section<T, E extends Exception> {
        T run() throws E;
    }

    private final Database db;

    public FleetLock(Database db) {
        this.db = db;
    }

    /**
     * Runs {@code section} holding the lock {@code name}.
     *
     * @throws StoreException when the lock cannot be had (busy past {@code lock_timeout}, or the
     *                        database out of reach); the section has then not run
     */
    public <T, E extends Exception> T holding(String name, Section<T, E> section) throws E {
        if (db.dialect() != Database.Dialect.POSTGRESQL) {
            return section.run();
        }
        @SuppressWarnings("unchecked")
        Holder<T, E> out = db.tx(c -> {
            // keyed by schema too: two fleets in one database (a schema each) do not wait for each other
            try (PreparedStatement p = Database.ps(c, "SELECT pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || ?, 0))",
                    name);
                 ResultSet rs = p.executeQuery()) {
                rs.next();
            }
            try {
                return new Holder<>(section.run(), null);
            } catch (Exception e) {
                return new Holder<>(null, (E) e);
            }
        });
        if (out.failure() != null) {
            throw out.failure();
        }
        return out.value();
    }

    /** The section's result or its exception, carried out of the transaction (which then ends, freeing the lock). */
    private record Holder<T, E extends Exception>(T value, E failure) {
    }
}
