/**
 * Turns results into replies: templates in both languages, cards, pagination, bidi and Discord's
 * size limits.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.render;

import org.jspecify.annotations.NullMarked;
