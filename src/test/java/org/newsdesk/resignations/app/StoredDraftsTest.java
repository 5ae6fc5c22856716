package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.intake.Draft;
import org.newsdesk.resignations.intake.Drafts;
import org.newsdesk.resignations.intake.Field;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * The add form's drafts in the store: a draft made before a restart is found after it, with every
 * field; of two processes finishing the same draft, one gets it.
 */
class StoredDraftsTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    static Drafts drafts(Store store) {
        return new Drafts(new StoredDrafts(store.drafts()), Clock.systemUTC());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDraftSurvivesARestartAndIsTakenOnce(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        Draft draft;
        try (Store before = db.open()) {
            Drafts d = drafts(before);
            draft = new Draft(d.newId(), 42, Lang.AR, Departure.RESIGNED, SourceKind.values()[0], Optional.of("ar"),
                    Map.of(Field.NAME_EN, "Jane Q. Example", Field.NAME_AR, "جين كيو إكزامبل"));
            d.put(draft);
            Draft next = draft.with(Map.of(Field.AGENCY, "USAID"));
            assertThat(d.replace(draft, next)).isTrue();
            draft = next;
        }
        try (Store after = db.open(); Store other = db.open()) {
            Drafts restarted = drafts(after);
            assertThat(restarted.get(draft.id())).contains(draft);
            Drafts elsewhere = drafts(other);
            assertThat(elsewhere.get(draft.id())).contains(draft);
            assertThat(restarted.claim(draft.id(), 42)).contains(draft);
            // the other process had it in memory, but the database says it was taken
            assertThat(elsewhere.claim(draft.id(), 42)).isEmpty();
            assertThat(drafts(other).get(draft.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCorrectionDraftKeepsTheEntryItCorrectsAcrossARestart(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir);
        Draft draft;
        try (Store before = db.open()) {
            Drafts d = drafts(before);
            draft = new Draft(d.newId(), 7, Lang.EN, Departure.RESIGNED, SourceKind.values()[0], Optional.empty(),
                    Map.of(Field.NAME_EN, "Andrew Miller", Field.NAME_AR, "أندرو ميلر"), Optional.of("andrew-miller"));
            d.put(draft);
        }
        try (Store after = db.open()) {
            assertThat(drafts(after).get(draft.id())).contains(draft);
            assertThat(drafts(after).get(draft.id()).flatMap(Draft::target)).contains("andrew-miller");
        }
    }
}
