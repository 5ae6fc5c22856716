package org.newsdesk.resignations.commands;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.search.EditDistance;
import org.newsdesk.resignations.search.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a request against the catalog, picks the language and hands it to its handler. Every
 * outcome is a reply: a bad option is a user error with what to do, an exception in a handler
 * is a failure with a reference that also appears in the ERROR log line.
 */
public final class CommandRouter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    private final CommandCatalog catalog;
    private final LanguagePolicy languages;
    private final Replies replies;
    private final Map<String, CommandHandler> handlers = new HashMap<>();
    private volatile CommandObserver observer = CommandObserver.NONE;

    public CommandRouter(CommandCatalog catalog, LanguagePolicy languages, Replies replies) {
        this.catalog = catalog;
        this.languages = languages;
        this.replies = replies;
    }

    /** @param path "resignations who", or "factcheck" for a command without subcommands */
    public CommandRouter on(String path, CommandHandler handler) {
        if (catalog.all().stream().noneMatch(s -> s.path().equals(path))) {
            throw new IllegalArgumentException("no such command in the catalog: " + path);
        }
        handlers.put(path, handler);
        return this;
    }

    /** The handler wired for a path, so another can wrap it. */
    public Optional<CommandHandler> handler(String path) {
        return Optional.ofNullable(handlers.get(path));
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    /** Who hears of each answered command (the metrics); set once at wiring. */
    public void observe(CommandObserver observer) {
        this.observer = observer;
    }

    public Reply handle(CommandRequest req, RequestContext ctx) {
        long start = System.nanoTime();
        String typed = String.join(" ", req.options().values());
        Optional<Lang> explicit = req.option("lang").flatMap(Lang::parse);
        Lang lang = languages.choose(explicit, ctx, typed);
        Reply reply;
        try {
            reply = route(req, lang, ctx);
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("ref {}: command /{} failed", ref, pathOf(req), e);
            reply = replies.failure(lang, ref);
        }
        observer.answered(path(req), lang, reply.kind(), System.nanoTime() - start);
        return reply;
    }

    /**
     * A transport answered {@code req} with a reply it kept from an identical earlier request (the
     * Discord layer's cache of in-memory lookups): counted as answered, in no time.
     */
    public void reused(CommandRequest req, Lang lang, Reply reply) {
        observer.answered(path(req), lang, reply.kind(), 0);
    }

    /** The catalogue's path, never what was typed: a metric label must not carry user text. */
    private String path(CommandRequest req) {
        return catalog.find(req.command(), req.subcommand()).map(CommandSpec::path).orElse("unknown");
    }

    private Reply route(CommandRequest req, Lang lang, RequestContext ctx) {
        List<CommandSpec> forCommand = catalog.subcommandsOf(req.command());
        if (forCommand.isEmpty()) {
            return replies.userError(lang, "error.unknown_command", "typed", shown(req.command()),
                    "commands", nearest(req.command(), catalog.commandNames(), "/"));
        }
        Optional<CommandSpec> spec = catalog.find(req.command(), req.subcommand());
        if (spec.isEmpty()) {
            List<String> subs = forCommand.stream().map(CommandSpec::subcommand).filter(s -> s != null).toList();
            return replies.userError(lang, "error.unknown_subcommand", "typed",
                    shown(req.subcommand() == null ? "" : req.subcommand()), "command", req.command(),
                    "suggestions", nearest(req.subcommand() == null ? "" : req.subcommand(), subs, ""));
        }
        CommandSpec s = spec.get();
        for (Map.Entry<String, String> o : req.options().entrySet()) {
            Optional<OptionSpec> os = s.option(o.getKey());
            if (os.isEmpty()) {
                return replies.userError(lang, "error.unknown_option", "option", shown(o.getKey()), "command", s.path(),
                        "options", s.options().stream().map(OptionSpec::name).collect(Collectors.joining(", ")));
            }
            Optional<Reply> bad = checkValue(os.get(), o.getValue(), lang);
            if (bad.isPresent()) {
                return bad.get();
            }
        }
        for (OptionSpec os : s.options()) {
            if (os.required() && req.option(os.name()).isEmpty()) {
                return replies.userError(lang, "error.missing_option", "command", s.path(), "option", os.name(),
                        "example", "/" + s.path() + " " + os.name() + ":\"…\"");
            }
        }
        if (s.option("from").isPresent() && s.option("to").isPresent()) {
            Optional<PartialDate> from = req.option("from").flatMap(PartialDate::typed);
            Optional<PartialDate> to = req.option("to").flatMap(PartialDate::typed);
            if (from.isPresent() && to.isPresent() && from.get().earliestDay().isAfter(to.get().latestDay())) {
                return replies.userError(lang, "error.range_reversed");
            }
        }
        CommandHandler h = handlers.get(s.path());
        if (h == null) {
            throw new IllegalStateException("no handler wired for /" + s.path());
        }
        return h.handle(req, lang, ctx);
    }

    private Optional<Reply> checkValue(OptionSpec os, String value, Lang lang) {
        // a NUL or an escape is invisible when echoed back and means nothing in a name or a claim
        for (int i = 0; i < value.length(); i++) {
            if (Character.getType(value.charAt(i)) == Character.CONTROL) {
                return Optional.of(replies.userError(lang, "error.control_character", "option", os.name(),
                        "code", String.format("U+%04X", (int) value.charAt(i)), "position", i + 1));
            }
        }
        return switch (os.type()) {
            case LANGUAGE -> Lang.parse(value).isPresent() ? Optional.empty()
                    : Optional.of(replies.userError(lang, "error.bad_lang", "value", shown(value)));
            case DATE -> value.isBlank() || PartialDate.typed(value).isPresent() ? Optional.empty()
                    : Optional.of(replies.userError(lang, "error.bad_date", "option", os.name(), "value", shown(value)));
            // Boolean.parseBoolean reads anything else as false: "detail:yes" would silently not show the record
            case BOOLEAN -> value.isBlank() || value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false")
                    ? Optional.empty()
                    : Optional.of(replies.userError(lang, "error.bad_boolean", "option", os.name(), "value", shown(value)));
            default -> Optional.empty();
        };
    }

    private static String shown(String s) {
        return Markdown.userText(CommandLineParser.visible(s), 60);
    }

    private static String nearest(String typed, List<String> options, String prefix) {
        String t = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        return options.stream()
                .sorted(Comparator.comparingInt(o -> EditDistance.osa(t, o, 50)))
                .map(o -> prefix + o)
                .collect(Collectors.joining(", "));
    }

    private static String pathOf(CommandRequest r) {
        return r.subcommand() == null ? r.command() : r.command() + " " + r.subcommand();
    }
}
