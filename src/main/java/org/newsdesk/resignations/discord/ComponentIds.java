package org.newsdesk.resignations.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.newsdesk.resignations.commands.Replay;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Reply;

/**
 * Button and select menu ids (Discord's custom_id, at most 100 characters). They carry all a
 * click needs, so buttons keep working after a restart:
 * <ul>
 *   <li>{@code p<slot>:<page>:<owner>:<replay>} turns to a page (slot f, p, n or l keeps the four
 *       buttons' ids distinct); owner is the asker's user id in base 36, or 0 when anyone may turn;
 *       replay is the core's replay string (e.g. {@code list|agency=state|lang=ar}).</li>
 *   <li>{@code s:<replay>} runs a suggested command (e.g. {@code who|name=andrew-miller|lang=en}), or
 *       a reply's action (the who card's "Full record": {@code who|name=andrew-miller|detail=true|lang=en},
 *       answered to the clicker alone, its pages turned by {@code p…} ids carrying the same replay).</li>
 *   <li>{@code m:<option>:<replay>} a select menu: the chosen value is added as that option.</li>
 * </ul>
 * An id that would be longer than 100 characters is kept in memory under a short key
 * ({@code k:<key>}); such a button expires on restart and the user is told to run the command
 * again. A reply without a replay string is kept the same way ({@code @<key>} as the replay).
 */
public final class ComponentIds {

    public sealed interface Decoded permits Pager, Suggestion, Pick, Expired, Invalid {
    }

    public record Pager(int page, long owner, String replay) implements Decoded {
    }

    public record Suggestion(String replay) implements Decoded {
    }

    public record Pick(String option, String replay) implements Decoded {
        public String with(String value) {
            return Replay.parse(replay).with(option, value).encode();
        }
    }

    public record Expired() implements Decoded {
    }

    public record Invalid(String id) implements Decoded {
    }


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
        return fit("p" + slot + ":" + page + ":" + Long.toUnsignedString(owner, 36) + ":" + compact(replay));
    }

    public String suggestion(String replay) {
        return fit("s:" + compact(replay));
    }

    public String pick(String option, String replay) {
        return fit("m:" + option + ":" + compact(replay));
    }

    /** A replay string standing for a reply that cannot be rebuilt from a command. */
    public String remember(Reply reply) {
        String key = key();
        replies.put(key, reply);
        return Replay.KEPT + key;
    }

    public Optional<Reply> remembered(String replay) {
        return Replay.isKept(replay) ? Optional.ofNullable(replies.getIfPresent(replay.substring(1))) : Optional.empty();
    }

    public Decoded decode(String id) {
        if (id == null) {
            return new Invalid("");
        }
        String full = id;
        if (id.startsWith("k:")) {
            full = longIds.getIfPresent(id.substring(2));
            if (full == null) {
                return new Expired();
            }
        }
        try {
            if (full.length() > 2 && full.charAt(0) == 'p' && full.charAt(2) == ':') {
                String[] parts = full.substring(3).split(":", 3);
                return new Pager(Integer.parseInt(parts[0]), Long.parseUnsignedLong(parts[1], 36), parts[2]);
            }
            if (full.startsWith("s:")) {
                return new Suggestion(full.substring(2));
            }
            if (full.startsWith("m:")) {
                String[] parts = full.substring(2).split(":", 2);
                return new Pick(parts[0], parts[1]);
            }
        } catch (RuntimeException e) {
            return new Invalid(id);
        }
        return new Invalid(id);
    }

    /** Drops empty options: "list|agency=|from=|lang=ar" becomes "list|lang=ar" (same request). */
    static String compact(String replay) {
        return Replay.isKept(replay) ? replay : Replay.parse(replay).encode();
    }

    private String fit(String id) {
        if (id.length() <= Limits.CUSTOM_ID) {
            return id;
        }
        String key = key();
        longIds.put(key, id);
        return "k:" + key;
    }

    private static String key() {
        return Keys.next();
    }
}
