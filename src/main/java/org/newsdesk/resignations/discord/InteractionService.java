package org.newsdesk.resignations.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.commands.CommandSpec;
import org.newsdesk.resignations.commands.OptionSpec;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Reply;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot does with an interaction, apart from reading it off JDA: runs the core on a
 * worker pool, answers within Discord's 3 s (deferring first when the work is not done after
 * {@code deferAfter}), and turns anything thrown into an ephemeral "something went wrong (ref …)"
 * with the same ref in an ERROR log line, so no interaction is left unanswered.
 */
public final class InteractionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionService.class);
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    /**
     * How an interaction is answered: a new message ({@code REPLY}, acknowledged with a public
     * "thinking…"), the clicked message replaced ({@code UPDATE}), or a message for the asker
     * alone ({@code PRIVATE}, acknowledged with an ephemeral "thinking…" that the answer replaces).
     */
    public enum Mode { REPLY, UPDATE, PRIVATE }

    private static final int PENDING = 0;
    private static final int ANSWERED = 1;
    private static final int DEFERRED = 2;

    private final Speech speech;
    private final CoreCommands commands;
    private final MessageRenderer renderer;
    private final ComponentIds ids;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Duration deferAfter;
    private final Set<String> inline;

    private final Cache<ReplyKey, Reply> cache;

    /** A reply depends on nothing else: same dataset version, request and language, same reply. */
    private record ReplyKey(String version, CommandRequest request, Lang lang) {
    }

    public InteractionService(Speech speech, CoreCommands commands, MessageRenderer renderer, ComponentIds ids, ExecutorService workers,
                              ScheduledExecutorService timers, Duration deferAfter) {
        this(speech, commands, renderer, ids, workers, timers, deferAfter, Set.of(), 0);
    }

    /**
     * @param inline    command paths run on the calling (event) thread; the rest go to {@code workers}
     * @param cacheSize replies of the inline commands kept (0: none)
     */
    public InteractionService(Speech speech, CoreCommands commands, MessageRenderer renderer, ComponentIds ids, ExecutorService workers,
                              ScheduledExecutorService timers, Duration deferAfter, Set<String> inline,
                              int cacheSize) {
        this.inline = Set.copyOf(inline);
        this.cache = cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).<ReplyKey, Reply>build();
        this.speech = speech;
        this.commands = commands;
        this.renderer = renderer;
        this.ids = ids;
        this.workers = workers;
        this.timers = timers;
        this.deferAfter = deferAfter;
    }

    // ---- slash commands ------------------------------------------------------------------------

    public void slash(String command, String subcommand, Map<String, String> options, Caller caller, Responder r) {
        CommandRequest req = new CommandRequest(command, subcommand, options);
        RequestContext ctx = context(caller);
        Lang lang = speech.choose(req.option("lang").flatMap(Lang::parse), ctx, String.join(" ", options.values()));
        if (refused(req, caller, lang, r)) {
            return;
        }
        run(r, Mode.REPLY, lang, inline(req), () -> answerFor(req, ctx, caller, lang, handle(req, ctx)));
    }

    /**
     * A feature's own work (the fact-check menu's check), on the same path as a command: a worker,
     * the acknowledgement when it runs long, and the ref'd failure reply when it throws.
     */
    public void task(Responder r, Lang lang, Callable<Answer> work) {
        run(r, Mode.REPLY, lang, false, work);
    }

    /**
     * A feature's own work in any of the ways to answer: {@code inPlace} for work that only reads
     * memory (a page of a kept result, a form to open), else on a worker. The same acknowledgement
     * when it runs long and the same ref'd failure reply when it throws as a command.
     */
    public void feature(Responder r, Mode mode, boolean inPlace, Lang lang, Callable<Answer> work) {
        run(r, mode, lang, inPlace, work);
    }

    // ---- autocomplete ----------------------------------------------------------------------------

    /** Choices for what the user is typing; an empty list when anything goes wrong (logged). */
    public void autocomplete(String option, String typed, Consumer<List<Reply.Choice>> answer) {
        List<Reply.Choice> choices;
        try {
            // an indexed lookup bounded by the core (input length, result count): answered in place
            choices = commands.complete(option, typed);
        } catch (RuntimeException e) {
            LOG.error("ref {}: autocomplete for {} failed", Refs.next(), option, e);
            choices = List.of();
        }
        answer.accept(choices);
    }

    // ---- buttons and select menus ----------------------------------------------------------------

    /** A button or select menu of a core reply ({@link ComponentId.Feature#REPLY}). */
    public void component(ComponentId id, List<String> values, Caller caller, Responder r) {
        RequestContext ctx = context(caller);
        ComponentIds.Action d = ComponentIds.action(id).orElse(null);
        if (d instanceof ComponentIds.Pager p) {
            Lang lang = languageOf(p.replay(), ctx);
            if (p.owner() != 0 && p.owner() != caller.userId()) {
                answerNow(r, Answer.fresh(speech.replies().userError(lang, "discord.not_your_list"), lang));
                return;
            }
            if (!Replay.isKept(p.replay()) && refused(replayed(p.replay()), caller, lang, r)) {
                return;
            }
            run(r, Mode.UPDATE, lang, Replay.isKept(p.replay()) || inline(replayed(p.replay())), () -> {
                Optional<Reply> kept = ids.remembered(p.replay());
                if (Replay.isKept(p.replay()) && kept.isEmpty()) {
                    return Answer.fresh(speech.replies().userError(lang, "discord.expired"), lang);
                }
                CommandRequest req = replayed(p.replay());
                Reply reply = kept.orElseGet(() -> handle(req, ctx));
                if (!reply.isAnswer()) {
                    return answerFor(req, ctx, caller, lang, reply);
                }
                return new Answer(reply, p.page(), p.owner(), Optional.empty(), true, lang);
            });
        } else if (d instanceof ComponentIds.Suggestion s) {
            rerun(s.replay(), caller, ctx, r);
        } else if (d instanceof ComponentIds.Pick m && !values.isEmpty() && SAFE_VALUE.matcher(values.get(0)).matches()) {
            rerun(m.with(values.get(0)), caller, ctx, r);
        } else {
            expired(r, id.encode(), caller);
        }
    }

    private void rerun(String replay, Caller caller, RequestContext ctx, Responder r) {
        Lang lang = languageOf(replay, ctx);
        if (refused(replayed(replay), caller, lang, r)) {
            return;
        }
        run(r, Mode.REPLY, lang, inline(replayed(replay)), () -> {
            CommandRequest req = replayed(replay);
            return answerFor(req, ctx, caller, lang, handle(req, ctx));
        });
    }

    /** A button runs a command too: the same access check as typing it (ids can be forged). */
    private boolean refused(CommandRequest req, Caller caller, Lang lang, Responder r) {
        Optional<Reply> refusal = commands.catalog().find(req.command(), req.subcommand())
                .flatMap(spec -> speech.refusal(caller, spec.access(), spec.path(), lang));
        refusal.ifPresent(no -> answerNow(r, Answer.fresh(no, lang)));
        return refusal.isPresent();
    }

    /**
     * An id that is not (or no longer) one of ours: an old format on a message posted before, a
     * long id this run does not know, a forged one. "Expired, run the command again".
     */
    public void expired(Responder r, String customId, Caller caller) {
        LOG.info("component {} is unknown or has expired", customId == null ? "" : customId.replaceAll("\\p{Cntrl}", "?"));
        Lang lang = speech.choose(Optional.empty(), context(caller), "");
        answerNow(r, Answer.fresh(speech.replies().userError(lang, "discord.expired"), lang));
    }

    // ---- answering in time -----------------------------------------------------------------------

    /**
     * Runs {@code work} in place ({@code inline}) or on a worker. If it has not finished after
     * {@code deferAfter}, the timer thread acknowledges the interaction first ("thinking…" or a
     * deferred update) and the answer follows as an edit; whichever of the two comes first wins,
     * exactly once.
     */
    private void run(Responder r, Mode mode, Lang lang, boolean inPlace, Callable<Answer> work) {
        AtomicInteger state = new AtomicInteger(PENDING);
        AtomicReference<ScheduledFuture<?>> timer = new AtomicReference<>();
        Runnable job = () -> {
            Answer a;
            try {
                a = work.call();
            } catch (Throwable e) {
                a = failure(lang, e);
            }
            ScheduledFuture<?> t = timer.get();
            if (t != null) {
                t.cancel(false);
            }
            deliver(r, mode, state, a);
        };
        if (!inPlace) {
            try {
                workers.execute(job);
            } catch (RejectedExecutionException e) {
                deliver(r, mode, state, Answer.fresh(speech.replies().userError(lang, "discord.busy"), lang));
                return;
            }
        }
        try {
            timer.set(timers.schedule(() -> {
                if (state.compareAndSet(PENDING, DEFERRED)) {
                    switch (mode) {
                        case UPDATE -> r.deferUpdate();
                        case PRIVATE -> r.defer(true);
                        case REPLY -> r.defer(false);
                    }
                }
            }, deferAfter.toNanos(), TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            // shutting down: the answer still goes out directly
        }
        if (inPlace) {
            job.run();
        }
    }

    /** The core's reply, from the cache for the in-memory commands. Failures are never kept. */
    private Reply handle(CommandRequest req, RequestContext ctx) {
        // an editor's answer may show entries waiting for review: never kept, never given to anyone else
        if (cache == null || !inline(req) || ctx.editor()) {
            return commands.handle(req, ctx);
        }
        // the language exactly as the router chooses it, so a key never mixes languages
        Lang lang = speech.choose(req.option("lang").flatMap(Lang::parse), ctx, String.join(" ", req.options().values()));
        ReplyKey key = new ReplyKey(commands.version(), req, lang);
        Reply kept = cache.getIfPresent(key);
        if (kept != null) {
            commands.reused(req, lang, kept);   // still a command answered, for the operator's metrics
            return kept;
        }
        Reply fresh = commands.handle(req, ctx);
        if (fresh.kind() != Reply.Kind.FAILURE) {
            cache.put(key, fresh);
        }
        return fresh;
    }

    private boolean inline(CommandRequest req) {
        return inline.contains(req.subcommand() == null ? req.command() : req.command() + " " + req.subcommand());
    }

    private void deliver(Responder r, Mode mode, AtomicInteger state, Answer a) {
        boolean first = state.compareAndSet(PENDING, ANSWERED);
        Runnable sending;
        try {
            sending = sending(r, mode, first, a);
        } catch (Throwable e) {
            // the reply could not be turned into a message: say so instead, in the same slot
            sending = sending(r, mode, first, failure(a.lang(), e));
        }
        try {
            sending.run();
        } catch (Throwable e) {
            LOG.error("ref {}: could not hand the answer to Discord", Refs.next(), e);
        }
    }

    /** Renders first (which may throw), then returns the one call that sends it. */
    private Runnable sending(Responder r, Mode mode, boolean first, Answer a) {
        if (a.form().isPresent()) {
            Modal form = a.form().get();
            if (first) {
                return () -> r.modal(form);
            }
            // acknowledged already: a form can only be the first response, so say it took too long
            return sending(r, mode, false, Answer.fresh(a.reply(), a.lang()));
        }
        if (mode == Mode.PRIVATE && !first) {
            // the ephemeral "thinking…" becomes the answer
            MessageEditData m = a.message().map(MessageEditData::fromCreateData).orElseGet(() -> renderer.edit(a));
            return () -> r.editOriginal(m);
        }
        if (a.message().isPresent()) {
            MessageCreateData m = a.message().get();
            if (mode == Mode.UPDATE && a.update()) {
                MessageEditData e = MessageEditData.fromCreateData(m);
                return first ? () -> r.update(e) : () -> r.editOriginal(e);
            }
            if (first) {
                return () -> r.reply(m, a.ephemeral());
            }
            return a.ephemeral() || mode == Mode.UPDATE ? () -> {
                if (mode == Mode.REPLY) {
                    r.deleteOriginal();
                }
                r.followUp(m, a.ephemeral());
            } : () -> r.editOriginal(MessageEditData.fromCreateData(m));
        }
        if (first) {
            if (mode == Mode.UPDATE && a.update()) {
                var m = renderer.edit(a);
                return () -> r.update(m);
            }
            var m = renderer.create(a);
            return () -> r.reply(m, a.ephemeral());
        }
        if (mode == Mode.UPDATE) {
            if (a.update()) {
                var m = renderer.edit(a);
                return () -> r.editOriginal(m);
            }
            var m = renderer.create(a);
            return () -> r.followUp(m, a.ephemeral());
        }
        if (a.ephemeral()) {
            // the deferred response is public; an answer for the asker alone replaces it
            var m = renderer.create(a);
            return () -> {
                r.deleteOriginal();
                r.followUp(m, true);
            };
        }
        var m = renderer.edit(a);
        return () -> r.editOriginal(m);
    }

    private void answerNow(Responder r, Answer a) {
        deliver(r, Mode.REPLY, new AtomicInteger(PENDING), a);
    }

    private Answer failure(Lang lang, Throwable e) {
        String ref = Refs.next();
        LOG.error("ref {}: answering an interaction failed", ref, e);
        return Answer.fresh(speech.replies().failure(lang, ref), lang);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Answer answerFor(CommandRequest req, RequestContext ctx, Caller caller, Lang lang, Reply reply) {
        return Answer.fresh(reply, caller.userId(), retryFor(req, lang), lang);
    }

    /** How a suggestion re-runs the command: the looked-up option replaced, the others kept. */
    Optional<Answer.Retry> retryFor(CommandRequest req, Lang lang) {
        if (!CommandCatalog.RESIGNATIONS.equals(req.command()) || req.subcommand() == null) {
            return Optional.empty();
        }
        Optional<CommandSpec> spec = commands.catalog().find(req.command(), req.subcommand());
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Optional<OptionSpec> target = spec.get().options().stream()
                .filter(OptionSpec::autocomplete).filter(o -> req.option(o.name()).isPresent()).findFirst();
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> rest = new LinkedHashMap<>();
        for (OptionSpec o : spec.get().options()) {
            if (o == target.get() || o.type() == OptionSpec.Type.LANGUAGE) {
                continue;
            }
            Optional<String> v = req.option(o.name()).flatMap(x -> switch (o.type()) {
                case DATE -> PartialDate.typed(x).map(Object::toString);
                default -> Optional.of(x.strip()).filter(s -> SAFE_VALUE.matcher(s).matches());
            });
            v.ifPresent(x -> rest.put(o.name(), x));
        }
        rest.put("lang", lang.code());
        return Optional.of(new Answer.Retry(target.get().name(), Replay.of(req.subcommand(), rest)));
    }

    private static CommandRequest replayed(String replay) {
        return CommandRequest.of(CommandCatalog.RESIGNATIONS, Replay.parse(replay));
    }

    private Lang languageOf(String replay, RequestContext ctx) {
        Optional<Lang> explicit = Replay.isKept(replay) ? Optional.empty() : Replay.parse(replay).lang();
        return speech.choose(explicit, ctx, "");
    }

    private RequestContext context(Caller caller) {
        return speech.context(caller);
    }

    /** Stops taking work; what is running finishes and is answered (up to {@code wait}). */
    public void shutdown(Duration wait) throws InterruptedException {
        workers.shutdown();
        if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            workers.shutdownNow();
        }
        timers.shutdownNow();
    }

    @Override
    public void close() {
        try {
            shutdown(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
