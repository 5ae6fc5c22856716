package org.newsdesk.resignations.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.Extension;

/**
 * Where a store test keeps its state, on either {@link Backend}. Registered per test class
 * ({@code @RegisterExtension static final TestDatabases DBS = new TestDatabases();}): on PostgreSQL
 * the class gets a fresh database on the JVM's {@link PostgresServer} (started on first use; a
 * clear failure when PostgreSQL is not installed) and each {@link #target} a fresh schema in it, so
 * every test starts empty. Small pool, short timeouts: the suite stays quick and a fault shows fast.
 */
public final class TestDatabases implements Extension {

    /** One test's database: how to open it as the store does, and a raw second connection to it. */
    public record Target(Backend backend, Storage storage, Path dir, String url) {

        public Store open() {
            return Store.open(storage);
        }

        public Store open(String processId, Duration lease) {
            return Store.open(storage, processId, lease);
        }

        /** A connection of its own (another process, as far as the store can tell); autocommit on. */
        public Connection raw() throws SQLException {
            return backend == Backend.SQLITE ? DriverManager.getConnection(url)
                    : DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
        }

        /** The same database with other pragmas (SQLite) or lock timeout (PostgreSQL). */
        public Target withLockTimeout(Duration timeout) {
            if (storage instanceof Storage.Postgres pg) {
                return new Target(backend, pg.withPool(pg.poolSize(), timeout, pg.connectTimeout()), dir, url);
            }
            return new Target(backend, new Storage.Sqlite(dir, List.of("PRAGMA busy_timeout = " + timeout.toMillis())), dir, url);
        }
    }

    private final AtomicInteger schemas = new AtomicInteger();
    private String classUrl;

    /** A fresh, empty database for one test: SQLite in {@code dir}, or a new schema on PostgreSQL. */
    public Target target(Backend backend, Path dir) {
        if (backend == Backend.SQLITE) {
            return new Target(backend, new Storage.Sqlite(dir, List.of()), dir,
                    "jdbc:sqlite:" + dir.resolve(Database.FILE).toAbsolutePath());
        }
        String url = freshSchema();
        Storage.Postgres pg = Storage.Postgres.of(url, Optional.of(PostgresServer.PASSWORD))
                .withPool(3, Duration.ofSeconds(5), Duration.ofSeconds(3));
        return new Target(backend, pg, dir, url);
    }

    private synchronized String classDatabase() {
        if (classUrl == null) {
            StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
            String hint = walker.walk(s -> s.map(f -> f.getDeclaringClass()).filter(c -> c != TestDatabases.class
                    && c != Target.class).findFirst().map(Class::getSimpleName).orElse("store"));
            classUrl = PostgresServer.get().newDatabase(hint);
        }
        return classUrl;
    }

    private String freshSchema() {
        String url = classDatabase();
        String schema = "s" + schemas.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test schema " + schema, e);
        }
        return url + "&currentSchema=" + schema;
    }
}
