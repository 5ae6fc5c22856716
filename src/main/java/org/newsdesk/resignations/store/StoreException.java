package org.newsdesk.resignations.store;

/** The database could not do what was asked; the transaction was rolled back. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
