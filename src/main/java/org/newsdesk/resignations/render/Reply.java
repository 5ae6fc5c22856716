package org.newsdesk.resignations.render;

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
 */
public record Reply(Kind kind, List<Card> pages, List<Choice> suggestions, List<Attachment> attachments,
                    Optional<String> replay) {

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

    public Reply {
        pages = List.copyOf(pages);
        suggestions = List.copyOf(suggestions);
        attachments = List.copyOf(attachments);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one page");
        }
    }

    public static Reply answer(List<Card> pages, Optional<String> replay) {
        return new Reply(Kind.ANSWER, pages, List.of(), List.of(), pages.size() > 1 ? replay : Optional.empty());
    }

    /** An answer only the asker sees (Discord: ephemeral); the console prints it like any other. */
    public static Reply privateAnswer(List<Card> pages) {
        return new Reply(Kind.PRIVATE, pages, List.of(), List.of(), Optional.empty());
    }

    public static Reply userError(Card card, List<Choice> suggestions) {
        return new Reply(Kind.USER_ERROR, List.of(card), suggestions, List.of(), Optional.empty());
    }

    /** The same reply with more files attached after the ones it has. */
    public Reply withAttachments(List<Attachment> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Attachment> all = new java.util.ArrayList<>(attachments);
        all.addAll(more);
        return new Reply(kind, pages, suggestions, all, replay);
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
