package org.newsdesk.resignations.dataset;

import java.util.List;

/**
 * An editorial note on an entry; sourced like any fact.
 *
 * @param correctsArticle true when the note records an error of the article under review (the
 *                        {@code who} card shows it as a correction); such a note cites the
 *                        article and at least one other source, the one for what is right
 */
public record Note(Text text, List<String> sources, Boolean correctsArticle) {
    public Note {
        sources = sources == null ? List.of() : List.copyOf(sources);
        correctsArticle = Boolean.TRUE.equals(correctsArticle);
    }
}
