/**
 * The Discord transport, the only package that knows JDA: slash commands, components, replies and
 * notification delivery to channels.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.discord;

import org.jspecify.annotations.NullMarked;
