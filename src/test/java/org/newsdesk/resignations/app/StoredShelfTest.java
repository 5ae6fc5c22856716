package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.resignations.store.AtOnce.atOnce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.intake.AdditionsFile;
import org.newsdesk.resignations.intake.Draft;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.intake.Field;
import org.newsdesk.resignations.intake.IntakeOutcome;
import org.newsdesk.resignations.intake.Pending;
import org.newsdesk.resignations.intake.PendingFile;
import org.newsdesk.resignations.intake.ReviewChannel;
import org.newsdesk.resignations.intake.ReviewService;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;

/**
 * The editors' files of a fleet, in PostgreSQL: two processes (two stores, two pools, two
 * applications) share one copy. An entry sent for review through one is decided through the other;
 * two reviewers approving it at the same moment through the two write it once; two processes
 * looking for overdue entries at once remind of each once; and the files a lone process kept in
 * its data directory move into the database when it joins a fleet, without overwriting the fleet's.
 */
class StoredShelfTest {

    static final long AUTHOR = 42;
    static final long REVIEWER = 43;
    static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;
    Path dataset;
    TestDatabases.Target db;
    final List<Store> stores = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        db = DBS.target(Backend.POSTGRESQL, dir);
    }

    @AfterEach
    void close() {
        stores.forEach(Store::close);
    }

    /** One process of the fleet, as Assembly wires its editors' files, with its own clock. */
    record Proc(Application app, ReviewService review, AtomicInteger reminders, Store store) {
    }

    Proc process(String name, Instant now) throws Exception {
        return process(name, now, new CountDownLatch(0), new CountDownLatch(0));
    }

    /**
     * @param reloading counted down when a reload (not the first load) starts
     * @param release   what a reload then waits for: a slow reload, as at 100,000 entries
     */
    Proc process(String name, Instant now, CountDownLatch reloading, CountDownLatch release) throws Exception {
        Store store = db.open(name, Duration.ofMinutes(5));
        stores.add(store);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        DatasetLoader loader = DatasetLoader.standard();
        StoredShelf shelf = new StoredShelf(store.sharedFiles(), store.fleetLock(), name, "test", clock);
        AdditionsFile additions = new AdditionsFile(shelf, AdditionsFile.NAME, loader);
        AdditionsFile corrections = additions.sibling(Application.CORRECTIONS);
        Reloader.Source source = DatasetSources.withParts(loader, Optional.of(additions::read), List.of(dataset), Optional.empty(),
                DatasetSources.Mode.REPLACE, clock, Optional.of(corrections::read));
        Reloader.Source slow = () -> {
            reloading.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return source.load();
        };
        Application app = new Application(source.load(), new Application.Setup(Lang.EN, Templates.bundled(), clock,
                loader.mapper(), Optional.of(slow), Optional.empty(), Optional.of(additions), Optional.empty()));
        ReviewService review = app.intake().orElseThrow().review();
        AtomicInteger reminders = new AtomicInteger();
        review.channel(new ReviewChannel() {
            @Override
            public void review(Pending p, Reply card, Why why) {
                if (why == Why.REMINDER) {
                    reminders.incrementAndGet();
                }
            }

            @Override
            public void tell(long author, Reply note) {
            }
        });
        return new Proc(app, review, reminders, store);
    }

    static String submit(EntryIntake intake, Lang lang) {
        return submit(intake, lang, "Jane Q. Example", "جين كيو إكزامبل");
    }

    static String submit(EntryIntake intake, Lang lang, String en, String ar) {
        Draft d = ((IntakeOutcome.Form) intake.start(AUTHOR, lang, Map.of("departure", "resigned"))).draft();
        Map<String, String> who = Map.of("name_en", en, "name_ar", ar,
                "agency", lang == Lang.AR ? "الخارجية" : "State Department",
                "title_en", "Foreign Service officer", "title_ar", "موظفة في السلك الدبلوماسي");
        assertThat(intake.submit(d.id(), Field.Step.WHO, AUTHOR, who, lang)).isInstanceOf(IntakeOutcome.Next.class);
        Map<String, String> why = Map.of("date", "2024-06-03",
                "reason_en", "She said the policy made her complicit in the starvation of civilians in Gaza.",
                "reason_ar", "قالت إن السياسة جعلتها شريكة في تجويع المدنيين في غزة.",
                "source_url", "https://example.org/2024/06/03/story", "outlet", "Example News");
        assertThat(intake.submit(d.id(), Field.Step.WHY, AUTHOR, why, lang)).isInstanceOf(IntakeOutcome.Done.class);
        return d.id();
    }

    @Test
    void anEntrySentThroughOneProcessIsApprovedOnceWhenTwoReviewersApproveItThroughTwoAtOnce() throws Exception {
        for (Lang lang : Lang.values()) {
            setUpRound(lang);
        }
    }

    private void setUpRound(Lang lang) throws Exception {
        // a fresh database for each language
        close();
        stores.clear();
        db = DBS.target(Backend.POSTGRESQL, dir.resolve(lang.code()));
        Proc sender = process("p0-" + lang.code(), T0);
        String id = submit(sender.app().intake().orElseThrow(), lang);
        Proc a = process("a-" + lang.code(), T0.plusSeconds(60));
        Proc b = process("b-" + lang.code(), T0.plusSeconds(60));
        // the other processes see it waiting
        assertThat(b.review().waiting()).extracting(Pending::id).containsExactly(id);

        List<ReviewService.Decision> decided = atOnce(() -> a.review().approve(id, REVIEWER, Optional.empty(), lang),
                () -> b.review().approve(id, REVIEWER + 1, Optional.empty(), lang));
        assertThat(decided.stream().filter(ReviewService.Decision::done).count()).as(lang.code()).isEqualTo(1);
        // written once: one entry in the fleet's additions, nothing waiting, and both processes serve it after a reload
        Snapshot written = new AdditionsFile(new StoredShelf(a.store().sharedFiles(), a.store().fleetLock(), "x", "test",
                Clock.systemUTC()), AdditionsFile.NAME, DatasetLoader.standard()).read().orElseThrow();
        assertThat(written.entries()).extracting(e -> e.name().en()).containsExactly("Jane Q. Example");
        assertThat(a.review().waiting()).isEmpty();
        for (Proc p : List.of(a, b)) {
            p.app().reload();
            assertThat(p.app().snapshot().entries()).filteredOn(e -> e.name().en().equals("Jane Q. Example")).hasSize(1);
        }
    }

    /**
     * An approval's reload (seconds at 100,000 entries) runs after the fleet's lock is released: while
     * one process reloads, another process's editor can reject another entry at once, instead of
     * waiting for the reload and being told the desk is busy.
     */
    @Test
    void anApprovalsReloadDoesNotHoldUpTheOtherEditors() throws Exception {
        Proc sender = process("p0", T0);
        String first = submit(sender.app().intake().orElseThrow(), Lang.EN);
        String second = submit(sender.app().intake().orElseThrow(), Lang.AR, "John R. Sample", "جون آر سامبل");
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Proc a = process("a", T0.plusSeconds(60), reloading, release);
        Proc b = process("b", T0.plusSeconds(60));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ReviewService.Decision> approving = pool.submit(() -> a.review().approve(first, REVIEWER, Optional.empty(), Lang.EN));
            assertThat(reloading.await(30, TimeUnit.SECONDS)).as("the approval reached its reload").isTrue();
            // a's reload is still running: b takes the lock, rejects, and is done
            ReviewService.Decision rejected = b.review().reject(second, REVIEWER, "Only one source; find a second.", Lang.AR);
            assertThat(rejected.done()).isTrue();
            assertThat(approving.isDone()).isFalse();
            release.countDown();
            assertThat(approving.get(30, TimeUnit.SECONDS).done()).isTrue();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesLookingForOverdueEntriesAtOnceRemindOfEachOnce() throws Exception {
        Proc sender = process("p0", T0);
        submit(sender.app().intake().orElseThrow(), Lang.EN);
        submit(sender.app().intake().orElseThrow(), Lang.AR, "John R. Sample", "جون آر سامبل");
        Proc a = process("a", T0.plus(Duration.ofDays(2)));
        Proc b = process("b", T0.plus(Duration.ofDays(2)));
        List<Integer> mentioned = atOnce(() -> a.review().remindDue(), () -> b.review().remindDue());
        assertThat(mentioned.get(0) + mentioned.get(1)).isEqualTo(2);
        assertThat(a.reminders().get() + b.reminders().get()).isEqualTo(2);
        // and never again
        assertThat(a.review().remindDue() + b.review().remindDue()).isZero();
    }

    @Test
    void aLoneProcessesFilesMoveIntoTheDatabaseOnceAndNeverOverwriteTheFleets() throws Exception {
        Store store = db.open("p0", Duration.ofMinutes(5));
        stores.add(store);
        StoredShelf shelf = new StoredShelf(store.sharedFiles(), store.fleetLock(), "p0", "test", Clock.systemUTC());
        Path first = Files.createDirectories(dir.resolve("first"));
        byte[] pending = "{\"format\":1,\"pending\":[]}".getBytes(StandardCharsets.UTF_8);
        Files.write(first.resolve(PendingFile.NAME), pending);
        Files.write(first.resolve(AdditionsFile.NAME), Datasets.bytes(Datasets.bundled()));
        shelf.adopt(first, List.of(AdditionsFile.NAME, Application.CORRECTIONS, PendingFile.NAME));
        assertThat(shelf.read(PendingFile.NAME, Long.MAX_VALUE)).hasValueSatisfying(v -> assertThat(v).isEqualTo(pending));
        assertThat(shelf.read(AdditionsFile.NAME, Long.MAX_VALUE)).isPresent();
        assertThat(shelf.read(Application.CORRECTIONS, Long.MAX_VALUE)).isEmpty();
        assertThat(first.resolve(PendingFile.NAME)).doesNotExist();
        assertThat(first.resolve(PendingFile.NAME + StoredShelf.MOVED)).hasBinaryContent(pending);

        // a second process with files of its own: the fleet's copy stays, its own is left where it is
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(second.resolve(PendingFile.NAME), "{\"format\":1,\"pending\":[{}]}");
        shelf.adopt(second, List.of(PendingFile.NAME));
        assertThat(shelf.read(PendingFile.NAME, Long.MAX_VALUE)).hasValueSatisfying(v -> assertThat(v).isEqualTo(pending));
        assertThat(second.resolve(PendingFile.NAME)).exists();
    }
}
