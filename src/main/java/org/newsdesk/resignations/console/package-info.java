/**
 * The local console: the same commands as Discord, read from standard input with bounded lines.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.console;

import org.jspecify.annotations.NullMarked;
