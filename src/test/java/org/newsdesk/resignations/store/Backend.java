package org.newsdesk.resignations.store;

/** The two databases the store runs on: every store test runs on each. */
public enum Backend {
    SQLITE,
    POSTGRESQL
}
