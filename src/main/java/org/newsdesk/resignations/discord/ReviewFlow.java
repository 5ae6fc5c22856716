package org.newsdesk.resignations.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.ComponentId.Feature;
import org.newsdesk.resignations.discord.InteractionService.Mode;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.intake.IntakeOutcome;
import org.newsdesk.resignations.intake.Pending;
import org.newsdesk.resignations.intake.ReviewService;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review of what editors add, in Discord: the review card's buttons (Approve; Reject, which
 * asks the reason in a form; Edit, which opens the add form again filled in), the pending list's
 * Open buttons, {@code /resignations review id:} and the who card's "Propose a correction"
 * ({@code /resignations correct}). Ids are {@code v:<action>:<review id or entry>}
 * ({@link Feature#REVIEW}). Who may click is checked on every click (an editor; the core refuses
 * the entry's own authors); the ids carry no right. Everything goes through {@link InteractionService}.
 */
final class ReviewFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewFlow.class);

    static final String REVIEW = "resignations review";
    static final String CORRECT = "resignations correct";
    static final String REASON = "reason";

    private final Speech speech;
    private final Optional<EntryIntake> intake;
    private final MessageRenderer renderer;
    private final InteractionService service;
    private final AddEntryFlow addEntry;
    private final Templates t;

    ReviewFlow(Speech speech, Optional<EntryIntake> intake, MessageRenderer renderer, InteractionService service,
               AddEntryFlow addEntry, Templates templates) {
        this.speech = speech;
        this.intake = intake;
        this.renderer = renderer;
        this.service = service;
        this.addEntry = addEntry;
        this.t = templates;
    }

    static boolean handles(String fullCommandName) {
        return REVIEW.equals(fullCommandName) || CORRECT.equals(fullCommandName);
    }

    // ---- routed here by InteractionListener -------------------------------------------------------

    /** {@code /resignations review id:} (the card, with its buttons) or {@code /resignations correct name:} (the form). */
    void slash(String fullCommandName, Map<String, String> options, Caller caller, Responder r) {
        Lang lang = speech.choose(Optional.ofNullable(options.get("lang")).flatMap(Lang::parse), caller);
        if (CORRECT.equals(fullCommandName)) {
            String name = options.getOrDefault("name", "");
            service.feature(r, Mode.REPLY, true, lang, () -> refused(caller, lang, CORRECT)
                    .orElseGet(() -> answer(intake.orElseThrow().correct(name, caller.userId(), lang), lang)));
        } else {
            String id = options.getOrDefault("id", "");
            service.feature(r, Mode.PRIVATE, false, lang, () -> refused(caller, lang, REVIEW).orElseGet(() -> card(id, lang)));
        }
    }

    /**
     * A button: approve, reject (the form asking why), edit (the add form), open (the card), correct (the add form).
     *
     * @param clicked the message the button is on: a card in the review channel is marked once its entry is decided
     */
    void click(ComponentId id, Caller caller, Responder r, Optional<Message> clicked) {
        Lang lang = speech.choose(Optional.empty(), caller);
        String action = id.element(0);
        Optional<String> arg = id.size() == 2 ? Optional.of(id.element(1)) : Optional.empty();
        boolean entryArg = action.equals("correct");
        if (arg.isEmpty() || !arg.get().matches(entryArg ? "[a-z0-9-]{1,80}" : "[a-z0-9]{1,40}")) {
            service.expired(r, id.encode(), caller);
            return;
        }
        String x = arg.get();
        switch (action) {
            // writes the entry and reloads the dataset: on a worker, acknowledged when it runs long
            case "approve" -> service.feature(r, Mode.PRIVATE, false, lang, () -> refused(caller, lang, REVIEW)
                    .orElseGet(() -> Answer.fresh(privately(decided(review().approve(x, caller.userId(), Optional.empty(), lang),
                            clicked, x, "approved", caller.userId(), lang)), lang)));
            // a form must be the first response: in place (it reads the small pending list)
            case "reject" -> service.feature(r, Mode.REPLY, true, lang, () -> refused(caller, lang, REVIEW)
                    .orElseGet(() -> reasonForm(x, caller, lang)));
            case "edit" -> service.feature(r, Mode.REPLY, true, lang, () -> refused(caller, lang, REVIEW)
                    .orElseGet(() -> answer(intake.orElseThrow().edit(x, caller.userId(), lang), lang)));
            case "open" -> service.feature(r, Mode.PRIVATE, false, lang, () -> refused(caller, lang, REVIEW).orElseGet(() -> card(x, lang)));
            case "correct" -> service.feature(r, Mode.REPLY, true, lang, () -> refused(caller, lang, CORRECT)
                    .orElseGet(() -> answer(intake.orElseThrow().correct(x, caller.userId(), lang), lang)));
            default -> service.expired(r, id.encode(), caller);
        }
    }

    /**
     * The form asking why an entry is rejected, sent back.
     *
     * @param clicked the message whose Reject button opened the form (the card), when Discord says
     */
    void submit(ComponentId id, Map<String, String> values, Caller caller, Responder r, Optional<Message> clicked) {
        Lang lang = speech.choose(Optional.empty(), caller);
        if (id.size() != 2 || !id.element(0).equals(REASON) || !id.element(1).matches("[a-z0-9]{1,40}")) {
            service.expired(r, id.encode(), caller);
            return;
        }
        String x = id.element(1);
        service.feature(r, Mode.PRIVATE, false, lang, () -> refused(caller, lang, REVIEW).orElseGet(() -> Answer.fresh(
                privately(decided(review().reject(x, caller.userId(), values.getOrDefault(REASON, ""), lang), clicked,
                        x, "rejected", caller.userId(), lang)), lang)));
    }

    /**
     * The reviewer's answer; once the entry has left review, its card says so and loses the buttons
     * that no longer apply (none once approved; Edit alone once rejected), so no other editor acts
     * on a stale card. Edited with the bot's own REST call; a failure is logged, the decision stands.
     */
    private Reply decided(ReviewService.Decision d, Optional<Message> card, String reviewId, String outcome, long reviewer,
                          Lang lang) {
        // an ephemeral card (from /resignations review) is the clicker's alone, and only its interaction could edit it
        if (d.done() && card.isPresent() && !card.get().isEphemeral()) {
            Message m = card.get();
            String who = "<@" + Long.toUnsignedString(reviewer) + ">";
            List<ActionRow> rows = outcome.equals("approved") ? List.of()
                    : List.of(ActionRow.of(Button.secondary(id("edit", reviewId), label(t.get(lang, "review.button.edit")))));
            DataObject body;
            try (MessageEditData edit = new MessageEditBuilder()
                    .setContent(t.get(lang, "review.decided", "outcome", t.get(lang, "review.decided." + outcome, "reviewer", who)))
                    .setComponents(rows)
                    .setAllowedMentions(List.of())
                    .build()) {
                body = edit.toData();
            }
            // the bot's own REST route, as for the card's post: JDA would send an edit of an interaction's
            // message through that interaction's webhook, which answers for its own messages only
            new RestActionImpl<Void>(m.getJDA(), Route.Messages.EDIT_MESSAGE.compile(m.getChannelId(), m.getId()), body)
                    .queue(ok -> LOG.info("Review card {} marked {}", m.getId(), outcome),
                            e -> LOG.warn("Review card {} could not be marked {}: {}", m.getId(), outcome, e.toString()));
        }
        return d.reply();
    }

    // ---- answers ---------------------------------------------------------------------------------

    /** Empty when the user is an editor and the bot can review; else what they are told. */
    private Optional<Answer> refused(Caller caller, Lang lang, String command) {
        Optional<Reply> refusal = speech.refusal(caller, CommandSpec.Access.EDITOR, command, lang);
        if (refusal.isPresent()) {
            return Optional.of(Answer.fresh(refusal.get(), lang));
        }
        return intake.isEmpty() ? Optional.of(Answer.fresh(speech.replies().userError(lang, "review.unavailable"), lang))
                : Optional.empty();
    }

    private ReviewService review() {
        return intake.orElseThrow().review();
    }

    /** The pending list unreadable is our failure: the service answers it with a ref that the log has. */
    private Optional<Pending> find(String id) {
        try {
            return review().find(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The card of one entry in review, with its buttons, for the clicker alone. */
    private Answer card(String id, Lang lang) {
        Optional<Pending> p = find(id.strip());
        if (p.isEmpty()) {
            return Answer.fresh(speech.replies().userError(lang, "review.not_found", "id", Markdown.userText(id, 40)), lang);
        }
        Reply card = review().card(p.get(), lang, Optional.empty());
        return Answer.built(card, message(renderer, t, p.get(), card, lang), lang);
    }

    /** Asks why, unless the clicker wrote or edited it (told at once, rather than after typing a reason). */
    private Answer reasonForm(String id, Caller caller, Lang lang) {
        Optional<Pending> p = find(id);
        if (p.isEmpty() || !p.get().waiting()) {
            return Answer.fresh(speech.replies().userError(lang, "review.not_found", "id", id), lang);
        }
        if (p.get().authors().contains(caller.userId())) {
            return Answer.fresh(speech.replies().userError(lang, "review.own"), lang);
        }
        TextInput reason = TextInput.create(REASON, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMaxLength(Math.min(ReviewService.MAX_REASON, TextInput.MAX_VALUE_LENGTH))
                .setPlaceholder(Fit.shorten(t.get(lang, "review.form.reason.hint"), TextInput.MAX_PLACEHOLDER_LENGTH))
                .build();
        Modal form = Modal.create(ComponentId.of(Feature.REVIEW, REASON, id).encode(),
                        Fit.shorten(t.get(lang, "review.form.reject"), Modal.MAX_TITLE_LENGTH))
                .addComponents(Label.of(Fit.shorten(t.get(lang, "review.form.reason"), Label.LABEL_MAX_LENGTH), reason))
                .build();
        return Answer.form(form, speech.replies().userError(lang, "discord.busy"), lang);
    }

    /** An edit or a correction opens the add form; anything else is said to the clicker alone. */
    private Answer answer(IntakeOutcome o, Lang lang) {
        if (o instanceof IntakeOutcome.Form f) {
            return Answer.form(addEntry.form(f.draft(), f.step()), speech.replies().userError(f.draft().lang(), "discord.busy"),
                    f.draft().lang());
        }
        Reply said = o instanceof IntakeOutcome.Done d ? d.reply() : o instanceof IntakeOutcome.Fix f ? f.reply()
                : ((IntakeOutcome.Next) o).reply();
        return Answer.fresh(privately(said), lang);
    }

    private static Reply privately(Reply r) {
        return r.ephemeral() ? r : new Reply(Reply.Kind.PRIVATE, r.pages(), r.suggestions(), r.attachments(), r.replay(), r.actions());
    }

    // ---- Discord's shapes ------------------------------------------------------------------------

    /**
     * A review card as a message: the card, and the buttons a reviewer needs (Approve, Reject,
     * Edit; only Edit once rejected). Nothing in it pings.
     */
    static MessageCreateData message(MessageRenderer renderer, Templates t, Pending p, Reply card, Lang lang) {
        List<Button> buttons = p.waiting()
                ? List.of(Button.success(id("approve", p.id()), label(t.get(lang, "review.button.approve"))),
                        Button.danger(id("reject", p.id()), label(t.get(lang, "review.button.reject"))),
                        Button.secondary(id("edit", p.id()), label(t.get(lang, "review.button.edit"))))
                : List.of(Button.secondary(id("edit", p.id()), label(t.get(lang, "review.button.edit"))));
        return new MessageCreateBuilder()
                .setEmbeds(renderer.embed(card.page(0), Reply.Kind.ANSWER))
                .setComponents(ActionRow.of(buttons))
                .setAllowedMentions(List.of())
                .build();
    }

    static String id(String action, String arg) {
        return ComponentId.of(Feature.REVIEW, action, arg).encode();
    }

    /**
     * The id of a reply's action that belongs to the review ({@code review|id=…} from the pending
     * list opens a card, {@code correct|name=…} from an editor's who card opens the form), else empty.
     */
    static Optional<String> actionId(String replay) {
        if (Replay.isKept(replay)) {
            return Optional.empty();
        }
        Replay r = Replay.parse(replay);
        if (r.subcommand().equals("review") && r.options().containsKey("id")) {
            return Optional.of(id("open", r.options().get("id")));
        }
        if (r.subcommand().equals("correct") && r.options().containsKey("name")) {
            return Optional.of(id("correct", r.options().get("name")));
        }
        return Optional.empty();
    }

    private static String label(String s) {
        return Fit.shorten(s, Limits.BUTTON_LABEL);
    }
}
