package org.newsdesk.resignations.store;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** The database could not do what was asked; the transaction was rolled back. */
public final class StoreException extends RuntimeException {

    /** What kind of failure, so callers can say what happened and whether waiting helps. */
    public enum Kind {
        /**
         * Another connection holds the lock: SQLite's write lock (SQLITE_BUSY, SQLITE_LOCKED), a
         * PostgreSQL row or table lock past {@code lock_timeout}, a deadlock. It frees on its own.
         */
        BUSY,
        /** The disk (or the file's size limit) is full (SQLITE_FULL, PostgreSQL's disk_full): it frees when space is made. */
        FULL,
        /** The PostgreSQL server does not answer, refused the login, or is shutting down: it works again once it is back. */
        UNREACHABLE,
        /**
         * Another process wrote first what this call meant to write (the baseline): nothing was
         * written; read again and decide anew.
         */
        CONFLICT,
        /** Anything else. */
        OTHER
    }

    private final @Nullable Kind known;

    public StoreException(String message, @Nullable Throwable cause) {
        this(message, cause, null);
    }

    StoreException(String message, @Nullable Throwable cause, @Nullable Kind known) {
        super(message, cause);
        this.known = known;
    }

    /** From the first SQL error among the causes, unless the store said it outright. */
    public Kind kind() {
        if (known != null) {
            return known;
        }
        SQLException e = Database.sqlCause(getCause());
        return e == null ? Kind.OTHER : kindOf(e);
    }

    /**
     * PostgreSQL's SQLSTATE where there is one (of this error or a cause); else SQLite's primary
     * result code (the low byte of the extended code).
     */
    static Kind kindOf(SQLException first) {
        for (Throwable t = first; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                if (state.equals("55P03") || state.equals("40P01") || state.equals("40001")) {
                    return Kind.BUSY;
                }
                if (state.equals("53100")) {
                    return Kind.FULL;
                }
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("28") || state.equals("3D000")) {
                    return Kind.UNREACHABLE;
                }
            }
        }
        for (Throwable t = first; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException e) {
                switch (e.getErrorCode() & 0xff) {
                    case 5, 6 -> {
                        return Kind.BUSY;
                    }
                    case 13 -> {
                        return Kind.FULL;
                    }
                    default -> {
                    }
                }
            }
        }
        return Kind.OTHER;
    }
}
