package org.newsdesk.resignations.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.newsdesk.resignations.dataset.Lang;

/**
 * The bot's durable state in one SQLite file ({@code notify.db} in the data directory), WAL
 * mode, every change in a transaction. One connection, used by one thread at a time: SQLite has
 * one writer anyway, and this keeps the transactions simple. SQL is kept portable (no
 * {@code INSERT OR …}, no rowid aliases): ids are allocated as {@code MAX(id)+1} inside the
 * writing transaction, which is safe with SQLite's single writer; PostgreSQL would use a sequence.
 */
public final class Store implements AutoCloseable {

    public static final String FILE = "notify.db";

    /**
     * Outbox states. SENDING means a request may be in flight: its outcome is unknown until settled.
     * FAILED is for good: the channel refused the bot (403, 404) or Discord refused the message
     * itself (400); a failing channel or an outage only ever delays (PENDING, retried forever).
     */
    public enum State { PENDING, SENDING, DELIVERED, FAILED, DROPPED }

    public record Subscription(long guildId, long channelId, boolean corrections, boolean active,
                               Optional<String> disabledReason) {
    }

    public record LedgerRow(String entryId, String hash, String content) {
    }

    /** An event to record: NEW, CORRECTION or REMOVED of one entry (a removal carries its last content). */
    public record NewEvent(String kind, String entryId, String oldContent, String newContent) {
    }

    /** A claimed outbox row with what is needed to render and send it. */
    public record Delivery(long id, long channelId, Long guildId, String kind, String attemptId, String nonce,
                           int attempts, Long eventId, String eventKind, String entryId, String oldContent,
                           String newContent, String note) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a statement waits for another writer's lock before SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MS = 5_000;

    private final String url;
    private final List<String> pragmas;
    /** Replaced by a fresh connection when a failure leaves it in an unknown state (see {@link #tx}). */
    private Connection db;

    private Store(String url, List<String> pragmas, Connection db) {
        this.url = url;
        this.pragmas = pragmas;
        this.db = db;
    }

    /** Opens (creating the directory and file on demand) and brings the schema up to date. */
    public static Store open(Path dataDir) {
        return open(dataDir, List.of());
    }

