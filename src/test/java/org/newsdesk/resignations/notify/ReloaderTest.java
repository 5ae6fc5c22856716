package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.store.Store;

/** Reloading at the limits: many new entries, an empty file, a busy or full database. */
class ReloaderTest {

    static final long GUILD = 10;
    static final long ADMIN = 999;

    @TempDir
    Path dir;
    final EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());
    final List<Notifier> opened = new ArrayList<>();
    /** What the dataset files hold now: the reload reads it. */
    final AtomicReference<Snapshot> files = new AtomicReference<>();

    @AfterEach
    void close() {
        opened.forEach(Notifier::close);
    }

    Notifier notifier(Store store, Notifier.Settings settings) {
        Notifier n = new Notifier(store, Templates.bundled(), codec, Lang.EN, Optional.of(ADMIN), Clock.systemUTC(),
                Delivery.Backoff.standard(), settings);
        opened.add(n);
        return n;
    }

    static Notifier.Settings settings(boolean allowEmpty, int ledgerRetries) {
        return new Notifier.Settings(10, allowEmpty, Duration.ofMillis(20), ledgerRetries);
    }

    /** The bot as Main wires it: the baseline recorded at start, reloads through the command. */
    Application start(Notifier n, Snapshot first) {
        files.set(first);
        n.datasetChanged(first);
        return new Application(first, Application.Setup.standalone(Lang.EN).reloading(Optional.of(files::get), Optional.of(n)));
    }

    static String reload(Application app) {
        return app.router().handle(new CommandRequest("resignations", "reload", Map.of()),
                new RequestContext(Optional.empty(), Optional.empty(), Optional.of(GUILD), Optional.of(100L), Optional.of(7L)))
                .page(0).description();
    }

    /** The bundled dataset cut to its first {@code n} entries. */
    static Snapshot first(int n) {
        ObjectNode root = Datasets.bundled();
        var entries = root.withArray("entries");
        while (entries.size() > n) {
            entries.remove(entries.size() - 1);
        }
        return Datasets.load(root);
    }

    /** Sends the whole outbox with a recording sender; the servers' languages from the store. */
    static List<DeliveryTest.Call> sendAll(Store store, EntryCodec codec) {
        DeliveryTest.ScriptedSender sender = new DeliveryTest.ScriptedSender();
        new Delivery(store.outbox(), sender, Templates.bundled(), codec, g -> store.language(g).orElse(Lang.EN), Optional.of(ADMIN),
                Clock.systemUTC(), new Random(1), Delivery.Backoff.standard()).drainAll();
        return sender.calls;
    }

    @Test
    void manyNewEntriesAtOnceAreOneSummaryPerChannelInItsLanguageAndNeverAnnouncedLater() {
        Store store = Store.open(dir);
        Notifier n = notifier(store, settings(false, 3));
        Application app = start(n, first(2));
        store.subscribe(GUILD, 100, true, 1, 0);
        store.subscribe(GUILD + 1, 200, false, 1, 0);
        store.setLanguage(GUILD + 1, Lang.AR, 0);
        Snapshot all = Datasets.load(Datasets.bundled());
        files.set(all);
        int added = all.entries().size() - 2;

        assertThat(reload(app)).contains(added + " new entries at once (more than 10)");
        List<DeliveryTest.Call> sent = sendAll(store, codec);
        assertThat(sent).extracting(DeliveryTest.Call::channel).containsExactly(100L, 200L, ADMIN);
        assertThat(sent.get(0).card().title()).isEqualTo(added + " new entries");
        assertThat(sent.get(0).card().description()).contains("/resignations list");
        assertThat(sent.get(1).card().title()).isEqualTo("إدخالات جديدة: " + added);
        assertThat(sent.get(2).card().description()).contains(added + " new entries arrived at once").contains(all.version());
        // all recorded: the same files again, or a later reload, announce none of them
        assertThat(store.ledger()).hasSize(all.entries().size());
        assertThat(reload(app)).contains("nothing changed");
        assertThat(sendAll(store, codec)).isEmpty();
    }

    @Test
    void aFewNewEntriesAreStillAnnouncedOneByOne() {
        Store store = Store.open(dir);
        Notifier n = notifier(store, settings(false, 3));
        Application app = start(n, first(4));
        store.subscribe(GUILD, 100, true, 1, 0);
        files.set(first(14));   // 10 new: not more than the limit
        reload(app);
        assertThat(sendAll(store, codec)).hasSize(10).allSatisfy(c -> assertThat(c.card().title()).startsWith("New entry: "));
    }

    @Test
    void aValidFileWithNoEntryDoesNotReplaceTheDataUnlessAllowed() {
        Store store = Store.open(dir);
        Notifier n = notifier(store, settings(false, 3));
        Snapshot served = Datasets.load(Datasets.bundled());
        Application app = start(n, served);
        store.subscribe(GUILD, 100, true, 1, 0);
        files.set(first(0));

        assertThat(reload(app)).contains("invalid; nothing was changed").contains("no entry at all")
                .contains("dataset.allow_empty=true");
        assertThat(app.snapshot().version()).isEqualTo(served.version());
        assertThat(store.withheld()).isEmpty();
        List<DeliveryTest.Call> sent = sendAll(store, codec);
        assertThat(sent).extracting(DeliveryTest.Call::channel).containsExactly(ADMIN);
        assertThat(sent.get(0).card().description()).contains("hold no entry").contains(served.version())
                .contains("dataset.allow_empty=true");
    }

    @Test
    void anEmptyFileReplacesTheDataWhenAllowed() {
        Notifier n = notifier(Store.open(dir), settings(true, 3));
        Application app = start(n, Datasets.load(Datasets.bundled()));
        files.set(first(0));
        assertThat(reload(app)).startsWith("Dataset reloaded");
        assertThat(app.snapshot().entries()).isEmpty();
    }

    /** At start-up (Main) the entries the bot had are those of the ledger. */
    @Test
    void atStartUpAnEmptyFileIsRefusedWhenTheLedgerHadEntries() {
        Notifier fresh = notifier(Store.open(dir.resolve("fresh")), settings(false, 0));
        assertThat(fresh.recordedEntries()).isZero();
        assertThat(Reloader.refusedAsEmpty(first(0), fresh.recordedEntries(), false)).isEmpty();   // a first run may start empty
        Notifier n = notifier(Store.open(dir), settings(false, 0));
        n.datasetChanged(Datasets.load(Datasets.bundled()));
        n.datasetChanged(first(10));   // 4 gone at once: withheld, not counted
        assertThat(n.recordedEntries()).isEqualTo(10);
        assertThat(Reloader.refusedAsEmpty(first(0), n.recordedEntries(), false)).hasValueSatisfying(p -> assertThat(p.describe())
                .isEqualTo("the new dataset files: /entries: no entry at all, where the bot had 10; nothing was loaded. "
                        + "Set dataset.allow_empty=true if an empty dataset is intended."));
        assertThat(Reloader.refusedAsEmpty(first(0), n.recordedEntries(), true)).isEmpty();
        assertThat(Reloader.refusedAsEmpty(first(1), n.recordedEntries(), false)).isEmpty();
    }

    /** Another process holds the write lock: a second real connection to the same file, in BEGIN IMMEDIATE. */
    @Test
    void aBusyDatabaseDelaysTheNotificationsTheAnswerSaysSoAndTheNextReloadCatchesUp() throws Exception {
        Store store = Store.open(dir, List.of("PRAGMA busy_timeout = 50"));
        Notifier n = notifier(store, settings(false, 0));   // no retry in the background: the next reload must do it
        Application app = start(n, Datasets.load(Datasets.without(ChangeDetectorTest.ID)));
        store.subscribe(GUILD, 100, true, 1, 0);
        Snapshot next = Datasets.load(Datasets.bundled());
        files.set(next);
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE).toAbsolutePath());
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            assertThat(reload(app)).isEqualTo("Dataset reloaded: version " + next.version() + " is served. The notifications "
                    + "are delayed: the database is busy (another process holds it); they will go out when it frees.");
            assertThat(app.snapshot().version()).isEqualTo(next.version());
            assertThat(store.ledger()).doesNotContainKey(ChangeDetectorTest.ID);
            st.execute("ROLLBACK");
        }
        assertThat(reload(app)).contains("1 new");   // the ledger catches up with the version served
        assertThat(sendAll(store, codec)).extracting(c -> c.card().title()).containsExactly("New entry: Andrew Miller");
    }

    @Test
    void aBusyDatabaseIsCaughtUpInTheBackgroundOnceItFrees() throws Exception {
        Store store = Store.open(dir, List.of("PRAGMA busy_timeout = 50"));
        Notifier n = notifier(store, settings(false, 12));
        Application app = start(n, Datasets.load(Datasets.without(ChangeDetectorTest.ID)));
        store.subscribe(GUILD, 100, true, 1, 0);
        files.set(Datasets.load(Datasets.bundled()));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE).toAbsolutePath());
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            assertThat(reload(app)).contains("the database is busy");
            st.execute("ROLLBACK");
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (store.pendingFor(GUILD) == 0 && System.nanoTime() < until) {
            Thread.sleep(20);   // polling for the retry to happen, not proving that something did not
        }
        assertThat(store.ledger()).containsKey(ChangeDetectorTest.ID);
        assertThat(sendAll(store, codec)).extracting(c -> c.card().title()).containsExactly("New entry: Andrew Miller");
    }

    /** A real SQLITE_FULL: the file may not grow past its size (SQLite's own page limit). */
    @Test
    void aFullDiskDelaysTheNotificationsLeavesTheStoreUsableAndTheLedgerCatchesUpOnceThereIsRoom() {
        Snapshot before = first(2);
        Notifier roomy = notifier(Store.open(dir), settings(false, 0));
        roomy.datasetChanged(before);
        roomy.store().subscribe(GUILD, 100, true, 1, 0);
        roomy.close();

        Store full = Store.open(dir, List.of("PRAGMA max_page_count = 1"));   // capped at its current size
        Notifier n = notifier(full, settings(false, 0));
        Application app = new Application(before, Application.Setup.standalone(Lang.EN).reloading(Optional.of(files::get), Optional.of(n)));
        Snapshot next = first(4);
        files.set(next);
        assertThat(reload(app)).contains("version " + next.version() + " is served").contains("the disk of the data directory is full");
        assertThat(app.snapshot().version()).isEqualTo(next.version());
        assertThat(full.ledger()).hasSize(2);   // nothing half-written
        // the store still works: a setting is saved and said to be saved
        assertThat(app.router().handle(new CommandRequest("settings", "language", Map.of("language", "ar")),
                new RequestContext(Optional.empty(), Optional.empty(), Optional.of(GUILD), Optional.of(100L), Optional.of(7L)))
                .page(0).description()).isEqualTo("لغة هذا الخادم الآن العربية.");
        n.close();

        // room again (here: the limit lifted): the next reload records what the served version brought
        Notifier again = notifier(Store.open(dir), settings(false, 0));
        Application restarted = new Application(next, Application.Setup.standalone(Lang.EN).reloading(Optional.of(files::get), Optional.of(again)));
        reload(restarted);
        assertThat(again.store().ledger()).hasSize(4);
        assertThat(sendAll(again.store(), codec)).hasSize(2)
                .allSatisfy(c -> assertThat(c.card().title()).startsWith("إدخال جديد: "));
    }
}
