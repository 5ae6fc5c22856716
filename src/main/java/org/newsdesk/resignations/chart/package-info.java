/**
 * Charts for the stats and timeline answers: models built from query results, drawn as PNG
 * attachments with bundled fonts.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.chart;

import org.jspecify.annotations.NullMarked;
