package org.newsdesk.resignations.commands;

import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;

/** Answers one command whose options have already been checked against its spec. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(CommandRequest request, Lang lang);

    /** For commands that act on where they were used (server, channel); most ignore it. */
    default Reply handle(CommandRequest request, Lang lang, RequestContext where) {
        return handle(request, lang);
    }
}
