package org.newsdesk.resignations.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.intake.Draft;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.intake.Field;
import org.newsdesk.resignations.intake.IntakeOutcome;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.render.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /resignations add} for editors: the command opens the first form (a Discord modal,
 * each input wrapped in a Label), its submit is answered with what to fix or a button to the
 * second form, and the second form's submit adds the entry (deferred: it writes a file and
 * reloads the dataset). Every step checks again that the user is an editor; forms and buttons
 * carry {@code add:<step>:<draft>} and only the draft's owner can use them.
 */
final class AddEntryFlow {

    static final String COMMAND = "resignations add";
    static final String PREFIX = "add:";

    private static final Logger LOG = LoggerFactory.getLogger(AddEntryFlow.class);

    private final Speech speech;
    private final Optional<EntryIntake> intake;
    private final MessageRenderer renderer;
    private final Optional<Long> editorRole;
    private final java.util.Collection<Long> homeGuilds;
    private final ExecutorService writer;

    /**
     * @param homeGuilds the newsroom's servers, where Manage Server counts as editor
     * @param writer     where entries are written and the dataset reloaded, off JDA's event thread
     */
    AddEntryFlow(Speech speech, Optional<EntryIntake> intake, MessageRenderer renderer, Optional<Long> editorRole, java.util.Collection<Long> homeGuilds,
                 ExecutorService writer) {
        this.speech = speech;
        this.intake = intake;
        this.renderer = renderer;
        this.editorRole = editorRole;
        this.homeGuilds = java.util.Set.copyOf(homeGuilds);
        this.writer = writer;
    }

    static boolean owns(String customId) {
        return customId != null && customId.startsWith(PREFIX);
    }

    // ---- reading JDA's events --------------------------------------------------------------------

