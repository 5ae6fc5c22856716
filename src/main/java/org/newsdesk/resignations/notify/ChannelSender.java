package org.newsdesk.resignations.notify;

import java.time.Duration;
import org.newsdesk.resignations.render.Card;

/**
 * Posts one message in one channel and says how it went. Implemented with JDA's REST client in
 * the discord package and by fakes in tests. Must not throw: every outcome is a {@link Result}.
 */
@FunctionalInterface
public interface ChannelSender {

    /**
     * @param nonce sent with {@code enforce_nonce}: Discord answers a repeat of the same nonce (same
     *              author, within a few minutes) with the message already created, not a second one
     */
    Result send(long channelId, Card card, String nonce);

    sealed interface Result permits Sent, RateLimited, Transient, Gone, Rejected {
    }

    /** Delivered; Discord's message id. */
    record Sent(long messageId) implements Result {
    }

    /** 429: try again after {@code retryAfter}; {@code global} when the whole bot must wait. */
    record RateLimited(Duration retryAfter, boolean global) implements Result {
    }

    /** 5xx, timeout, connection refused: the message may or may not exist; retry with the same nonce. */
    record Transient(String reason) implements Result {
    }

    /** 403 or 404: the channel is gone or the bot may not post there; the subscription is disabled. */
    record Gone(int status, String reason) implements Result {
    }

    /** Any other refusal (400…): retrying would give the same answer. */
    record Rejected(String reason) implements Result {
    }
}
