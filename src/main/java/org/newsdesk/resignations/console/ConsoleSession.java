package org.newsdesk.resignations.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.newsdesk.resignations.commands.CommandLineParser;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.commands.LanguagePolicy;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;

/**
 * The same commands as in Discord, one per line on standard input; each reply is printed as
 * plain text followed by a blank line. Ends at end of input.
 */
public final class ConsoleSession {

    private final CommandLineParser parser;
    private final CommandRouter router;
    private final Replies replies;
    private final LanguagePolicy languages;

    public ConsoleSession(CommandLineParser parser, CommandRouter router, Replies replies, LanguagePolicy languages) {
        this.parser = parser;
        this.router = router;
        this.replies = replies;
        this.languages = languages;
    }

    public void run(BufferedReader in, PrintStream out) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            out.println(PlainText.render(answer(line)));
            out.println();
            out.flush();
        }
    }

    public Reply answer(String line) {
        CommandLineParser.Parsed parsed = parser.parse(line);
        if (parsed instanceof CommandLineParser.Parsed.Ok ok) {
            return router.handle(ok.request(), RequestContext.CONSOLE);
        }
        CommandLineParser.Parsed.Error err = (CommandLineParser.Parsed.Error) parsed;
        return replies.userError(languages.choose(java.util.Optional.empty(), RequestContext.CONSOLE, line),
                err.key(), err.args());
    }
}
