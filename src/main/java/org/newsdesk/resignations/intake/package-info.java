/**
 * Editors adding an entry: the draft form, its field checks, and the additions file the new entry
 * is written to.
 *
 * <p>Nothing is null unless marked {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package org.newsdesk.resignations.intake;

import org.jspecify.annotations.NullMarked;
