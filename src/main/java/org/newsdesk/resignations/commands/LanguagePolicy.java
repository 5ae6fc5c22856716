package org.newsdesk.resignations.commands;

import java.util.Locale;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Scripts;

/**
 * Chooses the reply language, first rule that applies: the command's lang option, the server's
 * setting, the script of what the user typed, the user's Discord locale, the configured default.
 */
public final class LanguagePolicy {

    private final Lang fallback;

    public LanguagePolicy(Lang fallback) {
        this.fallback = fallback;
    }

    public Lang choose(Optional<Lang> explicit, RequestContext ctx, String typed) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (ctx.guildLanguage().isPresent()) {
            return ctx.guildLanguage().get();
        }
        if (Scripts.mostlyArabic(typed)) {
            return Lang.AR;   // Latin letters say little: Arabic speakers type English names too
        }
        if (ctx.userLocale().isPresent()) {
            return ctx.userLocale().get().toLowerCase(Locale.ROOT).startsWith("ar") ? Lang.AR : Lang.EN;
        }
        return fallback;
    }

    public Lang fallback() {
        return fallback;
    }
}
