package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.cut;
import static org.newsdesk.resignations.store.Database.ps;
import static org.newsdesk.resignations.store.Database.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Channels that are told of changes (table {@code subscriptions}), one row per channel. */
public final class Subscriptions {

    public record Subscription(long guildId, long channelId, boolean corrections, boolean active,
                               Optional<String> disabledReason) {
    }

    /** An active subscription's channel, as the ledger queues messages for it. */
    record Target(long channelId, long guildId, boolean corrections) {
    }

    private static final String COLUMNS = "SELECT guild_id, channel_id, corrections, active, disabled_reason FROM subscriptions ";

    private final Database db;

    public Subscriptions(Database db) {
        this.db = db;
    }

    /** Subscribes (or re-enables, or changes the corrections flag of) a channel. */
    public void subscribe(long guildId, long channelId, boolean corrections, long by, long now) {
        db.tx(c -> update(c, "INSERT INTO subscriptions (channel_id, guild_id, corrections, active, disabled_reason, created_by, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (channel_id) DO UPDATE SET "
                + "guild_id = excluded.guild_id, corrections = excluded.corrections, active = excluded.active, "
                + "disabled_reason = NULL, updated_at = excluded.updated_at",
                channelId, guildId, corrections, true, by, now, now));
    }

    /** @return whether the channel of that server had a subscription */
    public boolean unsubscribe(long guildId, long channelId) {
        return db.tx(c -> update(c, "DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?", guildId, channelId) > 0);
    }

    public List<Subscription> ofServer(long guildId) {
        return db.tx(c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement p = ps(c, COLUMNS + "WHERE guild_id = ? ORDER BY channel_id", guildId);
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    public Optional<Subscription> ofChannel(long channelId) {
        return db.tx(c -> {
            try (PreparedStatement p = ps(c, COLUMNS + "WHERE channel_id = ?", channelId); ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
    }

    private static Subscription row(ResultSet rs) throws SQLException {
        return new Subscription(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4), Optional.ofNullable(rs.getString(5)));
    }

    /** The active subscriptions, by channel, inside the caller's transaction. */
    static List<Target> active(Connection c) throws SQLException {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement p = ps(c, "SELECT channel_id, guild_id, corrections FROM subscriptions WHERE active = ? ORDER BY channel_id", true);
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(new Target(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)));
            }
        }
        return out;
    }

    /** Disables a channel's subscription with the reason, inside the caller's transaction. */
    static void disable(Connection c, long channelId, String reason, long now) throws SQLException {
        update(c, "UPDATE subscriptions SET active = ?, disabled_reason = ?, updated_at = ? WHERE channel_id = ?",
                false, cut(reason), now, channelId);
    }
}
