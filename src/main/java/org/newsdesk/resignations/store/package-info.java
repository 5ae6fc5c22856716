/**
 * The bot's durable state: settings, subscriptions, the ledger, the outbox, and the fleet's
 * processes, dataset mark and drafts. One {@link org.newsdesk.resignations.store.Database} (SQLite
 * by default, PostgreSQL for several processes; one schema, Flyway migrations) and a class per
 * table family; {@link org.newsdesk.resignations.store.Store} opens it and hands out the tables.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.store;

import org.jspecify.annotations.NullMarked;
