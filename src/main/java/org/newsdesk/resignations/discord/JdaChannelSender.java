package org.newsdesk.resignations.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.newsdesk.resignations.notify.ChannelSender;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Reply;

/**
 * Posts a notification with JDA's REST client ({@code POST channels/{id}/messages}), so JDA's
 * rate limiter (per-route buckets, the global limit, Retry-After) paces the requests. The channel
 * need not be in JDA's cache. Nothing pings (allowed mentions empty); the nonce goes with
 * {@code enforce_nonce}, so a repeat after a crash returns the message already created.
 *
 * <p>The request is built by hand through JDA's internal {@code RestActionImpl} because its public
 * {@code MessageCreateAction} needs a cached channel object and does not set {@code enforce_nonce}.
 */
final class JdaChannelSender implements ChannelSender {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final JDA jda;
    private final MessageRenderer renderer;

    JdaChannelSender(JDA jda, MessageRenderer renderer) {
        this.jda = jda;
        this.renderer = renderer;
    }

    @Override
    public Result send(long channelId, Card card, String nonce) {
        DataObject body;
        try (MessageCreateData data = new MessageCreateBuilder()
                .setEmbeds(renderer.embed(card, Reply.Kind.ANSWER))
                .setAllowedMentions(List.of())
                .build()) {
            body = data.toData();
        }
        body.put("nonce", nonce).put("enforce_nonce", true);
        Route.CompiledRoute route = Route.Messages.SEND_MESSAGE.compile(Long.toUnsignedString(channelId));
        RestActionImpl<Long> action = new RestActionImpl<>(jda, route, body,
                (response, request) -> response.getObject().getUnsignedLong("id"));
        try {
            return new Sent(action.submit().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return outcome(e.getCause());
        } catch (TimeoutException e) {
            return new Transient("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Transient("interrupted");
        } catch (RuntimeException e) {
            return outcome(e);
        }
    }

    static Result outcome(Throwable e) {
        if (e instanceof ErrorResponseException er) {
            int status = er.getResponse() == null ? 0 : er.getResponse().code;
            ErrorResponse kind = er.getErrorResponse();
            if (status == 403 || status == 404 || kind == ErrorResponse.UNKNOWN_CHANNEL
                    || kind == ErrorResponse.MISSING_ACCESS || kind == ErrorResponse.MISSING_PERMISSIONS) {
                return new Gone(status == 0 ? 403 : status, er.getMeaning());
            }
            if (status == 429) {
                return new RateLimited(Duration.ofSeconds(5), false);
            }
            if (er.isServerError() || status >= 500 || status == 0) {
                return new Transient(status + " " + er.getMeaning());
            }
            return new Rejected(status + " " + er.getMeaning());
        }
        if (e instanceof RateLimitedException rl) {
            return new RateLimited(Duration.ofMillis(Math.max(1, rl.getRetryAfter())), false);
        }
        return new Transient(String.valueOf(e));
    }
}
