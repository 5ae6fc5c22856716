package org.newsdesk.resignations.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.render.Templates;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Reply;

/**
 * The "Fact-check" message context menu. The target message's text comes with the interaction
 * (no MESSAGE_CONTENT intent needed); the result is shown ephemerally to the asker with a
 * "Post to channel" button. The result is kept in memory for 15 minutes (the life of an
 * interaction token) under a short random key carried in the buttons' ids:
 * <ul>
 *   <li>{@code fc:g<slot>:<key>:<page>} turns the asker's ephemeral copy to a page (kept here,
 *       so the post button survives page turns);</li>
 *   <li>{@code fc:p:<key>:<page>} posts the result publicly, opened at the page the asker sees;
 *       the public copy's page buttons work for anyone through {@link ComponentIds#remember}.</li>
 * </ul>
 * After a restart or 15 minutes the buttons answer "this result has expired".
 */
final class FactCheckMenu {

    static final String NAME = "Fact-check";
    static final String PREFIX = "fc:";
    static final Duration KEEP = Duration.ofMinutes(15);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FactCheckMenu.class);

    /** A checked message: whose it is, in which language, and the reply (without a replay). */
    record Kept(long owner, Lang lang, Reply reply) {
    }

    private final Speech speech;
    private final InteractionService service;
    private final BotCore.FactCheck factcheck;
    private final Templates templates;
    private final MessageRenderer renderer;
    private final Cache<String, Kept> kept;

    FactCheckMenu(Speech speech, InteractionService service, BotCore.FactCheck factcheck, Templates templates,
                  MessageRenderer renderer) {
        this(speech, service, factcheck, templates, renderer, 10_000, KEEP);
    }

    FactCheckMenu(Speech speech, InteractionService service, BotCore.FactCheck factcheck, Templates templates,
                  MessageRenderer renderer, long max, Duration keepFor) {
        this.speech = speech;
        this.service = service;
        this.factcheck = factcheck;
        this.templates = templates;
        this.renderer = renderer;
        this.kept = Caffeine.newBuilder().maximumSize(max).expireAfterWrite(keepFor).build();
    }

    /** The message command, registered in the same bulk overwrite as the slash commands. */
    static CommandData command() {
        return Commands.message(NAME)
                .setDefaultPermissions(DefaultMemberPermissions.ENABLED)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
    }

    /** True for the ids of this menu's buttons (the generic listener leaves them alone). */
    static boolean owns(String customId) {
        return customId != null && customId.startsWith(PREFIX);
    }

    // ---- the context menu ------------------------------------------------------------------------

    /** The "Fact-check" menu used on a message (routed here by {@link InteractionListener}). */
    void onMessageContext(MessageContextInteractionEvent event) {
        try {
            String text = event.getTarget().getContentRaw();
            check(text, event.getUser().getIdLong(), locale(event.getUserLocale()), new JdaResponder(event, NAME));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    void check(String text, long user, Optional<String> locale, Responder r) {
        RequestContext ctx = new RequestContext(Optional.empty(), locale);
        String typed = text == null ? "" : text.strip();
        Lang lang = speech.choose(Optional.empty(), ctx, typed);
        if (typed.isEmpty()) {
            r.reply(renderer.create(Answer.fresh(speech.replies().userError(lang, "discord.factcheck.empty"), lang)), true);
            return;
        }
        // off JDA's event thread, acknowledged when it runs long, a ref'd failure when it throws
        service.task(r, lang, () -> {
            Reply reply = factcheck.check(typed, lang);
            if (!reply.isAnswer()) {
                return Answer.fresh(reply, lang);
            }
            Reply plain = new Reply(reply.kind(), reply.pages(), List.of(), reply.attachments(), Optional.empty());
            Kept k = new Kept(user, lang, plain);
            // shown to the asker alone, like every fact-check result before it is posted
            Reply forAsker = new Reply(Reply.Kind.PRIVATE, reply.pages(), List.of(), reply.attachments(), Optional.empty());
            return Answer.built(forAsker, privateCopy(keep(k), k, 0), lang);
        });
    }

    /** Keeps a result for its buttons; returns the key they carry. */
    String keep(Kept k) {
        String key = key();
        kept.put(key, k);
        return key;
    }

    // ---- its buttons -----------------------------------------------------------------------------

    /** One of this menu's buttons (routed here by {@link InteractionListener}). */
    void onButton(ButtonInteractionEvent event) {
        try {
            click(event.getComponentId(), event.getUser().getIdLong(), locale(event.getUserLocale()),
                    new JdaResponder(event, "button " + event.getComponentId()));
        } catch (Throwable e) {
            failed(event, e);
        }
    }

    void click(String customId, long user, Optional<String> locale, Responder r) {
        String[] parts = customId.substring(PREFIX.length()).split(":");
        Kept k = parts.length == 3 ? kept.getIfPresent(parts[1]) : null;
        if (k == null) {
            LOG.info("fact-check button {} is unknown or has expired", customId.replaceAll("\\p{Cntrl}", "?"));
            Lang lang = speech.choose(Optional.empty(), new RequestContext(Optional.empty(), locale), "");
            r.reply(renderer.create(Answer.fresh(speech.replies().userError(lang, "discord.factcheck.expired"), lang)), true);
            return;
        }
        if (k.owner() != user) {
            r.reply(renderer.create(Answer.fresh(speech.replies().userError(k.lang(), "discord.factcheck.not_yours"), k.lang())), true);
            return;
        }
        int page = parsePage(parts[2]);
        if (parts[0].equals("p")) {
            // the public copy: no owner, its page buttons work for anyone (ComponentIds keeps the pages)
            r.reply(renderer.create(new Answer(k.reply(), page, 0L, Optional.empty(), false, k.lang())), false);
        } else if (parts[0].startsWith("g")) {
            MessageCreateData m = privateCopy(parts[1], k, page);
            r.update(new MessageEditBuilder().setEmbeds(m.getEmbeds()).setComponents(m.getComponents())
                    .setAllowedMentions(List.of()).mentionRepliedUser(false).build());
        } else {
            Lang lang = k.lang();
            r.reply(renderer.create(Answer.fresh(speech.replies().userError(lang, "discord.factcheck.expired"), lang)), true);
        }
    }

    /** The asker's copy of one page: the embed, page buttons of its own, and the post button. */
    MessageCreateData privateCopy(String key, Kept k, int page) {
        Answer a = new Answer(k.reply(), page, k.owner(), Optional.empty(), false, k.lang());
        int p = a.page();
        int last = k.reply().pages().size() - 1;
        List<ActionRow> rows = new ArrayList<>();
        if (last > 0) {
            rows.add(ActionRow.of(
                    Button.secondary(PREFIX + "gf:" + key + ":0", "⏮").withDisabled(p == 0),
                    Button.secondary(PREFIX + "gp:" + key + ":" + Math.max(0, p - 1), "◀").withDisabled(p == 0),
                    Button.secondary(PREFIX + "gn:" + key + ":" + Math.min(last, p + 1), "▶").withDisabled(p == last),
                    Button.secondary(PREFIX + "gl:" + key + ":" + last, "⏭").withDisabled(p == last)));
        }
        String label = Fit.shorten(templates.get(k.lang(), "discord.factcheck.post").strip(), Limits.BUTTON_LABEL);
        rows.add(ActionRow.of(Button.primary(PREFIX + "p:" + key + ":" + p, label)));
        return new MessageCreateBuilder()
                .setEmbeds(renderer.embed(k.reply().page(p), k.reply().kind()))
                .setComponents(rows)
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false)
                .build();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private void failed(IReplyCallback event, Throwable e) {
        Failures.answer(event, e, "a fact-check interaction", speech.replies(), renderer, speech.fallback());
    }

    private static Optional<String> locale(DiscordLocale locale) {
        return locale == null || locale == DiscordLocale.UNKNOWN ? Optional.empty() : Optional.of(locale.getLocale());
    }

    private static int parsePage(String s) {
        try {
            return Math.max(0, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String key() {
        return Keys.next();
    }
}
