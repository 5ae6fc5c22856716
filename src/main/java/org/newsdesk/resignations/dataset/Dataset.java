package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/** The dataset file as written, before indexing. */
public record Dataset(int schemaVersion, DatasetInfo dataset, List<Agency> agencies, List<Outlet> outlets, List<Source> sources,
                      List<Entry> entries) {
    /** A dataset without an outlet table (files written before it existed, additions). */
    public Dataset(int schemaVersion, DatasetInfo dataset, List<Agency> agencies, List<Source> sources, List<Entry> entries) {
        this(schemaVersion, dataset, agencies, List.of(), sources, entries);
    }

    @JsonCreator
    public Dataset {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        sources = sources == null ? List.of() : List.copyOf(sources);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
