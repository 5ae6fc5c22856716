package org.newsdesk.resignations.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.sourcing.Reloader;

/**
 * The "add an entry" flow without Discord: each step checked field by field (English and Arabic
 * side by side), nothing written until the whole entry is valid, then the entry served at once.
 */
class EntryIntakeTest {

    static final long EDITOR = 42L;
    /** A second editor: entries are served once another editor approves them. */
    static final long REVIEWER = 43L;
    static final LocalDate TODAY = LocalDate.now(Clock.systemUTC());

    @TempDir
    Path dir;
    Path dataset;
    Path additions;
    Application app;
    EntryIntake intake;

    @BeforeEach
    void setUp() throws Exception {
        dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        additions = dir.resolve("data").resolve(AdditionsFile.NAME);
        DatasetLoader loader = DatasetLoader.standard();
        Reloader.Source source = DatasetSources.of(loader, Optional.of(additions), List.of(dataset), Optional.empty(),
                DatasetSources.Mode.REPLACE, Clock.systemUTC());
        app = new Application(source.load(), Application.Setup.standalone(Lang.EN).reloading(Optional.of(source), Optional.empty())
                .withAdditions(Optional.of(new AdditionsFile(additions, loader))));
        intake = app.intake().orElseThrow();
    }

    static Map<String, String> who() {
        Map<String, String> m = new HashMap<>();
        m.put("name_en", "Jane Q. Example");
        m.put("name_ar", "جين كيو إكزامبل");
        m.put("agency", "State Department");
        m.put("title_en", "Foreign Service officer");
        m.put("title_ar", "موظفة في السلك الدبلوماسي");
        return m;
    }

    static Map<String, String> why() {
        Map<String, String> m = new HashMap<>();
        m.put("date", "2024-06-03");
        m.put("reason_en", "She said she could no longer serve a policy that enabled the killing of civilians in Gaza.");
        m.put("reason_ar", "قالت إنها لم تعد قادرة على خدمة سياسة تتيح قتل المدنيين في غزة.");
        m.put("source_url", "https://www.example.org/news/2024/06/03/official-resigns");
        m.put("outlet", "Example News");
        return m;
    }

    Draft started(Lang lang) {
        IntakeOutcome o = intake.start(EDITOR, lang, Map.of("departure", "resigned"));
        assertThat(o).isInstanceOf(IntakeOutcome.Form.class);
        assertThat(((IntakeOutcome.Form) o).step()).isEqualTo(Field.Step.WHO);
        return ((IntakeOutcome.Form) o).draft();
    }

    static String text(Reply r) {
        return PlainText.render(r);
    }

    /** A second editor approves everything waiting, oldest first; the last approval's answer. */
    Reply approveAll() throws Exception {
        Reply last = null;
        for (Pending p : intake.review().waiting()) {
            ReviewService.Decision d = intake.review().approve(p.id(), REVIEWER, Optional.empty(), Lang.EN);
            assertThat(d.done()).as(text(d.reply())).isTrue();
            last = d.reply();
        }
        return last;
    }

