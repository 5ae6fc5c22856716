package org.newsdesk.resignations.store;

import static org.newsdesk.resignations.store.Database.ps;
import static org.newsdesk.resignations.store.Database.update;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;

/** Per-server settings (table {@code guild_settings}): today the language the bot speaks there. */
public final class ServerSettings {

    private final Database db;

    public ServerSettings(Database db) {
        this.db = db;
    }

    public Optional<Lang> language(long guildId) {
        return db.tx(c -> {
            try (PreparedStatement p = ps(c, "SELECT language FROM guild_settings WHERE guild_id = ?", guildId);
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Lang.parse(rs.getString(1)) : Optional.empty();
            }
        });
    }

    public void setLanguage(long guildId, Lang lang, long now) {
        db.tx(c -> update(c, "INSERT INTO guild_settings (guild_id, language, updated_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (guild_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
                guildId, lang.code(), now));
    }
}
