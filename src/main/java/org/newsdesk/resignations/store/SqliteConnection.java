package org.newsdesk.resignations.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite's one connection (WAL, synchronous=FULL, a busy timeout), used by one thread at a time:
 * SQLite has one writer anyway, and this keeps the transactions simple.
 */
final class SqliteConnection implements Database.Connections {

    private final String url;
    private final List<String> pragmas;
    /** Replaced by a fresh connection when a failure leaves it in an unknown state (see {@link #tx}). */
    private Connection db;

    private SqliteConnection(String url, List<String> pragmas, Connection db) {
        this.url = url;
        this.pragmas = pragmas;
        this.db = db;
    }

    static SqliteConnection open(String url, List<String> pragmas) {
        List<String> extra = List.copyOf(pragmas);
        try {
            return new SqliteConnection(url, extra, connect(url, extra));
        } catch (SQLException e) {
            throw new StoreException("cannot open " + url, e);
        }
    }

    private static Connection connect(String url, List<String> pragmas) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=" + Database.BUSY_TIMEOUT_MS);
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

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("close", e);
        }
    }

    /**
     * After any failure the transaction is rolled back; when SQLite already ended it
     * (SQLITE_FULL, an I/O error) the rollback itself fails and the driver would leave the
     * connection without a transaction, every later statement committing on its own: the
     * connection is then replaced by a fresh one, so the next call starts clean.
     */
    @Override
    public synchronized <T> T tx(Database.Work<T> work) {
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
}
