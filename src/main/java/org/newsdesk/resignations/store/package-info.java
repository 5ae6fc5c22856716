/**
 * The SQLite database (Flyway migrations) that keeps settings, subscriptions, the ledger and the
 * outbox.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.store;

import org.jspecify.annotations.NullMarked;
