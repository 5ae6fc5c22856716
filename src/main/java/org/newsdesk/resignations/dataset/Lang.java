package org.newsdesk.resignations.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The two reply languages of the newsroom. */
public enum Lang {
    EN, AR;

    /**
     * The languages a source may be written in when an editor adds an entry: the two the bot
     * speaks, and the other languages the newsroom reads.
     */
    public static List<String> sourceChoices() {
        return Stream.concat(Arrays.stream(values()).map(Lang::code), Stream.of("es", "fr", "de")).toList();
    }

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
