package org.newsdesk.resignations.discord;

import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The ways to answer one interaction. The first call must be one of {@link #reply},
 * {@link #defer}, {@link #update} or {@link #deferUpdate} (Discord's 3 s acknowledgement); the
 * others follow within 15 minutes. Implementations send asynchronously and never throw for a
 * refused request: they log it.
 */
public interface Responder {

    /** A new message as the first response. */
    void reply(MessageCreateData message, boolean ephemeral);

    /** "Thinking…" now, the message later through {@link #editOriginal} or {@link #followUp}. */
    void defer(boolean ephemeral);

    /** Replaces the message whose button was clicked, as the first response. */
    void update(MessageEditData message);

    /** Acknowledges a click now; the message is edited later through {@link #editOriginal}. */
    void deferUpdate();

    /** Edits the deferred response, or the clicked message after {@link #deferUpdate}. */
    void editOriginal(MessageEditData message);

    /** A further message after the first response. */
    void followUp(MessageCreateData message, boolean ephemeral);

    /** Removes the deferred "thinking…" response (before an ephemeral follow-up replaces it). */
    void deleteOriginal();

    /** A form as the first response (slash commands and buttons only; not to a form's own submit). */
    default void modal(Modal modal) {
        throw new UnsupportedOperationException("this interaction cannot answer with a form");
    }
}
