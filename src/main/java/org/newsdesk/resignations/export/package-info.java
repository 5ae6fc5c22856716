/**
 * Exports of the dataset (CSV, JSON, ClaimReview) as command attachments.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.export;

import org.jspecify.annotations.NullMarked;
