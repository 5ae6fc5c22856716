package org.newsdesk.resignations.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandHandler;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Processes;
import org.newsdesk.resignations.store.Subscriptions.Subscription;
import org.newsdesk.resignations.sourcing.Changes;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.StoreException;

/**
 * /notify subscribe|unsubscribe|status|test, /settings language and /resignations reload. Who
 * may run them is checked before they get here (the catalog's access levels, again on the
 * server side); these act on the server the command was used in, never on another.
 */
public final class NotifyCommands {

    private final Optional<Notifier> notifier;
    private final Optional<Reloader> reloader;
    private final Replies replies;
    private final Templates t;

    public NotifyCommands(Optional<Notifier> notifier, Optional<Reloader> reloader, Replies replies) {
        this.notifier = notifier;
        this.reloader = reloader;
        this.replies = replies;
        this.t = replies.templates();
    }

    public void register(CommandRouter router) {
        router.on(CommandCatalog.NOTIFY + " subscribe", inGuild(this::subscribe));
        router.on(CommandCatalog.NOTIFY + " unsubscribe", inGuild(this::unsubscribe));
        router.on(CommandCatalog.NOTIFY + " status", inGuild(this::status));
        router.on(CommandCatalog.NOTIFY + " test", inGuild(this::test));
        router.on(CommandCatalog.SETTINGS + " language", inGuild(this::language));
        router.on(CommandCatalog.RESIGNATIONS + " reload", (req, lang) -> reload(lang));
    }

    @FunctionalInterface
    private interface GuildHandler {
        Reply handle(Notifier n, CommandRequest req, Lang lang, long guild, long channel, long user);
    }

    /** Needs the store and a server channel; says so otherwise. */
    private CommandHandler inGuild(GuildHandler h) {
        return new CommandHandler() {
            @Override
            public Reply handle(CommandRequest request, Lang lang) {
                return handle(request, lang, RequestContext.CONSOLE);
            }

            @Override
            public Reply handle(CommandRequest req, Lang lang, RequestContext where) {
                if (notifier.isEmpty()) {
                    return replies.userError(lang, "notify.unavailable");
                }
                if (where.guildId().isEmpty() || where.channelId().isEmpty()) {
                    return replies.userError(lang, "notify.guild_only");
                }
                return h.handle(notifier.get(), req, lang, where.guildId().get(), where.channelId().get(),
                        where.userId().orElse(0L));
            }
        };
    }

    private static long channel(CommandRequest req, long here) {
        return req.option("channel").map(Long::parseLong).orElse(here);
    }

    private Reply subscribe(Notifier n, CommandRequest req, Lang lang, long guild, long here, long user) {
        long channel = channel(req, here);
        boolean corrections = req.option("corrections").map(Boolean::parseBoolean).orElse(true);
        List<String> missing = n.channelCheck().missing(guild, channel);
        if (!missing.isEmpty()) {
            return replies.userError(lang, "notify.missing_permissions", "channel", channel,
                    "permissions", String.join(", ", missing));
        }
        n.store().channels().subscribe(guild, channel, corrections, user, n.clock().millis());
        return answer(lang, t.get(lang, "notify.subscribed", "channel", channel, "corrections",
                t.get(lang, corrections ? "notify.subscribed.with_corrections" : "notify.subscribed.without_corrections")));
    }

    private Reply unsubscribe(Notifier n, CommandRequest req, Lang lang, long guild, long here, long user) {
        long channel = channel(req, here);
        return n.store().channels().unsubscribe(guild, channel)
                ? answer(lang, t.get(lang, "notify.unsubscribed", "channel", channel))
                : replies.userError(lang, "notify.not_subscribed", "channel", channel);
    }

