package org.newsdesk.resignations.discord.fake;

import static org.newsdesk.resignations.discord.fake.FakeDiscord.APP_ID;
import static org.newsdesk.resignations.discord.fake.FakeDiscord.BOT_ID;
import static org.newsdesk.resignations.discord.fake.FakeDiscord.CHANNEL_ID;
import static org.newsdesk.resignations.discord.fake.FakeDiscord.EDITOR_ROLE_ID;
import static org.newsdesk.resignations.discord.fake.FakeDiscord.GUILD_ID;
import static org.newsdesk.resignations.discord.fake.FakeDiscord.MEMBER_PERMISSIONS;
import static org.newsdesk.resignations.discord.fake.FakeDiscord.OWNER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The Discord objects the fake sends (users, roles, channels, members, servers, messages), with
 * every field JDA 6 needs to accept them.
 */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {
    }

    static ObjectNode botUser() {
        return user(BOT_ID, "desk-bot", true);
    }

    static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", Long.toString(id)).put("username", name).put("discriminator", "0").putNull("global_name")
                .putNull("avatar").put("bot", bot).put("flags", 0).put("public_flags", 0);
        return u;
    }

    static ObjectNode role(long id, String name, String permissions, int position) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", Long.toString(id)).put("name", name).put("color", 0).put("hoist", false).putNull("icon")
                .putNull("unicode_emoji").put("position", position).put("permissions", permissions)
                .put("managed", false).put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        r.putObject("tags");
        return r;
    }

    static ObjectNode channel(long id, long guildId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", Long.toString(id)).put("type", 0).put("guild_id", Long.toString(guildId))
                .put("name", "desk").put("position", 0).putNull("parent_id").putNull("topic").put("nsfw", false)
                .put("rate_limit_per_user", 0).putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    static ObjectNode member(ObjectNode user, String permissions) {
        ObjectNode m = JSON.createObjectNode();
        m.set("user", user);
        m.putArray("roles");
        m.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).putNull("nick").putNull("avatar").putNull("premium_since").put("pending", false)
                .putNull("communication_disabled_until");
        if (permissions != null) {
            m.put("permissions", permissions);
        }
        return m;
    }

    static ObjectNode guild(long id, List<Long> channels) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", Long.toString(id)).put("name", id == GUILD_ID ? "Newsroom" : "Newsroom " + (id % 1000)).putNull("icon").putNull("splash")
                .putNull("discovery_splash").putNull("banner").putNull("description").putNull("vanity_url_code")
                .put("owner_id", Long.toString(OWNER_ID)).put("afk_timeout", 300).putNull("afk_channel_id")
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false).put("preferred_locale", "en-US").put("system_channel_flags", 0)
                .putNull("system_channel_id").putNull("rules_channel_id").putNull("public_updates_channel_id")
                .putNull("safety_alerts_channel_id").put("max_members", 500000).put("member_count", 3)
                .put("large", false).put("unavailable", false).put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        g.putArray("roles").add(role(id, "@everyone", MEMBER_PERMISSIONS, 0))
                .add(role(EDITOR_ROLE_ID, "editors", "0", 1));
        g.putArray("emojis");
        g.putArray("stickers");
        ArrayNode cs = g.putArray("channels");
        channels.forEach(c -> cs.add(channel(c, id)));
        g.putArray("threads");
        g.putArray("guild_scheduled_events");
        g.putArray("voice_states");
        g.putArray("presences");
        g.putArray("stage_instances");
        g.putArray("soundboard_sounds");
        g.putArray("members").add(member(botUser(), null));
        return g;
    }

    /** The message with id {@code id} Discord would hold after a create/edit request with {@code body}. */
    static ObjectNode message(JsonNode body, long id) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", Long.toString(id)).put("channel_id", Long.toString(CHANNEL_ID)).put("type", 0)
                .put("content", body.path("content").asText("")).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("timestamp", OffsetDateTime.now().toString()).putNull("edited_timestamp")
                .put("flags", body.path("flags").asInt(0)).put("application_id", Long.toString(APP_ID))
                .put("webhook_id", Long.toString(APP_ID));
        m.set("author", botUser());
        ArrayNode embeds = m.putArray("embeds");
        for (JsonNode e : body.path("embeds")) {
            ObjectNode copy = e.deepCopy();
            copy.put("type", "rich");
            embeds.add(copy);
        }
        m.set("components", body.has("components") ? body.get("components") : JSON.createArrayNode());
        m.putArray("attachments");
        m.putArray("mentions");
        m.putArray("mention_roles");
        return m;
    }
}