    @Test
    void anEntryGoesThroughBothStepsAndIsServedAtOnceInBothLanguages() throws Exception {
        Draft d = started(Lang.EN);
        IntakeOutcome first = intake.submit(d.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        assertThat(first).isInstanceOf(IntakeOutcome.Next.class);
        assertThat(((IntakeOutcome.Next) first).step()).isEqualTo(Field.Step.WHY);
        assertThat(text(((IntakeOutcome.Next) first).reply())).contains("Jane Q. Example").contains("Nothing is saved");
        assertThat(additions).doesNotExist();

        IntakeOutcome done = intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        assertThat(done).isInstanceOf(IntakeOutcome.Done.class);
        Reply sent = ((IntakeOutcome.Done) done).reply();
        assertThat(sent.kind()).isEqualTo(Reply.Kind.PRIVATE);
        assertThat(text(sent)).contains("Sent for review: Jane Q. Example").contains("Nothing is served or announced");
        assertThat(additions).doesNotExist();
        assertThat(app.snapshot().entry("jane-q-example")).isEmpty();

        Reply reply = approveAll();
        assertThat(reply.kind()).isEqualTo(Reply.Kind.PRIVATE);
        assertThat(text(reply)).contains("Approved and served: Jane Q. Example").contains("jane-q-example").contains("Example News");

        // the file on its own is a valid dataset (validate checks it like any other)
        Snapshot file = DatasetLoader.standard().load(additions);
        Entry e = file.entry("jane-q-example").orElseThrow();
        assertThat(e.name().ar()).isEqualTo("جين كيو إكزامبل");
        assertThat(e.agency()).isEqualTo("state");
        assertThat(e.departure().primary().orElseThrow().value()).isEqualTo(Departure.RESIGNED);
        assertThat(e.announced().primary().orElseThrow().value().toString()).isEqualTo("2024-06-03");
        assertThat(e.isInArticle()).isFalse();
        assertThat(e.confidenceNote().en()).contains("one source").contains("Example News");
        var source = file.source(e.statedReason().primary().orElseThrow().sources().get(0)).orElseThrow();
        assertThat(source.url()).isEqualTo("https://www.example.org/news/2024/06/03/official-resigns");
        assertThat(source.kind()).isEqualTo(SourceKind.PRESS_REPORT);
        assertThat(source.language()).isEqualTo("en");

        // served now, by either name, with the bundled entries still there
        Reply en = app.router().handle(new CommandRequest("resignations", "who", Map.of("name", "Jane Example")),
                org.newsdesk.resignations.commands.RequestContext.CONSOLE);
        assertThat(en.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(text(en)).contains("Foreign Service officer").contains("could no longer serve").contains("example.org");
        Reply ar = app.router().handle(new CommandRequest("resignations", "who", Map.of("name", "جين إكزامبل")),
                org.newsdesk.resignations.commands.RequestContext.CONSOLE);
        assertThat(text(ar)).contains("موظفة في السلك الدبلوماسي").contains("قتل المدنيين");
        assertThat(app.snapshot().entry("andrew-miller")).isPresent();
        assertThat(app.snapshot().entries()).hasSize(Datasets.load(Datasets.bundled()).entries().size() + 1);
    }

    @Test
    void aSecondEntryIsAddedNextToTheFirstAndTheArabicFlowAnswersInArabic() throws Exception {
        Draft d1 = started(Lang.EN);
        intake.submit(d1.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        intake.submit(d1.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        approveAll();

        Draft d2 = started(Lang.AR);
        Map<String, String> w = who();
        w.put("name_en", "Omar Sample");
        w.put("name_ar", "عمر سامبل");
        w.put("agency", "الخارجية");
        IntakeOutcome next = intake.submit(d2.id(), Field.Step.WHO, EDITOR, w, Lang.AR);
        assertThat(text(((IntakeOutcome.Next) next).reply())).contains("عمر سامبل").contains("لن يُحفظ شيء");
        Map<String, String> y = why();
        y.put("date", "٢٠٢٤-٠٧");
        y.put("outlet", "الجزيرة نت");
        IntakeOutcome done = intake.submit(d2.id(), Field.Step.WHY, EDITOR, y, Lang.AR);
        assertThat(text(((IntakeOutcome.Done) done).reply())).contains("أُرسل للمراجعة: عمر سامبل");
        approveAll();

        Snapshot file = DatasetLoader.standard().load(additions);
        assertThat(file.entries()).extracting(Entry::id).containsExactly("jane-q-example", "omar-sample");
        Entry omar = file.entry("omar-sample").orElseThrow();
        assertThat(omar.announced().primary().orElseThrow().value().toString()).isEqualTo("2024-07");
        assertThat(file.source(omar.title().primary().orElseThrow().sources().get(0)).orElseThrow().language()).isEqualTo("ar");
    }

    static Stream<Arguments> badInput() {
        String tomorrow = TODAY.plusDays(1).toString();
        return Stream.of(
                // step, field, value, lang, what the answer must say
                Arguments.of(Field.Step.WHY, "source_url", "not a link", Lang.EN, "**Source link**: \"not a link\" is not a web link"),
                Arguments.of(Field.Step.WHY, "source_url", "javascript:alert(1)", Lang.EN, "is not a web link"),
                Arguments.of(Field.Step.WHY, "source_url", "ftp://example.org/a", Lang.AR, "ليس رابطاً صالحاً"),
                Arguments.of(Field.Step.WHY, "source_url", "https://user:secret@example.org/x", Lang.EN, "is not a web link"),
                Arguments.of(Field.Step.WHY, "source_url", "https://localhost", Lang.EN, "is not a web link"),
                Arguments.of(Field.Step.WHO, "name_ar", "", Lang.EN, "**Name in Arabic**: this is required."),
                Arguments.of(Field.Step.WHO, "name_ar", "   \u200f ", Lang.AR, "**الاسم بالعربية**: هذا الحقل مطلوب."),
                Arguments.of(Field.Step.WHO, "name_ar", "Jane Example", Lang.EN, "**Name in Arabic**: write it in Arabic."),
                Arguments.of(Field.Step.WHO, "name_en", "جين", Lang.EN, "**Name in English**: write it in English"),
                Arguments.of(Field.Step.WHY, "date", tomorrow, Lang.EN, "**Date announced**: " + tomorrow + " is in the future"),
                Arguments.of(Field.Step.WHY, "date", "2999", Lang.AR, "**تاريخ الإعلان**: التاريخ 2999 في المستقبل"),
                Arguments.of(Field.Step.WHY, "date", "2024-02-30", Lang.EN, "is not a date. Write 2024-05-15"),
                Arguments.of(Field.Step.WHY, "date", "May 2024", Lang.EN, "\"May 2024\" is not a date"),
                Arguments.of(Field.Step.WHY, "date", "2019-05-01", Lang.EN, "is before 7 October 2023"),
                Arguments.of(Field.Step.WHO, "agency", "Department of Magic", Lang.EN,
                        "**Agency**: \"Department of Magic\" is not an agency in the dataset. Known: state"),
                Arguments.of(Field.Step.WHO, "agency", "وزارة السحر", Lang.AR, "**الجهة**: «وزارة السحر» ليست جهة في قاعدة البيانات"),
                Arguments.of(Field.Step.WHO, "name_en", "Andrew Miller", Lang.EN, "Andrew Miller is already in the dataset (`andrew-miller`)"),
                Arguments.of(Field.Step.WHO, "title_en", "x".repeat(301), Lang.EN, "at most 300 characters; this has 301"),
                Arguments.of(Field.Step.WHY, "reason_ar", "He resigned.", Lang.EN, "**Stated reason in Arabic**: write it in Arabic."),
                Arguments.of(Field.Step.WHY, "outlet", "—", Lang.EN, "**Outlet**: name the outlet"),
                // spreadsheet formulas (CSV injection): refused in every text field, in both languages
                Arguments.of(Field.Step.WHO, "name_en", "=HYPERLINK(\"http://evil.example\",\"x\")", Lang.EN,
                        "**Name in English**: it cannot start with \"=\": a spreadsheet would run it as a formula."),
                Arguments.of(Field.Step.WHO, "name_ar", "+cmd|' /C calc'!A0", Lang.AR,
                        "**الاسم بالعربية**: لا يجوز أن يبدأ النص بالرمز «+»"),
                Arguments.of(Field.Step.WHO, "agency", "@state", Lang.EN, "**Agency**: it cannot start with \"@\""),
                Arguments.of(Field.Step.WHO, "title_en", "-Deputy director", Lang.EN, "**Job title in English**: it cannot start with \"-\""),
                Arguments.of(Field.Step.WHY, "reason_en", "=1+1 he said", Lang.EN, "**Stated reason in English**: it cannot start with \"=\""),
                Arguments.of(Field.Step.WHY, "reason_ar", "\t=استقال احتجاجاً", Lang.AR, "**السبب المعلن بالعربية**: لا يجوز أن يبدأ النص بالرمز «=»"),
                Arguments.of(Field.Step.WHY, "outlet", "@Reuters", Lang.EN, "**Outlet**: it cannot start with \"@\""),
                // a source on this machine or a private network is no public source
                Arguments.of(Field.Step.WHY, "source_url", "http://169.254.169.254/latest/meta-data", Lang.EN,
                        "points to a local or private network address, not to a public web page"),
                Arguments.of(Field.Step.WHY, "source_url", "https://10.0.0.7/x", Lang.AR, "يشير إلى عنوان محلي أو عنوان شبكة خاصة"));
    }

    @ParameterizedTest(name = "{1} = \"{2}\" ({3})")
    @MethodSource("badInput")
    void badInputSaysWhatToFixAndWritesNothing(Field.Step step, String field, String value, Lang lang, String says) {
        String before = app.snapshot().version();
        Draft d = started(lang);
        Map<String, String> w = who();
        Map<String, String> y = why();
        (step == Field.Step.WHO ? w : y).put(field, value);
        IntakeOutcome o = intake.submit(d.id(), Field.Step.WHO, EDITOR, w, lang);
        if (step == Field.Step.WHY) {
            assertThat(o).isInstanceOf(IntakeOutcome.Next.class);
            o = intake.submit(d.id(), Field.Step.WHY, EDITOR, y, lang);
        }
        assertThat(o).isInstanceOf(IntakeOutcome.Fix.class);
        IntakeOutcome.Fix fix = (IntakeOutcome.Fix) o;
        assertThat(fix.step()).isEqualTo(step);
        assertThat(fix.reply().kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(fix.reply().pages().get(0).description()).contains(says);
        // the form reopens with what was typed
        assertThat(fix.draft().values()).containsEntry(Field.byId(field).orElseThrow(), FieldCheck.clean(Field.byId(field).orElseThrow(), value));
        assertThat(additions).doesNotExist();
        assertThat(additions.resolveSibling(PendingFile.NAME)).doesNotExist();
        assertThat(app.snapshot().version()).isEqualTo(before);
    }

    @Test
    void aFixedFieldGoesThrough() {
        Draft d = started(Lang.EN);
        Map<String, String> w = who();
        w.put("name_ar", " ");
        assertThat(intake.submit(d.id(), Field.Step.WHO, EDITOR, w, Lang.EN)).isInstanceOf(IntakeOutcome.Fix.class);
        w.put("name_ar", "جين كيو إكزامبل");
        assertThat(intake.submit(d.id(), Field.Step.WHO, EDITOR, w, Lang.EN)).isInstanceOf(IntakeOutcome.Next.class);
        Map<String, String> y = why();
        y.put("source_url", "example.org/story");
        assertThat(intake.submit(d.id(), Field.Step.WHY, EDITOR, y, Lang.EN)).isInstanceOf(IntakeOutcome.Fix.class);
        y.put("source_url", "https://example.org/story");
        assertThat(intake.submit(d.id(), Field.Step.WHY, EDITOR, y, Lang.EN)).isInstanceOf(IntakeOutcome.Done.class);
        assertThat(additions.resolveSibling(PendingFile.NAME)).exists();
    }

    @Test
    void anotherUsersOrAnUnknownDraftIsRefusedAndChangesNothing() {
        Draft d = started(Lang.EN);
        IntakeOutcome other = intake.submit(d.id(), Field.Step.WHO, EDITOR + 1, who(), Lang.EN);
        assertThat(text(((IntakeOutcome.Done) other).reply())).contains("belongs to another editor");
        IntakeOutcome unknown = intake.submit("nosuchdraft", Field.Step.WHO, EDITOR, who(), Lang.AR);
        assertThat(text(((IntakeOutcome.Done) unknown).reply())).contains("انتهت صلاحية هذه الاستمارة");
        assertThat(intake.reopen(d.id(), Field.Step.WHO, EDITOR + 1, Lang.EN)).isInstanceOf(IntakeOutcome.Done.class);
        assertThat(intake.submit(d.id(), Field.Step.WHO, EDITOR, Map.of(), Lang.EN)).isInstanceOf(IntakeOutcome.Fix.class);
        assertThat(additions).doesNotExist();
    }

    @Test
    void theSecondStepCannotBeReachedPastAnUnfinishedFirst() {
        Draft d = started(Lang.EN);
        IntakeOutcome o = intake.reopen(d.id(), Field.Step.WHY, EDITOR, Lang.EN);
        assertThat(((IntakeOutcome.Form) o).step()).isEqualTo(Field.Step.WHO);
        // nor skipped by sending the second form straight away
        IntakeOutcome sent = intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        assertThat(sent).isInstanceOf(IntakeOutcome.Fix.class);
        assertThat(((IntakeOutcome.Fix) sent).step()).isEqualTo(Field.Step.WHO);
        assertThat(additions).doesNotExist();
    }

    @Test
    void fieldsOfTheOtherStepOrUnknownOnesAreIgnored() throws Exception {
        Draft d = started(Lang.EN);
        Map<String, String> w = who();
        w.put("date", "2999-01-01");
        w.put("id", "andrew-miller");
        intake.submit(d.id(), Field.Step.WHO, EDITOR, w, Lang.EN);
        IntakeOutcome done = intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        assertThat(done).isInstanceOf(IntakeOutcome.Done.class);
        approveAll();
        assertThat(app.snapshot().entry("jane-q-example").orElseThrow().announced().primary().orElseThrow().value().toString())
                .isEqualTo("2024-06-03");
    }

    @Test
    void badCommandOptionsSayWhichValuesAreAllowed() {
        IntakeOutcome o = intake.start(EDITOR, Lang.EN, Map.of("departure", "vanished"));
        assertThat(text(((IntakeOutcome.Done) o).reply())).contains("departure").contains("pushed_out");
        IntakeOutcome k = intake.start(EDITOR, Lang.EN, Map.of("departure", "fired", "source_kind", "rumour"));
        assertThat(text(((IntakeOutcome.Done) k).reply())).contains("source_kind");
        IntakeOutcome l = intake.start(EDITOR, Lang.EN, Map.of("departure", "fired", "source_language", "xx"));
        assertThat(text(((IntakeOutcome.Done) l).reply())).contains("source_language");
    }

    @Test
    void theOptionsChosenWithTheCommandAreKept() throws Exception {
        IntakeOutcome o = intake.start(EDITOR, Lang.EN, Map.of("departure", "pushed_out", "source_kind", "own_statement",
                "source_language", "fr"));
        Draft d = ((IntakeOutcome.Form) o).draft();
        intake.submit(d.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        approveAll();
        Snapshot file = DatasetLoader.standard().load(additions);
        Entry e = file.entry("jane-q-example").orElseThrow();
        assertThat(e.departure().primary().orElseThrow().value()).isEqualTo(Departure.PUSHED_OUT);
        var s = file.source(e.title().primary().orElseThrow().sources().get(0)).orElseThrow();
        assertThat(s.kind()).isEqualTo(SourceKind.OWN_STATEMENT);
        assertThat(s.language()).isEqualTo("fr");
    }

    @Test
    void aCuratedFileThatLaterCarriesTheSameIdWins() throws Exception {
        Draft d = started(Lang.EN);
        intake.submit(d.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        approveAll();
        // the desk copies the entry into its own file and corrects the title there
        var root = Datasets.bundled();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var added = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(additions.toFile());
        root.withArray("sources").addAll(added.withArray("sources"));
        var entry = (com.fasterxml.jackson.databind.node.ObjectNode) added.withArray("entries").get(0).deepCopy();
        Datasets.title("Political officer", "موظفة سياسية").accept(entry);
        root.withArray("entries").add(entry);
        Files.write(dataset, Datasets.bytes(root));
        assertThat(app.reload().orElseThrow()).isInstanceOf(Reloader.Loaded.class);
        assertThat(app.snapshot().entry("jane-q-example").orElseThrow().title().primary().orElseThrow().value().en())
                .isEqualTo("Political officer");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void twoEditorsSendingTheSamePersonAtOnceKeepItOnce() throws Exception {
        Draft a = started(Lang.EN);
        Draft b = ((IntakeOutcome.Form) intake.start(EDITOR + 1, Lang.EN, Map.of("departure", "resigned"))).draft();
        intake.submit(a.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        intake.submit(b.id(), Field.Step.WHO, EDITOR + 1, who(), Lang.EN);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                go.await();
                return intake.submit(a.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
            });
            var second = pool.submit(() -> {
                go.await();
                return intake.submit(b.id(), Field.Step.WHY, EDITOR + 1, why(), Lang.EN);
            });
            go.countDown();
            List<IntakeOutcome> both = List.of(first.get(), second.get());
            assertThat(both).filteredOn(o -> o instanceof IntakeOutcome.Done).hasSize(1);
            IntakeOutcome.Fix fix = (IntakeOutcome.Fix) both.stream().filter(o -> o instanceof IntakeOutcome.Fix).findFirst().orElseThrow();
            assertThat(fix.reply().pages().get(0).description()).contains("is already waiting for review");
        } finally {
            pool.shutdownNow();
        }
        assertThat(intake.review().waiting()).hasSize(1);
    }

    @Test
    void aFormSentAgainAfterTheEntryWasAddedAddsNothing() throws Exception {
        Draft d = started(Lang.EN);
        intake.submit(d.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        assertThat(intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN)).isInstanceOf(IntakeOutcome.Done.class);
        IntakeOutcome again = intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        assertThat(again).isInstanceOf(IntakeOutcome.Done.class);
        assertThat(((IntakeOutcome.Done) again).reply().kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(text(((IntakeOutcome.Done) again).reply())).contains("This form was already sent");
        assertThat(intake.review().waiting()).hasSize(1);
        approveAll();
        assertThat(DatasetLoader.standard().load(additions).entries()).hasSize(1);
    }

    @Test
    void aHandEditOfTheAdditionsFileWhileSavingIsNotOverwritten() throws Exception {
        AdditionsFile file = new AdditionsFile(additions, DatasetLoader.standard());
        Draft d = started(Lang.EN);
        intake.submit(d.id(), Field.Step.WHO, EDITOR, who(), Lang.EN);
        intake.submit(d.id(), Field.Step.WHY, EDITOR, why(), Lang.EN);
        approveAll();
        Map<Field, String> all = new java.util.EnumMap<>(Field.class);
        who().forEach((k, v) -> all.put(Field.byId(k).orElseThrow(), v));
        why().forEach((k, v) -> all.put(Field.byId(k).orElseThrow(), v));
        all.put(Field.NAME_EN, "Omar Sample");
        all.put(Field.NAME_AR, "عمر سامبل");
        var built = new EntryBuilder(app.templates()).build(d.with(all), app.queries().directory(), TODAY);
        AdditionsFile.Candidate c = file.with(built, app.snapshot().dataset().dataset());
        byte[] edited = Files.readAllBytes(additions);
        Files.write(additions, (new String(edited, java.nio.charset.StandardCharsets.UTF_8) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> file.write(c)).isInstanceOf(Shelf.ChangedMeanwhile.class);
        assertThat(DatasetLoader.standard().load(additions).entries()).extracting(Entry::id).containsExactly("jane-q-example");
        try (var listing = Files.list(additions.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aCapitalisedSchemeIsTheSameLink() {
        assertThat(FieldCheck.clean(Field.SOURCE_URL, " HTTPS://Example.org/A?b=C ")).isEqualTo("https://Example.org/A?b=C");
        assertThat(FieldCheck.clean(Field.SOURCE_URL, "Http://x.org")).isEqualTo("http://x.org");
        // a direction mark pasted from Arabic text in front of it changes nothing
        assertThat(FieldCheck.clean(Field.SOURCE_URL, "\u200eHTTPS://example.org/a")).isEqualTo("https://example.org/a");
        assertThat(FieldCheck.clean(Field.SOURCE_URL, "FTP://x.org")).isEqualTo("FTP://x.org");
    }
}
