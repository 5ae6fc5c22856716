package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Problem;
import org.newsdesk.resignations.dataset.ReviewedBy;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Refs;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.sourcing.Reloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two pairs of eyes: an entry (or a correction) an editor finishes in Discord waits here until
 * another editor approves it; only then is it written to the dataset files, served, and
 * announced through the ordinary change path (the reload's ledger comparison), once.
 *
 * <ul>
 *   <li>submit: checked like a file would be, then kept as pending ({@link PendingStore}) and
 *       posted to the review channel; nothing is served or announced.</li>
 *   <li>approve (an editor who is not among its authors): built with the reviewer's confidence,
 *       a note and {@code reviewed_by}, written (new entries to the additions file; corrections
 *       where the entry lives, or to the corrections file merged last), reloaded, dropped from
 *       the pending list.</li>
 *   <li>reject (a reason is required): never served; the author is told; the form is kept
 *       {@link #KEEP_REJECTED}, so it can still be edited and sent again, then dropped.</li>
 *   <li>edit: the form again; sending it puts the entry back in review, the editor among its authors.</li>
 * </ul>
 * One lock serialises every write (pending list, additions and corrections files): the shelf's
 * ({@link Shelf#exclusively}), which a fleet's processes share.
 */
public final class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

    public static final Duration KEEP_REJECTED = Duration.ofDays(30);
    public static final Duration REMIND_AFTER = Duration.ofDays(1);
    public static final int MAX_REASON = 1000;
    /** The console, which has no Discord user: an operator at the machine. */
    public static final long CONSOLE = 0L;

    /** What a reviewer's action came to: the answer for them, and whether the entry left review. */
    public record Decision(Reply reply, boolean done) {
    }

    private final Supplier<Directory> current;
    private final AdditionsFile additions;
    private final AdditionsFile corrections;
    private final Supplier<Reloader.Result> reload;
    private final PendingStore store;
    private final Replies replies;
    private final Templates t;
    private final ReviewedEntries entries;
    private final Clock clock;
    private final ReviewCards cards;
    private volatile ReviewChannel channel = ReviewChannel.NONE;

    /**
     * @param additions   where approved new entries are written
     * @param corrections where approved corrections of entries from other files are written (merged last)
     * @param reload      reads every dataset file again and swaps the result in (announcing what changed)
     */
    public ReviewService(Supplier<Directory> current, AdditionsFile additions, AdditionsFile corrections,
                         Supplier<Reloader.Result> reload, PendingStore store, Replies replies, Clock clock) {
        this.current = current;
        this.additions = additions;
        this.corrections = corrections;
        this.reload = reload;
        this.store = store;
        this.replies = replies;
        this.t = replies.templates();
        this.entries = new ReviewedEntries(additions, corrections, new EntryBuilder(t), t, clock);
        this.clock = clock;
        this.cards = new ReviewCards(current, replies);
    }

    /** Set by the Discord layer once connected (the review channel configured). */
    public void channel(ReviewChannel channel) {
        this.channel = channel;
    }

    // ---- submit ------------------------------------------------------------------------------

    /**
     * A finished form (new entry, correction, or an edit of one in review): checked, then kept
     * as pending and posted for review. Nothing is served. Called by {@link EntryIntake} with
     * the draft claimed.
     */
    IntakeOutcome submit(Draft d) {
        Lang lang = d.lang();
        try {
            return additions.shelf().exclusively(() -> {
                List<Pending> kept;
                try {
                    kept = kept();
                } catch (IOException e) {
                    return failed(lang, e, "reading the pending list");
                }
                Optional<Pending> before = kept.stream().filter(p -> p.id().equals(d.id())).findFirst();
                Directory dir = current.get();
                List<Flaw> who = SamePerson.flaws(d, dir, kept, additions, today());
                if (!who.isEmpty()) {
                    return new IntakeOutcome.Fix(FixReply.of(t, lang, Field.Step.WHO, who), d, Field.Step.WHO);
                }
                try {
                    Optional<IntakeOutcome> bad = entries.prepare(d, dir, Optional.empty(), Optional.empty()).problem();
                    if (bad.isPresent()) {
                        return bad.get();
                    }
                } catch (InvalidDatasetException e) {
                    LOG.warn("An entry from Discord was not sent for review: {} problem(s)\n{}", e.problems().size(),
                            e.problems().stream().map(Problem::describe).reduce((a, b) -> a + "\n" + b).orElse(""));
                    return new IntakeOutcome.Fix(replies.userError(lang, "add.invalid", "count", e.problems().size(),
                            "problems", Reloader.problems(e.problems())), d, Field.Step.WHY);
                } catch (IOException e) {
                    return failed(lang, e, "reading the additions file");
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Pending p;
                if (before.isPresent()) {
                    Set<Long> authors = new LinkedHashSet<>(before.get().authors());
                    authors.add(d.owner());
                    p = new Pending(d, List.copyOf(authors), before.get().submitted(), now, Pending.Status.PENDING, false,
                            Optional.empty());
                } else {
                    p = new Pending(d, List.of(d.owner()), now, now, Pending.Status.PENDING, false, Optional.empty());
                }
                try {
                    store.put(p);
                } catch (IOException e) {
                    return failed(lang, e, "saving the pending entry");
                }
                LOG.info("{} {} sent for review by user {}", p.correction() ? "Correction" : "Entry", p.id(), d.owner());
                post(p, before.isPresent() ? ReviewChannel.Why.EDITED : ReviewChannel.Why.SUBMITTED);
                String name = Markdown.escape(d.value(lang == Lang.AR ? Field.NAME_AR : Field.NAME_EN));
                return new IntakeOutcome.Done(Reply.privateAnswer(List.of(new Card(
                        t.get(lang, "review.sent.title", "name", name), t.get(lang, "review.sent", "id", p.id()), List.of(), ""))));
            });
        } catch (IOException e) {
            return busy(lang, e);
        }
    }

    // ---- approve -----------------------------------------------------------------------------

    /**
     * Serves the entry at once and lets the reload announce it.
     *
     * @param confidence "high", "medium" or "low" as the reviewer judges it; when not given, medium
     *                   for a new entry and unchanged for a correction
     */
    public Decision approve(String id, long reviewer, Optional<String> confidence, Lang lang) {
        Optional<Confidence> level = confidence.map(c -> c.strip().toLowerCase(Locale.ROOT)).flatMap(ReviewService::confidence);
        if (confidence.isPresent() && level.isEmpty()) {
            return refused(lang, "review.bad_confidence", "typed", Markdown.userText(confidence.get(), 40));
        }
        AtomicReference<Written> written = new AtomicReference<>();
        try {
            Optional<Decision> answered = additions.shelf().exclusively(() -> {
                Opened opened = reviewable(id, reviewer, lang);
                if (opened.refusal().isPresent()) {
                    return opened.refusal();
                }
                Pending p = opened.pending().orElseThrow();
                Directory dir = current.get();
                Optional<Entry> done;
                try {
                    done = entries.written(p, dir.snapshot());
                } catch (InvalidDatasetException e) {
                    return Optional.of(new Decision(replies.userError(lang, "add.invalid", "count", e.problems().size(),
                            "problems", Reloader.problems(e.problems())), false));
                }
                if (done.isPresent()) {
                    // written by an approval the process did not live to finish: finish it now, never write twice
                    try {
                        store.remove(List.of(id));
                    } catch (IOException e) {
                        return Optional.of(new Decision(failedReply(lang, e, "dropping an applied entry from the pending list"), false));
                    }
                    LOG.info("Review {}: already written as {}; dropped from the pending list", id, done.get().id());
                    return Optional.of(new Decision(replies.userError(lang, "review.already", "id", done.get().id()), true));
                }
                List<Flaw> who;
                try {
                    who = SamePerson.flaws(p.draft(), dir, kept(), additions, today());
                } catch (IOException e) {
                    return Optional.of(new Decision(failedReply(lang, e, "reading the pending list"), false));
                }
                if (!who.isEmpty()) {
                    return Optional.of(new Decision(FixReply.of(t, lang, Field.Step.WHO, who), false));
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                ReviewedBy by = new ReviewedBy(reviewerName(reviewer), now.toString());
                ReviewedEntries.Prepared ready;
                try {
                    ready = entries.prepare(p.draft(), dir, level, Optional.of(by));
                } catch (InvalidDatasetException e) {
                    return Optional.of(new Decision(replies.userError(lang, "add.invalid", "count", e.problems().size(),
                            "problems", Reloader.problems(e.problems())), false));
                } catch (IOException e) {
                    return Optional.of(new Decision(failedReply(lang, e, "reading the additions file"), false));
                }
                if (ready.problem().isPresent()) {
                    IntakeOutcome o = ready.problem().get();
                    return Optional.of(new Decision(o instanceof IntakeOutcome.Fix f ? f.reply() : ((IntakeOutcome.Done) o).reply(), false));
                }
                try {
                    ready.file().write(ready.candidate());
                } catch (Shelf.ChangedMeanwhile e) {
                    LOG.warn("Review {} not applied: {}", id, e.getMessage());
                    return Optional.of(new Decision(replies.userError(lang, "add.changed"), false));
                } catch (IOException e) {
                    return Optional.of(new Decision(failedReply(lang, e, "writing " + ready.file().where()), false));
                }
                try {
                    // written: the pending form has done its work (a failure here leaves it listed, and
                    // approving it again is refused as a duplicate, never written twice)
                    store.remove(List.of(id));
                } catch (IOException e) {
                    LOG.error("Review {}: the entry was written but could not be dropped from {}", id, "the pending list", e);
                }
                LOG.info("{} {} approved by user {} (authors {}), written to {}", p.correction() ? "Correction" : "Entry",
                        ready.entry().id(), reviewer, p.authors(), ready.file().where());
                written.set(new Written(ready, p, now));
                return Optional.<Decision>empty();
            });
            if (answered.isPresent()) {
                return answered.get();   // refused, or nothing to write: no reload
            }
        } catch (IOException e) {
            return new Decision(busy(lang, e).reply(), false);
        }
        // written and dropped from the pending list: the reload (seconds at 100,000 entries) runs
        // after the lock, so other editors' actions do not wait for it
        Written w = written.get();
        return new Decision(served(w.ready(), w.pending(), reviewer, w.at(), lang), true);
    }

    /** An approval written under the shelf's lock, to be served once the lock is released. */
    private record Written(ReviewedEntries.Prepared ready, Pending pending, Instant at) {
    }

    private Reply served(ReviewedEntries.Prepared ready, Pending p, long reviewer, Instant now, Lang lang) {
        String entryId = ready.entry().id();
        Reloader.Result r;
        try {
            r = reload.get();
        } catch (RuntimeException e) {
            String ref = Refs.next();
            LOG.error("ref {}: entry {} was saved but reloading the dataset failed", ref, entryId, e);
            return replies.userError(lang, "add.saved_reload_failed", "id", entryId, "ref", ref);
        }
        if (r instanceof Reloader.Invalid bad) {
            return replies.userError(lang, "add.saved_not_live", "id", entryId, "count", bad.problems().size(),
                    "problems", Reloader.problems(bad.problems()));
        }
        Snapshot live = ((Reloader.Loaded) r).snapshot();
        List<Card> pages = new ArrayList<>();
        pages.add(new Card(t.get(lang, p.correction() ? "review.approved.correction.title" : "review.approved.title",
                "name", Markdown.escape(ready.entry().name().in(lang))),
                t.get(lang, "review.approved", "id", entryId, "version", live.version(), "time", ReviewCards.TIME.format(now),
                        "confidence", t.get(lang, "notify.confidence." + ready.entry().confidence().name().toLowerCase(Locale.ROOT))),
                List.of(), ""));
        live.entry(entryId).ifPresent(e -> pages.addAll(replies.who(live, e, lang).pages()));
        return Reply.privateAnswer(pages);
    }

    // ---- reject and edit ---------------------------------------------------------------------

    /** Keeps it out of every reply and announcement, tells the author why, keeps the form 30 days. */
    public Decision reject(String id, long reviewer, String reason, Lang lang) {
        String why = FieldCheck.clean(Field.REASON_EN, reason);
        if (why.isEmpty()) {
            return refused(lang, "review.reason_missing", "max", MAX_REASON);
        }
        if (why.length() > MAX_REASON) {
            return refused(lang, "review.reason_too_long", "max", MAX_REASON, "length", why.length());
        }
        try {
            return additions.shelf().exclusively(() -> {
                Opened opened = reviewable(id, reviewer, lang);
                if (opened.refusal().isPresent()) {
                    return opened.refusal().get();
                }
                Pending p = opened.pending().orElseThrow();
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                Pending rejected = new Pending(p.draft(), p.authors(), p.submitted(), now, Pending.Status.REJECTED, p.reminded(),
                        Optional.of(new Pending.Rejection(reviewer, now, why)));
                try {
                    store.put(rejected);
                } catch (IOException e) {
                    return new Decision(failedReply(lang, e, "saving the rejection"), false);
                }
                LOG.info("Review {} rejected by user {}", id, reviewer);
                Lang authorLang = p.draft().lang();
                String name = name(p.draft(), authorLang);
                channel.tell(p.author(), Reply.privateAnswer(List.of(new Card(t.get(authorLang, "review.told.title", "name", name),
                        Fit.shorten(t.get(authorLang, "review.told", "reviewer", reviewerName(reviewer), "reason",
                                Markdown.userText(why, MAX_REASON), "id", id), Limits.DESCRIPTION), List.of(), ""))));
                return new Decision(Reply.privateAnswer(List.of(new Card(t.get(lang, "review.rejected.title", "name", name(p.draft(), lang)),
                        t.get(lang, "review.rejected", "id", id), List.of(), ""))), true);
            });
        } catch (IOException e) {
            return new Decision(busy(lang, e).reply(), false);
        }
    }

    /**
     * The draft of a pending or rejected entry, in {@code editor}'s hands, for the form again;
     * empty when there is none under that id.
     */
    public Optional<Draft> draftToEdit(String id, long editor) throws IOException {
        return additions.shelf().exclusively(() -> {
            return kept().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> p.draft().ownedBy(editor));
        });
    }

    // ---- lists and cards ---------------------------------------------------------------------

    /** What waits for review, oldest first, each with an action to open its card. */
    public Reply pending(Lang lang) {
        try {
            return cards.list(waiting(), lang);
        } catch (IOException e) {
            return failedReply(lang, e, "reading the pending list");
        }
    }

    /** Pending ones, oldest first (rejected ones past their 30 days are dropped on the way). */
    public List<Pending> waiting() throws IOException {
        return additions.shelf().exclusively(() -> {
            return kept().stream().filter(Pending::waiting).sorted(Comparator.comparing(Pending::updated)).toList();
        });
    }

    public Optional<Pending> find(String id) throws IOException {
        return additions.shelf().exclusively(() -> {
            return kept().stream().filter(p -> p.id().equals(id)).findFirst();
        });
    }

    /** The review card of one entry (every field, its source link), or what is wrong with the id. */
    public Reply show(String id, Lang lang) {
        try {
            Optional<Pending> p = find(id);
            return p.isEmpty() ? replies.userError(lang, "review.not_found", "id", Markdown.userText(id, 40)) : card(p.get(), lang, Optional.empty());
        } catch (IOException e) {
            return failedReply(lang, e, "reading the pending list");
        }
    }

    /** Every field as the form holds it; for a correction, what each changed field was. */
    public Reply card(Pending p, Lang lang, Optional<ReviewChannel.Why> why) {
        return cards.card(p, lang, why);
    }

    /** For an editor's who: the pending entries by this name (marked "pending review"), never served. */
    public List<Card> pendingFor(String typed, Lang lang) {
        try {
            return cards.matching(waiting(), typed, lang);
        } catch (IOException e) {
            LOG.warn("The pending list could not be read for an editor's who: {}", e.getMessage());
            return List.of();
        }
    }

    // ---- reminders ---------------------------------------------------------------------------

    /**
     * Mentions again, once, each entry that has waited over a day since it was last sent: the
     * flag is saved before the card is posted, so a restart never repeats it.
     *
     * @return how many were mentioned
     */
    public int remindDue() {
        List<Pending> due = new ArrayList<>();
        try {
            // marked under the shelf's lock: of a fleet's processes, one alone finds each entry unmarked
            additions.shelf().exclusively(() -> {
                Instant now = clock.instant();
                for (Pending p : kept()) {
                    if (p.waiting() && !p.reminded() && p.updated().plus(REMIND_AFTER).isBefore(now)) {
                        Pending marked = new Pending(p.draft(), p.authors(), p.submitted(), p.updated(), p.status(), true,
                                p.rejection());
                        store.put(marked);
                        due.add(marked);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            LOG.warn("Reminders of entries waiting for review could not be saved: {}", e.getMessage(), e);
        }
        due.forEach(p -> post(p, ReviewChannel.Why.REMINDER));
        return due.size();
    }

    /**
     * Looks for entries waiting too long every {@code every}, on a thread of its own; a failure
     * is logged and the next round goes on. Close the result to stop it.
     */
    public AutoCloseable remindEvery(Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "review-reminders");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                remindDue();
            } catch (RuntimeException e) {
                LOG.error("ref {}: looking for entries waiting for review failed; tried again in {}", Refs.next(), every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return timer::shutdownNow;
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The kept list, rejected forms past {@link #KEEP_REJECTED} dropped (durably) on the way. */
    private List<Pending> kept() throws IOException {
        List<Pending> all = store.all();
        Instant cutoff = clock.instant().minus(KEEP_REJECTED);
        List<String> expired = all.stream().filter(p -> !p.waiting() && p.updated().isBefore(cutoff)).map(Pending::id).toList();
        if (!expired.isEmpty()) {
            store.remove(expired);
            LOG.info("Rejected form(s) {} dropped after {} days", expired, KEEP_REJECTED.toDays());
            return all.stream().filter(p -> !expired.contains(p.id())).toList();
        }
        return all;
    }

    /** A pending entry by id (not a rejected one: it must be edited to come back). */
    private Optional<Pending> open(String id) throws IOException {
        return kept().stream().filter(p -> p.id().equals(id) && p.waiting()).findFirst();
    }

    /** The waiting entry under {@code id} that {@code reviewer} may decide on, or the answer why not (inside {@link Shelf#exclusively}). */
    private Opened reviewable(String id, long reviewer, Lang lang) {
        try {
            Optional<Pending> found = open(id);
            if (found.isEmpty()) {
                return Opened.no(refused(lang, "review.not_found", "id", Markdown.userText(id, 40)));
            }
            return mayReview(found.get(), reviewer, lang).map(Opened::no).orElseGet(() -> Opened.yes(found.get()));
        } catch (IOException e) {
            return Opened.no(new Decision(failedReply(lang, e, "reading the pending list"), false));
        }
    }

    private record Opened(Optional<Pending> pending, Optional<Decision> refusal) {
        static Opened yes(Pending p) {
            return new Opened(Optional.of(p), Optional.empty());
        }

        static Opened no(Decision d) {
            return new Opened(Optional.empty(), Optional.of(d));
        }
    }

    private Optional<Decision> mayReview(Pending p, long reviewer, Lang lang) {
        if (p.authors().contains(reviewer)) {
            LOG.info("Review {}: user {} is among its authors and may not review it", p.id(), reviewer);
            return Optional.of(refused(lang, "review.own"));
        }
        return Optional.empty();
    }

    private void post(Pending p, ReviewChannel.Why why) {
        try {
            channel.review(p, card(p, p.draft().lang(), Optional.of(why)), why);
        } catch (RuntimeException e) {
            LOG.error("Review {}: the card could not be posted to the review channel", p.id(), e);
        }
    }

    private Decision refused(Lang lang, String key, Object... args) {
        return new Decision(replies.userError(lang, key, args), false);
    }

    /** The shelf's lock could not be had: another editor's review holds it (or the database is out of reach). */
    private IntakeOutcome.Done busy(Lang lang, IOException e) {
        LOG.warn("A review action waited for the review lock in vain: {}", e.getMessage());
        return new IntakeOutcome.Done(replies.userError(lang, "review.busy"));
    }

    private IntakeOutcome failed(Lang lang, IOException e, String what) {
        return new IntakeOutcome.Done(failedReply(lang, e, what));
    }

    private Reply failedReply(Lang lang, IOException e, String what) {
        String ref = Refs.next();
        LOG.error("ref {}: review failed {}", ref, what, e);
        return replies.failure(lang, ref);
    }

    private static String name(Draft d, Lang lang) {
        return ReviewCards.name(d, lang);
    }

    static String reviewerName(long user) {
        return user == CONSOLE ? "console" : Long.toUnsignedString(user);
    }

    private static Optional<Confidence> confidence(String typed) {
        for (Confidence c : Confidence.values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(typed)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
