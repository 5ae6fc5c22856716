package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bot says, free of any transport: one or more pages (cards), already within Discord's
 * limits, plus suggestions a user can pick and files to attach. Discord shows one page at a time
 * with buttons; the console prints them all.
 *
 * @param replay      the command to run again to rebuild these pages (for page buttons that must
 *                    survive a restart); empty when the reply has one page or cannot be replayed
 * @param suggestions choices to offer after a failed lookup (label shown, value to run with)
 * @param actions     further commands a reader may open from this reply (the who card's "Full record"):
 *                    Discord shows each as a button, the console as the command to type
 */
public record Reply(Kind kind, List<Card> pages, List<Choice> suggestions, List<Attachment> attachments,
                    Optional<String> replay, List<Action> actions) {

    public enum Kind {
        /** A normal answer, visible to the channel. */
        ANSWER,
        /** An answer for the asker alone: settings, subscriptions, an editor's own draft. */
        PRIVATE,
        /** Something the user can fix; shown only to them. */
        USER_ERROR,
        /** Our fault; shown only to them, with a reference that matches a log line. */
        FAILURE
    }

    public record Choice(String label, String value) {
    }

    public record Attachment(String filename, String contentType, byte[] data, String description) {
    }

    /**
     * A command the reader may open from the reply.
     *
     * @param replay the command in the replay form of page buttons ("who|name=andrew-miller|detail=true|lang=en"),
     *               so the button needs nothing kept in memory and works after a restart
     */
    public record Action(String label, String replay) {
    }

    public Reply {
        pages = List.copyOf(pages);
        suggestions = List.copyOf(suggestions);
        attachments = List.copyOf(attachments);
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one page");
        }
    }

    /** A reply without actions. */
    public Reply(Kind kind, List<Card> pages, List<Choice> suggestions, List<Attachment> attachments,
                 Optional<String> replay) {
        this(kind, pages, suggestions, attachments, replay, List.of());
    }

    public static Reply answer(List<Card> pages, Optional<String> replay) {
        return new Reply(Kind.ANSWER, pages, List.of(), List.of(), pages.size() > 1 ? replay : Optional.empty());
    }

    /** An answer only the asker sees (Discord: ephemeral); the console prints it like any other. */
    public static Reply privateAnswer(List<Card> pages) {
        return new Reply(Kind.PRIVATE, pages, List.of(), List.of(), Optional.empty());
    }

    /** A private answer whose pages are rebuilt from {@code replay} when turned (restart-safe page buttons). */
    public static Reply privateAnswer(List<Card> pages, Optional<String> replay) {
        return new Reply(Kind.PRIVATE, pages, List.of(), List.of(), pages.size() > 1 ? replay : Optional.empty());
    }

    /** The same reply with these actions offered after it. */
    public Reply withActions(List<Action> more) {
        return new Reply(kind, pages, suggestions, attachments, replay, more);
    }

    public static Reply userError(Card card, List<Choice> suggestions) {
        return new Reply(Kind.USER_ERROR, List.of(card), suggestions, List.of(), Optional.empty());
    }

    /** The same reply with more files attached after the ones it has. */
    public Reply withAttachments(List<Attachment> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Attachment> all = new ArrayList<>(attachments);
        all.addAll(more);
        return new Reply(kind, pages, suggestions, all, replay, actions);
    }

    /** The same reply without its files (the console saves them apart). */
    public Reply withoutAttachments() {
        return new Reply(kind, pages, suggestions, List.of(), replay, actions);
    }

    public boolean ephemeral() {
        return kind != Kind.ANSWER;
    }

    /** An answer (public or private), not an error. */
    public boolean isAnswer() {
        return kind == Kind.ANSWER || kind == Kind.PRIVATE;
    }

    public Card page(int index) {
        return pages.get(Math.max(0, Math.min(index, pages.size() - 1)));
    }
}
