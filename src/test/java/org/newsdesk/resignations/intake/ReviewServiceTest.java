package org.newsdesk.resignations.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.sourcing.Reloader;

/**
 * The review step without Discord: a finished form waits for a second editor; pending entries
 * appear nowhere a reader looks; approve serves (with reviewed_by), reject keeps it out and tells
 * the author, edit sends it back; corrections take the same route. English and Arabic side by side.
 */
class ReviewServiceTest {

    static final long AUTHOR = 42L;
    static final long REVIEWER = 43L;
    static final long THIRD = 44L;

    /** A clock the test moves by hand (reminders after a day, rejected forms dropped after 30). */
    static final class HandClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void plus(Duration d) {
            now = now.plus(d);
        }
    }

    /** What the review channel was given. */
    static final class Recording implements ReviewChannel {
        final List<String> cards = new ArrayList<>();
        final List<Why> why = new ArrayList<>();
        final List<String> told = new ArrayList<>();
        final List<Long> toldWhom = new ArrayList<>();

        @Override
        public void review(Pending p, Reply card, Why why) {
            cards.add(PlainText.render(card));
            this.why.add(why);
        }

        @Override
        public void tell(long author, Reply note) {
            told.add(PlainText.render(note));
            toldWhom.add(author);
        }
    }

    @TempDir
    Path dir;
    Path dataset;
    Path data;
    HandClock clock = new HandClock();
    Recording channel = new Recording();
    Application app;
    EntryIntake intake;
    ReviewService review;

    @BeforeEach
    void setUp() throws Exception {
        dataset = dir.resolve("resignations.json");
        Files.write(dataset, Datasets.bytes(Datasets.bundled()));
        data = dir.resolve("data");
        start();
    }

    /** The bot as Assembly wires it, on the same data directory (called again: a restart). */
    void start() throws Exception {
        DatasetLoader loader = DatasetLoader.standard();
        Reloader.Source source = DatasetSources.of(loader, Optional.of(data.resolve(AdditionsFile.NAME)), List.of(dataset),
                Optional.empty(), DatasetSources.Mode.REPLACE, clock, Optional.of(data.resolve(Application.CORRECTIONS)));
        Application.Setup setup = new Application.Setup(Lang.EN, org.newsdesk.resignations.render.Templates.bundled(), clock,
                loader.mapper(), Optional.of(source), Optional.empty(),
                Optional.of(new AdditionsFile(data.resolve(AdditionsFile.NAME), loader)), Optional.empty());
        app = new Application(source.load(), setup);
        intake = app.intake().orElseThrow();
        review = intake.review();
        review.channel(channel);
    }

    static Map<String, String> who(Lang lang) {
        Map<String, String> m = new HashMap<>();
        m.put("name_en", "Jane Q. Example");
        m.put("name_ar", "جين كيو إكزامبل");
        m.put("agency", lang == Lang.AR ? "الخارجية" : "State Department");
        m.put("title_en", "Foreign Service officer");
        m.put("title_ar", "موظفة في السلك الدبلوماسي");
        return m;
    }

    /** An editor sends a whole form; the review id. */
    String submit(Lang lang) throws Exception {
        Draft d = ((IntakeOutcome.Form) intake.start(AUTHOR, lang, Map.of("departure", "resigned"))).draft();
        assertThat(intake.submit(d.id(), Field.Step.WHO, AUTHOR, who(lang), lang)).isInstanceOf(IntakeOutcome.Next.class);
        IntakeOutcome o = intake.submit(d.id(), Field.Step.WHY, AUTHOR, EntryIntakeTest.why(), lang);
        assertThat(o).isInstanceOf(IntakeOutcome.Done.class);
        return d.id();
    }

    Reply run(String line, RequestContext where) {
        var parsed = new org.newsdesk.resignations.commands.CommandLineParser(app.router().catalog()).parse(line);
        return app.router().handle(((org.newsdesk.resignations.commands.CommandLineParser.Parsed.Ok) parsed).request(), where);
    }

    static String text(Reply r) {
        return PlainText.render(r);
    }

    /** A reader in a server: not an editor. */
    static final RequestContext READER = new RequestContext(Optional.empty(), Optional.empty(), Optional.of(1L),
            Optional.of(2L), Optional.of(7L), false);

    byte[] pendingBytes() throws Exception {
        return Files.readAllBytes(data.resolve(PendingFile.NAME));
    }

    // ---- pending is nowhere a reader looks -----------------------------------------------------

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aSubmittedEntryIsPendingAndAppearsNowhereButInAnEditorsWho(Lang lang) throws Exception {
        String before = app.snapshot().version();
        String id = submit(lang);
        assertThat(app.snapshot().version()).isEqualTo(before);
        assertThat(data.resolve(AdditionsFile.NAME)).doesNotExist();
        assertThat(review.waiting()).extracting(Pending::id).containsExactly(id);
        assertThat(channel.why).containsExactly(ReviewChannel.Why.SUBMITTED);
        // the card has every field and the source link
        assertThat(channel.cards.get(0)).contains("Jane Q. Example").contains("جين كيو إكزامبل").contains("Foreign Service officer")
                .contains("2024-06-03").contains("https://www.example.org/news/2024/06/03/official-resigns").contains("Example News")
                .contains(id);

        for (String line : List.of("/resignations who name:\"Jane Example\"", "/resignations who name:جين",
                "/resignations list agency:state", "/resignations timeline", "/resignations stats", "/resignations export format:csv",
                "/resignations export format:json")) {
            Reply r = run(line + " lang:" + lang.code(), READER);
            assertThat(text(r)).as(line).doesNotContain("Jane Q. Example").doesNotContain("جين كيو إكزامبل").doesNotContain("Pending review");
            for (Reply.Attachment a : r.attachments()) {
                assertThat(new String(a.data(), StandardCharsets.UTF_8)).as(line).doesNotContain("Jane Q. Example");
            }
        }
        // the fact-check echoes the claim, but knows nobody by that name
        Reply fc = run("/factcheck claim:\"Jane Q. Example resigned from the State Department in June 2024.\" lang:" + lang.code(),
                READER);
        assertThat(text(fc)).contains(lang == Lang.AR ? "غير مشمول" : "Not covered");
        // an editor's who finds it, marked, for their eyes only
        Reply editor = run("/resignations who name:\"Jane Example\" lang:" + lang.code(), RequestContext.CONSOLE);
        assertThat(editor.kind()).isEqualTo(Reply.Kind.PRIVATE);
        assertThat(text(editor)).contains(lang == Lang.AR ? "بانتظار المراجعة: جين كيو إكزامبل" : "Pending review: Jane Q. Example")
                .contains(id);
    }

    // ---- approve --------------------------------------------------------------------------------

    @Test
    void theAuthorCannotApproveOrRejectTheirOwnEntry() throws Exception {
        String id = submit(Lang.EN);
        byte[] kept = pendingBytes();
        ReviewService.Decision own = review.approve(id, AUTHOR, Optional.empty(), Lang.EN);
        assertThat(own.done()).isFalse();
        assertThat(own.reply().kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(text(own.reply())).contains("You wrote or edited this entry, so another editor must review it.");
        ReviewService.Decision ar = review.reject(id, AUTHOR, "no", Lang.AR);
        assertThat(text(ar.reply())).contains("أنت من كتب هذا الإدخال أو عدّله");
        assertThat(pendingBytes()).isEqualTo(kept);
        assertThat(data.resolve(AdditionsFile.NAME)).doesNotExist();
        assertThat(app.snapshot().entry("jane-q-example")).isEmpty();
    }

    @Test
    void badInputAtApprovalAndRejectionSaysWhatToFixAndChangesNothing() throws Exception {
        String id = submit(Lang.EN);
        byte[] kept = pendingBytes();
        assertThat(text(review.approve("nosuchid", REVIEWER, Optional.empty(), Lang.EN).reply()))
                .contains("No entry waits for review under the id \"nosuchid\". /resignations pending lists");
        assertThat(text(review.approve("nosuchid", REVIEWER, Optional.empty(), Lang.AR).reply()))
                .contains("لا ينتظر المراجعةَ إدخالٌ برقم");
        assertThat(text(review.approve(id, REVIEWER, Optional.of("certain"), Lang.EN).reply()))
                .contains("The option confidence takes one of: high, medium, low (not \"certain\")");
        assertThat(text(review.reject(id, REVIEWER, "  \u200f ", Lang.EN).reply())).contains("Say why it is rejected");
        assertThat(text(review.reject(id, REVIEWER, "", Lang.AR).reply())).contains("اذكر سبب الرفض");
        assertThat(text(review.reject(id, REVIEWER, "x".repeat(1001), Lang.EN).reply()))
                .contains("at most 1000 characters; this one has 1001");
        assertThat(pendingBytes()).isEqualTo(kept);
        assertThat(review.waiting()).hasSize(1);
        assertThat(channel.told).isEmpty();
        assertThat(data.resolve(AdditionsFile.NAME)).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aSecondEditorsApprovalServesTheEntryWithReviewerTimeConfidenceAndNote(Lang lang) throws Exception {
        String id = submit(lang);
        ReviewService.Decision ok = review.approve(id, REVIEWER, Optional.of("HIGH"), lang);
        assertThat(ok.done()).as(text(ok.reply())).isTrue();
        assertThat(text(ok.reply())).contains(lang == Lang.AR ? "اعتُمد وأصبح متاحاً" : "Approved and served: Jane Q. Example")
                .contains("jane-q-example");
        Entry e = app.snapshot().entry("jane-q-example").orElseThrow();
        assertThat(e.reviewedBy().reviewer()).isEqualTo("43");
        assertThat(e.reviewedBy().at()).isEqualTo(clock.now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        assertThat(e.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(e.confidenceNote().en()).contains("reviewed and approved by a second editor");
        assertThat(e.confidenceNote().ar()).contains("وراجعه محرر ثانٍ واعتمده");
        // the file on its own is a valid dataset, reviewed_by included
        Snapshot file = DatasetLoader.standard().load(data.resolve(AdditionsFile.NAME));
        assertThat(file.entry("jane-q-example").orElseThrow().reviewedBy()).isEqualTo(e.reviewedBy());
        assertThat(review.waiting()).isEmpty();
        // served to everyone now
        assertThat(text(run("/resignations who name:\"Jane Example\"", READER))).contains("Foreign Service officer");
        // and it cannot be approved twice
        assertThat(review.approve(id, THIRD, Optional.empty(), lang).done()).isFalse();
    }

    // ---- reject, edit, keep 30 days ------------------------------------------------------------

    @Test
    void aRejectedEntryIsNeverServedTheAuthorIsToldAndTheFormIsKeptThirtyDays() throws Exception {
        String id = submit(Lang.AR);
        ReviewService.Decision no = review.reject(id, REVIEWER, "The source does not say she resigned.", Lang.EN);
        assertThat(no.done()).isTrue();
        assertThat(text(no.reply())).contains("Rejected: Jane Q. Example").contains("kept 30 days");
        // told in the author's language, with the reason
        assertThat(channel.toldWhom).containsExactly(AUTHOR);
        assertThat(channel.told.get(0)).contains("لم يُعتمد: جين كيو إكزامبل").contains("The source does not say she resigned.");
        assertThat(review.waiting()).isEmpty();
        assertThat(app.snapshot().entry("jane-q-example")).isEmpty();
        assertThat(data.resolve(AdditionsFile.NAME)).doesNotExist();
        // a rejected one cannot be approved; it is kept (its card says why)
        assertThat(review.approve(id, THIRD, Optional.empty(), Lang.EN).done()).isFalse();
        assertThat(text(review.show(id, Lang.EN))).contains("Rejected by editor 43").contains("does not say she resigned");

        clock.plus(Duration.ofDays(29));
        start();   // a restart on the way changes nothing
        assertThat(review.find(id)).isPresent();
        clock.plus(Duration.ofDays(2));
        assertThat(review.waiting()).isEmpty();
        assertThat(review.find(id)).isEmpty();
        assertThat(new String(pendingBytes(), StandardCharsets.UTF_8)).doesNotContain(id);
    }

    @Test
    void anEditSendsItBackToReviewAndTheEditorMayNotApproveItEither() throws Exception {
        String id = submit(Lang.EN);
        review.reject(id, REVIEWER, "Give the exact title.", Lang.EN);
        IntakeOutcome form = intake.edit(id, REVIEWER, Lang.EN);
        Draft d = ((IntakeOutcome.Form) form).draft();
        assertThat(d.id()).isEqualTo(id);
        assertThat(d.value(Field.TITLE_EN)).isEqualTo("Foreign Service officer");
        Map<String, String> w = who(Lang.EN);
        w.put("title_en", "Political officer");
        w.put("title_ar", "موظفة سياسية");
        assertThat(intake.submit(id, Field.Step.WHO, REVIEWER, w, Lang.EN)).isInstanceOf(IntakeOutcome.Next.class);
        assertThat(intake.submit(id, Field.Step.WHY, REVIEWER, EntryIntakeTest.why(), Lang.EN)).isInstanceOf(IntakeOutcome.Done.class);
        assertThat(review.waiting()).extracting(Pending::id).containsExactly(id);
        assertThat(review.find(id).orElseThrow().authors()).containsExactly(AUTHOR, REVIEWER);
        assertThat(channel.why).containsExactly(ReviewChannel.Why.SUBMITTED, ReviewChannel.Why.EDITED);
        assertThat(review.approve(id, REVIEWER, Optional.empty(), Lang.EN).done()).isFalse();
        assertThat(review.approve(id, AUTHOR, Optional.empty(), Lang.EN).done()).isFalse();
        assertThat(review.approve(id, THIRD, Optional.empty(), Lang.EN).done()).isTrue();
        assertThat(app.snapshot().entry("jane-q-example").orElseThrow().title().primary().orElseThrow().value().en())
                .isEqualTo("Political officer");
        assertThat(text(intake.edit("nosuchid", THIRD, Lang.EN) instanceof IntakeOutcome.Done x ? x.reply() : null))
                .contains("No entry waits for review");
    }

    @Test
    void aSecondFormForAPersonAlreadyWaitingIsRefused() throws Exception {
        submit(Lang.EN);
        Draft d = ((IntakeOutcome.Form) intake.start(THIRD, Lang.AR, Map.of("departure", "resigned"))).draft();
        intake.submit(d.id(), Field.Step.WHO, THIRD, who(Lang.AR), Lang.AR);
        IntakeOutcome o = intake.submit(d.id(), Field.Step.WHY, THIRD, EntryIntakeTest.why(), Lang.AR);
        assertThat(o).isInstanceOf(IntakeOutcome.Fix.class);
        assertThat(text(((IntakeOutcome.Fix) o).reply())).contains("ينتظر المراجعة بالفعل");
        assertThat(review.waiting()).hasSize(1);
    }

    // ---- durable ------------------------------------------------------------------------------

    @Test
    void aRestartBetweenSubmitAndReviewLosesNothing() throws Exception {
        String id = submit(Lang.EN);
        start();
        assertThat(review.waiting()).extracting(Pending::id).containsExactly(id);
        Pending p = review.find(id).orElseThrow();
        assertThat(p.author()).isEqualTo(AUTHOR);
        assertThat(p.draft().value(Field.OUTLET)).isEqualTo("Example News");
        assertThat(review.approve(id, AUTHOR, Optional.empty(), Lang.EN).done()).isFalse();
        assertThat(review.approve(id, REVIEWER, Optional.empty(), Lang.EN).done()).isTrue();
        assertThat(app.snapshot().entry("jane-q-example")).isPresent();
    }

    @Test
    void anApprovalCutShortAfterWritingIsFinishedNotWrittenTwice() throws Exception {
        String id = submit(Lang.EN);
        byte[] before = pendingBytes();
        assertThat(review.approve(id, REVIEWER, Optional.empty(), Lang.EN).done()).isTrue();
        // the process died after writing the entry, before dropping it from the pending list
        Files.write(data.resolve(PendingFile.NAME), before);
        start();
        assertThat(review.waiting()).extracting(Pending::id).containsExactly(id);
        ReviewService.Decision again = review.approve(id, THIRD, Optional.empty(), Lang.EN);
        assertThat(again.done()).isTrue();
        assertThat(text(again.reply())).contains("already approved and is served as `jane-q-example`");
        assertThat(review.waiting()).isEmpty();
        assertThat(DatasetLoader.standard().load(data.resolve(AdditionsFile.NAME)).entries()).hasSize(1);
    }

    @Test
    void anEntryWaitingOverADayIsMentionedAgainOnceEvenAcrossARestart() throws Exception {
        String id = submit(Lang.EN);
        assertThat(review.remindDue()).isZero();
        clock.plus(Duration.ofHours(23));
        assertThat(review.remindDue()).isZero();
        clock.plus(Duration.ofHours(2));
        assertThat(review.remindDue()).isEqualTo(1);
        assertThat(channel.why).containsExactly(ReviewChannel.Why.SUBMITTED, ReviewChannel.Why.REMINDER);
        assertThat(channel.cards.get(1)).contains("Still waiting for review after more than a day").contains(id);
        assertThat(review.remindDue()).isZero();
        start();
        clock.plus(Duration.ofDays(3));
        assertThat(review.remindDue()).isZero();
        assertThat(channel.why).hasSize(2);
    }

    @Test
    void anUnreadablePendingFileIsNeverOverwrittenAndSaysWhatIsWrong() throws Exception {
        Files.createDirectories(data);
        Files.writeString(data.resolve(PendingFile.NAME), "{\"pending\": [ {\"id\": 1 ");
        Draft d = ((IntakeOutcome.Form) intake.start(AUTHOR, Lang.EN, Map.of("departure", "resigned"))).draft();
        intake.submit(d.id(), Field.Step.WHO, AUTHOR, who(Lang.EN), Lang.EN);
        IntakeOutcome o = intake.submit(d.id(), Field.Step.WHY, AUTHOR, EntryIntakeTest.why(), Lang.EN);
        assertThat(((IntakeOutcome.Done) o).reply().kind()).isEqualTo(Reply.Kind.FAILURE);
        assertThat(Files.readString(data.resolve(PendingFile.NAME))).isEqualTo("{\"pending\": [ {\"id\": 1 ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PendingFile(data.resolve(PendingFile.NAME)).all())
                .hasMessageContaining("is not valid JSON").hasMessageContaining("fix or remove it");
    }

    // ---- corrections ---------------------------------------------------------------------------

    @Test
    void aCorrectionOfABundledEntryIsReviewedThenAppliedFromTheCorrectionsFile() throws Exception {
        Entry before = app.snapshot().entry("andrew-miller").orElseThrow();
        IntakeOutcome form = intake.correct("andrew-miller", AUTHOR, Lang.EN);
        Draft d = ((IntakeOutcome.Form) form).draft();
        assertThat(d.target()).contains("andrew-miller");
        assertThat(d.value(Field.NAME_EN)).isEqualTo(before.name().en());
        Map<String, String> w = new HashMap<>();
        for (Field f : Field.Step.WHO.fields()) {
            w.put(f.id(), d.value(f));
        }
        w.put("title_en", "Deputy Assistant Secretary for Israeli-Palestinian Affairs (corrected)");
        assertThat(intake.submit(d.id(), Field.Step.WHO, AUTHOR, w, Lang.EN)).isInstanceOf(IntakeOutcome.Next.class);
        Map<String, String> y = new HashMap<>();
        for (Field f : Field.Step.WHY.fields()) {
            y.put(f.id(), d.value(f));
        }
        y.put("source_url", "https://www.example.org/correction");
        y.put("outlet", "Example News");
        IntakeOutcome sent = intake.submit(d.id(), Field.Step.WHY, AUTHOR, y, Lang.EN);
        assertThat(sent).as(sent.toString()).isInstanceOf(IntakeOutcome.Done.class);
        assertThat(channel.cards.get(0)).contains("Correction waiting for review").contains("(was: ");
        // not applied while it waits
        assertThat(app.snapshot().entry("andrew-miller").orElseThrow()).isEqualTo(before);

        assertThat(review.approve(d.id(), AUTHOR, Optional.empty(), Lang.EN).done()).isFalse();
        ReviewService.Decision ok = review.approve(d.id(), REVIEWER, Optional.empty(), Lang.EN);
        assertThat(ok.done()).as(text(ok.reply())).isTrue();
        Entry after = app.snapshot().entry("andrew-miller").orElseThrow();
        assertThat(after.title().primary().orElseThrow().value().en()).endsWith("(corrected)");
        assertThat(after.statedReason()).isEqualTo(before.statedReason());
        assertThat(after.reviewedBy().reviewer()).isEqualTo("43");
        assertThat(DatasetLoader.standard().load(data.resolve(Application.CORRECTIONS)).entry("andrew-miller")).isPresent();
        assertThat(Files.readAllBytes(dataset)).isEqualTo(Datasets.bytes(Datasets.bundled()));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void anEditorsWhoCardOffersACorrectionAReadersDoesNot(Lang lang) {
        Reply editor = run("/resignations who name:\"Andrew Miller\" lang:" + lang.code(), RequestContext.CONSOLE);
        assertThat(editor.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(editor.actions()).extracting(Reply.Action::replay).contains("correct|name=andrew-miller|lang=" + lang.code());
        assertThat(editor.actions()).extracting(Reply.Action::label).contains(lang == Lang.AR ? "اقتراح تصحيح" : "Propose a correction");
        Reply reader = run("/resignations who name:\"Andrew Miller\" lang:" + lang.code(), READER);
        assertThat(reader.actions()).extracting(Reply.Action::replay).noneMatch(a -> a.startsWith("correct|"));
        // the console names the command, which says where corrections are made
        assertThat(text(run("/resignations correct name:andrew-miller lang:" + lang.code(), RequestContext.CONSOLE)))
                .contains(lang == Lang.AR ? "يفتح /resignations correct استمارة في ديسكورد" : "/resignations correct opens a form in Discord");
    }

    @Test
    void aCorrectionThatChangesNothingSaysSoAndKeepsNothing() throws Exception {
        Draft d = ((IntakeOutcome.Form) intake.correct("andrew-miller", AUTHOR, Lang.AR)).draft();
        Map<String, String> w = new HashMap<>();
        for (Field f : Field.Step.WHO.fields()) {
            w.put(f.id(), d.value(f));
        }
        intake.submit(d.id(), Field.Step.WHO, AUTHOR, w, Lang.AR);
        Map<String, String> y = new HashMap<>();
        for (Field f : Field.Step.WHY.fields()) {
            y.put(f.id(), d.value(f));
        }
        y.put("source_url", "https://www.example.org/correction");
        y.put("outlet", "Example News");
        IntakeOutcome o = intake.submit(d.id(), Field.Step.WHY, AUTHOR, y, Lang.AR);
        assertThat(o).isInstanceOf(IntakeOutcome.Fix.class);
        assertThat(text(((IntakeOutcome.Fix) o).reply())).contains("هذا التصحيح لا يغيّر شيئاً");
        assertThat(review.waiting()).isEmpty();
        assertThat(text(((IntakeOutcome.Done) intake.correct("nobody-here", AUTHOR, Lang.EN)).reply()))
                .contains("The entry `nobody-here` is not in the dataset");
    }

    // ---- the console ---------------------------------------------------------------------------

    @Test
    void theConsoleListsApprovesAndRejectsByIdInBothLanguages() throws Exception {
        String first = submit(Lang.EN);
        clock.plus(Duration.ofMinutes(1));
        Draft d = ((IntakeOutcome.Form) intake.start(AUTHOR, Lang.AR, Map.of("departure", "resigned"))).draft();
        Map<String, String> w = who(Lang.AR);
        w.put("name_en", "Omar Sample");
        w.put("name_ar", "عمر سامبل");
        intake.submit(d.id(), Field.Step.WHO, AUTHOR, w, Lang.AR);
        intake.submit(d.id(), Field.Step.WHY, AUTHOR, EntryIntakeTest.why(), Lang.AR);
        String second = d.id();

        String out = console("/resignations pending\n/resignations pending lang:ar\n"
                + "/resignations reject id:" + second + "\n"
                + "/resignations approve id:nosuch lang:ar\n"
                + "/resignations reject id:" + second + " reason:\"لا يذكر المصدر الاستقالة\" lang:ar\n"
                + "/resignations approve id:" + first + " confidence:low\n");
        // oldest first, with what to open
        assertThat(out.indexOf("Jane Q. Example")).isLessThan(out.indexOf("Omar Sample"));
        assertThat(out).contains("Waiting for review: 2").contains("بانتظار المراجعة: 2");
        assertThat(out).contains("/resignations reject").contains("reason");   // the missing option is named
        assertThat(out).contains("لا ينتظر المراجعةَ إدخالٌ برقم \"nosuch\"");
        assertThat(out).contains("رُفض الإدخال: عمر سامبل");
        assertThat(out).contains("Approved and served: Jane Q. Example");
        assertThat(app.snapshot().entry("jane-q-example").orElseThrow().reviewedBy().reviewer()).isEqualTo("console");
        assertThat(app.snapshot().entry("jane-q-example").orElseThrow().confidence()).isEqualTo(Confidence.LOW);
        assertThat(app.snapshot().entry("omar-sample")).isEmpty();
        assertThat(console("/resignations pending")).contains("Nothing is waiting for review.");
    }

    String console(String lines) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        app.console(dir.resolve("out")).run(new BufferedReader(new StringReader(lines)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
