package org.newsdesk.resignations.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.ComponentId.Feature;
import org.newsdesk.resignations.discord.InteractionService.Mode;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Fact-check" message context menu. The target message's text comes with the interaction
 * (no MESSAGE_CONTENT intent needed); the result is shown ephemerally to the asker with a
 * "Post to channel" button. The result is kept in memory for 15 minutes (the life of an
 * interaction token) under a short random key ({@link Keys}) carried in the buttons' ids
 * ({@link Feature#FACT_CHECK}):
 * <ul>
 *   <li>{@code f:g<slot>:<key>:<page>} turns the asker's ephemeral copy to a page (kept here,
 *       so the post button survives page turns);</li>
 *   <li>{@code f:p:<key>:<page>} posts the result publicly, opened at the page the asker sees;
 *       the public copy's page buttons work for anyone through {@link ComponentIds#remember}.</li>
 * </ul>
 * After a restart or 15 minutes the buttons answer "this result has expired". The check and the
 * clicks go through {@link InteractionService} like every command: the check on a worker.
 */
final class FactCheckMenu {

    static final String NAME = "Fact-check";
    static final Duration KEEP = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(FactCheckMenu.class);

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

    // ---- the context menu ------------------------------------------------------------------------

    /** The "Fact-check" menu used on a message's text (routed here by {@link InteractionListener}). */
    void check(String text, long user, Optional<String> locale, Responder r) {
        RequestContext ctx = new RequestContext(Optional.empty(), locale);
        String typed = text == null ? "" : text.strip();
        Lang lang = speech.choose(Optional.empty(), ctx, typed);
        // off JDA's event thread, acknowledged when it runs long, a ref'd failure when it throws
        service.task(r, lang, () -> {
            if (typed.isEmpty()) {
                return Answer.fresh(speech.replies().userError(lang, "discord.factcheck.empty"), lang);
            }
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
        String key = Keys.next();
        kept.put(key, k);
        return key;
    }

    // ---- its buttons -----------------------------------------------------------------------------

    /** One of this menu's buttons (routed here by {@link InteractionListener}): answered in place, from memory. */
    void click(ComponentId id, long user, Optional<String> locale, Responder r) {
        Kept found = id.size() == 3 ? kept.getIfPresent(id.element(1)) : null;
        Lang lang = found != null ? found.lang() : speech.choose(Optional.empty(), new RequestContext(Optional.empty(), locale), "");
        service.feature(r, Mode.UPDATE, true, lang, () -> {
            String action = id.element(0);
            if (found == null || !(action.equals("p") || action.length() == 2 && action.charAt(0) == 'g')) {
                LOG.info("fact-check button {} is unknown or has expired", id.encode().replaceAll("\\p{Cntrl}", "?"));
                return Answer.fresh(speech.replies().userError(lang, "discord.factcheck.expired"), lang);
            }
            if (found.owner() != user) {
                return Answer.fresh(speech.replies().userError(lang, "discord.factcheck.not_yours"), lang);
            }
            int page = parsePage(id.element(2));
            if (action.equals("p")) {
                // the public copy: no owner, its page buttons work for anyone (ComponentIds keeps the pages)
                return new Answer(found.reply(), page, 0L, Optional.empty(), false, lang);
            }
            return Answer.builtUpdate(found.reply(), privateCopy(id.element(1), found, page), lang);
        });
    }

    /** The asker's copy of one page: the embed, page buttons of its own, and the post button. */
    MessageCreateData privateCopy(String key, Kept k, int page) {
        Answer a = new Answer(k.reply(), page, k.owner(), Optional.empty(), false, k.lang());
        int p = a.page();
        int last = k.reply().pages().size() - 1;
        List<ActionRow> rows = new ArrayList<>();
        if (last > 0) {
            rows.add(ActionRow.of(
                    Button.secondary(id("gf", key, 0), "⏮").withDisabled(p == 0),
                    Button.secondary(id("gp", key, Math.max(0, p - 1)), "◀").withDisabled(p == 0),
                    Button.secondary(id("gn", key, Math.min(last, p + 1)), "▶").withDisabled(p == last),
                    Button.secondary(id("gl", key, last), "⏭").withDisabled(p == last)));
        }
        String label = Fit.shorten(templates.get(k.lang(), "discord.factcheck.post").strip(), Limits.BUTTON_LABEL);
        rows.add(ActionRow.of(Button.primary(id("p", key, p), label)));
        return new MessageCreateBuilder()
                .setEmbeds(renderer.embed(k.reply().page(p), k.reply().kind()))
                .setComponents(rows)
                .setAllowedMentions(List.of())
                .mentionRepliedUser(false)
                .build();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A button's id: short (a 16-character key and a page), so never kept in memory by length. */
    static String id(String action, String key, int page) {
        return ComponentId.of(Feature.FACT_CHECK, action, key, Integer.toString(page)).encode();
    }

    private static int parsePage(String s) {
        try {
            return Math.max(0, Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