    /** /resignations add (routed here by {@link InteractionListener}): answered with the form. */
    void onSlash(SlashCommandInteractionEvent event) {
        try {
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionMapping o : event.getOptions()) {
                options.put(o.getName(), o.getAsString());
            }
            start(options, InteractionListener.callerOf(event, editorRole, homeGuilds), new JdaResponder(event, "/" + COMMAND));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    /** A button on the form's messages. */
    void onButton(ButtonInteractionEvent event) {
        try {
            click(event.getComponentId(), InteractionListener.callerOf(event, editorRole, homeGuilds),
                    new JdaResponder(event, "button " + event.getComponentId()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    /** A form sent back. */
    void onModal(ModalInteractionEvent event) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (ModalMapping m : event.getValues()) {
                String v = m.getAsOptionalString();
                values.put(m.getCustomId(), v == null ? "" : v);
            }
            submit(event.getModalId(), values, InteractionListener.callerOf(event, editorRole, homeGuilds),
                    new JdaResponder(event, "form " + event.getModalId()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    // ---- the flow --------------------------------------------------------------------------------

    void start(Map<String, String> options, Caller caller, Responder r) {
        Lang lang = lang(caller, Optional.ofNullable(options.get("lang")).flatMap(Lang::parse));
        Optional<EntryIntake> intake = allowed(caller, lang, r);
        if (intake.isPresent()) {
            act(intake.get().start(caller.userId(), lang, options), lang, r, false);
        }
    }

    void click(String customId, Caller caller, Responder r) {
        Lang lang = lang(caller, Optional.empty());
        Optional<EntryIntake> intake = allowed(caller, lang, r);
        if (intake.isEmpty()) {
            return;
        }
        Optional<Target> t = Target.parse(customId);
        if (t.isEmpty()) {
            error(r, lang, "add.expired", false);
            return;
        }
        act(intake.get().reopen(t.get().draft(), t.get().step(), caller.userId(), lang), lang, r, false);
    }

    void submit(String modalId, Map<String, String> values, Caller caller, Responder r) {
        Lang lang = lang(caller, Optional.empty());
        Optional<EntryIntake> intake = allowed(caller, lang, r);
        if (intake.isEmpty()) {
            return;
        }
        Optional<Target> t = Target.parse(modalId);
        if (t.isEmpty()) {
            error(r, lang, "add.expired", false);
            return;
        }
        if (t.get().step() == Field.Step.WHO) {
            act(intake.get().submit(t.get().draft(), Field.Step.WHO, caller.userId(), values, lang), lang, r, false);
            return;
        }
        // the last step writes a file and reloads the dataset: acknowledged now, answered after
        r.defer(true);
        Runnable adding = () -> {
            IntakeOutcome o;
            try {
                o = intake.get().submit(t.get().draft(), Field.Step.WHY, caller.userId(), values, lang);
            } catch (Throwable e) {
                String ref = Refs.next();
                LOG.error("ref {}: adding an entry failed", ref, e);
                o = new IntakeOutcome.Done(speech.replies().failure(lang, ref));
            }
            try {
                act(o, lang, r, true);
            } catch (Throwable e) {
                // the "thinking…" must not stay: say something went wrong in its place
                String ref = Refs.next();
                LOG.error("ref {}: could not show the outcome of adding an entry", ref, e);
                send(r, renderer.create(Answer.fresh(speech.replies().failure(lang, ref), lang)), true);
            }
        };
        try {
            writer.execute(adding);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            error(r, lang, "discord.busy", true);   // the draft is kept: the editor can send the form again
        }
    }

    /** The user may add entries and the bot can: the intake; else they have been told why not. */
    private Optional<EntryIntake> allowed(Caller caller, Lang lang, Responder r) {
        Optional<Reply> refusal = speech.refusal(caller, CommandSpec.Access.EDITOR, COMMAND, lang);
        if (refusal.isPresent()) {
            r.reply(renderer.create(Answer.fresh(refusal.get(), lang)), true);
            return Optional.empty();
        }
        if (intake.isEmpty()) {
            error(r, lang, "add.unavailable", false);
        }
        return intake;
    }

    private void act(IntakeOutcome o, Lang fallback, Responder r, boolean deferred) {
        if (o instanceof IntakeOutcome.Form f) {
            r.modal(form(f.draft(), f.step()));
        } else if (o instanceof IntakeOutcome.Fix f) {
            send(r, withButton(f.reply(), f.draft(), f.step(), intake.orElseThrow().button(f.draft().lang(), o)), deferred);
        } else if (o instanceof IntakeOutcome.Next n) {
            send(r, withButton(n.reply(), n.draft(), n.step(), intake.orElseThrow().button(n.draft().lang(), o)), deferred);
        } else if (o instanceof IntakeOutcome.Done d) {
            send(r, renderer.create(Answer.fresh(d.reply(), 0L, Optional.empty(), fallback)), deferred);
        }
    }

    private static void send(Responder r, MessageCreateData m, boolean deferred) {
        if (deferred) {
            r.editOriginal(MessageEditData.fromCreateData(m));
        } else {
            r.reply(m, true);
        }
    }

    private void error(Responder r, Lang lang, String key, boolean deferred) {
        send(r, renderer.create(Answer.fresh(speech.replies().userError(lang, key), lang)), deferred);
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

    /** What a form's or button's id names: {@code add:<step>:<draft>}. */
    record Target(Field.Step step, String draft) {
        static String id(Field.Step step, String draft) {
            return PREFIX + step.id() + ":" + draft;
        }

        static Optional<Target> parse(String id) {
            String[] parts = id == null ? new String[0] : id.split(":", -1);
            if (parts.length != 3 || !parts[2].matches("[a-z0-9]{1,40}")) {
                return Optional.empty();
            }
            for (Field.Step s : Field.Step.values()) {
                if (s.id().equals(parts[1])) {
                    return Optional.of(new Target(s, parts[2]));
                }
            }
            return Optional.empty();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Lang lang(Caller caller, Optional<Lang> explicit) {
        return speech.choose(explicit, caller);
    }

    private void failed(IReplyCallback event, Throwable e) {
        Failures.answer(event, e, "an add-entry interaction", speech.replies(), renderer, speech.fallback());
    }
}
