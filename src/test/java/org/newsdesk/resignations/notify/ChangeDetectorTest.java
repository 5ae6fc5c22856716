package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Notifications;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.EventKind;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/** On SQLite; {@link ChangeDetectorOnPostgresTest} runs the same tests on PostgreSQL. */
class ChangeDetectorTest {

    static final String ID = "andrew-miller";
    static final long GUILD = 10;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    /** The database these tests run on. */
    Backend backend() {
        return Backend.SQLITE;
    }

    @TempDir
    Path dir;
    Store store;
    ChangeDetector detector;
    EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());

    @BeforeEach
    void open() {
        store = DBS.target(backend(), dir.resolve("data")).open();
        detector = new ChangeDetector(store.entries(), codec, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void firstRunIsTheBaselineAndTellsNobody() {
        store.subscribe(GUILD, 100, true, 1, 0);
        ChangeDetector.Outcome o = detector.apply(Datasets.load(Datasets.without(ID)));
        assertThat(o.baseline()).isTrue();
        assertThat(o.queued()).isZero();
        assertThat(store.eventCount()).isZero();
        assertThat(store.ledger()).hasSize(13);
    }

    @Test
    void sameDataTwiceChangesNothing() {
        Snapshot s = Datasets.load(Datasets.bundled());
        detector.apply(s);
        store.subscribe(GUILD, 100, true, 1, 0);
        ChangeDetector.Outcome o = detector.apply(Datasets.load(Datasets.bundled()));
        assertThat(o).isEqualTo(new ChangeDetector.Outcome(false, 0, 0, 0, 0, 0));
    }

    @Test
    void aNewIdIsOneNewEventPerActiveSubscription() {
        detector.apply(Datasets.load(Datasets.without(ID)));
        store.subscribe(GUILD, 100, true, 1, 0);
        store.subscribe(GUILD, 101, false, 1, 0);    // new entries only: still told
        store.subscribe(GUILD, 102, true, 1, 0);
        store.unsubscribe(GUILD, 102);
        ChangeDetector.Outcome o = detector.apply(Datasets.load(Datasets.bundled()));
        assertThat(o).isEqualTo(new ChangeDetector.Outcome(false, 1, 0, 0, 0, 2));
        List<Outbox.Claimed> due = store.claimDue(Long.MAX_VALUE, 10);
        assertThat(due).extracting(Outbox.Claimed::channelId).containsExactly(100L, 101L);
        assertThat(due).allSatisfy(d -> {
            assertThat(event(d).kind()).isEqualTo(EventKind.NEW);
            assertThat(event(d).entryId()).isEqualTo(ID);
            assertThat(d.nonce()).hasSizeLessThanOrEqualTo(25);
        });
    }

    @Test
    void aChangedEntryIsACorrectionOnlyWhereCorrectionsWereAskedFor() {
        detector.apply(Datasets.load(Datasets.bundled()));
        store.subscribe(GUILD, 100, true, 1, 0);
        store.subscribe(GUILD, 101, false, 1, 0);
        ChangeDetector.Outcome o = detector.apply(Datasets.load(Datasets.changed(ID, Datasets.title("Deputy Assistant Secretary", "نائب مساعد الوزير"))));
        assertThat(o).isEqualTo(new ChangeDetector.Outcome(false, 0, 1, 0, 0, 1));
        Outbox.Claimed d = store.claimDue(Long.MAX_VALUE, 10).get(0);
        assertThat(d.channelId()).isEqualTo(100L);
        assertThat(event(d).kind()).isEqualTo(EventKind.CORRECTION);

        Notifications cards = new Notifications(Templates.bundled());
        Card en = cards.correction(codec.tree(event(d).oldContent().orElseThrow()), codec.tree(event(d).newContent()), Lang.EN);
        assertThat(en.title()).isEqualTo("Correction: Andrew Miller");
        assertThat(en.fields()).hasSize(1);
        assertThat(en.fields().get(0).name()).isEqualTo("Title");
        assertThat(en.fields().get(0).value())
                .isEqualTo("**Before:** Deputy Assistant Secretary of State for Israeli\\-Palestinian Affairs\n**After:** Deputy Assistant Secretary");

        Card ar = cards.correction(codec.tree(event(d).oldContent().orElseThrow()), codec.tree(event(d).newContent()), Lang.AR);
        assertThat(ar.title()).isEqualTo("تصحيح: أندرو ميلر");
        assertThat(ar.fields().get(0).name()).isEqualTo("المنصب");
        assertThat(ar.fields().get(0).value())
                .isEqualTo("**قبل:** نائب مساعد وزير الخارجية الأمريكي للشؤون الإسرائيلية الفلسطينية\n**بعد:** نائب مساعد الوزير");
        assertThat(ar.description()).contains("1");
    }

    @Test
    void aNewEntryCardInBothLanguages() {
        Snapshot s = Datasets.load(Datasets.bundled());
        Notifications cards = new Notifications(Templates.bundled());
        var tree = codec.tree(codec.canonical(s.entry(ID).orElseThrow()));
        Card en = cards.newEntry(tree, Lang.EN);
        assertThat(en.title()).isEqualTo("New entry: Andrew Miller");
        assertThat(en.fields()).extracting(Card.Field::name).containsExactly("Title", "Agency", "Departure", "Announced");
        assertThat(en.fields().get(2).value()).isEqualTo("Resigned");
        assertThat(en.footer()).isEqualTo("Entry andrew-miller");
        Card ar = cards.newEntry(tree, Lang.AR);
        assertThat(ar.title()).isEqualTo("إدخال جديد: أندرو ميلر");
        assertThat(ar.fields()).extracting(Card.Field::name).containsExactly("المنصب", "الجهة", "طريقة المغادرة", "تاريخ الإعلان");
    }

    @Test
    void theHashIsStableAcrossLoads() {
        Snapshot a = Datasets.load(Datasets.bundled());
        Snapshot b = Datasets.load(Datasets.bundled());
        assertThat(EntryCodec.hash(codec.canonical(a.entry(ID).orElseThrow())))
                .isEqualTo(EntryCodec.hash(codec.canonical(b.entry(ID).orElseThrow())));
        assertThat(Optional.of(store.hasBaseline())).contains(false);
    }

    @Test
    void aWithdrawnEntryIsToldToEverySubscriptionAndItsReturnIsNewAgain() {
        detector.apply(Datasets.load(Datasets.bundled()));
        store.subscribe(GUILD, 100, true, 1, 0);
        store.subscribe(GUILD, 101, false, 1, 0);    // no corrections: a withdrawal is still told
        ChangeDetector.Outcome o = detector.apply(Datasets.load(Datasets.without(ID)));
        assertThat(o).isEqualTo(new ChangeDetector.Outcome(false, 0, 0, 1, 0, 2));
        assertThat(store.ledger()).doesNotContainKey(ID);
        List<Outbox.Claimed> due = store.claimDue(Long.MAX_VALUE, 10);
        assertThat(due).extracting(Outbox.Claimed::channelId).containsExactly(100L, 101L);
        Outbox.Claimed d = due.get(0);
        assertThat(event(d).kind()).isEqualTo(EventKind.REMOVED);

        Notifications cards = new Notifications(Templates.bundled());
        Card en = cards.removed(codec.tree(event(d).oldContent().orElseThrow()), Lang.EN);
        assertThat(en.title()).isEqualTo("Withdrawn: Andrew Miller");
        assertThat(en.description()).contains("Do not cite this entry");
        assertThat(en.fields()).extracting(Card.Field::name).contains("Title");
        Card ar = cards.removed(codec.tree(event(d).oldContent().orElseThrow()), Lang.AR);
        assertThat(ar.title()).isEqualTo("إدخال مسحوب: أندرو ميلر");
        assertThat(ar.description()).contains("يُرجى عدم الاستشهاد به");

        // the same again changes nothing; back in the dataset, it is new again
        assertThat(detector.apply(Datasets.load(Datasets.without(ID))).queued()).isZero();
        assertThat(detector.apply(Datasets.load(Datasets.bundled()))).isEqualTo(new ChangeDetector.Outcome(false, 1, 0, 0, 0, 2));
    }

    @Test
    void manyEntriesGoneAtOnceAreWithheldNotAnnounced() {
        detector.apply(Datasets.load(Datasets.bundled()));
        store.subscribe(GUILD, 100, true, 1, 0);
        var root = Datasets.bundled();
        var entries = root.withArray("entries");
        for (int i = 0; i < ChangeDetector.MAX_ANNOUNCED_REMOVALS + 1; i++) {
            entries.remove(entries.size() - 1);   // a file left out of the configuration, say
        }
        int before = store.ledger().size();
        ChangeDetector.Outcome o = detector.apply(Datasets.load(root));
        assertThat(o.removed()).isZero();
        assertThat(o.withheld()).isEqualTo(ChangeDetector.MAX_ANNOUNCED_REMOVALS + 1);
        assertThat(o.queued()).isZero();
        assertThat(store.ledger()).hasSize(before);   // kept: their return is no news either
        assertThat(store.withheld()).hasSize(ChangeDetector.MAX_ANNOUNCED_REMOVALS + 1);
        // while they are away, one more entry withdrawn is announced as usual (the withheld ones do not count)
        var oneMore = root.deepCopy();
        oneMore.withArray("entries").remove(0);
        ChangeDetector.Outcome next = detector.apply(Datasets.load(oneMore));
        assertThat(next.removed()).isEqualTo(1);
        assertThat(next.withheld()).isZero();
        store.claimDue(Long.MAX_VALUE, 10);
        // and their return is no news
        var back = Datasets.bundled();
        back.withArray("entries").remove(0);
        assertThat(detector.apply(Datasets.load(back)).queued()).isZero();
        assertThat(store.withheld()).isEmpty();
    }

    @Test
    void theAdminsHearOfWithheldRemovalsOncePerVersion() {
        Notifier n = new Notifier(store, Templates.bundled(), codec, Lang.EN, Optional.of(999L), Clock.systemUTC());
        n.datasetChanged(Datasets.load(Datasets.bundled()));
        var root = Datasets.bundled();
        var entries = root.withArray("entries");
        for (int i = 0; i < ChangeDetector.MAX_ANNOUNCED_REMOVALS + 1; i++) {
            entries.remove(0);
        }
        Snapshot fewer = Datasets.load(root);
        n.datasetChanged(fewer);
        n.datasetChanged(fewer);   // reloaded again, same files
        List<Outbox.Claimed> due = store.claimDue(Long.MAX_VALUE, 10);
        assertThat(due).hasSize(1);
        assertThat(due.get(0).channelId()).isEqualTo(999L);
        assertThat(((Outbox.Note) due.get(0).message()).text()).contains("are no longer in the dataset").contains(fewer.version());
    }

    /** SQLite's own history: PostgreSQL came later, with a schema that never lacked withdrawals. */
    @Test
    void upgradingADatabaseFromBeforeWithdrawalsAnnouncesNoOldRemoval(@TempDir Path old) throws Exception {
        assumeTrue(backend() == Backend.SQLITE, "a SQLite data directory of the first release");
        // a data directory of the first release (schema version 1): its ledger still holds entries
        // that left the dataset long ago, which that release never dropped
        String url = "jdbc:sqlite:" + old.resolve(Store.FILE).toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common")
                .target("1").load().migrate();
        Snapshot now = Datasets.load(Datasets.bundled());
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("INSERT INTO dataset_versions (version, loaded_at, baseline) VALUES ('old', 0, TRUE)");
            for (var e : now.entries()) {
                String json = codec.canonical(e);
                st.execute("INSERT INTO ledger (entry_id, content_hash, content, first_seen, first_version, last_version) VALUES ('"
                        + e.id() + "', '" + EntryCodec.hash(json) + "', '" + json.replace("'", "''") + "', 0, 'old', 'old')");
            }
            st.execute("INSERT INTO ledger (entry_id, content_hash, content, first_seen, first_version, last_version) "
                    + "VALUES ('long-gone', 'x', '{\"id\":\"long-gone\"}', 0, 'old', 'old')");
        }
        try (Store upgraded = Store.open(old)) {
            upgraded.subscribe(GUILD, 100, true, 1, 0);
            ChangeDetector d = new ChangeDetector(upgraded.entries(), codec, Clock.systemUTC());
            ChangeDetector.Outcome o = d.apply(now);
            assertThat(o.removed()).isZero();
            assertThat(o.withheld()).isZero();
            assertThat(o.queued()).isZero();
            assertThat(upgraded.withheld()).containsExactly("long-gone");
            // and from then on a withdrawal is announced as usual
            assertThat(d.apply(Datasets.load(Datasets.without(ID))).removed()).isEqualTo(1);
        }
    }

    /** The event a claimed row carries. */
    static Outbox.Event event(Outbox.Claimed d) {
        return (Outbox.Event) d.message();
    }
}
