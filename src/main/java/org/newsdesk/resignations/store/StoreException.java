package org.newsdesk.resignations.store;

import java.sql.SQLException;

/** The database could not do what was asked; the transaction was rolled back. */
public final class StoreException extends RuntimeException {

    /** What kind of failure, so callers can say what happened and whether waiting helps. */
    public enum Kind {
        /** Another process holds the write lock (SQLITE_BUSY, SQLITE_LOCKED): it frees on its own. */
        BUSY,
        /** The disk (or the file's size limit) is full (SQLITE_FULL): it frees when space is made. */
        FULL,
        /** Anything else. */
        OTHER
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** From SQLite's primary result code (the low byte of the extended code), found in the causes. */
    public Kind kind() {
        for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
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
