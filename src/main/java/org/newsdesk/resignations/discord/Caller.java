package org.newsdesk.resignations.discord;

import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;

/**
 * Who clicked or typed: their user id, the Discord locale their client sent ("en-US", "ar"),
 * and which restricted commands they may run in this place (worked out from their roles and
 * permissions by the listener, checked again here on the server side).
 */
public record Caller(long userId, Optional<String> locale, Set<CommandSpec.Access> access, Optional<Long> guildId,
                     Optional<Long> channelId) {

    public Caller {
        access = Set.copyOf(access);
    }

    /** Outside any server or channel (tests, DMs). */
    public Caller(long userId, Optional<String> locale, Set<CommandSpec.Access> access) {
        this(userId, locale, access, Optional.empty(), Optional.empty());
    }

    public static Caller anyone(long userId, Optional<String> locale) {
        return new Caller(userId, locale, Set.of(CommandSpec.Access.EVERYONE));
    }

    /** What the core needs to know of where and by whom a command was used. */
    public RequestContext context(Optional<Lang> guildLanguage) {
        return new RequestContext(guildLanguage, locale, guildId, channelId, Optional.of(userId), may(CommandSpec.Access.EDITOR));
    }

    public boolean may(CommandSpec.Access needed) {
        return needed == CommandSpec.Access.EVERYONE || access.contains(needed);
    }
}
