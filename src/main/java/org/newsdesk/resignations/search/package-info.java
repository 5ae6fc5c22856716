/**
 * Finding people by name in English or Arabic: normalisation, a fuzzy index and the directory
 * built from a snapshot.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.search;

import org.jspecify.annotations.NullMarked;
