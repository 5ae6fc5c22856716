package org.newsdesk.resignations.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.ComponentId.Feature;
import org.newsdesk.resignations.discord.InteractionService.Mode;
import org.newsdesk.resignations.intake.Draft;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.intake.Field;
import org.newsdesk.resignations.intake.IntakeOutcome;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Reply;

/**
 * {@code /resignations add} for editors: the command opens the first form (a Discord modal,
 * each input wrapped in a Label), its submit is answered with what to fix or a button to the
 * second form, and the second form's submit adds the entry (on a worker, acknowledged when it
 * runs long: it writes a file and reloads the dataset). Every step checks again that the user is
 * an editor; forms and buttons carry {@code a:<step>:<draft>} ({@link Feature#ADD_ENTRY}) and only
 * the draft's owner can use them. Every step goes through {@link InteractionService}.
 */
final class AddEntryFlow {

    static final String COMMAND = "resignations add";

    private final Speech speech;
    private final Optional<EntryIntake> intake;
    private final MessageRenderer renderer;
    private final InteractionService service;

    AddEntryFlow(Speech speech, Optional<EntryIntake> intake, MessageRenderer renderer, InteractionService service) {
        this.speech = speech;
        this.intake = intake;
        this.renderer = renderer;
        this.service = service;
    }

    // ---- the flow (routed here by InteractionListener) -------------------------------------------

    /** The command: answered with the first form (in place: a form must be the first response). */
    void start(Map<String, String> options, Caller caller, Responder r) {
        Lang lang = lang(caller, Optional.ofNullable(options.get("lang")).flatMap(Lang::parse));
        service.feature(r, Mode.REPLY, true, lang, () -> refused(caller, lang)
                .orElseGet(() -> answer(intake.orElseThrow().start(caller.userId(), lang, options), lang)));
    }

    /** The button under a step's answer: the form again, or the next one. */
    void click(ComponentId id, Caller caller, Responder r) {
        Lang lang = lang(caller, Optional.empty());
        service.feature(r, Mode.REPLY, true, lang, () -> refused(caller, lang).orElseGet(() -> Target.of(id)
                .map(t -> answer(intake.orElseThrow().reopen(t.draft(), t.step(), caller.userId(), lang), lang))
                .orElseGet(() -> error(lang, "add.expired"))));
    }

    /** A form sent back; the last one writes a file and reloads the dataset, on a worker. */
    void submit(ComponentId id, Map<String, String> values, Caller caller, Responder r) {
        Lang lang = lang(caller, Optional.empty());
        Optional<Target> t = Target.of(id);
        boolean last = t.isPresent() && t.get().step() != Field.Step.WHO;
        service.feature(r, Mode.PRIVATE, !last, lang, () -> refused(caller, lang).orElseGet(() -> t
                .map(target -> answer(intake.orElseThrow().submit(target.draft(), target.step(), caller.userId(), values, lang), lang))
                .orElseGet(() -> error(lang, "add.expired"))));
    }

    /** Empty when the user may add entries and the bot can; else what they are told. */
    private Optional<Answer> refused(Caller caller, Lang lang) {
        Optional<Reply> refusal = speech.refusal(caller, CommandSpec.Access.EDITOR, COMMAND, lang);
        if (refusal.isPresent()) {
            return Optional.of(Answer.fresh(refusal.get(), lang));
        }
        return intake.isEmpty() ? Optional.of(error(lang, "add.unavailable")) : Optional.empty();
    }

    private Answer answer(IntakeOutcome o, Lang fallback) {
        if (o instanceof IntakeOutcome.Form f) {
            // the reply stands in for the form only if it cannot be opened (acknowledged already)
            return Answer.form(form(f.draft(), f.step()), speech.replies().userError(f.draft().lang(), "discord.busy"), f.draft().lang());
        } else if (o instanceof IntakeOutcome.Fix f) {
            return Answer.built(privately(f.reply()), withButton(f.reply(), f.draft(), f.step(),
                    intake.orElseThrow().button(f.draft().lang(), o)), f.draft().lang());
        } else if (o instanceof IntakeOutcome.Next n) {
            return Answer.built(privately(n.reply()), withButton(n.reply(), n.draft(), n.step(),
                    intake.orElseThrow().button(n.draft().lang(), o)), n.draft().lang());
        } else if (o instanceof IntakeOutcome.Done d) {
            return Answer.fresh(privately(d.reply()), fallback);
        }
        throw new IllegalStateException("unknown outcome " + o.getClass().getSimpleName());
    }

    /** Every answer of the flow is for the editor alone. */
    private static Reply privately(Reply r) {
        return r.ephemeral() ? r : new Reply(Reply.Kind.PRIVATE, r.pages(), r.suggestions(), r.attachments(), r.replay(), r.actions());
    }

    private Answer error(Lang lang, String key) {
        return Answer.fresh(speech.replies().userError(lang, key), lang);
    }

    // ---- Discord's shapes ------------------------------------------------------------------------

    /** A step's form, filled with what the draft holds (a form sent back with mistakes opens as it was). */
    Modal form(Draft d, Field.Step step) {
        EntryIntake intake = this.intake.orElseThrow();
        Lang lang = d.lang();
        List<Label> inputs = new ArrayList<>();
        for (Field f : step.fields()) {
            TextInput.Builder in = TextInput.create(f.id(), f.paragraph() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                    .setRequired(true)
                    .setMaxLength(Math.min(f.maxLength(), TextInput.MAX_VALUE_LENGTH))
                    .setPlaceholder(Fit.shorten(intake.hint(lang, f), TextInput.MAX_PLACEHOLDER_LENGTH));
            String kept = d.value(f);
            if (!kept.isEmpty()) {
                in.setValue(kept.length() > f.maxLength() ? kept.substring(0, f.maxLength()) : kept);
            }
            inputs.add(Label.of(Fit.shorten(intake.label(lang, f), Label.LABEL_MAX_LENGTH), in.build()));
        }
        return Modal.create(Target.id(step, d.id()), Fit.shorten(intake.title(lang, step), Modal.MAX_TITLE_LENGTH))
                .addComponents(inputs)
                .build();
    }

    private MessageCreateData withButton(Reply reply, Draft d, Field.Step step, String label) {
        return new MessageCreateBuilder()
                .setEmbeds(renderer.embed(reply.page(0), reply.kind()))
                .setComponents(ActionRow.of(Button.primary(Target.id(step, d.id()), Fit.shorten(label, Limits.BUTTON_LABEL))))
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false)
                .build();
    }

    /** What a form's or button's id names: {@code a:<step>:<draft>}. */
    record Target(Field.Step step, String draft) {
        static String id(Field.Step step, String draft) {
            return ComponentId.of(Feature.ADD_ENTRY, step.id(), draft).encode();
        }

        static Optional<Target> of(ComponentId id) {
            if (id.feature() != Feature.ADD_ENTRY || id.size() != 2 || !id.element(1).matches("[a-z0-9]{1,40}")) {
                return Optional.empty();
            }
            for (Field.Step s : Field.Step.values()) {
                if (s.id().equals(id.element(0))) {
                    return Optional.of(new Target(s, id.element(1)));
                }
            }
            return Optional.empty();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Lang lang(Caller caller, Optional<Lang> explicit) {
        return speech.choose(explicit, caller);
    }
}
