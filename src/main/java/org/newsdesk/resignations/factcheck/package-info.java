/**
 * Fact-checking a claim against the dataset: reading the claim, finding the person, judging each
 * aspect, and the reply.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.factcheck;

import org.jspecify.annotations.NullMarked;
