/**
 * Notifications of dataset changes: the ledger comparison, the outbox and its delivery, and the
 * settings and subscription commands.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.notify;

import org.jspecify.annotations.NullMarked;
