/**
 * Where the dataset comes from and when it is read again: files, the additions file, a URL under
 * fetch limits, the watcher, the poller and the reloader.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.sourcing;

import org.jspecify.annotations.NullMarked;
