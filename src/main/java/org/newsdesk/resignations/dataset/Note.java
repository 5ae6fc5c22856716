package org.newsdesk.resignations.dataset;

import java.util.List;

/** An editorial note on an entry; sourced like any fact. */
public record Note(Text text, List<String> sources) {
    public Note {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
