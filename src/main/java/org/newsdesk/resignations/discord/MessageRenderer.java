package org.newsdesk.resignations.discord;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;

/**
 * Maps a core reply onto a Discord message: one page as an embed, page buttons when there are
 * more, actions ("Full record") as buttons, suggestions as buttons (or a select menu when there are many), files as attachments.
 * It adds no facts and formats none: every word comes from the reply or from the templates.
 * Allowed mentions are always empty.
 */
public final class MessageRenderer {

    static final int MAX_SUGGESTION_BUTTONS = 10;
    static final int BUTTONS_PER_ROW = 5;
    static final String BLANK = "\u200B";
    /** What Discord accepts from a bot in one message without server boosts (10 MiB, 10 files). */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 10;
    static final int MAX_FILE_DESCRIPTION = 1024;

    static final Color ANSWER = new Color(0x2B6CB0);
    static final Color USER_ERROR = new Color(0xD69E2E);
    static final Color FAILURE = new Color(0xC53030);

    private final Templates templates;
    private final ComponentIds ids;

    public MessageRenderer(Templates templates, ComponentIds ids) {
        this.templates = templates;
        this.ids = ids;
    }

    public MessageCreateData create(Answer a) {
        Files files = files(a);
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setEmbeds(embed(a.reply().page(a.page()), a.reply().kind()))
                .setComponents(rows(a))
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false);
        if (!files.uploads().isEmpty()) {
            b.setFiles(files.uploads());
        }
        if (!files.note().isEmpty()) {
            b.setContent(files.note());
        }
        return b.build();
    }

    /**
     * The message in place of the one shown: a page turn keeps the files already attached (none
     * is uploaded again); an answer edited into a deferred response brings its files.
     */
    public MessageEditData edit(Answer a) {
        MessageEditBuilder b = new MessageEditBuilder()
                .setEmbeds(embed(a.reply().page(a.page()), a.reply().kind()))
                .setComponents(rows(a))
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false);
        if (!a.update()) {
            Files files = files(a);
            b.setContent(files.note());
            if (!files.uploads().isEmpty()) {
                b.setFiles(files.uploads());
            }
        }
        return b.build();
    }

    MessageEmbed embed(Card card, Reply.Kind kind) {
        EmbedBuilder e = new EmbedBuilder();
        if (!card.title().isBlank()) {
            e.setTitle(Fit.shorten(card.title(), Limits.TITLE));
        }
        if (!card.description().isBlank()) {
            e.setDescription(card.description());
        }
        for (Card.Field f : card.fields()) {
            e.addField(f.name().isBlank() ? BLANK : f.name(), f.value().isBlank() ? BLANK : f.value(), f.inline());
        }
        if (!card.footer().isBlank()) {
            e.setFooter(card.footer());
        }
        e.setColor(switch (kind) {
            case ANSWER, PRIVATE -> ANSWER;
            case USER_ERROR -> USER_ERROR;
            case FAILURE -> FAILURE;
        });
        if (e.isEmpty()) {
            e.setDescription(BLANK);
        }
        return e.build();
    }

    List<ActionRow> rows(Answer a) {
        List<ActionRow> rows = new ArrayList<>();
        Reply r = a.reply();
        int pages = r.pages().size();
        if (pages > 1) {
            String replay = r.replay().orElseGet(() -> ids.remember(r));
            int p = a.page();
            int last = pages - 1;
            rows.add(ActionRow.of(
                    Button.secondary(ids.pager('f', 0, a.owner(), replay), "⏮").withDisabled(p == 0),
                    Button.secondary(ids.pager('p', Math.max(0, p - 1), a.owner(), replay), "◀").withDisabled(p == 0),
                    Button.secondary(ids.pager('n', Math.min(last, p + 1), a.owner(), replay), "▶").withDisabled(p == last),
                    Button.secondary(ids.pager('l', last, a.owner(), replay), "⏭").withDisabled(p == last)));
        }
        if (!r.actions().isEmpty()) {
            // e.g. the who card's "Full record": an "s:" id carrying the command, so it works after a restart
            List<Button> buttons = new ArrayList<>();
            for (Reply.Action act : r.actions().subList(0, Math.min(r.actions().size(), BUTTONS_PER_ROW))) {
                // the review's actions (open a card, propose a correction) open forms and cards of their own
                String id = ReviewFlow.actionId(act.replay()).orElseGet(() -> ids.suggestion(act.replay()));
                buttons.add(Button.secondary(id, label(act.label(), Limits.BUTTON_LABEL)));
            }
            rows.add(ActionRow.of(buttons));
        }
        if (!r.suggestions().isEmpty() && a.retry().isPresent()) {
            Answer.Retry retry = a.retry().get();
            List<Reply.Choice> choices = r.suggestions();
            if (choices.size() <= MAX_SUGGESTION_BUTTONS) {
                List<Button> buttons = new ArrayList<>();
                for (Reply.Choice c : choices) {
                    buttons.add(Button.primary(ids.suggestion(retry.with(c.value())), label(c.label(), Limits.BUTTON_LABEL)));
                }
                for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
                    rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
                }
            } else {
                StringSelectMenu.Builder menu = StringSelectMenu.create(ids.pick(retry.option(), retry.base()))
                        .setPlaceholder(Fit.shorten(templates.get(a.lang(), "discord.pick"), StringSelectMenu.PLACEHOLDER_MAX_LENGTH));
                for (Reply.Choice c : choices.subList(0, Math.min(choices.size(), StringSelectMenu.OPTIONS_MAX_AMOUNT))) {
                    menu.addOption(label(c.label(), Limits.CHOICE_NAME), c.value());
                }
                rows.add(ActionRow.of(menu.build()));
            }
        }
        return rows;
    }

    /** Files to upload, and a note (from the templates) for any too large for Discord. */
    record Files(List<FileUpload> uploads, String note) {
    }

    Files files(Answer a) {
        List<FileUpload> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long total = 0;
        for (Reply.Attachment at : a.reply().attachments()) {
            if (out.size() == MAX_FILES || total + at.data().length > MAX_UPLOAD_BYTES) {
                notes.add(templates.get(a.lang(), "discord.file_too_large", "file", Markdown.userText(at.filename(), 100),
                        "size", String.format(Locale.ROOT, "%.1f", at.data().length / 1048576.0),
                        "limit", MAX_UPLOAD_BYTES / 1048576));
                continue;
            }
            total += at.data().length;
            FileUpload f = FileUpload.fromData(at.data(), at.filename());
            if (at.description() != null && !at.description().isBlank()) {
                f.setDescription(Fit.shorten(at.description(), MAX_FILE_DESCRIPTION));
            }
            out.add(f);
        }
        return new Files(out, Fit.shorten(String.join("\n", notes), Limits.CONTENT));
    }

    private static String label(String s, int max) {
        String v = Fit.shorten(s == null ? "" : s.strip(), max);
        return v.isEmpty() ? "?" : v;
    }
}
