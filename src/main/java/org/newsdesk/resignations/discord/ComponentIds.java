package org.newsdesk.resignations.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.newsdesk.resignations.discord.ComponentId.Feature;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Reply;

/**
 * The ids the bot hands to Discord, written by {@link ComponentId} (at most 100 characters). They
 * carry all a click needs, so buttons keep working after a restart. An id that would be longer is
 * kept in memory under a short key ({@code k:<key>}, from {@link Keys}); such a button expires on
 * restart and the user is told to run the command again. A reply without a replay string is kept
 * the same way ({@code @<key>} as the replay).
 * <p>
 * The core's replies use the {@link Feature#REPLY} ids, read here into an {@link Action}:
 * {@code r:p<slot>:<page>:<owner>:<replay>} ({@link Pager}), {@code r:s:<replay>}
 * ({@link Suggestion}: e.g. {@code who|name=andrew-miller|lang=en}, or the who card's "Full
 * record") and {@code r:m:<option>:<replay>} ({@link Pick}: a select menu's value is added as
 * that option).
 */
public final class ComponentIds {

    /** What a {@link Feature#REPLY} id asks for. */
    public sealed interface Action permits Pager, Suggestion, Pick {
    }

    public record Pager(int page, long owner, String replay) implements Action {
    }

    public record Suggestion(String replay) implements Action {
    }

    public record Pick(String option, String replay) implements Action {
        public String with(String value) {
            return Replay.parse(replay).with(option, value).encode();
        }
    }

    private static final String LONG = "k:";

    private final Cache<String, String> longIds;
    private final Cache<String, Reply> replies;

    public ComponentIds() {
        this(10_000, Duration.ofHours(24));
    }

    public ComponentIds(long maxRemembered, Duration keepFor) {
        this.longIds = Caffeine.newBuilder().maximumSize(maxRemembered).expireAfterAccess(keepFor).build();
        this.replies = Caffeine.newBuilder().maximumSize(Math.max(100, maxRemembered / 10)).expireAfterAccess(keepFor).build();
    }

    public String pager(char slot, int page, long owner, String replay) {
        return id(ComponentId.of(Feature.REPLY, "p" + slot, Integer.toString(page), Long.toUnsignedString(owner, 36), compact(replay)));
    }

    public String suggestion(String replay) {
        return id(ComponentId.of(Feature.REPLY, "s", compact(replay)));
    }

    public String pick(String option, String replay) {
        return id(ComponentId.of(Feature.REPLY, "m", option, compact(replay)));
    }

    /** The id as Discord carries it: encoded, or kept under a key when longer than Discord allows. */
    public String id(ComponentId id) {
        String full = id.encode();
        if (full.length() <= Limits.CUSTOM_ID) {
            return full;
        }
        String key = Keys.next();
        longIds.put(key, full);
        return LONG + key;
    }

    /** An id from Discord; a kept one that this run does not know is {@link ComponentId.Expired}. */
    public ComponentId.Decoded decode(String id) {
        if (id != null && id.startsWith(LONG)) {
            String full = longIds.getIfPresent(id.substring(LONG.length()));
            return full == null ? new ComponentId.Expired() : ComponentId.decode(full);
        }
        return ComponentId.decode(id);
    }

    /** What a {@link Feature#REPLY} id asks for; empty when its elements do not fit one. */
    public static Optional<Action> action(ComponentId id) {
        if (id.feature() != Feature.REPLY) {
            return Optional.empty();
        }
        String kind = id.element(0);
        try {
            if (kind.length() == 2 && kind.charAt(0) == 'p' && id.size() == 4) {
                return Optional.of(new Pager(Integer.parseInt(id.element(1)), Long.parseUnsignedLong(id.element(2), 36), id.element(3)));
            }
            if (kind.equals("s") && id.size() == 2) {
                return Optional.of(new Suggestion(id.element(1)));
            }
            if (kind.equals("m") && id.size() == 3) {
                return Optional.of(new Pick(id.element(1), id.element(2)));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A replay string standing for a reply that cannot be rebuilt from a command. */
    public String remember(Reply reply) {
        String key = Keys.next();
        replies.put(key, reply);
        return Replay.KEPT + key;
    }

    public Optional<Reply> remembered(String replay) {
        return Replay.isKept(replay) ? Optional.ofNullable(replies.getIfPresent(replay.substring(1))) : Optional.empty();
    }

    /** Drops empty options: "list|agency=|from=|lang=ar" becomes "list|lang=ar" (same request). */
    static String compact(String replay) {
        return Replay.isKept(replay) ? replay : Replay.parse(replay).encode();
    }
}
