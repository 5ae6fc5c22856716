package org.newsdesk.resignations.discord;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which gateway shards this process runs. Discord splits a bot's servers into {@code total}
 * shards, server {@code g} on shard {@code (g >> 22) % total}; each shard is one gateway session
 * and carries the events (interactions included) of its servers only. Several processes with
 * disjoint ids and the same total form one fleet.
 *
 * @param total the number of shards of the whole bot; empty: Discord's recommendation
 *              ({@code GET /gateway/bot}), then this process runs them all
 * @param ids   the shards this process runs; empty: all of them
 */
public record ShardPlan(Optional<Integer> total, Set<Integer> ids) {

    /** The most shards Discord gives a bot that is not a very large one; a typo beyond it is caught. */
    public static final int MAX_TOTAL = 4096;

    public ShardPlan {
        ids = Set.copyOf(new TreeSet<>(ids));
        if (total.isPresent() && (total.get() < 1 || total.get() > MAX_TOTAL)) {
            throw new IllegalArgumentException("the number of shards must be between 1 and " + MAX_TOTAL + ", not " + total.get());
        }
        if (!ids.isEmpty() && total.isEmpty()) {
            throw new IllegalArgumentException("shard ids need the number of shards (shards.total, DISCORD_SHARDS_TOTAL) "
                    + "to be set too, the same in every process");
        }
        for (int id : ids) {
            if (id < 0 || id >= total.orElse(Integer.MAX_VALUE)) {
                throw new IllegalArgumentException("shard " + id + " does not exist: with " + total.get()
                        + " shards the ids are 0 to " + (total.get() - 1));
            }
        }
    }

    /** One process running every shard, as many as Discord recommends. */
    public static ShardPlan all() {
        return new ShardPlan(Optional.empty(), Set.of());
    }

    /** The ids for {@code total} shards: the configured ones, else all. */
    public Set<Integer> idsOf(int total) {
        if (!ids.isEmpty()) {
            return ids;
        }
        Set<Integer> all = new TreeSet<>();
        for (int i = 0; i < total; i++) {
            all.add(i);
        }
        return Set.copyOf(all);
    }

    /** The shard of a server: Discord's formula. */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /**
     * A name for this process that stays the same across its restarts and differs from the other
     * processes of its fleet (their shard ids are disjoint): "shards 0-1 of 4", "shards all".
     */
    public String processName() {
        return ids.isEmpty() ? "shards all" : "shards " + format(ids) + " of " + total.orElseThrow();
    }

    /** "0-3,6" for {0,1,2,3,6}. */
    public static String format(Set<Integer> ids) {
        StringBuilder b = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int id : new TreeSet<>(ids)) {
            if (prev != null && id == prev + 1) {
                prev = id;
                continue;
            }
            if (start != null) {
                b.append(b.length() == 0 ? "" : ",").append(start.equals(prev) ? "" + start : start + "-" + prev);
            }
            start = id;
            prev = id;
        }
        if (start != null) {
            b.append(b.length() == 0 ? "" : ",").append(start.equals(prev) ? "" + start : start + "-" + prev);
        }
        return b.toString();
    }

    /**
     * Reads shard ids: {@code 0}, {@code 0-3}, {@code 4,5}, {@code 0-1,6}.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Set<Integer> parseIds(String text) {
        Set<Integer> out = new TreeSet<>();
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no shard id given; expected e.g. 0, 0-3 or 4,5");
        }
        for (String part : s.split(",", -1)) {
            String p = part.strip();
            String[] range = p.split("-", -1);
            if (range.length > 2 || p.isEmpty()) {
                throw new IllegalArgumentException("'" + p + "' is not a shard id or a range; expected e.g. 0, 0-3 or 4,5");
            }
            int from = number(range[0].strip(), p);
            int to = range.length == 2 ? number(range[1].strip(), p) : from;
            if (to < from) {
                throw new IllegalArgumentException("the range '" + p + "' runs backwards; write the smaller id first");
            }
            if (to - from >= MAX_TOTAL) {
                throw new IllegalArgumentException("the range '" + p + "' is larger than " + MAX_TOTAL + " shards");
            }
            for (int i = from; i <= to; i++) {
                if (!out.add(i)) {
                    throw new IllegalArgumentException("shard " + i + " is listed twice");
                }
            }
        }
        return out;
    }

    private static int number(String n, String part) {
        if (n.isEmpty() || n.length() > 4 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + part + "' is not a shard id or a range; expected e.g. 0, 0-3 or 4,5");
        }
        return Integer.parseInt(n);
    }
}
