package org.newsdesk.resignations.commands;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.SourceKind;

/** The commands this bot answers; Discord registration and console parsing both read this list. */
public final class CommandCatalog {

    public static final String RESIGNATIONS = "resignations";

    private final List<CommandSpec> specs;

    public CommandCatalog(List<CommandSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    public static CommandCatalog standard() {
        OptionSpec lang = OptionSpec.lang();
        return new CommandCatalog(List.of(
                new CommandSpec(RESIGNATIONS, "who", "cmd.who", List.of(
                        new OptionSpec("name", OptionSpec.Type.STRING, true, true, "cmd.who.name", 200), lang,
                        new OptionSpec("detail", OptionSpec.Type.BOOLEAN, false, false, "cmd.who.detail", 5)),
                        CommandSpec.Access.EVERYONE),
                new CommandSpec(RESIGNATIONS, "list", "cmd.list", List.of(
                        new OptionSpec("agency", OptionSpec.Type.STRING, false, true, "cmd.list.agency", 200),
                        new OptionSpec("from", OptionSpec.Type.DATE, false, false, "cmd.list.from", 20),
                        new OptionSpec("to", OptionSpec.Type.DATE, false, false, "cmd.list.to", 20), lang),
                        CommandSpec.Access.EVERYONE),
                new CommandSpec(RESIGNATIONS, "timeline", "cmd.timeline", List.of(lang), CommandSpec.Access.EVERYONE),
                new CommandSpec(RESIGNATIONS, "stats", "cmd.stats", List.of(lang), CommandSpec.Access.EVERYONE),
                new CommandSpec(RESIGNATIONS, "about", "cmd.about", List.of(lang), CommandSpec.Access.EVERYONE),
                new CommandSpec(RESIGNATIONS, "export", "cmd.export", List.of(
                        new OptionSpec("format", OptionSpec.Type.STRING, true, false, "cmd.export.format", 20,
                                List.of("json", "csv", "claimreview")), lang),
                        CommandSpec.Access.EVERYONE),
                new CommandSpec("factcheck", null, "cmd.factcheck", List.of(
                        new OptionSpec("claim", OptionSpec.Type.STRING, true, false, "cmd.factcheck.claim", 4000), lang),
                        CommandSpec.Access.EVERYONE)));
    }

    public static final String NOTIFY = "notify";
    public static final String SETTINGS = "settings";

    /** Notifications: subscriptions, the server's language, reloading the dataset. */
    public static List<CommandSpec> notifications() {
        OptionSpec channel = new OptionSpec("channel", OptionSpec.Type.CHANNEL, false, false, "notify.cmd.channel", 20);
        return List.of(
                new CommandSpec(NOTIFY, "subscribe", "notify.cmd.subscribe", List.of(channel,
                        new OptionSpec("corrections", OptionSpec.Type.BOOLEAN, false, false, "notify.cmd.corrections", 5)),
                        CommandSpec.Access.MANAGE_CHANNELS),
                new CommandSpec(NOTIFY, "unsubscribe", "notify.cmd.unsubscribe", List.of(channel), CommandSpec.Access.MANAGE_CHANNELS),
                new CommandSpec(NOTIFY, "status", "notify.cmd.status", List.of(), CommandSpec.Access.MANAGE_CHANNELS),
                new CommandSpec(NOTIFY, "test", "notify.cmd.test", List.of(channel), CommandSpec.Access.MANAGE_CHANNELS),
                new CommandSpec(SETTINGS, "language", "notify.cmd.language", List.of(
                        new OptionSpec("language", OptionSpec.Type.LANGUAGE, true, false, "notify.cmd.language.value", 2)),
                        CommandSpec.Access.MANAGE_SERVER),
                new CommandSpec(RESIGNATIONS, "reload", "notify.cmd.reload", List.of(), CommandSpec.Access.MANAGE_SERVER));
    }

    /** Editors adding an entry (the options choose; a two-step form asks the rest) and reviewing what others added. */
    public static List<CommandSpec> editing() {
        return List.of(new CommandSpec(RESIGNATIONS, "add", "add.cmd", List.of(
                new OptionSpec("departure", OptionSpec.Type.STRING, true, false, "add.cmd.departure", 30,
                        Departure.choices()),
                new OptionSpec("source_kind", OptionSpec.Type.STRING, false, false, "add.cmd.source_kind", 30,
                        SourceKind.choices()),
                new OptionSpec("source_language", OptionSpec.Type.STRING, false, false, "add.cmd.source_language", 2,
                        Lang.sourceChoices()),
                OptionSpec.lang()), CommandSpec.Access.EDITOR),
                new CommandSpec(RESIGNATIONS, "correct", "review.cmd.correct", List.of(
                        new OptionSpec("name", OptionSpec.Type.STRING, true, true, "review.cmd.correct.name", 200), OptionSpec.lang()),
                        CommandSpec.Access.EDITOR),
                new CommandSpec(RESIGNATIONS, "pending", "review.cmd.pending", List.of(OptionSpec.lang()), CommandSpec.Access.EDITOR),
                new CommandSpec(RESIGNATIONS, "review", "review.cmd.review", List.of(
                        new OptionSpec("id", OptionSpec.Type.STRING, true, false, "review.cmd.id", 40), OptionSpec.lang()),
                        CommandSpec.Access.EDITOR),
                new CommandSpec(RESIGNATIONS, "approve", "review.cmd.approve", List.of(
                        new OptionSpec("id", OptionSpec.Type.STRING, true, false, "review.cmd.id", 40),
                        new OptionSpec("confidence", OptionSpec.Type.STRING, false, false, "review.cmd.confidence", 10,
                                List.of("high", "medium", "low")),
                        OptionSpec.lang()), CommandSpec.Access.EDITOR),
                new CommandSpec(RESIGNATIONS, "reject", "review.cmd.reject", List.of(
                        new OptionSpec("id", OptionSpec.Type.STRING, true, false, "review.cmd.id", 40),
                        new OptionSpec("reason", OptionSpec.Type.STRING, true, false, "review.cmd.reason", 1000),
                        OptionSpec.lang()), CommandSpec.Access.EDITOR));
    }

    public List<CommandSpec> all() {
        return specs;
    }

    public CommandCatalog with(List<CommandSpec> more) {
        return new CommandCatalog(Stream.concat(specs.stream(), more.stream()).toList());
    }

    public List<String> commandNames() {
        return specs.stream().map(CommandSpec::command).distinct().toList();
    }

    public List<CommandSpec> subcommandsOf(String command) {
        return specs.stream().filter(s -> s.command().equals(command)).toList();
    }

    public Optional<CommandSpec> find(String command, String subcommand) {
        return specs.stream()
                .filter(s -> s.command().equals(command))
                .filter(s -> s.subcommand() == null ? subcommand == null : s.subcommand().equals(subcommand))
                .findFirst();
    }
}
