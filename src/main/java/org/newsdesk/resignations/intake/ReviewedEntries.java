package org.newsdesk.resignations.intake;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Note;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.ReviewedBy;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.sourcing.DatasetSources;

/**
 * The entry an approval writes, and where: a new entry built from its form for the additions
 * file; a correction put together from the served entry and the fields the form changed, for the
 * file the entry lives in (the additions file) or else the corrections file, with the sources it
 * cites. Each is validated like a file, alone and merged with the dataset in force.
 */
final class ReviewedEntries {

    private final AdditionsFile additions;
    private final AdditionsFile corrections;
    private final EntryBuilder builder;
    private final Templates t;
    private final Clock clock;

    ReviewedEntries(AdditionsFile additions, AdditionsFile corrections, EntryBuilder builder, Templates templates, Clock clock) {
        this.additions = additions;
        this.corrections = corrections;
        this.builder = builder;
        this.t = templates;
        this.clock = clock;
    }

    /**
     * The entry as it would be served, in the file it goes to, validated alone and with the
     * dataset in force; or, in {@code problem}, what to fix.
     */
    record Prepared(Entry entry, AdditionsFile file, AdditionsFile.Candidate candidate,
                            Optional<IntakeOutcome> problem) {
        static Prepared refused(IntakeOutcome o) {
            return new Prepared(null, null, null, Optional.of(o));
        }
    }

    /** @param confidence as the reviewer sets it; else medium for a new entry, unchanged for a correction */
    Prepared prepare(Draft d, Directory dir, Optional<Confidence> confidence, Optional<ReviewedBy> by)
            throws InvalidDatasetException, IOException {
        Snapshot now = dir.snapshot();
        Optional<Snapshot> savedAdditions = additions.read();
        LocalDate today = today();
        String day = by.map(b -> b.at().substring(0, 10)).orElse(today.toString());
        if (d.target().isEmpty()) {
            EntryBuilder.Built built = builder.build(d, dir, today, id -> savedAdditions.isPresent()
                    && (savedAdditions.get().entry(id).isPresent() || savedAdditions.get().source(id).isPresent()));
            Entry e = reviewed(built.entry(), confidence.orElse(Confidence.MEDIUM), by.isPresent()
                    ? text("review.entry.confidence", "added", built.entry().added().toString(), "outlet", d.value(Field.OUTLET),
                    "date", day) : built.entry().confidenceNote(), by);
            AdditionsFile.Candidate c = additions.with(e, List.of(built.source()), built.agency(), now.dataset().dataset(),
                    savedAdditions);
            DatasetSources.merge(List.of(c.snapshot(), now), clock);
            return new Prepared(e, additions, c, Optional.empty());
        }
        Entry old = now.entry(d.target().get()).orElseThrow();
        Optional<Snapshot> savedCorrections = corrections.read();
        EntryBuilder.Built built = builder.build(d, dir, today, id -> savedCorrections.isPresent()
                && (savedCorrections.get().entry(id).isPresent() || savedCorrections.get().source(id).isPresent()));
        Entry fresh = built.entry();
        Draft was = asDraft(old, d, now);
        boolean nameChanged = !d.value(Field.NAME_EN).equals(was.value(Field.NAME_EN)) || !d.value(Field.NAME_AR).equals(was.value(Field.NAME_AR));
        boolean agencyChanged = !built.agency().id().equals(old.agency());
        boolean titleChanged = !d.value(Field.TITLE_EN).equals(was.value(Field.TITLE_EN)) || !d.value(Field.TITLE_AR).equals(was.value(Field.TITLE_AR));
        boolean dateChanged = !Objects.equals(PartialDate.typed(d.value(Field.DATE)).map(PartialDate::toString),
                PartialDate.typed(was.value(Field.DATE)).map(PartialDate::toString));
        boolean reasonChanged = !d.value(Field.REASON_EN).equals(was.value(Field.REASON_EN)) || !d.value(Field.REASON_AR).equals(was.value(Field.REASON_AR));
        boolean departureChanged = d.departure() != was.departure();
        if (!(nameChanged || agencyChanged || titleChanged || dateChanged || reasonChanged || departureChanged)) {
            return Prepared.refused(new IntakeOutcome.Fix(FixReply.of(t, d.lang(), Field.Step.WHO,
                    List.of(Flaw.of(Field.NAME_EN, "review.flaw.nothing_changed"))), d, Field.Step.WHO));
        }
        Entry corrected = new Entry(old.id(), old.added(), nameChanged ? fresh.name() : old.name(), old.aliases(),
                agencyChanged ? built.agency().id() : old.agency(), old.inArticle(), old.confidence(), old.confidenceNote(),
                departureChanged ? fresh.departure() : old.departure(), agencyChanged ? fresh.office() : old.office(),
                titleChanged ? fresh.title() : old.title(), dateChanged ? fresh.announced() : old.announced(), old.effective(),
                reasonChanged ? fresh.statedReason() : old.statedReason(), old.reportedReason(), old.notes(), old.reviewedBy());
        Entry e = reviewed(corrected, confidence.orElse(old.confidence()), by.isPresent()
                ? text("review.correction.confidence", "date", day, "outlet", d.value(Field.OUTLET)) : old.confidenceNote(), by);
        // the file it goes to: where the entry lives when it is one added from Discord, else the corrections file
        boolean inAdditions = savedAdditions.isPresent() && savedAdditions.get().entry(old.id()).isPresent();
        AdditionsFile file = inAdditions ? additions : corrections;
        Optional<Snapshot> saved = inAdditions ? savedAdditions : savedCorrections;
        List<Source> cited = new ArrayList<>();
        for (String sid : cites(e)) {
            if (sid.equals(built.source().id())) {
                cited.add(built.source());
            } else {
                now.source(sid).ifPresent(cited::add);
            }
        }
        Agency agency = now.agencies().stream().filter(a -> a.id().equals(e.agency())).findFirst().orElse(built.agency());
        AdditionsFile.Candidate c = file.with(e, cited, agency, now.dataset().dataset(), saved);
        DatasetSources.merge(inAdditions ? List.of(now, c.snapshot()) : List.of(now, c.snapshot()), clock);
        return new Prepared(e, file, c, Optional.empty());
    }

