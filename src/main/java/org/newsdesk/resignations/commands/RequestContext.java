package org.newsdesk.resignations.commands;

import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;

/**
 * Who asked and where: what the language rules need, and for the commands that act on a server
 * (notifications, settings) the server, channel and user.
 *
 * @param guildLanguage the server's setting, if any
 * @param userLocale    the Discord locale the client sent (e.g. "en-US"), if any
 * @param guildId       the server the command was used in; empty in DMs and on the console
 * @param channelId     the channel it was used in; empty on the console
 * @param userId        who used it; empty on the console
 * @param editor        the user is an editor (sees entries waiting for review); the console's operator is
 */
public record RequestContext(Optional<Lang> guildLanguage, Optional<String> userLocale, Optional<Long> guildId,
                             Optional<Long> channelId, Optional<Long> userId, boolean editor) {

    public static final RequestContext CONSOLE = new RequestContext(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), true);

    public RequestContext(Optional<Lang> guildLanguage, Optional<String> userLocale, Optional<Long> guildId,
                          Optional<Long> channelId, Optional<Long> userId) {
        this(guildLanguage, userLocale, guildId, channelId, userId, false);
    }

    public RequestContext(Optional<Lang> guildLanguage, Optional<String> userLocale) {
        this(guildLanguage, userLocale, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
