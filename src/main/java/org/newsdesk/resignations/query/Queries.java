package org.newsdesk.resignations.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.search.Directory;

/** The questions the newsroom asks of the dataset; answers are plain records, free of any transport. */
public final class Queries {

    private static final int SUGGESTIONS = 5;

    private final Supplier<Directory> current;

    /** @param current the directory of the snapshot in force; read once per query so a reload never mixes two */
    public Queries(Supplier<Directory> current) {
        this.current = current;
    }

    public Directory directory() {
        return current.get();
    }

    public Lookup<Entry> who(String name) {
        Directory dir = current.get();
        return dir.person(name).<Lookup<Entry>>map(Lookup.Found::new)
                .orElseGet(() -> new Lookup.Missing<>(name, dir.suggestPeople(name, SUGGESTIONS)));
    }

    public Lookup<Agency> agency(String typed) {
        Directory dir = current.get();
        return dir.agency(typed).<Lookup<Agency>>map(Lookup.Found::new)
                .orElseGet(() -> new Lookup.Missing<>(typed, dir.suggestAgencies(typed, SUGGESTIONS)));
    }

    public ListResult list(Optional<Agency> agency, DateRange range) {
        Snapshot s = current.get().snapshot();
        List<Entry> out = s.chronological().stream()
                .filter(e -> agency.isEmpty() || e.agency().equals(agency.get().id()))
                .filter(e -> range.contains(e.sortDate()))
                .toList();
        return new ListResult(agency, range, out);
    }

    public List<Entry> timeline() {
        return current.get().snapshot().chronological();
    }

    public StatsResult stats() {
        Snapshot s = current.get().snapshot();
        Map<String, Integer> byAgency = new LinkedHashMap<>();
        TreeMap<PartialDate, Integer> byMonth = new TreeMap<>();
        int undated = 0;
        for (Entry e : s.entries()) {
            byAgency.merge(e.agency(), 1, Integer::sum);
            PartialDate d = e.sortDate();
            if (d.precision() == PartialDate.Precision.YEAR) {
                undated++;
            } else {
                byMonth.merge(new PartialDate(d.year(), d.month(), 0), 1, Integer::sum);
            }
        }
        List<StatsResult.AgencyCount> agencies = new ArrayList<>();
        byAgency.forEach((id, n) -> s.agency(id).ifPresent(a -> agencies.add(new StatsResult.AgencyCount(a, n))));
        agencies.sort(Comparator.comparingInt(StatsResult.AgencyCount::count).reversed()
                .thenComparing(c -> c.agency().name().en()));
        List<StatsResult.MonthCount> months = new ArrayList<>();
        byMonth.forEach((m, n) -> months.add(new StatsResult.MonthCount(m, n)));
        return new StatsResult(s.entries().size(), agencies, months, undated);
    }

    public AboutResult about() {
        Snapshot s = current.get().snapshot();
        var last = s.lastAdded();
        List<Entry> addedLast = last.map(d -> s.entries().stream().filter(e -> d.equals(e.added())).toList())
                .orElse(List.of());
        return new AboutResult(s.dataset().dataset(), s.version(), s.entries().size(), s.agencies().size(),
                s.sourceCount(), last, addedLast);
    }
}
