package org.newsdesk.resignations.store;

/** What happened to one entry between two dataset loads (column {@code events.kind}). */
public enum EventKind {
    /** An id not seen before. */
    NEW,
    /** A known id whose content changed. */
    CORRECTION,
    /** An id no longer in the dataset (the event carries its last content). */
    REMOVED
}
