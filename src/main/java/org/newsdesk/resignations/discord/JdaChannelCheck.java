package org.newsdesk.resignations.discord;

import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.newsdesk.resignations.notify.ChannelCheck;

/**
 * The bot's own permissions in a channel, from the cache of the shard that holds its server (servers, channels and roles are
 * cached without any privileged intent). A channel JDA does not know is accepted: delivery will
 * find out, and a 403 or 404 then disables the subscription.
 */
final class JdaChannelCheck implements ChannelCheck {

    static final List<Permission> NEEDED = List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    private final ShardManager shards;

    JdaChannelCheck(ShardManager shards) {
        this.shards = shards;
    }

    @Override
    public List<String> missing(long guildId, long channelId) {
        Guild guild = shards.getGuildById(guildId);
        GuildChannel channel = guild == null ? null : guild.getGuildChannelById(channelId);
        if (channel == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Permission p : NEEDED) {
            if (!guild.getSelfMember().hasPermission(channel, p)) {
                out.add(p.getName());
            }
        }
        return out;
    }
}
