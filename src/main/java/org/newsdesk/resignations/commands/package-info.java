/**
 * The transport-neutral commands: their catalogue, option checks, the router from a parsed request
 * to a handler, and the language rules.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.commands;

import org.jspecify.annotations.NullMarked;
