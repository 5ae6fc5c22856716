package org.newsdesk.resignations.discord;

import java.util.Optional;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.commands.LanguagePolicy;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;

/**
 * How the bot speaks to a caller: the language it picks (the one place the Discord layer applies
 * the language rules) and the replies it words in that language.
 *
 * @param guildLanguages a server's language setting, when it has one
 */
public record Speech(Replies replies, LanguagePolicy languages, GuildLanguages guildLanguages) {

    /** A server's own language setting (/resignations language), when it has one. */
    @FunctionalInterface
    public interface GuildLanguages {
        Optional<Lang> of(long guildId);

        GuildLanguages NONE = id -> Optional.empty();
    }

    /** What the core needs to know of where and by whom a command was used. */
    public RequestContext context(Caller caller) {
        return caller.context(caller.guildId().flatMap(guildLanguages::of));
    }

    /** The reply language: an explicit choice, else the server's, else the client's, else the typed text's. */
    public Lang choose(Optional<Lang> explicit, RequestContext ctx, String typed) {
        return languages.choose(explicit, ctx, typed);
    }

    public Lang choose(Optional<Lang> explicit, Caller caller) {
        return choose(explicit, context(caller), "");
    }

    /**
     * The one access check, for typed commands and the buttons that run them alike (ids can be
     * forged): empty when the caller may run {@code command}, else the "not allowed" reply.
     */
    public Optional<Reply> refusal(Caller caller, CommandSpec.Access needed, String command, Lang lang) {
        return caller.may(needed) ? Optional.empty()
                : Optional.of(replies.userError(lang, "discord.not_allowed", "command", command));
    }

    public Lang fallback() {
        return languages.fallback();
    }
}
