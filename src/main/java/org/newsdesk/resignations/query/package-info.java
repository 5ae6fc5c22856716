/**
 * Questions over a snapshot (lookup, list, stats, about), answered as transport-neutral results.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.query;

import org.jspecify.annotations.NullMarked;