    /**
     * The entry this pending one already became (an approval written to the file whose process
     * died before dropping it from the pending list), served or in the additions or corrections
     * file: a reviewed entry of the same name citing a source with the same link.
     */
    Optional<Entry> written(Pending p, Snapshot served) throws InvalidDatasetException {
        Optional<Entry> found = alreadyWritten(p, served);
        // a process of a fleet that wrote it and died before its reload: in the files, not yet served here
        for (AdditionsFile f : List.of(additions, corrections)) {
            if (found.isEmpty()) {
                Optional<Snapshot> saved = f.read();
                if (saved.isPresent()) {
                    found = alreadyWritten(p, saved.get());
                }
            }
        }
        return found;
    }

    private static Optional<Entry> alreadyWritten(Pending p, Snapshot now) {
        Draft d = p.draft();
        String url = d.value(Field.SOURCE_URL);
        for (Entry e : d.target().map(t -> now.entry(t).stream().toList()).orElse(now.entries())) {
            if (e.reviewedBy() == null || (d.target().isEmpty() && FieldCheck.existing(d.value(Field.NAME_EN),
                    d.value(Field.NAME_AR), List.of(e)).isEmpty())) {
                continue;
            }
            boolean cites = cites(e).stream().map(now::source).flatMap(Optional::stream).anyMatch(s -> s.url().equals(url));
            Instant at = Instant.parse(e.reviewedBy().at());
            if (cites && !at.isBefore(p.updated())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Entry reviewed(Entry e, Confidence confidence, Text note, Optional<ReviewedBy> by) {
        return new Entry(e.id(), e.added(), e.name(), e.aliases(), e.agency(), e.inArticle(), confidence, note,
                e.departure(), e.office(), e.title(), e.announced(), e.effective(), e.statedReason(), e.reportedReason(),
                e.notes(), by.orElse(e.reviewedBy()));
    }

    /** Every source id an entry cites (facts, their notes, and the entry's notes). */
    private static Set<String> cites(Entry e) {
        Set<String> out = new LinkedHashSet<>();
        List<Fact<?>> facts = new ArrayList<>(List.of(e.departure(), e.office(), e.title(), e.announced(), e.statedReason(),
                e.reportedReason()));
        if (e.effective() != null) {
            facts.add(e.effective());
        }
        for (Fact<?> f : facts) {
            for (Attested<?> a : f.values()) {
                out.addAll(a.sources());
            }
        }
        for (Note n : e.notes()) {
            out.addAll(n.sources());
        }
        return out;
    }

    /** The form as an entry fills it: the values the dataset stands behind (for a correction). */
    public static Draft asDraft(Entry e, Draft like, Snapshot in) {
        Map<Field, String> v = new EnumMap<>(Field.class);
        v.put(Field.NAME_EN, e.name().en());
        v.put(Field.NAME_AR, e.name().ar());
        // the agency as an editor would type it (the form resolves it back to its id)
        v.put(Field.AGENCY, in.agency(e.agency()).map(a -> a.shortName().en()).orElse(e.agency()));
        e.title().primary().ifPresent(a -> {
            v.put(Field.TITLE_EN, a.value().en());
            v.put(Field.TITLE_AR, a.value().ar());
        });
        e.announced().primary().ifPresent(a -> v.put(Field.DATE, a.value().toString()));
        e.statedReason().primary().ifPresent(a -> {
            v.put(Field.REASON_EN, a.value().en());
            v.put(Field.REASON_AR, a.value().ar());
        });
        v.put(Field.SOURCE_URL, like.value(Field.SOURCE_URL));
        v.put(Field.OUTLET, like.value(Field.OUTLET));
        return new Draft(like.id(), like.owner(), like.lang(),
                e.departure().primary().map(Attested::value).orElse(like.departure()), like.sourceKind(),
                like.sourceLanguage(), v, Optional.of(e.id()));
    }

    private Text text(String key, Object... args) {
        return new Text(t.get(Lang.EN, key, args), t.get(Lang.AR, key, args));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
