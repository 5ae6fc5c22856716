package org.newsdesk.resignations.dataset;

import java.util.Locale;
import java.util.Optional;

/** The two reply languages of the newsroom. */
public enum Lang {
    EN, AR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "en"/"ar" (also "english", "arabic", "عربي", "العربية", "إنجليزي"); empty when unknown. */
    public static Optional<Lang> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "en", "english", "eng", "إنجليزي", "الإنجليزية", "انجليزي", "الانجليزية" -> Optional.of(EN);
            case "ar", "arabic", "ara", "عربي", "العربية", "عربية" -> Optional.of(AR);
            default -> Optional.empty();
        };
    }
}
