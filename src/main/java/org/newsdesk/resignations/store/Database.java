package org.newsdesk.resignations.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * One SQLite file ({@link #FILE} in the data directory), WAL mode, every change in a
 * transaction. One connection, used by one thread at a time: SQLite has one writer anyway, and
 * this keeps the transactions simple. The tables ({@link ServerSettings}, {@link Subscriptions},
 * {@link Ledger}, {@link Outbox}) run their portable SQL through {@link #tx}; a PostgreSQL
 * database would replace this class only. Ids are allocated as {@code MAX(id)+1} inside the
 * writing transaction ({@link #nextId}), safe with SQLite's single writer; PostgreSQL would use a
 * sequence.
 */
public final class Database implements AutoCloseable {

    public static final String FILE = "notify.db";

    /** How long a statement waits for another writer's lock before SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MS = 5_000;

    /** What a transaction does with its connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final String url;
    private final List<String> pragmas;
    /** Replaced by a fresh connection when a failure leaves it in an unknown state (see {@link #tx}). */
    private Connection db;

    private Database(String url, List<String> pragmas, Connection db) {
        this.url = url;
        this.pragmas = pragmas;
        this.db = db;
    }

    /**
     * Opens (creating the directory and file on demand) and brings the schema up to date.
     *
     * @param pragmas further {@code PRAGMA …} statements run on every connection after the
     *                standard ones (a test lowers {@code busy_timeout}, or caps the file with
     *                {@code max_page_count} to make SQLite answer SQLITE_FULL for real)
     * @throws StoreException when the file was migrated by a newer release, or cannot be opened
     */
    public static Database open(Path dataDir, List<String> pragmas) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath();
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load();
        refuseNewerSchema(flyway);
        flyway.migrate();
        List<String> extra = List.copyOf(pragmas);
        try {
            return new Database(url, extra, connect(url, extra));
        } catch (SQLException e) {
            throw new StoreException("cannot open " + url, e);
        }
    }

    private static Connection connect(String url, List<String> pragmas) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            for (String p : pragmas) {
                s.execute(p);
            }
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Flyway only warns about migrations it does not know; a release older than the one that
     * last wrote the file would then run on a schema it does not understand. Refuse instead.
     */
    private static void refuseNewerSchema(Flyway flyway) {
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
            throw new StoreException(FILE + " was written by a newer release (schema version " + newest.getVersion()
                    + ", this release knows up to " + (known == null ? "none" : known.getVersion())
                    + "): run that release, or restore a backup", null);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("close", e);
        }
    }

    /**
     * Runs one transaction. After any failure it is rolled back; when SQLite already ended it
     * (SQLITE_FULL, an I/O error) the rollback itself fails and the driver would leave the
     * connection without a transaction, every later statement committing on its own: the
     * connection is then replaced by a fresh one, so the next call starts clean.
     */
    synchronized <T> T tx(Work<T> work) {
        try {
            T out = work.run(db);
            db.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException again) {
                e.addSuppressed(again);
                reconnect(e);
            }
            throw e instanceof RuntimeException r ? r : new StoreException("database: " + e.getMessage(), (SQLException) e);
        }
    }

    private void reconnect(Exception failure) {
        try {
            db.close();
        } catch (SQLException ignored) {
            failure.addSuppressed(ignored);
        }
        try {
            db = connect(url, pragmas);
        } catch (SQLException again) {
            // the next call tries again; until then every call fails with "connection closed", never half-writes
            failure.addSuppressed(again);
        }
    }

    // ---- helpers for the tables' SQL -------------------------------------------------------------

    static long nextId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
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

    /** Cuts error texts to the 500 characters their columns hold. */
    static String cut(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }
}
