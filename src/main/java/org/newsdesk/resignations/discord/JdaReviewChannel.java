package org.newsdesk.resignations.discord;

import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.newsdesk.resignations.intake.Pending;
import org.newsdesk.resignations.intake.ReviewChannel;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsroom's review channel ({@code review_channel}): each entry sent for review is posted
 * there as its card with Approve, Reject and Edit; an author is told there why an entry was not
 * approved (their mention shown, never pinging: allowed mentions are empty). Posted with JDA's
 * REST client like the notifications, so the channel need not be cached; a failure is logged (the
 * entry still waits, and {@code /resignations pending} lists it).
 */
final class JdaReviewChannel implements ReviewChannel {

    private static final Logger LOG = LoggerFactory.getLogger(JdaReviewChannel.class);

    private final JDA jda;
    private final long channel;
    private final MessageRenderer renderer;
    private final Templates templates;

    JdaReviewChannel(JDA jda, long channel, MessageRenderer renderer, Templates templates) {
        this.jda = jda;
        this.channel = channel;
        this.renderer = renderer;
        this.templates = templates;
    }

    @Override
    public void review(Pending p, Reply card, Why why) {
        post(ReviewFlow.message(renderer, templates, p, card, p.draft().lang()), "review card " + p.id() + " (" + why + ")");
    }

    @Override
    public void tell(long author, Reply note) {
        post(new MessageCreateBuilder()
                .setContent("<@" + Long.toUnsignedString(author) + ">")
                .setEmbeds(renderer.embed(note.page(0), Reply.Kind.ANSWER))
                .setAllowedMentions(List.of())
                .build(), "note to user " + author);
    }

    private void post(MessageCreateData message, String what) {
        DataObject body;
        try (MessageCreateData data = message) {
            body = data.toData();
        }
        Route.CompiledRoute route = Route.Messages.SEND_MESSAGE.compile(Long.toUnsignedString(channel));
        new RestActionImpl<Void>(jda, route, body).queue(
                ok -> LOG.info("Posted the {} in the review channel {}", what, channel),
                e -> LOG.warn("Could not post the {} in the review channel {}: {}", what, channel, e.toString()));
    }
}
