package org.newsdesk.resignations.dataset;

import java.util.List;

/** The dataset file as written, before indexing. */
public record Dataset(int schemaVersion, DatasetInfo dataset, List<Agency> agencies, List<Source> sources, List<Entry> entries) {
    public Dataset {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        sources = sources == null ? List.of() : List.copyOf(sources);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
