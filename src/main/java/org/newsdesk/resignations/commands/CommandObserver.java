package org.newsdesk.resignations.commands;

import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;

/**
 * Told of every command the router answers and every autocomplete computed, whatever the
 * transport: the operator's metrics (app wires ops' in). It must be quick and never throw.
 */
public interface CommandObserver {

    CommandObserver NONE = new CommandObserver() {
    };

    /**
     * @param command the catalogue's path ("resignations who"), or "unknown" when the command or
     *                subcommand is not in the catalogue (what was typed is never passed on)
     */
    default void answered(String command, Lang lang, Reply.Kind outcome, long nanos) {
    }

    /** @param option "name", "agency", or "other" */
    default void completed(String option, long nanos) {
    }
}
