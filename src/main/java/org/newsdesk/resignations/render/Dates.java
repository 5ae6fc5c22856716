package org.newsdesk.resignations.render;

import java.time.LocalDate;
import java.util.Locale;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;

/** Writes dates at their own precision, in the reply language: "15 May 2024", "late May 2024", "مايو 2024". */
public final class Dates {

    private final Templates t;

    public Dates(Templates t) {
        this.t = t;
    }

    public String format(PartialDate d, DatePart part, Lang lang) {
        return switch (d.precision()) {
            case YEAR -> t.get(lang, "date.year", "year", d.year());
            case MONTH -> part == null
                    ? t.get(lang, "date.month", "month", month(d.month(), lang), "year", d.year())
                    : t.get(lang, "date.part." + part.name().toLowerCase(Locale.ROOT),
                    "month", month(d.month(), lang), "year", d.year());
            case DAY -> t.get(lang, "date.day", "day", d.day(), "month", month(d.month(), lang), "year", d.year());
        };
    }

    public String format(PartialDate d, Lang lang) {
        return format(d, null, lang);
    }

    public String format(LocalDate d, Lang lang) {
        return format(PartialDate.of(d), null, lang);
    }

    public String month(int month, Lang lang) {
        return t.get(lang, "month." + month);
    }
}
