package org.newsdesk.resignations.dataset;

import java.util.Objects;

/** One piece of human text in both newsroom languages. */
public record Text(String en, String ar) {
    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ar, "ar");
    }

    public String in(Lang lang) {
        return lang == Lang.AR ? ar : en;
    }
}
