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
    private final AdditionsFile additions;
    private final Supplier<Reloader.Result> reload;
    private final Drafts drafts;
    private final EntryBuilder builder;
    private final Replies replies;
    private final Templates t;
    private final Clock clock;
    private final Object writing = new Object();

    /** @param reload reads every dataset file again (the additions file included) and swaps the result in */
    public EntryIntake(Supplier<Directory> current, AdditionsFile additions, Supplier<Reloader.Result> reload,
                       Drafts drafts, Replies replies, Clock clock) {
        this.current = current;
        this.additions = additions;
        this.reload = reload;
        this.drafts = drafts;
        this.replies = replies;
        this.t = replies.templates();
        this.builder = new EntryBuilder(t);
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
        if (step == Field.Step.WHY && !FieldCheck.check(Field.Step.WHO, d.get().values(), current.get(), today()).isEmpty()) {
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
        List<Flaw> flaws = FieldCheck.check(step, d.values(), dir, today());
        if (!flaws.isEmpty()) {
            return new IntakeOutcome.Fix(fix(d, step, flaws), d, step);
        }
        if (step == Field.Step.WHO) {
            return new IntakeOutcome.Next(stepDone(d, dir), d, Field.Step.WHY);
        }
        return add(d);   // which checks the first step again, under the write lock
    }

    // ---- writing ---------------------------------------------------------------------------------

    private IntakeOutcome add(Draft d) {
        Lang lang = d.lang();
        synchronized (writing) {
            // one submit of a draft writes: another (a form sent twice) finds it taken
            if (drafts.claim(d.id(), d.owner()).isEmpty()) {
                return new IntakeOutcome.Done(replies.userError(lang, "add.already"));
            }
            IntakeOutcome o = null;
            try {
                o = write(d, lang);
                return o;
            } finally {
                if (!(o instanceof IntakeOutcome.Done)) {
                    drafts.put(d);   // nothing written (or a failure): the editor can fix the form and send it again
                }
            }
        }
    }

    /** Under the lock, with the draft claimed: checks again, writes, reloads. */
    private IntakeOutcome write(Draft d, Lang lang) {
        Directory dir = current.get();
        Snapshot now = dir.snapshot();
        Optional<Snapshot> saved;
        EntryBuilder.Built built;
        AdditionsFile.Candidate candidate;
        try {
            saved = additions.read();
            // again, now that no other add can run: the same person may just have been added,
            // and the additions file may hold entries not served (when the dataset failed to load)
            List<Flaw> who = new ArrayList<>(FieldCheck.check(Field.Step.WHO, d.values(), dir, today()));
            if (who.isEmpty() && saved.isPresent()) {
                FieldCheck.existing(d.value(Field.NAME_EN), d.value(Field.NAME_AR), saved.get().entries()).ifPresent(who::add);
            }
            if (!who.isEmpty()) {
                return new IntakeOutcome.Fix(fix(d, Field.Step.WHO, who), d, Field.Step.WHO);
            }
            built = builder.build(d, dir, today(),
                    id -> saved.isPresent() && (saved.get().entry(id).isPresent() || saved.get().source(id).isPresent()));
            candidate = additions.with(built, now.dataset().dataset(), saved);
            // checked with the dataset in force too: references and ids across files
            DatasetSources.merge(List.of(candidate.snapshot(), now), clock);
        } catch (InvalidDatasetException e) {
            LOG.warn("An entry from Discord was not added: {} problem(s)\n{}", e.problems().size(),
                    e.problems().stream().map(Problem::describe).reduce((a, b) -> a + "\n" + b).orElse(""));
            return new IntakeOutcome.Fix(replies.userError(lang, "add.invalid", "count", e.problems().size(),
                    "problems", Reloader.problems(e.problems())), d, Field.Step.WHY);
        }
        try {
            additions.write(candidate);
        } catch (AdditionsFile.ChangedMeanwhile e) {
            LOG.warn("Entry {} not added: {}", built.entry().id(), e.getMessage());
            return new IntakeOutcome.Fix(replies.userError(lang, "add.changed"), d, Field.Step.WHY);
        } catch (IOException e) {
            String ref = Refs.next();
            LOG.error("ref {}: could not write {}", ref, additions.path(), e);
            return new IntakeOutcome.Fix(replies.failure(lang, ref), d, Field.Step.WHY);
        }
        LOG.info("Entry {} added from Discord by user {} to {}", built.entry().id(), d.owner(), additions.path());
        Reloader.Result r;
        try {
            r = reload.get();
        } catch (RuntimeException e) {
            String ref = Refs.next();
            LOG.error("ref {}: entry {} was saved but reloading the dataset failed", ref, built.entry().id(), e);
            return new IntakeOutcome.Done(replies.userError(lang, "add.saved_reload_failed", "id", built.entry().id(), "ref", ref));
        }
        if (r instanceof Reloader.Invalid bad) {
            return new IntakeOutcome.Done(replies.userError(lang, "add.saved_not_live", "id", built.entry().id(),
                    "count", bad.problems().size(), "problems", Reloader.problems(bad.problems())));
        }
        Snapshot live = ((Reloader.Loaded) r).snapshot();
        return new IntakeOutcome.Done(added(live, built, lang));
    }

    // ---- replies ---------------------------------------------------------------------------------

    private Reply fix(Draft d, Field.Step step, List<Flaw> flaws) {
        Lang lang = d.lang();
        StringBuilder b = new StringBuilder(t.get(lang, "add.fix.intro", "step", step.number()));
        for (Flaw f : flaws) {
            List<Object> args = new ArrayList<>(f.args());
            for (int i = 1; i < args.size(); i += 2) {
                if ("typed".equals(args.get(i - 1))) {
                    args.set(i, Markdown.userText(String.valueOf(args.get(i)), 200));   // what the editor typed, shown safely
                } else if ("name".equals(args.get(i - 1))) {
                    args.set(i, Markdown.escape(String.valueOf(args.get(i))));
                }
            }
            args.add("field");
            args.add(label(lang, f.field()));
            b.append("\n• ").append(t.get(lang, f.key(), args.toArray()));
        }
        b.append("\n\n").append(t.get(lang, "add.fix.again"));
        return Reply.userError(new Card(t.get(lang, "add.fix.title"), Fit.shorten(b.toString(), Limits.DESCRIPTION),
                List.of(), ""), List.of());
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

    private Reply added(Snapshot live, EntryBuilder.Built built, Lang lang) {
        String body = t.get(lang, "add.done", "id", built.entry().id(), "version", live.version(),
                "file", Markdown.escape(additions.path().getFileName().toString()));
        List<Card> pages = new ArrayList<>();
        pages.add(new Card(t.get(lang, "add.done.title", "name", Markdown.escape(built.entry().name().in(lang))), body, List.of(), ""));
        live.entry(built.entry().id()).ifPresent(e -> pages.addAll(replies.who(live, e, lang).pages()));
        return Reply.privateAnswer(pages);
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
