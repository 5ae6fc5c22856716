package org.newsdesk.resignations.commands;

import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;

/** Answers one command whose options have already been checked against its spec. */
@FunctionalInterface
public interface CommandHandler {
    Reply handle(CommandRequest request, Lang lang);
}
