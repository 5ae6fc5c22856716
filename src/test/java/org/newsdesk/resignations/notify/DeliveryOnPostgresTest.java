package org.newsdesk.resignations.notify;

import org.newsdesk.resignations.store.Backend;

/** Every {@link DeliveryTest} on PostgreSQL. */
class DeliveryOnPostgresTest extends DeliveryTest {

    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }
}
