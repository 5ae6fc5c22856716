package org.newsdesk.resignations.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.search.Directory;

class QueriesTest {

    private final Snapshot snapshot = Fixtures.bundled();
    private final Queries q = new Queries(() -> new Directory(snapshot));

    private Agency agency(String id) {
        return snapshot.agency(id).orElseThrow();
    }

    @Test
    void listByAgencyIsInDateOrderAndOnlyThatAgency() {
        ListResult r = q.list(Optional.of(agency("state")), DateRange.ALL);
        assertThat(r.entries()).extracting(Entry::agency).containsOnly("state");
        assertThat(r.entries()).extracting(Entry::id)
                .containsExactly("josh-paul", "annelle-sheline", "hala-rharrit", "stacy-gilbert", "andrew-miller", "mike-casey");
        assertThat(r.entries()).extracting(Entry::sortDate).isSorted();
    }

    @Test
    void listByDateRangeKeepsDatesOfAnyPrecisionThatFallInside() {
        DateRange may = new DateRange(Optional.of(PartialDate.parse("2024-05")), Optional.of(PartialDate.parse("2024-05")));
        assertThat(q.list(Optional.empty(), may).entries()).extracting(Entry::id)
                .containsExactly("harrison-mann", "lily-greenberg-call", "stacy-gilbert", "alexander-smith");
        DateRange from2024 = new DateRange(Optional.of(PartialDate.parse("2024")), Optional.empty());
        assertThat(q.list(Optional.empty(), from2024).entries()).extracting(Entry::id).doesNotContain("josh-paul").hasSize(13);
    }

    @Test
    void timelineIsChronologicalAndComplete() {
        assertThat(q.timeline()).hasSize(snapshot.entries().size());
        assertThat(q.timeline()).extracting(Entry::sortDate).isSorted();
        assertThat(q.timeline().get(0).id()).isEqualTo("josh-paul");
    }

    @Test
    void statsAddUpToTheTotal() {
        StatsResult s = q.stats();
        assertThat(s.total()).isEqualTo(14);
        assertThat(s.byAgency().stream().mapToInt(StatsResult.AgencyCount::count).sum()).isEqualTo(14);
        assertThat(s.byMonth().stream().mapToInt(StatsResult.MonthCount::count).sum() + s.undatedMonth()).isEqualTo(14);
        assertThat(s.byAgency().get(0).agency().id()).isEqualTo("state");
        assertThat(s.byAgency().get(0).count()).isEqualTo(6);
        assertThat(s.byMonth()).filteredOn(m -> m.month().equals(PartialDate.parse("2024-05")))
                .singleElement().extracting(StatsResult.MonthCount::count).isEqualTo(4);
    }

    @Test
    void whoFindsByEitherScriptAndSuggestsWhenMissing() {
        assertThat(q.who("ميلر")).isInstanceOfSatisfying(Lookup.Found.class,
                f -> assertThat(((Entry) f.value()).id()).isEqualTo("andrew-miller"));
        assertThat(q.who("Andrew Miller")).isInstanceOfSatisfying(Lookup.Found.class,
                f -> assertThat(((Entry) f.value()).id()).isEqualTo("andrew-miller"));
        assertThat(q.who("William Lawrence")).isInstanceOf(Lookup.Missing.class);
    }

    @Test
    void aboutGivesVersionCountsAndLastAddition() {
        AboutResult a = q.about();
        assertThat(a.version()).isEqualTo(snapshot.version());
        assertThat(a.entries()).isEqualTo(14);
        assertThat(a.sources()).isEqualTo(snapshot.sourceCount());
        assertThat(a.lastAdded()).isPresent();
        assertThat(a.addedLast()).isNotEmpty();
    }
}
