/**
 * The dataset: its records, its strict loader and validation, and the snapshot every other package
 * reads.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.dataset;

import org.jspecify.annotations.NullMarked;
