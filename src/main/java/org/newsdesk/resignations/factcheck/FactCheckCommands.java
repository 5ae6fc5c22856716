package org.newsdesk.resignations.factcheck;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.search.Directory;

/**
 * {@code /factcheck claim:<text> [lang]} on every transport, and the same check for a message's
 * text (the "Fact-check" message context menu): {@link #check(String, Lang)} takes the text and
 * returns a transport-neutral reply. The Discord layer shows the context-menu reply ephemerally
 * to the person who asked, with a button (label {@code discord.factcheck.post}, in the discord package) that posts the
 * same pages to the channel; both need no message-content intent, since the context menu hands
 * over the message text.
 *
 * <p>The checker is built once per snapshot: at construction, and again by {@link #checker()}
 * when the application swaps in a new snapshot (the application calls it right after the swap, so
 * no reporter waits for the build; at 100,000 entries it takes about two seconds).
 */
public final class FactCheckCommands {

    public static final String COMMAND = "factcheck";
    public static final String CLAIM = "claim";

    private final Supplier<Directory> directory;
    private final Replies replies;
    private final FactCheckReplies render;
    private final AtomicReference<FactChecker> checker = new AtomicReference<>();
    private volatile Consumer<FactCheckResult> observer = r -> { };

    public FactCheckCommands(Supplier<Directory> directory, Replies replies) {
        this.directory = directory;
        this.replies = replies;
        this.render = new FactCheckReplies(replies);
        checker();
    }

    public void register(CommandRouter router) {
        router.on(COMMAND, this::handle);
    }

    Reply handle(CommandRequest request, Lang lang) {
        return check(request.option(CLAIM).orElse(""), lang);
    }

    /** Checks a text (typed, pasted or taken from a message) and renders the reply in {@code lang}. */
    public Reply check(String text, Lang lang) {
        FactChecker c = checker();
        FactCheckResult result = c.check(text);
        observer.accept(result);
        return render.render(c.snapshot(), result, lang);
    }

    /** Who hears of each check's result (the verdict metrics); set once at wiring. Quick, never throws. */
    public void observe(Consumer<FactCheckResult> observer) {
        this.observer = observer;
    }

    /** The plain result, for callers that render it themselves. */
    public FactCheckResult result(String text) {
        return checker().check(text);
    }

    /** The checker for the snapshot in force, built on first use after each reload. */
    public FactChecker checker() {
        Directory d = directory.get();
        FactChecker c = checker.get();
        if (c == null || c.directory() != d) {
            FactChecker built = new FactChecker(d);
            checker.compareAndSet(c, built);
            c = built;
        }
        return c;
    }

    public Replies replies() {
        return replies;
    }
}
