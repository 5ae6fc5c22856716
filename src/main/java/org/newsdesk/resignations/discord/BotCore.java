package org.newsdesk.resignations.discord;

import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;

/**
 * The parts of the core the Discord layer is handed (built by the application's assembly), so
 * that this package never depends on the one that wires it.
 *
 * @param warmUp  draws the charts once, in the background, so no first /timeline waits for fonts
 * @param intake  editors adding entries, when the bot runs with its data directory
 * @param notifier notifications, when the bot runs with its data directory
 */
public record BotCore(Templates templates, Speech speech, CoreCommands commands, FactCheck factcheck,
                      Optional<EntryIntake> intake, Optional<Notifier> notifier, Runnable warmUp) {

    /** The "Fact-check" message menu's check of a message's text. */
    @FunctionalInterface
    public interface FactCheck {
        Reply check(String text, Lang lang);
    }
}