    private Reply status(Notifier n, CommandRequest req, Lang lang, long guild, long here, long user) {
        List<Subscription> subs = n.store().channels().ofServer(guild);
        if (subs.isEmpty()) {
            return answer(lang, t.get(lang, "notify.status.none") + fleet(n, lang));
        }
        List<String> lines = new ArrayList<>();
        Map<Long, Long> last = n.store().outbox().lastDeliveries(guild);
        for (Subscription s : subs) {
            String state = s.active()
                    ? t.get(lang, "notify.status.active", "corrections",
                            t.get(lang, s.corrections() ? "notify.subscribed.with_corrections" : "notify.subscribed.without_corrections"))
                    : t.get(lang, "notify.status.disabled", "reason", s.disabledReason().orElse("?"));
            Long at = last.get(s.channelId());
            String when = at == null ? t.get(lang, "notify.status.never")
                    : t.get(lang, "notify.status.last", "when", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                            .withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(at)));
            lines.add(t.get(lang, "notify.status.line", "channel", s.channelId(), "state", state) + " · " + when);
        }
        int pending = n.store().outbox().pendingFor(guild);
        lines.add("");
        lines.add(t.get(lang, "notify.status.queue", "pending", pending));
        return Reply.privateAnswer(List.of(new Card(t.get(lang, "notify.status.title"), String.join("\n", lines) + fleet(n, lang),
                List.of(), "")));
    }

    /** The fleet's processes (PostgreSQL only), one line each: name, shards, last heartbeat; else nothing. */
    private String fleet(Notifier n, Lang lang) {
        if (n.fleet().isEmpty()) {
            return "";
        }
        List<Processes.Process> live = n.fleet().get().live();
        StringBuilder b = new StringBuilder("\n\n").append(t.get(lang, "notify.status.fleet", "count", live.size()));
        long now = n.clock().millis();
        for (Processes.Process p : live) {
            b.append("\n").append(t.get(lang, "notify.status.fleet.process", "process", p.processId(),
                    "shards", p.shardIds().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")),
                    "total", p.shardsTotal(), "seconds", Math.max(0, (now - p.heartbeatAt()) / 1000)));
        }
        return b.toString();
    }

    private Reply test(Notifier n, CommandRequest req, Lang lang, long guild, long here, long user) {
        long channel = channel(req, here);
        Optional<Subscription> s = n.store().channels().ofChannel(channel).filter(x -> x.guildId() == guild);
        if (s.isEmpty()) {
            return replies.userError(lang, "notify.not_subscribed", "channel", channel);
        }
        n.store().outbox().queueTest(channel, guild, n.clock().millis());
        n.poke();
        return answer(lang, t.get(lang, "notify.test.queued", "channel", channel));
    }

    private Reply language(Notifier n, CommandRequest req, Lang lang, long guild, long here, long user) {
        Lang chosen = req.option("language").flatMap(Lang::parse).orElseThrow();   // checked by the router
        n.setGuildLanguage(guild, chosen);
        return answer(chosen, t.get(chosen, "notify.language.set", "language", t.get(chosen, "notify.language." + chosen.code())));
    }

    private Reply reload(Lang lang) {
        if (reloader.isEmpty()) {
            return replies.userError(lang, "notify.unavailable");
        }
        Reloader.Result r = reloader.get().reload();
        if (r instanceof Reloader.Invalid bad) {
            return replies.userError(lang, "notify.reload.invalid", "count", bad.problems().size(),
                    "problems", Reloader.problems(bad.problems()));
        }
        Reloader.Loaded ok = (Reloader.Loaded) r;
        // the other processes of a fleet reload too (they poll the mark)
        notifier.flatMap(Notifier::fleet).ifPresent(f -> f.reloaded(ok.snapshot().version()));
        Optional<Enum<?>> delayed = ok.changes().flatMap(Changes::delayed);
        if (delayed.isPresent()) {
            // reloaded and served; only the notifications wait for the database
            return answer(lang, t.get(lang, "notify.reload.delayed", "version", ok.snapshot().version(),
                    "reason", t.get(lang, "notify.reload.delayed." + delayed.get().name().toLowerCase(Locale.ROOT))));
        }
        int added = ok.changes().map(Changes::added).orElse(0);
        int corrected = ok.changes().map(Changes::corrected).orElse(0);
        int removed = ok.changes().map(Changes::removed).orElse(0);
        int withheld = ok.changes().map(Changes::withheld).orElse(0);
        String version = ok.snapshot().version();
        String said = added + corrected + removed == 0 ? t.get(lang, "notify.reload.unchanged", "version", version)
                : t.get(lang, "notify.reload.done", "version", version, "added", added, "corrected", corrected,
                        "removed", removed);
        if (ok.changes().map(Changes::summarised).orElse(false)) {
            said += "\n" + t.get(lang, "notify.reload.summarised", "count", added, "max", maxAnnouncedAdditions());
        }
        if (withheld > 0) {
            said += "\n" + t.get(lang, "notify.reload.withheld", "count", withheld, "max", ChangeDetector.MAX_ANNOUNCED_REMOVALS);
        }
        if (ok.unavailable().isPresent()) {
            // "nothing changed" alone would hide that the URL was not read at all
            Reloader.Unavailable down = ok.unavailable().get();
            said += "\n" + t.get(lang, "notify.reload.url_down", "problem", down.problem().in(t, lang),
                    "seconds", down.retry().toSeconds());
        }
        return answer(lang, said);
    }

    private int maxAnnouncedAdditions() {
        return notifier.map(x -> x.settings().maxAnnouncedAdditions()).orElse(ChangeDetector.DEFAULT_MAX_ANNOUNCED_ADDITIONS);
    }

    /** Settings and subscriptions are the asker's business: answered to them alone. */
    private Reply answer(Lang lang, String text) {
        return Reply.privateAnswer(List.of(new Card("", text, List.of(), "")));
    }
}
