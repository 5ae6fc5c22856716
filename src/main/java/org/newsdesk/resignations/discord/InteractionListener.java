package org.newsdesk.resignations.discord;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.render.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listener: reads every interaction off JDA and routes it, commands by name and
 * components (buttons, select menus, forms) by their id's {@link ComponentId.Feature}, to the
 * {@link InteractionService} or the feature that answers through it. It runs on JDA's event
 * thread, so it only copies what it needs and returns; if even that throws, the user still gets
 * an ephemeral "something went wrong (ref …)" and the ref is logged. An id that is not one of
 * ours (an old format, a forgotten long id) gets "expired, run the command again".
 */
final class InteractionListener extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionListener.class);

    private final InteractionService service;
    private final ComponentIds ids;
    private final Replies replies;
    private final Lang fallback;
    private final Set<String> leaveAlone;
    private final Optional<Long> editorRole;
    private final Collection<Long> homeGuilds;
    private final MessageRenderer renderer;
    private final FactCheckMenu factCheck;
    private final AddEntryFlow addEntry;
    private final ReviewFlow review;

    /**
     * @param factCheck the "Fact-check" message menu and its buttons
     * @param addEntry  /resignations add, its form and its buttons
     * @param review    the review of what editors add: its cards' buttons, its form, /resignations review and correct
     */
    InteractionListener(InteractionService service, ComponentIds ids, FactCheckMenu factCheck, AddEntryFlow addEntry,
                        ReviewFlow review, MessageRenderer renderer, Replies replies, Lang fallback, Set<String> leaveAlone,
                        Optional<Long> editorRole, Collection<Long> homeGuilds) {
        this.review = review;
        this.ids = ids;
        this.factCheck = factCheck;
        this.addEntry = addEntry;
        this.homeGuilds = Set.copyOf(homeGuilds);
        this.service = service;
        this.renderer = renderer;
        this.replies = replies;
        this.fallback = fallback;
        this.leaveAlone = leaveAlone;
        this.editorRole = editorRole;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (leaveAlone.contains(event.getName())) {
            return;   // left to another listener
        }
        try {
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionMapping o : event.getOptions()) {
                options.put(o.getName(), o.getAsString());
            }
            if (AddEntryFlow.COMMAND.equals(event.getFullCommandName())) {
                // answered with a form, not a reply
                addEntry.start(options, caller(event), new JdaResponder(event, "/" + AddEntryFlow.COMMAND));
                return;
            }
            if (ReviewFlow.handles(event.getFullCommandName())) {
                // a card with the review's buttons, or the correction form
                review.slash(event.getFullCommandName(), options, caller(event), new JdaResponder(event, "/" + event.getFullCommandName()));
                return;
            }
            service.slash(event.getName(), event.getSubcommandName(), options, caller(event),
                    new JdaResponder(event, "/" + event.getFullCommandName()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (leaveAlone.contains(event.getName())) {
            return;
        }
        try {
            String option = event.getFocusedOption().getName();
            service.autocomplete(option, event.getFocusedOption().getValue(), choices -> event.replyChoices(
                    choices.stream().limit(Limits.CHOICES).map(c -> new Command.Choice(c.label(), c.value())).toList())
                    .queue(null, e -> LOG.warn("autocomplete answer for {} refused: {}", option, e.toString())));
        } catch (Throwable e) {
            LOG.error("ref {}: autocomplete failed", Refs.next(), e);
            try {
                event.replyChoices(List.of()).queue(null, x -> { });
            } catch (Throwable ignored) {
                // already answered
            }
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        try {
            component(event.getComponentId(), List.of(), Optional.empty(), caller(event), new JdaResponder(event, "button " + event.getComponentId()),
                    Optional.of(event.getMessage()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        try {
            component(event.getComponentId(), event.getValues(), Optional.empty(), caller(event), new JdaResponder(event, "menu " + event.getComponentId()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (ModalMapping m : event.getValues()) {
                String v = m.getAsOptionalString();
                values.put(m.getCustomId(), v == null ? "" : v);
            }
            component(event.getModalId(), List.of(), Optional.of(values), caller(event), new JdaResponder(event, "form " + event.getModalId()),
                    Optional.ofNullable(event.getMessage()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        if (!FactCheckMenu.NAME.equals(event.getName())) {
            return;
        }
        try {
            Caller caller = caller(event);
            factCheck.check(event.getTarget().getContentRaw(), caller.userId(), caller.locale(), new JdaResponder(event, FactCheckMenu.NAME));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    /**
     * A button, select menu or form, routed by its id's feature.
     *
     * @param values a select menu's choices (else empty)
     * @param form   a form's inputs by id, when it is a form sent back
     */
    void component(String customId, List<String> values, Optional<Map<String, String>> form, Caller caller, Responder r) {
        component(customId, values, form, caller, r, Optional.empty());
    }

    /** @param clicked the message the button is on, or whose button opened the form (when Discord says) */
    void component(String customId, List<String> values, Optional<Map<String, String>> form, Caller caller, Responder r,
                   Optional<Message> clicked) {
        ComponentId.Decoded d = ids.decode(customId);
        if (!(d instanceof ComponentId.Found found)) {
            service.expired(r, customId, caller);
            return;
        }
        ComponentId id = found.id();
        boolean isForm = form.isPresent();
        switch (id.feature()) {
            case REPLY -> {
                if (isForm) {
                    service.expired(r, customId, caller);
                } else {
                    service.component(id, values, caller, r);
                }
            }
            case FACT_CHECK -> factCheck.click(id, caller.userId(), caller.locale(), r);
            case ADD_ENTRY -> {
                if (isForm) {
                    addEntry.submit(id, form.get(), caller, r);
                } else {
                    addEntry.click(id, caller, r);
                }
            }
            case REVIEW -> {
                if (isForm) {
                    review.submit(id, form.get(), caller, r, clicked);
                } else {
                    review.click(id, caller, r, clicked);
                }
            }
        }
    }

    Caller caller(Interaction event) {
        return callerOf(event, editorRole, homeGuilds);
    }

    /**
     * Who is asking, and what they may run here. Editors (who add to the dataset every server
     * shares) are those with the editor role, and those with Manage Server in the newsroom's own
     * servers (the configured {@code guilds}): an admin of any other server the bot is in is not
     * one. Permissions come from JDA's cached roles.
     */
    static Caller callerOf(Interaction event, Optional<Long> editorRole, Collection<Long> homeGuilds) {
        DiscordLocale locale = event.getUserLocale();
        Optional<String> tag = locale == DiscordLocale.UNKNOWN ? Optional.empty() : Optional.of(locale.getLocale());
        Set<CommandSpec.Access> access = EnumSet.of(CommandSpec.Access.EVERYONE);
        Member m = event.getMember();
        if (m != null) {
            boolean server = m.hasPermission(Permission.MANAGE_SERVER);
            if (server) {
                access.add(CommandSpec.Access.MANAGE_SERVER);
                if (homeGuilds.contains(m.getGuild().getIdLong())) {
                    access.add(CommandSpec.Access.EDITOR);
                }
            }
            if (m.hasPermission(Permission.MANAGE_CHANNEL)) {
                access.add(CommandSpec.Access.MANAGE_CHANNELS);
            }
            if (editorRole.isPresent() && m.getRoles().stream().anyMatch(r -> r.getIdLong() == editorRole.get())) {
                access.add(CommandSpec.Access.EDITOR);
            }
        }
        Optional<Long> guild = event.getGuild() == null ? Optional.empty() : Optional.of(event.getGuild().getIdLong());
        Optional<Long> channel = event.getChannelIdLong() == 0 ? Optional.empty() : Optional.of(event.getChannelIdLong());
        return new Caller(event.getUser().getIdLong(), tag, access, guild, channel);
    }

    private void failed(IReplyCallback event, Throwable e) {
        Failures.answer(event, e, "an interaction", replies, renderer, fallback);
    }

}
