package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.intake.AdditionsFile;
import org.newsdesk.resignations.intake.Draft;
import org.newsdesk.resignations.intake.EntryIntake;
import org.newsdesk.resignations.intake.Field;
import org.newsdesk.resignations.intake.IntakeOutcome;
import org.newsdesk.resignations.intake.ReviewService;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.store.Store;

/**
 * Review and the announcements: nothing is queued while an entry waits or when it is rejected;
 * its approval queues exactly one "new entry, reviewed by the desk" message per subscribed
 * channel (in the channel's language); an approved correction one correction with its diff.
 */
class ReviewAnnouncementTest {

    static final long GUILD = 10;
    static final long AUTHOR = 42;
    static final long REVIEWER = 43;

    @TempDir
    Path dir;
    Store store;
    Notifier notifier;
    Application app;
    EntryIntake intake;
    final EntryCodec codec = new EntryCodec(DatasetLoader.standard().mapper());

    @BeforeEach
    void setUp() throws Exception {
        Path dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        Path data = dir.resolve("data");
        DatasetLoader loader = DatasetLoader.standard();
        Reloader.Source source = DatasetSources.of(loader, Optional.of(data.resolve(AdditionsFile.NAME)), List.of(dataset),
                Optional.empty(), DatasetSources.Mode.REPLACE, Clock.systemUTC(), Optional.of(data.resolve(Application.CORRECTIONS)));
        store = Store.open(dir);
        notifier = new Notifier(store, Templates.bundled(), codec, Lang.EN, Optional.empty(), Clock.systemUTC());
        var first = source.load();
        notifier.datasetChanged(first);   // the baseline
        app = new Application(first, Application.Setup.standalone(Lang.EN).reloading(Optional.of(source), Optional.of(notifier))
                .withAdditions(Optional.of(new AdditionsFile(data.resolve(AdditionsFile.NAME), loader))));
        intake = app.intake().orElseThrow();
        store.subscribe(GUILD, 100, true, 1, 0);
        store.subscribe(GUILD + 1, 200, false, 1, 0);
        store.setLanguage(GUILD + 1, Lang.AR, 0);
    }

    @AfterEach
    void close() {
        notifier.close();
    }

    String submit(String en, String ar) {
        Draft d = ((IntakeOutcome.Form) intake.start(AUTHOR, Lang.EN, Map.of("departure", "resigned"))).draft();
        Map<String, String> w = new HashMap<>(Map.of("name_en", en, "name_ar", ar, "agency", "State Department",
                "title_en", "Foreign Service officer", "title_ar", "موظفة في السلك الدبلوماسي"));
        intake.submit(d.id(), Field.Step.WHO, AUTHOR, w, Lang.EN);
        assertThat(intake.submit(d.id(), Field.Step.WHY, AUTHOR, Map.of("date", "2024-06-03",
                "reason_en", "She said she could no longer serve the policy.", "reason_ar", "قالت إنها لم تعد قادرة على خدمة السياسة.",
                "source_url", "https://www.example.org/story", "outlet", "Example News"), Lang.EN)).isInstanceOf(IntakeOutcome.Done.class);
        return d.id();
    }

    @Test
    void anApprovedEntryIsAnnouncedOncePerChannelAsReviewedAndARejectedOneNever() {
        String jane = submit("Jane Q. Example", "جين كيو إكزامبل");
        String omar = submit("Omar Sample", "عمر سامبل");
        assertThat(ReloaderTest.sendAll(store, codec)).isEmpty();

        ReviewService review = intake.review();
        assertThat(review.reject(omar, REVIEWER, "Only one blog says so.", Lang.EN).done()).isTrue();
        assertThat(review.approve(jane, AUTHOR, Optional.empty(), Lang.EN).done()).isFalse();
        assertThat(ReloaderTest.sendAll(store, codec)).isEmpty();

        assertThat(review.approve(jane, REVIEWER, Optional.empty(), Lang.EN).done()).isTrue();
        List<DeliveryTest.Call> sent = ReloaderTest.sendAll(store, codec);
        assertThat(sent).extracting(DeliveryTest.Call::channel).containsExactly(100L, 200L);
        assertThat(sent.get(0).card().title()).isEqualTo("New entry, reviewed by the desk: Jane Q. Example");
        assertThat(sent.get(0).card().description()).contains("after a second editor reviewed it");
        assertThat(sent.get(1).card().title()).isEqualTo("إدخال جديد راجعه فريق التحرير: جين كيو إكزامبل");
        // once: a reload later finds nothing new
        app.reload();
        assertThat(ReloaderTest.sendAll(store, codec)).isEmpty();
        assertThat(app.snapshot().entry("omar-sample")).isEmpty();
    }

    @Test
    void anApprovedCorrectionIsAnnouncedAsOneCorrectionWithItsDiff() {
        Draft d = ((IntakeOutcome.Form) intake.correct("andrew-miller", AUTHOR, Lang.EN)).draft();
        Map<String, String> w = new HashMap<>();
        Field.Step.WHO.fields().forEach(f -> w.put(f.id(), d.value(f)));
        String was = d.value(Field.TITLE_EN);
        w.put("title_en", "Deputy Assistant Secretary (corrected)");
        intake.submit(d.id(), Field.Step.WHO, AUTHOR, w, Lang.EN);
        Map<String, String> y = new HashMap<>();
        Field.Step.WHY.fields().forEach(f -> y.put(f.id(), d.value(f)));
        y.put("source_url", "https://www.example.org/correction");
        y.put("outlet", "Example News");
        assertThat(intake.submit(d.id(), Field.Step.WHY, AUTHOR, y, Lang.EN)).isInstanceOf(IntakeOutcome.Done.class);
        assertThat(ReloaderTest.sendAll(store, codec)).isEmpty();

        assertThat(intake.review().approve(d.id(), REVIEWER, Optional.empty(), Lang.EN).done()).isTrue();
        List<DeliveryTest.Call> sent = ReloaderTest.sendAll(store, codec);
        // only the channel that asked for corrections
        assertThat(sent).extracting(DeliveryTest.Call::channel).containsExactly(100L);
        assertThat(sent.get(0).card().title()).isEqualTo("Correction: Andrew Miller");
        String diff = sent.get(0).card().fields().stream().map(f -> f.name() + ": " + f.value()).reduce("", (a, b) -> a + "\n" + b).replace("\\", "");
        assertThat(diff).contains("Title").contains("Deputy Assistant Secretary (corrected)").contains(was)
                .contains("Reviewed by: **Before:** —").contains("editor 43");
        // what the reviewer did not touch stays as it was
        assertThat(diff).doesNotContain("Confidence:");
        app.reload();
        assertThat(ReloaderTest.sendAll(store, codec)).isEmpty();
    }
}
