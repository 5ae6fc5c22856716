package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.cut;
import static org.newsdesk.resignations.store.Database.ps;
import static org.newsdesk.resignations.store.Database.single;
import static org.newsdesk.resignations.store.Database.update;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Messages waiting to be sent, being sent and sent (table {@code outbox}): one row per (event,
 * channel), admin note, test message or summary of many additions, each sent with its own nonce
 * (Discord's {@code enforce_nonce}) so a retry after an unknown outcome never posts twice.
 *
 * <p>Claiming: a claimed row is SENDING under a lease ({@code claimed_by}, {@code lease_until}).
 * On PostgreSQL several processes claim at once with {@code SELECT … FOR UPDATE SKIP LOCKED}: a row
 * is never claimed by two at once, and a row whose lease ran out (its process was killed) is
 * claimed again, with its nonce. On SQLite (one process) a claim takes due PENDING rows only, and
 * rows left SENDING by a crash return through {@link #recoverInFlight} at start-up, as before.
 */
public final class Outbox {

    /**
     * Outbox states. SENDING means a request may be in flight: its outcome is unknown until settled.
     * FAILED is for good: the channel refused the bot (403, 404) or Discord refused the message
     * itself (400); a failing channel or an outage only ever delays (PENDING, retried forever).
     */
    public enum State { PENDING, SENDING, DELIVERED, FAILED, DROPPED }

    /** What a row is (column {@code outbox.kind}). */
    public enum Kind {
        /** One event for one subscribed channel. */
        EVENT,
        /** A note to the admin channel; not tied to a subscription. */
        NOTE,
        /** The test message of /notify test. */
        TEST,
        /** One summary of many new entries at once for a subscribed channel (their number in the note). */
        ADDED
    }

    /** What a claimed row asks to send, by kind. */
    public sealed interface Message permits Event, Note, Test, Added, Unreadable {
    }

    /** An event: a removal carries the entry's last content as both old and new. */
    public record Event(long eventId, EventKind kind, String entryId, Optional<String> oldContent, String newContent)
            implements Message {
    }

    public record Note(String text) implements Message {
    }

    public record Test() implements Message {
    }

    public record Added(int count) implements Message {
    }

    /** A row this release cannot read (a hand-edited file): it is set aside, never retried. */
    public record Unreadable(String why) implements Message {
    }

    /**
     * A claimed row with what is needed to render and send it.
     *
     * @param guildId  the server it is for; empty for admin notes
     * @param attemptId this attempt's id: a late answer from an older attempt cannot settle it
     * @param attempts how many attempts, this one included
     */
    public record Claimed(long id, long channelId, Optional<Long> guildId, String attemptId, String nonce, int attempts,
                          Message message) {
    }

    /**
     * Which rows a claim may take, by their server (done in SQL). A process of a fleet passes the
     * guilds of its own shards.
     */
    public sealed interface GuildFilter permits AllGuilds, Shards {
    }

    /** Every row. */
    public record AllGuilds() implements GuildFilter {
    }

    /**
     * Rows of the guilds on the given shards, {@code (guild_id >> 22) % total ∈ ids} (Discord's
     * sharding formula), and when {@code withoutGuild} also rows of no server (admin notes).
     */
    public record Shards(int total, Set<Integer> ids, boolean withoutGuild) implements GuildFilter {
        public Shards {
            if (total < 1 || ids.isEmpty() || ids.stream().anyMatch(i -> i < 0 || i >= total)) {
                throw new IllegalArgumentException("shard ids " + ids + " are not within 0.." + (total - 1));
            }
            ids = Set.copyOf(ids);
        }
    }

    public static final GuildFilter ALL_GUILDS = new AllGuilds();

    /** How long a claim holds a row before another claimant may take it (longer than any one send). */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final String claimant;
    private final long leaseMs;

    public Outbox(Database db) {
        this(db, defaultClaimant(), DEFAULT_LEASE);
    }

    /**
     * @param claimant who claims (the process id: stable across restarts, so a restarted process
     *                 takes its own in-flight rows back at once, see {@link #recoverInFlight})
     * @param lease    how long a claim holds a row
     */
    public Outbox(Database db, String claimant, Duration lease) {
        this.db = db;
        this.claimant = claimant;
        this.leaseMs = lease.toMillis();
    }

    /** pid@host: unique while the process lives. */
    public static String defaultClaimant() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        return name.length() <= 100 ? name : name.substring(0, 100);
    }

    public String claimant() {
        return claimant;
    }

    /** How long a claim (or a renewal, {@link #renew}) holds a row. */
    public Duration lease() {
        return Duration.ofMillis(leaseMs);
    }

    /** 20 characters from [0-9a-z]: fits Discord's 25-character nonce. */
    static String newNonce() {
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            b.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return b.toString();
    }

    /**
     * The one INSERT of an outbox row, PENDING and due now, inside the caller's transaction.
     *
     * @param eventId null unless {@code kind} is EVENT
     * @param guildId null for admin notes
     * @param note    the note's text, the count of an ADDED row, else null
     */
    static void insert(Connection c, long id, Long eventId, long channelId, Long guildId, Kind kind, String note, long now)
            throws SQLException {
        update(c, "INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, attempt_id, nonce, "
                + "next_attempt_at, last_error, message_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?, ?, NULL, NULL, ?, ?)",
                id, eventId, channelId, guildId, kind.name(), note, State.PENDING.name(), newNonce(), now, now, now);
    }

    /** Queues a plain note (e.g. to the admin channel); not tied to a subscription. */
    public long queueNote(long channelId, String text, long now) {
        return queueStandalone(channelId, null, Kind.NOTE, text, now);
    }

    /** Queues the test message of /notify test for one channel. */
    public long queueTest(long channelId, long guildId, long now) {
        return queueStandalone(channelId, guildId, Kind.TEST, null, now);
    }

    /** An outbox row that belongs to no event: a note or a test message. */
    private long queueStandalone(long channelId, Long guildId, Kind kind, String note, long now) {
        return db.tx(c -> {
            long id = db.ids(c, "outbox").next();
            insert(c, id, null, channelId, guildId, kind, note, now);
            return id;
        });
    }

    /**
     * After a restart: rows left SENDING had a request in flight whose outcome is unknown. They go
     * back to PENDING with the same nonce; Discord's {@code enforce_nonce} returns the message
     * already created instead of a second one if it got through (within its dedupe window). On
     * SQLite that is every SENDING row (one process); on PostgreSQL only this claimant's own rows
     * (another process's rows are its own business, or taken again when their lease runs out).
     *
     * @return how many rows were recovered
     */
    public int recoverInFlight(long now) {
        String mine = db.dialect() == Database.Dialect.POSTGRESQL ? " AND claimed_by = ?" : "";
        Object[] args = db.dialect() == Database.Dialect.POSTGRESQL ? new Object[] {now, now, claimant} : new Object[] {now, now};
        return db.tx(c -> update(c, "UPDATE outbox SET state = 'PENDING', attempt_id = NULL, lease_until = NULL, "
                + "next_attempt_at = ?, updated_at = ? WHERE state = 'SENDING'" + mine, args));
    }

    /** Claims up to {@code limit} due rows of every server: see {@link #claimDue(GuildFilter, long, int)}. */
    public List<Claimed> claimDue(long now, int limit) {
        return claimDue(ALL_GUILDS, now, limit);
    }

    /**
     * Claims up to {@code limit} due rows that {@code filter} lets through, oldest first, marking
     * them SENDING with a fresh attempt id (so a late answer from an older attempt cannot settle a
     * newer one) under this claimant's lease. On PostgreSQL rows other claimants hold are skipped
     * ({@code FOR UPDATE SKIP LOCKED}) and rows whose lease ran out are due again.
     */
    public List<Claimed> claimDue(GuildFilter filter, long now, int limit) {
        boolean pg = db.dialect() == Database.Dialect.POSTGRESQL;
        List<Object> args = new ArrayList<>();
        args.add(now);
        String due = "o.state = 'PENDING' AND o.next_attempt_at <= ?";
        if (pg) {
            due = "(" + due + ") OR (o.state = 'SENDING' AND o.lease_until < ?)";
            args.add(now);
        }
        String guilds = "";
        if (filter instanceof Shards sh) {
            guilds = " AND ((o.guild_id IS NULL AND " + (sh.withoutGuild() ? "1 = 1" : "1 = 0") + ") OR (o.guild_id IS NOT NULL AND "
                    + "((o.guild_id >> 22) % " + sh.total() + ") IN ("
                    + sh.ids().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")))";
        }
        args.add(limit);
        String sql = "SELECT o.id, o.channel_id, o.guild_id, o.kind, o.nonce, o.attempts, o.event_id, "
                + "e.kind, e.entry_id, e.old_content, e.new_content, o.note FROM outbox o LEFT JOIN events e ON e.id = o.event_id "
                + "WHERE (" + due + ")" + guilds + " ORDER BY o.id LIMIT ?" + (pg ? " FOR UPDATE OF o SKIP LOCKED" : "");
        return db.tx(c -> {
            List<Claimed> out = new ArrayList<>();
            try (PreparedStatement p = ps(c, sql, args.toArray()); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long g = rs.getLong(3);
                    Optional<Long> guild = rs.wasNull() ? Optional.empty() : Optional.of(g);
                    out.add(new Claimed(rs.getLong(1), rs.getLong(2), guild, UUID.randomUUID().toString(),
                            rs.getString(5), rs.getInt(6) + 1, message(rs)));
                }
            }
            for (Claimed d : out) {
                update(c, "UPDATE outbox SET state = 'SENDING', attempt_id = ?, attempts = attempts + 1, claimed_by = ?, "
                        + "lease_until = ?, updated_at = ? WHERE id = ?", d.attemptId(), claimant, now + leaseMs, now, d.id());
            }
            return out;
        });
    }

    /**
     * Extends the lease of every row this claimant holds (SENDING) to {@code now} + the lease: a
     * process whose sends take long (rate limits) calls it so its rows are not taken from it.
     *
     * @return how many rows it holds
     */
    public int extendLeases(long now) {
        return db.tx(c -> update(c, "UPDATE outbox SET lease_until = ? WHERE state = 'SENDING' AND claimed_by = ?",
                now + leaseMs, claimant));
    }

    /**
     * Renews the lease of claimed rows, to {@code now} + the lease, where this claimant still holds
     * them under the same attempt (SENDING, same attempt id). A row it no longer holds was lost: its
     * lease ran out and another process claimed it (or a restart recovered it); it must not be sent
     * here, or its channel could get it twice. A renewal takes a row's lock, so it and another
     * process's claim of the same row cannot both succeed.
     *
     * @return the ids of the rows still held, now under the renewed lease
     */
    public Set<Long> renew(Collection<Claimed> rows, long now) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        return db.tx(c -> {
            Set<Long> held = new HashSet<>();
            // in id order, as every multi-row write here: two transactions never wait on each other in a cycle
            for (Claimed d : rows.stream().sorted(Comparator.comparingLong(Claimed::id)).toList()) {
                if (update(c, "UPDATE outbox SET lease_until = ? WHERE id = ? AND attempt_id = ? AND claimed_by = ? "
                        + "AND state = 'SENDING'", now + leaseMs, d.id(), d.attemptId(), claimant) == 1) {
                    held.add(d.id());
                }
            }
            return held;
        });
    }

    /** Columns 4 (kind), 7 to 12 of {@link #claimDue}'s row, as what it asks to send. */
    private static Message message(ResultSet rs) throws SQLException {
        String kind = rs.getString(4);
        String note = rs.getString(12);
        Kind k = parse(Kind.class, kind);
        if (k == null) {
            return new Unreadable("unknown outbox kind " + kind);
        }
        switch (k) {
            case NOTE:
                return new Note(note);
            case TEST:
                return new Test();
            case ADDED:
                try {
                    return new Added(Integer.parseInt(note));
                } catch (NumberFormatException e) {
                    return new Unreadable("ADDED without a count");
                }
            default:
                long eventId = rs.getLong(7);
                if (rs.wasNull()) {
                    return new Unreadable("EVENT without an event");
                }
                String eventKind = rs.getString(8);
                EventKind ek = parse(EventKind.class, eventKind);
                if (ek == null) {
                    return new Unreadable("unknown event kind " + eventKind);
                }
                return new Event(eventId, ek, rs.getString(9), Optional.ofNullable(rs.getString(10)), rs.getString(11));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public boolean delivered(long id, String attemptId, long messageId, long now) {
        return db.tx(c -> update(c, "UPDATE outbox SET state = 'DELIVERED', message_id = ?, last_error = NULL, updated_at = ? "
                + "WHERE id = ? AND attempt_id = ? AND state = 'SENDING'", messageId, now, id, attemptId) == 1);
    }

    public boolean retryAt(long id, String attemptId, long at, String error, long now) {
        return db.tx(c -> update(c, "UPDATE outbox SET state = 'PENDING', next_attempt_at = ?, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND attempt_id = ? AND state = 'SENDING'", at, cut(error), now, id, attemptId) == 1);
    }

    public boolean failed(long id, String attemptId, String error, long now) {
        return db.tx(c -> update(c, "UPDATE outbox SET state = 'FAILED', last_error = ?, updated_at = ? "
                + "WHERE id = ? AND attempt_id = ? AND state = 'SENDING'", cut(error), now, id, attemptId) == 1);
    }

    /**
     * The channel is gone or the bot lost its permissions there: in one transaction, this row
     * fails, the channel's subscription is disabled with the reason, the channel's other pending
     * rows are dropped, and (when an admin channel is known) a note is queued there.
     */
    public void disable(long id, String attemptId, long channelId, String reason, Optional<Long> adminChannel,
                        String adminNote, long now) {
        db.tx(c -> {
            update(c, "UPDATE outbox SET state = 'FAILED', last_error = ?, updated_at = ? WHERE id = ? AND attempt_id = ?",
                    cut(reason), now, id, attemptId);
            update(c, "UPDATE outbox SET state = 'DROPPED', last_error = ?, updated_at = ? WHERE channel_id = ? AND state = 'PENDING' "
                    + "AND kind IN (?, ?)", cut("subscription disabled: " + reason), now, channelId, Kind.EVENT.name(), Kind.ADDED.name());
            Subscriptions.disable(c, channelId, reason, now);
            if (adminChannel.isPresent() && adminChannel.get() != channelId) {
                insert(c, db.ids(c, "outbox").next(), null, adminChannel.get(), null, Kind.NOTE, adminNote, now);
            }
            return null;
        });
    }

    /** Rows by state, for /notify status and tests. */
    public Map<State, Integer> counts() {
        return db.tx(c -> {
            Map<State, Integer> out = new EnumMap<>(State.class);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM outbox GROUP BY state")) {
                while (rs.next()) {
                    out.put(State.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Messages of one server not yet delivered (pending or in flight). */
    public int pendingFor(long guildId) {
        return db.tx(c -> (int) single(c, "SELECT COUNT(*) FROM outbox WHERE guild_id = ? AND state IN ('PENDING', 'SENDING')", guildId));
    }

    /** When each channel of one server last got a message from the bot (epoch ms), by channel. */
    public Map<Long, Long> lastDeliveries(long guildId) {
        return db.tx(c -> {
            Map<Long, Long> out = new HashMap<>();
            try (PreparedStatement p = ps(c, "SELECT channel_id, MAX(updated_at) FROM outbox WHERE guild_id = ? "
                    + "AND state = 'DELIVERED' GROUP BY channel_id", guildId); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * Rows not yet delivered (pending or in flight) and when the oldest was queued (epoch ms).
     *
     * @param oldestQueuedAt empty when nothing waits
     */
    public record Waiting(int rows, Optional<Long> oldestQueuedAt) {
    }

    /** What waits to be delivered: a read-only query, for the operator's metrics and readiness. */
    public Waiting waiting() {
        return db.tx(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(created_at) FROM outbox WHERE state IN ('PENDING', 'SENDING')")) {
                rs.next();
                int rows = rs.getInt(1);
                long oldest = rs.getLong(2);
                return new Waiting(rows, rs.wasNull() ? Optional.empty() : Optional.of(oldest));
            }
        });
    }

    /** The earliest time a pending row is due, if any. */
    public Optional<Long> nextDue() {
        return db.tx(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'")) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(v);
            }
        });
    }
}
