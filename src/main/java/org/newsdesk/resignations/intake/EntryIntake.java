package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.sourcing.DatasetSources;
import org.newsdesk.resignations.sourcing.Reloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Editors adding an entry: {@code /resignations add departure:…} opens a two-step form (who;
 * why and source). Each step is checked as it is sent and answered with what to fix, field by
 * field; nothing is written until the whole entry is valid like a file, merged with the dataset
 * in force. The entry then goes to the additions file (atomically) and the dataset is reloaded,
 * so it is served at once and subscribed channels hear of it like any new entry.
 */
public final class EntryIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EntryIntake.class);
    private static final List<String> DEPARTURES = Departure.choices();
    private static final List<String> SOURCE_KINDS = SourceKind.choices();
    private static final List<String> SOURCE_LANGUAGES = Lang.sourceChoices();

    private final Supplier<Directory> current;
    private final ReviewService review;
    private final Drafts drafts;
    private final Replies replies;
    private final Templates t;
    private final Clock clock;

    /** @param review where a finished form goes: a second editor approves it before it is served */
    public EntryIntake(Supplier<Directory> current, ReviewService review, Drafts drafts, Replies replies, Clock clock) {
        this.current = current;
        this.review = review;
        this.drafts = drafts;
        this.replies = replies;
        this.t = replies.templates();
        this.clock = clock;
    }

    // ---- the flow --------------------------------------------------------------------------------

    /** The command: a new draft and the first form, or what is wrong with the options. */
    public IntakeOutcome start(long user, Lang lang, Map<String, String> options) {
        Optional<Departure> departure = choice(options.get("departure"), DEPARTURES).map(s -> Departure.valueOf(s.toUpperCase(Locale.ROOT)));
        if (departure.isEmpty()) {
            return new IntakeOutcome.Done(replies.userError(lang, "add.bad_choice", "option", "departure",
                    "choices", String.join(", ", DEPARTURES)));
        }
        String kindTyped = options.getOrDefault("source_kind", "press_report");
        Optional<SourceKind> kind = choice(kindTyped, SOURCE_KINDS).map(s -> SourceKind.valueOf(s.toUpperCase(Locale.ROOT)));
        if (kind.isEmpty()) {
            return new IntakeOutcome.Done(replies.userError(lang, "add.bad_choice", "option", "source_kind",
                    "choices", String.join(", ", SOURCE_KINDS)));
        }
        Optional<String> language = Optional.ofNullable(options.get("source_language"));
        if (language.isPresent() && choice(language.get(), SOURCE_LANGUAGES).isEmpty()) {
            return new IntakeOutcome.Done(replies.userError(lang, "add.bad_choice", "option", "source_language",
                    "choices", String.join(", ", SOURCE_LANGUAGES)));
        }
        Draft d = new Draft(drafts.newId(), user, lang, departure.get(), kind.get(),
                language.map(s -> s.strip().toLowerCase(Locale.ROOT)), Map.of());
        drafts.put(d);
        return new IntakeOutcome.Form(d, Field.Step.WHO);
    }

    /** A button asking for a step's form again (to fix it, or to go on). */
    public IntakeOutcome reopen(String draftId, Field.Step step, long user, Lang fallback) {
        Optional<Draft> d = mine(draftId, user);
        if (d.isEmpty()) {
            return gone(draftId, user, fallback);
        }
        if (step == Field.Step.WHY && !flaws(Field.Step.WHO, d.get(), current.get()).isEmpty()) {
            return new IntakeOutcome.Form(d.get(), Field.Step.WHO);
        }
        return new IntakeOutcome.Form(d.get(), step);
    }

    /** A form sent back. Fields that are not the step's are ignored (ids can be forged). */
    public IntakeOutcome submit(String draftId, Field.Step step, long user, Map<String, String> sent, Lang fallback) {
        Optional<Draft> found = mine(draftId, user);
        if (found.isEmpty()) {
            return gone(draftId, user, fallback);
        }
        Map<Field, String> values = new EnumMap<>(Field.class);
        for (Field f : step.fields()) {
            values.put(f, sent.getOrDefault(f.id(), ""));
        }
        Draft d = found.get().with(FieldCheck.clean(values));
        if (!drafts.replace(found.get(), d)) {
            return gone(draftId, user, fallback);   // the same form, sent again while this one was going through
        }
        Directory dir = current.get();
        List<Flaw> flaws = flaws(step, d, dir);
        if (!flaws.isEmpty()) {
            return new IntakeOutcome.Fix(fix(d, step, flaws), d, step);
        }
        if (step == Field.Step.WHO) {
            return new IntakeOutcome.Next(stepDone(d, dir), d, Field.Step.WHY);
        }
        return add(d);   // which checks the first step again, under the review's lock
    }

    /** The step's checks; a correction names the person it corrects, which is no duplicate. */
    private List<Flaw> flaws(Field.Step step, Draft d, Directory dir) {
        List<Flaw> out = new ArrayList<>(FieldCheck.check(step, d.values(), dir, today()));
        d.target().ifPresent(id -> out.removeIf(f -> f.key().equals("add.flaw.exists") && f.args().contains(id)));
        return out;
    }

    // ---- review ----------------------------------------------------------------------------------

    /** The review step this intake sends finished forms to. */
    public ReviewService review() {
        return review;
    }

    /** An entry in review (or rejected), opened in the form again by {@code editor}; sending it sends it back to review. */
    public IntakeOutcome edit(String reviewId, long editor, Lang lang) {
        Optional<Draft> d;
        try {
            d = review.draftToEdit(reviewId, editor);
        } catch (IOException e) {
            String ref = Refs.next();
            LOG.error("ref {}: the pending list could not be read", ref, e);
            return new IntakeOutcome.Done(replies.failure(lang, ref));
        }
        if (d.isEmpty()) {
            return new IntakeOutcome.Done(replies.userError(lang, "review.not_found", "id", Markdown.userText(reviewId, 40)));
        }
        drafts.put(d.get());
        return new IntakeOutcome.Form(d.get(), Field.Step.WHO);
    }

    /**
     * A correction of a served entry (its id, or a name the lookup finds), proposed by {@code editor}: the form filled with what the
     * dataset stands behind, the source left for the editor to give; it goes through review.
     */
    public IntakeOutcome correct(String entryId, long editor, Lang lang) {
        Directory dir = current.get();
        Optional<Entry> e = dir.snapshot().entry(entryId.strip()).or(() -> dir.person(entryId));
        if (e.isEmpty()) {
            return new IntakeOutcome.Done(replies.userError(lang, "review.flaw.gone.reply", "id", Markdown.userText(entryId, 80)));
        }
        Draft blank = new Draft(drafts.newId(), editor, lang, Departure.RESIGNED, SourceKind.PRESS_REPORT, Optional.empty(),
                Map.of(), Optional.of(entryId));
        Draft d = ReviewedEntries.asDraft(e.get(), blank, dir.snapshot());
        drafts.put(d);
        return new IntakeOutcome.Form(d, Field.Step.WHO);
    }

    // ---- sending for review ----------------------------------------------------------------------

    private IntakeOutcome add(Draft d) {
        // one submit of a draft goes on: another (a form sent twice) finds it taken
        if (drafts.claim(d.id(), d.owner()).isEmpty()) {
            return new IntakeOutcome.Done(replies.userError(d.lang(), "add.already"));
        }
        IntakeOutcome o = null;
        try {
            o = review.submit(d);
            return o;
        } finally {
            if (!(o instanceof IntakeOutcome.Done)) {
                drafts.put(d);   // nothing kept (or a failure): the editor can fix the form and send it again
            }
        }
    }

    // ---- replies ---------------------------------------------------------------------------------

    private Reply fix(Draft d, Field.Step step, List<Flaw> flaws) {
        return FixReply.of(t, d.lang(), step, flaws);
    }

    private Reply stepDone(Draft d, Directory dir) {
        Lang lang = d.lang();
        String agency = dir.agency(d.value(Field.AGENCY)).map(a -> a.name().in(lang)).orElse("");
        String body = t.get(lang, "add.step1.done", "name", Markdown.escape(d.value(lang == Lang.AR ? Field.NAME_AR : Field.NAME_EN)),
                "agency", Markdown.escape(agency), "title", Markdown.escape(d.value(lang == Lang.AR ? Field.TITLE_AR : Field.TITLE_EN)),
                "departure", replies.departure(d.departure(), lang));
        return Reply.privateAnswer(List.of(new Card(t.get(lang, "add.step1.title"), Fit.shorten(body, Limits.DESCRIPTION),
                List.of(), "")));
    }

    // ---- forms -----------------------------------------------------------------------------------

    /** A field's label in the form (Discord: at most 45 characters). */
    public String label(Lang lang, Field f) {
        return t.get(lang, "add.field." + f.id());
    }

    /** The example shown in an empty field (Discord: at most 100 characters). */
    public String hint(Lang lang, Field f) {
        return t.get(lang, "add.hint." + f.id());
    }

    /** The form's title (Discord: at most 45 characters). */
    public String title(Lang lang, Field.Step step) {
        return t.get(lang, "add.form." + step.id());
    }

    /** The button that opens a step's form. */
    public String button(Lang lang, IntakeOutcome o) {
        return o instanceof IntakeOutcome.Fix f ? t.get(lang, "add.button.fix", "step", f.step().number())
                : t.get(lang, "add.button.next");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Optional<Draft> mine(String id, long user) {
        return drafts.get(id).filter(d -> d.owner() == user);
    }

    private IntakeOutcome gone(String id, long user, Lang lang) {
        if (drafts.wasClaimed(id)) {
            return new IntakeOutcome.Done(replies.userError(lang, "add.already"));
        }
        boolean someoneElses = drafts.get(id).isPresent();
        return new IntakeOutcome.Done(replies.userError(lang, someoneElses ? "add.not_yours" : "add.expired"));
    }

    private static Optional<String> choice(String typed, List<String> allowed) {
        if (typed == null) {
            return Optional.empty();
        }
        String v = typed.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return allowed.contains(v) ? Optional.of(v) : Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
