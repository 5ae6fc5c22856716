/**
 * The entry point and its wiring: configuration, the data-directory lock, the command line, and
 * the assembly of every other package.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.app;

import org.jspecify.annotations.NullMarked;
