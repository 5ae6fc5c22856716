package org.newsdesk.resignations.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Takes secrets out of text before it is printed or logged: the user-info of URLs
 * ({@code https://user:pass@proxy/} becomes {@code https://***@proxy/}) and, where it is known,
 * the token itself.
 */
public final class Redact {

    /** scheme://userinfo@ : the user-info ends at the last '@' before the path. */
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s@]*@)+");

    private Redact() {
    }

    /** The text with every URL's user-info replaced by {@code ***}. */
    public static @Nullable String urls(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = USER_INFO.matcher(text);
        return m.find() ? m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "***@")) : text;
    }

    /** The text with the URLs' user-info and every occurrence of the secret taken out. */
    public static String secrets(String text, String secret) {
        String t = urls(text);
        if (t == null || secret == null || secret.isEmpty()) {
            return t;
        }
        return t.replace(secret, "[token]");
    }
}
