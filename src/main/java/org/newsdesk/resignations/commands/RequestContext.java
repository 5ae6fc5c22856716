package org.newsdesk.resignations.commands;

import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;

/**
 * Who asked and where, as far as the language rules need it.
 *
 * @param guildLanguage the server's setting, if any
 * @param userLocale    the Discord locale the client sent (e.g. "en-US"), if any
 */
public record RequestContext(Optional<Lang> guildLanguage, Optional<String> userLocale) {

    public static final RequestContext CONSOLE = new RequestContext(Optional.empty(), Optional.empty());
}
