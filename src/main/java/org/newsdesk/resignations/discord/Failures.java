package org.newsdesk.resignations.discord;

import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.render.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort of every listener: something threw while reading or answering an interaction.
 * The user gets an ephemeral "something went wrong (ref …)" if nothing was sent yet, and the
 * same ref goes into an ERROR log line, so no interaction is left unanswered.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static void answer(IReplyCallback event, Throwable e, String what, Replies replies, MessageRenderer renderer, Lang lang) {
        String ref = Refs.next();
        LOG.error("ref {}: could not handle {}", ref, what, e);
        try {
            if (!event.isAcknowledged()) {
                event.reply(renderer.create(Answer.fresh(replies.failure(lang, ref), lang)))
                        .setEphemeral(true).queue(null, x -> { });
            }
        } catch (Throwable again) {
            LOG.error("ref {}: could not report the failure either", ref, again);
        }
    }
}
