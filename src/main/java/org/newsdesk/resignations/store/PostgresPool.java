package org.newsdesk.resignations.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * PostgreSQL's connections: a HikariCP pool, {@code autoCommit} off, {@code lock_timeout} set on
 * each connection. A connection that broke (the server restarted) is dropped by the pool and the
 * next transaction gets a new one, so the store works again as soon as the server is back.
 */
final class PostgresPool implements Database.Connections {

    private final HikariDataSource pool;
    private final String where;
    private final String password;

    private PostgresPool(HikariDataSource pool, String where, String password) {
        this.pool = pool;
        this.where = where;
        this.password = password;
    }

    /** @throws StoreException (UNREACHABLE) when the server does not answer or refuses the login */
    static PostgresPool open(Storage.Postgres pg) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("store");
        c.setJdbcUrl(pg.url().strip());
        pg.password().ifPresent(c::setPassword);
        c.setMaximumPoolSize(pg.poolSize());
        c.setMinimumIdle(1);
        c.setAutoCommit(false);
        c.setConnectionTimeout(Math.max(250, pg.connectTimeout().toMillis()));
        c.setValidationTimeout(Math.max(250, Math.min(5_000, pg.connectTimeout().toMillis())));
        c.setConnectionInitSql("SET lock_timeout = " + pg.lockTimeout().toMillis());
        c.addDataSourceProperty("ApplicationName", "resignation-bot");
        c.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, pg.connectTimeout().toSeconds())));
        c.addDataSourceProperty("tcpKeepAlive", "true");
        String secret = pg.password().orElse("");
        try {
            return new PostgresPool(new HikariDataSource(c), "the database " + pg.where(), secret);
        } catch (RuntimeException e) {
            SQLException cause = Database.sqlCause(e);
            String why = cause == null ? e.getClass().getSimpleName() : Database.firstLine(cause.getMessage());
            throw new StoreException("cannot connect to the PostgreSQL database " + pg.where() + ": "
                    + hide(why, secret) + " (check storage.url, that the server runs, and the password)", e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public <T> T tx(Database.Work<T> work) {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw wrap(e);
        }
        try (c) {
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException again) {
                    // the connection is broken: the pool drops it; the server rolled back on its own
                    e.addSuppressed(again);
                }
                throw e instanceof RuntimeException r ? r : wrap((SQLException) e);
            }
        } catch (SQLException closing) {
            throw wrap(closing);
        }
    }

    private StoreException wrap(SQLException e) {
        String why = hide(Database.firstLine(e.getMessage()), password);
        SQLException cause = Database.sqlCause(e.getCause());
        String detail = cause == null ? "" : " (" + hide(Database.firstLine(cause.getMessage()), password) + ")";
        return switch (StoreException.kindOf(e)) {
            case BUSY -> new StoreException(where + " is busy: another connection held a lock longer than lock_timeout ("
                    + why + "); nothing was written", e);
            case UNREACHABLE -> new StoreException(where + " cannot be reached: " + why + detail
                    + "; nothing was written, the next call tries again", e);
            case FULL -> new StoreException(where + " is out of disk space: " + why, e);
            case CONFLICT, OTHER -> new StoreException("database: " + why, e);
        };
    }

    private static String hide(String text, String secret) {
        return secret.isEmpty() ? text : text.replace(secret, "[password]");
    }
}
