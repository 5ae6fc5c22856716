package org.newsdesk.resignations.notify;

import java.util.List;

/**
 * Whether the bot may post notifications in a channel, asked when a channel subscribes (as
 * MonitoRSS does) so that a missing permission is said at once, not at the first entry.
 * Implemented in the discord package from JDA's cache; without it every channel is accepted and a
 * 403 at delivery disables the subscription instead.
 */
@FunctionalInterface
public interface ChannelCheck {

    /** @return the permissions the bot lacks there (their Discord names), empty when it may post */
    List<String> missing(long guildId, long channelId);

    ChannelCheck NONE = (g, c) -> List.of();
}
