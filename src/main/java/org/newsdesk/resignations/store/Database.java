package org.newsdesk.resignations.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The database the tables ({@link ServerSettings}, {@link Subscriptions}, {@link Ledger},
 * {@link Outbox}, {@link Processes}, {@link FleetState}, {@link Drafts}, {@link SharedFiles}) run their SQL on, every
 * change in a transaction ({@link #tx}). Two kinds:
 *
 * <ul>
 * <li>SQLite ({@link #FILE} in the data directory; the default): one connection used by one
 * thread at a time, as SQLite has one writer anyway. Ids are {@code MAX(id)+1} inside the
 * writing transaction, safe with that single writer.</li>
 * <li>PostgreSQL ({@code storage.url}; several processes): a pool (HikariCP), transactions in
 * parallel, ids from sequences, {@code lock_timeout} on every connection so a statement never
 * waits without end for another process's lock.</li>
 * </ul>
 *
 * <p>The schema is one set of Flyway migrations: {@code db/migration/common} (portable SQL) and
 * a folder per database for what must differ ({@code db/migration/postgresql}: the id sequences).
 * The SQL of the tables is the same on both (upserts with {@code ON CONFLICT}, which both speak);
 * where it cannot be, the tables ask {@link #dialect()}.
 */
public final class Database implements AutoCloseable {

    public static final String FILE = "notify.db";

    /** How long a statement waits for another writer's lock before SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MS = 5_000;

    public enum Dialect { SQLITE, POSTGRESQL }

    /** What a transaction does with its connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Where transactions get their connection. */
    interface Connections extends AutoCloseable {
        <T> T tx(Work<T> work);

        @Override
        void close();
    }

    /** Ids for new rows of one table, inside one transaction. */
    @FunctionalInterface
    interface Ids {
        long next() throws SQLException;
    }

    private final Dialect dialect;
    private final Connections connections;

    private Database(Dialect dialect, Connections connections) {
        this.dialect = dialect;
        this.connections = connections;
    }

    /** SQLite in {@code dataDir}: see {@link #open(Storage)}. */
    public static Database open(Path dataDir, List<String> pragmas) {
        return open(new Storage.Sqlite(dataDir, pragmas));
    }

    /**
     * Opens (creating the SQLite directory and file on demand) and brings the schema up to date.
     * Several processes may do it at once on one PostgreSQL database: Flyway holds a lock there
     * while it migrates.
     *
     * @throws StoreException when the database was migrated by a newer release, or cannot be
     *                        opened or reached (kind {@link StoreException.Kind#UNREACHABLE})
     */
    public static Database open(Storage storage) {
        if (storage instanceof Storage.Postgres pg) {
            PostgresPool pool = PostgresPool.open(pg);
            try {
                migrate(Flyway.configure().dataSource(pool.dataSource()), Dialect.POSTGRESQL, "the database " + pg.where());
                return new Database(Dialect.POSTGRESQL, pool);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        Storage.Sqlite sqlite = (Storage.Sqlite) storage;
        try {
            Files.createDirectories(sqlite.dir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + sqlite.dir(), e);
        }
        String url = "jdbc:sqlite:" + sqlite.dir().resolve(FILE).toAbsolutePath();
        migrate(Flyway.configure().dataSource(url, null, null), Dialect.SQLITE, FILE);
        return new Database(Dialect.SQLITE, SqliteConnection.open(url, sqlite.pragmas()));
    }

    /** The Flyway locations of a database: the common folder, then its own when it has one. */
    static String[] locations(Dialect dialect) {
        List<String> out = new ArrayList<>(List.of("classpath:db/migration/common"));
        String own = "db/migration/" + dialect.name().toLowerCase(Locale.ROOT);
        if (Database.class.getClassLoader().getResource(own) != null) {
            out.add("classpath:" + own);
        }
        return out.toArray(String[]::new);
    }

    private static void migrate(FluentConfiguration config, Dialect dialect, String what) {
        Flyway flyway = config.locations(locations(dialect)).load();
        try {
            refuseNewerSchema(flyway, what);
            flyway.migrate();
        } catch (FlywayException e) {
            SQLException cause = sqlCause(e);
            if (cause != null && StoreException.kindOf(cause) == StoreException.Kind.UNREACHABLE) {
                throw new StoreException(what + " cannot be reached: " + firstLine(cause.getMessage()), e);
            }
            throw new StoreException("cannot bring the schema of " + what + " up to date: " + firstLine(e.getMessage()), e);
        }
    }

    static @Nullable SQLException sqlCause(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    static String firstLine(@Nullable String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /**
     * Flyway only warns about migrations it does not know; a release older than the one that
     * last wrote the database would then run on a schema it does not understand. Refuse instead.
     */
    private static void refuseNewerSchema(Flyway flyway, String what) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion known = null;
        MigrationVersion newest = null;
        for (MigrationInfo m : all) {
            if (m.getVersion() == null) {
                continue;
            }
            boolean future = m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED;
            if (future) {
                newest = newest == null || m.getVersion().isNewerThan(newest) ? m.getVersion() : newest;
            } else if (known == null || m.getVersion().isNewerThan(known)) {
                known = m.getVersion();
            }
        }
        if (newest != null) {
            throw new StoreException(what + " was written by a newer release (schema version " + newest.getVersion()
                    + ", this release knows up to " + (known == null ? "none" : known.getVersion())
                    + "): run that release, or restore a backup", null);
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        connections.close();
    }

    /**
     * Runs one transaction: committed when {@code work} returns, rolled back when it throws
     * (a {@link StoreException} then says why). Nothing is ever half-written.
     */
    <T> T tx(Work<T> work) {
        return connections.tx(work);
    }

    // ---- helpers for the tables' SQL -------------------------------------------------------------

    /**
     * Ids for new rows of {@code table} inside the caller's transaction: on SQLite counting up from
     * {@code MAX(id)+1} (one writer), on PostgreSQL from the table's sequence (many writers).
     */
    Ids ids(Connection c, String table) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            String sql = "SELECT nextval('" + table + "_id_seq')";
            return () -> single(c, sql);
        }
        long[] next = {single(c, "SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)};
        return () -> next[0]++;
    }

    static PreparedStatement ps(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
        return p;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = ps(c, sql, args)) {
            return p.executeUpdate();
        }
    }

    /** The single number of a {@code SELECT COUNT(*)…} or {@code SELECT MIN(…)…}; 0 for NULL. */
    static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = ps(c, sql, args); ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Cuts error texts to the 500 characters their columns hold. */
    static String cut(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }
}
