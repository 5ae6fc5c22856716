package org.newsdesk.resignations.discord;

import java.util.List;
import java.util.function.Supplier;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.commands.Completions;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;

/** What the slash commands run on: the core's router, its suggestions and the dataset version (for caching). */
public interface CoreCommands {

    Reply handle(CommandRequest request, RequestContext ctx);

    CommandCatalog catalog();

    List<Reply.Choice> complete(String option, String typed);

    /** The version of the dataset being served: a reply depends on it. */
    String version();

    /** A reply kept from an earlier identical request answered this one (counted like a command). */
    default void reused(CommandRequest request, Lang lang, Reply reply) {
    }

    static CoreCommands of(CommandRouter router, Completions completions, Supplier<String> version) {
        return new CoreCommands() {
            @Override
            public Reply handle(CommandRequest request, RequestContext ctx) {
                return router.handle(request, ctx);
            }

            @Override
            public CommandCatalog catalog() {
                return router.catalog();
            }

            @Override
            public List<Reply.Choice> complete(String option, String typed) {
                return completions.complete(option, typed);
            }

            @Override
            public String version() {
                return version.get();
            }

            @Override
            public void reused(CommandRequest request, Lang lang, Reply reply) {
                router.reused(request, lang, reply);
            }
        };
    }
}