    /**
     * @param pragmas further {@code PRAGMA …} statements run on every connection after the
     *                standard ones (a test lowers {@code busy_timeout}, or caps the file with
     *                {@code max_page_count} to make SQLite answer SQLITE_FULL for real)
     * @throws StoreException when the file was migrated by a newer release, or cannot be opened
     */
    public static Store open(Path dataDir, List<String> pragmas) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        String url = "jdbc:sqlite:" + dataDir.resolve(FILE).toAbsolutePath();
        Flyway flyway = Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").load();
        refuseNewerSchema(flyway);
        flyway.migrate();
        List<String> extra = List.copyOf(pragmas);
        try {
            return new Store(url, extra, connect(url, extra));
        } catch (SQLException e) {
            throw new StoreException("cannot open " + url, e);
        }
    }

    private static Connection connect(String url, List<String> pragmas) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            for (String p : pragmas) {
                s.execute(p);
            }
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /**
     * Flyway only warns about migrations it does not know; a release older than the one that
     * last wrote the file would then run on a schema it does not understand. Refuse instead.
     */
    private static void refuseNewerSchema(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        MigrationVersion known = null;
        MigrationVersion newest = null;
        for (MigrationInfo m : all) {
            if (m.getVersion() == null) {
                continue;
            }
            boolean future = m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED;
            if (future) {
                newest = newest == null || m.getVersion().isNewerThan(newest) ? m.getVersion() : newest;
            } else if (known == null || m.getVersion().isNewerThan(known)) {
                known = m.getVersion();
            }
        }
        if (newest != null) {
            throw new StoreException(FILE + " was written by a newer release (schema version " + newest.getVersion()
                    + ", this release knows up to " + (known == null ? "none" : known.getVersion())
                    + "): run that release, or restore a backup", null);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("close", e);
        }
    }

    // ---- transactions ----------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs one transaction. After any failure it is rolled back; when SQLite already ended it
     * (SQLITE_FULL, an I/O error) the rollback itself fails and the driver would leave the
     * connection without a transaction, every later statement committing on its own: the
     * connection is then replaced by a fresh one, so the next call starts clean.
     */
    private synchronized <T> T tx(Work<T> work) {
        try {
            T out = work.run(db);
            db.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException again) {
                e.addSuppressed(again);
                reconnect(e);
            }
            throw e instanceof RuntimeException r ? r : new StoreException("database: " + e.getMessage(), (SQLException) e);
        }
    }

    private void reconnect(Exception failure) {
        try {
            db.close();
        } catch (SQLException ignored) {
            failure.addSuppressed(ignored);
        }
        try {
            db = connect(url, pragmas);
        } catch (SQLException again) {
            // the next call tries again; until then every call fails with "connection closed", never half-writes
            failure.addSuppressed(again);
        }
    }

    private static long nextId(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement ps(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
        return p;
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = ps(c, sql, args)) {
            return p.executeUpdate();
        }
    }

    /** 20 characters from [0-9a-z]: fits Discord's 25-character nonce. */
    static String newNonce() {
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            b.append(Character.forDigit(RANDOM.nextInt(36), 36));
        }
        return b.toString();
    }

    // ---- guild settings --------------------------------------------------------------------------

    public Optional<Lang> language(long guildId) {
        return tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT language FROM guild_settings WHERE guild_id = ?", guildId);
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Lang.parse(rs.getString(1)) : Optional.empty();
            }
        });
    }

    public void setLanguage(long guildId, Lang lang, long now) {
        tx(c -> {
            if (update(c, "UPDATE guild_settings SET language = ?, updated_at = ? WHERE guild_id = ?", lang.code(), now, guildId) == 0) {
                update(c, "INSERT INTO guild_settings (guild_id, language, updated_at) VALUES (?, ?, ?)", guildId, lang.code(), now);
            }
            return null;
        });
    }

    // ---- subscriptions ---------------------------------------------------------------------------

    /** Subscribes (or re-enables, or changes the corrections flag of) a channel. */
    public void subscribe(long guildId, long channelId, boolean corrections, long by, long now) {
        tx(c -> {
            if (update(c, "UPDATE subscriptions SET guild_id = ?, corrections = ?, active = ?, disabled_reason = NULL, "
                    + "updated_at = ? WHERE channel_id = ?", guildId, corrections, true, now, channelId) == 0) {
                update(c, "INSERT INTO subscriptions (channel_id, guild_id, corrections, active, disabled_reason, created_by, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)", channelId, guildId, corrections, true, by, now, now);
            }
            return null;
        });
    }

    /** @return whether the channel of that server had a subscription */
    public boolean unsubscribe(long guildId, long channelId) {
        return tx(c -> update(c, "DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?", guildId, channelId) > 0);
    }

    public List<Subscription> subscriptions(long guildId) {
        return tx(c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement p = ps(c, "SELECT guild_id, channel_id, corrections, active, disabled_reason FROM subscriptions "
                    + "WHERE guild_id = ? ORDER BY channel_id", guildId); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Subscription(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4),
                            Optional.ofNullable(rs.getString(5))));
                }
            }
            return out;
        });
    }

    public Optional<Subscription> subscription(long channelId) {
        return tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT guild_id, channel_id, corrections, active, disabled_reason FROM subscriptions "
                    + "WHERE channel_id = ?", channelId); ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(new Subscription(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4),
                        Optional.ofNullable(rs.getString(5)))) : Optional.empty();
            }
        });
    }

    // ---- ledger and events -----------------------------------------------------------------------

    /** Whether any dataset has been recorded: false on the very first run (the baseline). */
    public boolean hasBaseline() {
        return tx(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dataset_versions")) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        });
    }

    /** Entries gone from the dataset whose withdrawal was not announced (see {@code record}). */
    public java.util.Set<String> withheld() {
        return tx(c -> {
            java.util.Set<String> out = new java.util.HashSet<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT entry_id FROM ledger WHERE withheld_at IS NOT NULL")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** entry id → content hash and canonical JSON. */
    public Map<String, LedgerRow> ledger() {
        return tx(c -> {
            Map<String, LedgerRow> out = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT entry_id, content_hash, content FROM ledger")) {
                while (rs.next()) {
                    out.put(rs.getString(1), new LedgerRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /**
     * Records one dataset load in one transaction: the ledger rows that are new or changed, the
     * events, and one outbox row per event and active subscription that wants it (corrections
     * only where asked for). Either all of it is written or none of it.
     *
     * @return the number of outbox rows queued
     */
    public int record(String version, boolean baseline, List<LedgerRow> changed, List<NewEvent> events, long now) {
        return record(version, baseline, changed, List.of(), List.of(), List.of(), events, now);
    }

    /**
     * @param removed  entry ids no longer in the dataset: their ledger rows go (a return is then new again)
     * @param withhold entry ids gone but not announced: kept, marked as withheld
     * @param returned withheld entry ids back in the dataset: unmarked
     */
    public int record(String version, boolean baseline, List<LedgerRow> changed, List<String> removed, List<String> withhold,
                      List<String> returned, List<NewEvent> events, long now) {
        return record(version, baseline, changed, removed, withhold, returned, events, 0, now);
    }

    /**
     * @param summarised new entries (already among {@code changed}) announced as one summary
     *                   message per active subscription (kind ADDED, the count as its note) instead
     *                   of one message each; 0 for none
     */
    public int record(String version, boolean baseline, List<LedgerRow> changed, List<String> removed, List<String> withhold,
                      List<String> returned, List<NewEvent> events, int summarised, long now) {
        return tx(c -> {
            for (String id : withhold) {
                update(c, "UPDATE ledger SET withheld_at = ? WHERE entry_id = ?", now, id);
            }
            for (String id : returned) {
                update(c, "UPDATE ledger SET withheld_at = NULL WHERE entry_id = ?", id);
            }
            boolean known;
            try (PreparedStatement p = ps(c, "SELECT COUNT(*) FROM dataset_versions WHERE version = ?", version);
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                known = rs.getLong(1) > 0;
            }
            if (!known) {
                update(c, "INSERT INTO dataset_versions (version, loaded_at, baseline) VALUES (?, ?, ?)", version, now, baseline);
            }
            for (LedgerRow r : changed) {
                if (update(c, "UPDATE ledger SET content_hash = ?, content = ?, last_version = ? WHERE entry_id = ?",
                        r.hash(), r.content(), version, r.entryId()) == 0) {
                    update(c, "INSERT INTO ledger (entry_id, content_hash, content, first_seen, first_version, last_version) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", r.entryId(), r.hash(), r.content(), now, version, version);
                }
            }
            for (String id : removed) {
                update(c, "DELETE FROM ledger WHERE entry_id = ?", id);
            }
            int queued = 0;
            long eventId = nextId(c, "events");
            long outId = nextId(c, "outbox");
            for (NewEvent e : events) {
                update(c, "INSERT INTO events (id, kind, entry_id, version, old_content, new_content, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, e.kind(), e.entryId(), version, e.oldContent(), e.newContent(), now);
                boolean correction = "CORRECTION".equals(e.kind());
                List<long[]> targets = new ArrayList<>();
                try (PreparedStatement p = ps(c, "SELECT channel_id, guild_id, corrections FROM subscriptions WHERE active = ? ORDER BY channel_id", true);
                     ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        if (!correction || rs.getBoolean(3)) {
                            targets.add(new long[]{rs.getLong(1), rs.getLong(2)});
                        }
                    }
                }
                for (long[] t : targets) {
                    update(c, "INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, attempt_id, nonce, "
                            + "next_attempt_at, last_error, message_id, created_at, updated_at) "
                            + "VALUES (?, ?, ?, ?, 'EVENT', NULL, 'PENDING', 0, NULL, ?, ?, NULL, NULL, ?, ?)",
                            outId++, eventId, t[0], t[1], newNonce(), now, now, now);
                    queued++;
                }
                eventId++;
            }
            if (summarised > 0) {
                List<long[]> targets = new ArrayList<>();
                try (PreparedStatement p = ps(c, "SELECT channel_id, guild_id FROM subscriptions WHERE active = ? ORDER BY channel_id", true);
                     ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        targets.add(new long[]{rs.getLong(1), rs.getLong(2)});
                    }
                }
                for (long[] t : targets) {
                    update(c, "INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, attempt_id, nonce, "
                            + "next_attempt_at, last_error, message_id, created_at, updated_at) "
                            + "VALUES (?, NULL, ?, ?, 'ADDED', ?, 'PENDING', 0, NULL, ?, ?, NULL, NULL, ?, ?)",
                            outId++, t[0], t[1], Integer.toString(summarised), newNonce(), now, now, now);
                    queued++;
                }
            }
            return queued;
        });
    }

    /** Queues a plain note (e.g. to the admin channel); not tied to a subscription. */
    public long queueNote(long channelId, String text, long now) {
        return queueStandalone(channelId, null, "NOTE", text, now);
    }

    /** Queues the test message of /notify test for one channel. */
    public long queueTest(long channelId, long guildId, long now) {
        return queueStandalone(channelId, guildId, "TEST", null, now);
    }

    /** An outbox row that belongs to no event: a note or a test message. */
    private long queueStandalone(long channelId, Long guildId, String kind, String note, long now) {
        return tx(c -> {
            long id = nextId(c, "outbox");
            update(c, "INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, attempt_id, nonce, "
                    + "next_attempt_at, last_error, message_id, created_at, updated_at) "
                    + "VALUES (?, NULL, ?, ?, ?, ?, 'PENDING', 0, NULL, ?, ?, NULL, NULL, ?, ?)",
                    id, channelId, guildId, kind, note, newNonce(), now, now, now);
            return id;
        });
    }

    // ---- outbox ----------------------------------------------------------------------------------

    /**
     * After a restart: rows left SENDING had a request in flight whose outcome is unknown. They go
     * back to PENDING with the same nonce; Discord's {@code enforce_nonce} returns the message
     * already created instead of a second one if it got through (within its dedupe window).
     *
     * @return how many rows were recovered
     */
    public int recoverInFlight(long now) {
        return tx(c -> update(c, "UPDATE outbox SET state = 'PENDING', attempt_id = NULL, next_attempt_at = ?, updated_at = ? "
                + "WHERE state = 'SENDING'", now, now));
    }

    /**
     * Claims up to {@code limit} due rows, oldest first, marking them SENDING with a fresh attempt
     * id (so a late answer from an older attempt cannot settle a newer one).
     */
    public List<Delivery> claimDue(long now, int limit) {
        return tx(c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement p = ps(c, "SELECT o.id, o.channel_id, o.guild_id, o.kind, o.nonce, o.attempts, o.event_id, "
                    + "e.kind, e.entry_id, e.old_content, e.new_content, o.note FROM outbox o LEFT JOIN events e ON e.id = o.event_id "
                    + "WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?", now, limit);
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long ev = rs.getLong(7);
                    Long eventId = rs.wasNull() ? null : ev;
                    long g = rs.getLong(3);
                    Long guild = rs.wasNull() ? null : g;
                    out.add(new Delivery(rs.getLong(1), rs.getLong(2), guild, rs.getString(4), UUID.randomUUID().toString(),
                            rs.getString(5), rs.getInt(6) + 1, eventId, rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12)));
                }
            }
            for (Delivery d : out) {
                update(c, "UPDATE outbox SET state = 'SENDING', attempt_id = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?",
                        d.attemptId(), now, d.id());
            }
            return out;
        });
    }

    public boolean delivered(long id, String attemptId, long messageId, long now) {
        return tx(c -> update(c, "UPDATE outbox SET state = 'DELIVERED', message_id = ?, last_error = NULL, updated_at = ? "
                + "WHERE id = ? AND attempt_id = ? AND state = 'SENDING'", messageId, now, id, attemptId) == 1);
    }

    public boolean retryAt(long id, String attemptId, long at, String error, long now) {
        return tx(c -> update(c, "UPDATE outbox SET state = 'PENDING', next_attempt_at = ?, last_error = ?, updated_at = ? "
                + "WHERE id = ? AND attempt_id = ? AND state = 'SENDING'", at, cut(error), now, id, attemptId) == 1);
    }

    public boolean failed(long id, String attemptId, String error, long now) {
        return tx(c -> update(c, "UPDATE outbox SET state = 'FAILED', last_error = ?, updated_at = ? "
                + "WHERE id = ? AND attempt_id = ? AND state = 'SENDING'", cut(error), now, id, attemptId) == 1);
    }

    /**
     * The channel is gone or the bot lost its permissions there: in one transaction, this row
     * fails, the channel's subscription is disabled with the reason, the channel's other pending
     * rows are dropped, and (when an admin channel is known) a note is queued there.
     */
    public void disable(long id, String attemptId, long channelId, String reason, Optional<Long> adminChannel,
                        String adminNote, long now) {
        tx(c -> {
            update(c, "UPDATE outbox SET state = 'FAILED', last_error = ?, updated_at = ? WHERE id = ? AND attempt_id = ?",
                    cut(reason), now, id, attemptId);
            update(c, "UPDATE outbox SET state = 'DROPPED', last_error = ?, updated_at = ? WHERE channel_id = ? AND state = 'PENDING' "
                    + "AND kind IN ('EVENT', 'ADDED')", cut("subscription disabled: " + reason), now, channelId);
            update(c, "UPDATE subscriptions SET active = ?, disabled_reason = ?, updated_at = ? WHERE channel_id = ?",
                    false, cut(reason), now, channelId);
            if (adminChannel.isPresent() && adminChannel.get() != channelId) {
                long note = nextId(c, "outbox");
                update(c, "INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, attempt_id, nonce, "
                        + "next_attempt_at, last_error, message_id, created_at, updated_at) "
                        + "VALUES (?, NULL, ?, NULL, 'NOTE', ?, 'PENDING', 0, NULL, ?, ?, NULL, NULL, ?, ?)",
                        note, adminChannel.get(), adminNote, newNonce(), now, now, now);
            }
            return null;
        });
    }

    /** Rows by state, for /notify status and tests. */
    public Map<State, Integer> outboxCounts() {
        return tx(c -> {
            Map<State, Integer> out = new java.util.EnumMap<>(State.class);
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
        return tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT COUNT(*) FROM outbox WHERE guild_id = ? AND state IN ('PENDING', 'SENDING')", guildId);
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** When each channel of one server last got a message from the bot (epoch ms), by channel. */
    public Map<Long, Long> lastDeliveries(long guildId) {
        return tx(c -> {
            Map<Long, Long> out = new java.util.HashMap<>();
            try (PreparedStatement p = ps(c, "SELECT channel_id, MAX(updated_at) FROM outbox WHERE guild_id = ? "
                    + "AND state = 'DELIVERED' GROUP BY channel_id", guildId); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** The earliest time a pending row is due, if any. */
    public Optional<Long> nextDue() {
        return tx(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'")) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(v);
            }
        });
    }

    public long eventCount() {
        return tx(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String cut(String s) {
        return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
    }
}
