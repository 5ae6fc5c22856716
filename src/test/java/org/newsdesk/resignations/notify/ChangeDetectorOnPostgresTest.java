package org.newsdesk.resignations.notify;

import org.newsdesk.resignations.store.Backend;

/** Every {@link ChangeDetectorTest} on PostgreSQL. */
class ChangeDetectorOnPostgresTest extends ChangeDetectorTest {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
