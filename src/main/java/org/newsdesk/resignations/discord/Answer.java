package org.newsdesk.resignations.discord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Reply;

/**
 * A core reply on its way to Discord: which page to show, whose pages they are, what its
 * suggestions re-run, and whether it replaces the message a button was clicked on.
 *
 * @param owner  the asker's user id when only they may turn the pages (ephemeral replies), else 0
 * @param retry  how a suggestion's value becomes a command to run, if the reply has suggestions
 * @param update true to edit the clicked message in place (page turns), false for a new message
 * @param message the message already built, when the feature builds its own (the fact-check
 *                menu's result with its buttons); else the renderer builds it from the reply
 * @param form    a form to open instead of a message (the add form; only as the first response)
 */
public record Answer(Reply reply, int page, long owner, Optional<Retry> retry, boolean update, Lang lang,
                     Optional<MessageCreateData> message, Optional<Modal> form) {

    public Answer(Reply reply, int page, long owner, Optional<Retry> retry, boolean update, Lang lang) {
        this(reply, page, owner, retry, update, lang, Optional.empty(), Optional.empty());
    }

    /** A message the feature built itself, for {@code reply}'s audience (the asker alone for a private reply). */
    public static Answer built(Reply reply, MessageCreateData message, Lang lang) {
        return new Answer(reply, 0, 0L, Optional.empty(), false, lang, Optional.of(message), Optional.empty());
    }

    /** A message the feature built itself, in place of the one whose button was clicked. */
    public static Answer builtUpdate(Reply reply, MessageCreateData message, Lang lang) {
        return new Answer(reply, 0, 0L, Optional.empty(), true, lang, Optional.of(message), Optional.empty());
    }

    /** A form to open; {@code reply} is what the user is told if it cannot be opened any more. */
    public static Answer form(Modal form, Reply reply, Lang lang) {
        return new Answer(reply, 0, 0L, Optional.empty(), false, lang, Optional.empty(), Optional.of(form));
    }

    /**
     * Re-runs a command with one option replaced by a suggestion's value.
     *
     * @param rest the command with its other options
     */
    public record Retry(String option, Replay rest) {
        /** The command with the suggestion's value as {@code option}, written first. */
        public String with(String value) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put(option, value);
            rest.options().forEach(options::putIfAbsent);
            return Replay.of(rest.subcommand(), options).encode();
        }

        /** The command without the option, for a select menu that adds it. */
        public String base() {
            return rest.encode();
        }
    }

    public Answer {
        page = Math.max(0, Math.min(page, reply.pages().size() - 1));
    }

    public static Answer fresh(Reply reply, long asker, Optional<Retry> retry, Lang lang) {
        return new Answer(reply, 0, reply.ephemeral() ? asker : 0L, retry, false, lang);
    }

    public static Answer fresh(Reply reply, Lang lang) {
        return new Answer(reply, 0, 0L, Optional.empty(), false, lang);
    }

    public boolean ephemeral() {
        return reply.ephemeral();
    }
}
