package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.factcheck.Evidence.Field;

/**
 * Compares each assertion with the entry, value by value and by standing. The rule throughout:
 * only a value the dataset stands behind (preferred) makes a claim consistent; a claim matching
 * only an alternative, or a fact the dataset leaves contested, is disputed; matching a rejected
 * value, or differing from what the dataset stands behind, is a contradiction; anything the
 * dataset cannot settle (a day where it only knows the month, a date it does not record) is not
 * covered. When in doubt the verdict is "not covered", never "consistent".
 */
final class Judge {

    /** A verdict plus the values that carry the claimed value (for checking an attribution). */
    record Outcome(Judgement judgement, List<Evidence> matched, List<Evidence> considered) {
    }

    private final Snapshot snapshot;
    private final Function<Entry, EntryProfile> profiles;
    private final Function<String, Set<String>> outletsOfSource;

    Judge(Snapshot snapshot, Function<Entry, EntryProfile> profiles, Function<String, Set<String>> outletsOfSource) {
        this.snapshot = snapshot;
        this.profiles = profiles;
        this.outletsOfSource = outletsOfSource;
    }

    Outcome judge(Entry e, Assertion a) {
        Claimed c = a.claimed();
        if (c instanceof Claimed.DepartureOf d) {
            return departure(e, a, d);
        } else if (c instanceof Claimed.DateOf d) {
            return date(e, a, d);
        } else if (c instanceof Claimed.AgencyOf g) {
            return agency(e, a, g);
        } else if (c instanceof Claimed.Office o) {
            return office(e, a, o);
        } else if (c instanceof Claimed.Title t) {
            return title(e, a, t);
        } else if (c instanceof Claimed.Reason r) {
            return reason(e, a, r);
        }
        throw new IllegalArgumentException("not judged per entry: " + c);
    }

    private static Outcome outcome(Assertion a, Verdict v, String why, List<Evidence> ours, List<Evidence> carriers,
                                   List<Evidence> matched, List<Evidence> considered) {
        return new Outcome(new Judgement(a, v, why, ours, carriers, List.of()), matched, considered);
    }

    private static <T> List<Evidence> all(Field f, List<Attested<T>> values) {
        return values.stream().map(v -> Evidence.of(f, v)).toList();
    }

    /** What the dataset stands behind, followed by the alternatives when the point is disputed. */
    private static <T> List<Evidence> credible(Field f, Fact<T> fact) {
        return all(f, fact.credible());
    }

    // ---- departure --------------------------------------------------------------------------

    static boolean compatible(Departure claimed, Departure held) {
        if (claimed == held) {
            return true;
        }
        return pair(claimed, held, Departure.RESIGNED, Departure.MILITARY_SEPARATION)
                || pair(claimed, held, Departure.PUSHED_OUT, Departure.FIRED)
                || pair(claimed, held, Departure.PUSHED_OUT, Departure.CONTRACT_ENDED);
    }

    private static boolean pair(Departure a, Departure b, Departure x, Departure y) {
        return (a == x && b == y) || (a == y && b == x);
    }

    private Outcome departure(Entry e, Assertion a, Claimed.DepartureOf d) {
        Fact<Departure> f = e.departure();
        List<Attested<Departure>> matched = f.values().stream().filter(v -> compatible(d.kind(), v.value())).toList();
        List<Evidence> considered = all(Field.DEPARTURE, f.values());
        List<Evidence> m = all(Field.DEPARTURE, matched);
        return byStanding(a, Field.DEPARTURE, f, matched, m, considered, "differs");
    }

    /** The common verdict: preferred → consistent, alternative → disputed, rejected → contradicted. */
    private <T> Outcome byStanding(Assertion a, Field field, Fact<T> f, List<Attested<T>> matched, List<Evidence> m,
                                   List<Evidence> considered, String whyDiffers) {
        List<Evidence> ours = credible(field, f);
        if (matched.stream().anyMatch(v -> v.standing() == Standing.PREFERRED)) {
            boolean settled = f.status() == Fact.Status.SETTLED || f.status() == Fact.Status.UNCONFIRMED;
            return outcome(a, Verdict.CONSISTENT, settled ? "supported" : "supported_disputed",
                    ours, List.of(), m, considered);
        }
        if (matched.stream().anyMatch(v -> v.standing() == Standing.ALTERNATIVE)) {
            return outcome(a, Verdict.DISPUTED, f.status() == Fact.Status.CONTESTED ? "contested" : "disputed",
                    ours, List.of(), m, considered);
        }
        // an unconfirmed value is named with its sources, never counted as support
        List<Evidence> unconfirmed = all(field, matched.stream().filter(v -> v.standing() == Standing.UNCONFIRMED).toList());
        if (!unconfirmed.isEmpty()) {
            return outcome(a, Verdict.UNCONFIRMED, "unconfirmed", ours, unconfirmed, m, considered);
        }
        List<Evidence> rejected = all(field, matched.stream().filter(v -> v.standing() == Standing.REJECTED).toList());
        if (!rejected.isEmpty()) {
            return outcome(a, Verdict.CONTRADICTED, "rejected", ours, rejected, m, considered);
        }
        return outcome(a, Verdict.CONTRADICTED, whyDiffers, ours, List.of(), m, considered);
    }

    // ---- dates ------------------------------------------------------------------------------

    private Outcome date(Entry e, Assertion a, Claimed.DateOf d) {
        List<Outcome> perFact = new ArrayList<>();
        switch (d.role()) {
            case ANNOUNCED -> perFact.add(dateFact(a, d, e.announced(), Field.ANNOUNCED));
            case EFFECTIVE -> {
                if (e.effective() == null) {
                    return outcome(a, Verdict.NOT_COVERED, "no_effective", credible(Field.ANNOUNCED, e.announced()),
                            List.of(), List.of(), all(Field.ANNOUNCED, e.announced().values()));
                }
                perFact.add(dateFact(a, d, e.effective(), Field.EFFECTIVE));
            }
            default -> {
                perFact.add(dateFact(a, d, e.announced(), Field.ANNOUNCED));
                if (e.effective() != null) {
                    perFact.add(dateFact(a, d, e.effective(), Field.EFFECTIVE));
                }
            }
        }
        for (Verdict v : List.of(Verdict.CONSISTENT, Verdict.DISPUTED, Verdict.UNCONFIRMED, Verdict.NOT_COVERED)) {
            for (Outcome o : perFact) {
                if (o.judgement().verdict() == v) {
                    if (d.role() == Claimed.DateRole.SUBMITTED && v != Verdict.CONSISTENT) {
                        return submitted(a, e, perFact);
                    }
                    return o;
                }
            }
        }
        if (d.role() == Claimed.DateRole.SUBMITTED) {
            return submitted(a, e, perFact);
        }
        // every date the dataset holds differs: contradicted, naming any source that carries the claimed date
        List<Evidence> ours = new ArrayList<>();
        List<Evidence> carriers = new ArrayList<>();
        List<Evidence> matched = new ArrayList<>();
        List<Evidence> considered = new ArrayList<>();
        for (Outcome o : perFact) {
            ours.addAll(o.judgement().ours());
            carriers.addAll(o.judgement().carriers());
            matched.addAll(o.matched());
            considered.addAll(o.considered());
        }
        return outcome(a, Verdict.CONTRADICTED, carriers.isEmpty() ? "differs" : "rejected", ours, carriers, matched, considered);
    }

    /** The dataset records when a departure was announced and took effect, not when the letter went in. */
    private Outcome submitted(Assertion a, Entry e, List<Outcome> perFact) {
        List<Evidence> considered = new ArrayList<>();
        perFact.forEach(o -> considered.addAll(o.considered()));
        return outcome(a, Verdict.NOT_COVERED, "not_submitted", credible(Field.ANNOUNCED, e.announced()), List.of(),
                List.of(), considered);
    }

    private Outcome dateFact(Assertion a, Claimed.DateOf d, Fact<PartialDate> f, Field field) {
        List<Attested<PartialDate>> contains = new ArrayList<>();
        boolean partialPreferred = false;
        boolean partialAny = false;
        for (Attested<PartialDate> v : f.values()) {
            DateFit fit = DateFit.of(d, v.value(), v.part());
            if (fit == DateFit.CONTAINS) {
                contains.add(v);
            } else if (fit == DateFit.PARTIAL && v.standing() != Standing.REJECTED) {
                partialAny = true;
                partialPreferred |= v.standing() == Standing.PREFERRED;
            }
        }
        List<Evidence> considered = all(field, f.values());
        List<Evidence> m = all(field, contains);
        boolean credibleMatch = contains.stream().anyMatch(v -> v.standing() != Standing.REJECTED);
        if (!credibleMatch && (partialPreferred || (f.preferred().isEmpty() && partialAny))) {
            return outcome(a, Verdict.NOT_COVERED, "less_precise", credible(field, f), List.of(), m, considered);
        }
        return byStanding(a, field, f, contains, m, considered, "differs");
    }

    // ---- agency, office, title --------------------------------------------------------------

    private Evidence agencyEvidence(Entry e) {
        Agency agency = snapshot.agency(e.agency()).orElseThrow();
        List<String> sources = e.office().primary().map(Attested::sources)
                .or(() -> e.title().primary().map(Attested::sources)).orElse(List.of());
        return new Evidence(Field.AGENCY, agency, null, Standing.PREFERRED, sources, null);
    }

    private Outcome agency(Entry e, Assertion a, Claimed.AgencyOf g) {
        Evidence ours = agencyEvidence(e);
        EntryProfile p = profiles.apply(e);
        List<Evidence> considered = new ArrayList<>(all(Field.OFFICE, e.office().values()));
        considered.addAll(all(Field.TITLE, e.title().values()));
        if (g.agencyId().equals(e.agency())) {
            return outcome(a, Verdict.CONSISTENT, "supported", List.of(ours), List.of(), List.of(ours), considered);
        }
        List<Evidence> carriers = new ArrayList<>();
        List<Evidence> matched = new ArrayList<>();
        for (EntryProfile.ValueInfo v : p.titles) {
            if (v.value().standing() != Standing.PREFERRED && v.agencies().contains(g.agencyId())) {
                carriers.add(Evidence.of(Field.TITLE, v.value()));
            }
        }
        for (EntryProfile.ValueInfo v : p.offices) {
            if (v.value().standing() != Standing.PREFERRED && v.agencies().contains(g.agencyId())) {
                carriers.add(Evidence.of(Field.OFFICE, v.value()));
            }
        }
        matched.addAll(carriers);
        if (g.agencyId().equals(Lexicon.PARENT_AGENCY.get(e.agency()))) {
            return outcome(a, Verdict.NOT_COVERED, "parent_agency", List.of(ours), List.of(), matched, considered);
        }
        if (carriers.stream().anyMatch(c -> c.standing() == Standing.ALTERNATIVE)) {
            return outcome(a, Verdict.DISPUTED, "disputed", List.of(ours), carriers, matched, considered);
        }
        return outcome(a, Verdict.CONTRADICTED, carriers.isEmpty() ? "differs" : "rejected", List.of(ours), carriers,
                matched, considered);
    }

    private Outcome office(Entry e, Assertion a, Claimed.Office o) {
        Set<String> claimed = Set.of(o.phrase().split("\\|"));
        EntryProfile p = profiles.apply(e);
        List<Attested<Text>> matched = new ArrayList<>();
        int best = 0;
        for (EntryProfile.ValueInfo v : p.offices) {
            int shared = (int) v.pairs().stream().filter(claimed::contains).count();
            if (shared > best) {
                best = shared;
                matched.clear();
            }
            if (shared == best && shared > 0) {
                matched.add(v.value());
            }
        }
        return byStanding(a, Field.OFFICE, e.office(), matched, all(Field.OFFICE, matched), all(Field.OFFICE, e.office().values()),
                "differs");
    }

    private Outcome title(Entry e, Assertion a, Claimed.Title t) {
        EntryProfile p = profiles.apply(e);
        List<Attested<Text>> fits = new ArrayList<>();
        boolean roleOnly = false;
        boolean conflict = false;
        String opposite = Lexicon.ROLE_CONFLICTS.get(t.role());
        for (EntryProfile.ValueInfo v : p.titles) {
            boolean role = v.roles().contains(t.role());
            boolean where = t.agencyId().isEmpty() || v.agencies().contains(t.agencyId().get());
            if (role && where) {
                fits.add(v.value());
            }
            if (v.value().standing() == Standing.PREFERRED) {
                roleOnly |= role && !where;
                conflict |= opposite != null && v.roles().contains(opposite);
            }
        }
        List<Evidence> considered = all(Field.TITLE, e.title().values());
        List<Evidence> m = all(Field.TITLE, fits);
        List<Evidence> ours = credible(Field.TITLE, e.title());
        if (!fits.isEmpty()) {
            return byStanding(a, Field.TITLE, e.title(), fits, m, considered, "differs");
        }
        if (conflict || roleOnly) {
            return outcome(a, Verdict.CONTRADICTED, "differs", ours, List.of(), m, considered);
        }
        return outcome(a, Verdict.NOT_COVERED, "role_absent", ours, List.of(), m, considered);
    }

    // ---- reasons ----------------------------------------------------------------------------

    static boolean nonProtest(Attested<Text> v) {
        Set<String> tags = Set.copyOf(v.tags());
        boolean personal = tags.stream().anyMatch(Lexicon.PERSONAL::contains);
        boolean policy = tags.stream().anyMatch(t -> Lexicon.POLICY.contains(t) && !t.equals("civilian-toll"));
        return personal && !policy;
    }

    static boolean protestive(Attested<Text> v) {
        return !nonProtest(v) && v.tags().stream().anyMatch(t -> Lexicon.POLICY.contains(t) || t.equals("personal-loss"));
    }

    private static boolean protestOnly(Attested<Text> v) {
        return protestive(v) && v.tags().stream().noneMatch(t -> Lexicon.PERSONAL.contains(t) || t.equals("personal-loss"));
    }

    private static boolean satisfies(Attested<Text> v, Set<String> group) {
        for (String t : group) {
            if (v.tags().contains(t) || (t.equals("gaza-policy") && protestive(v)) || (t.equals("not-protest") && nonProtest(v))) {
                return true;
            }
        }
        return false;
    }

    static boolean supports(Attested<Text> v, Claimed.Reason r) {
        if (r.groups().isEmpty() && !r.protest()) {
            return false;
        }
        return r.groups().stream().allMatch(g -> satisfies(v, g)) && (!r.protest() || protestive(v));
    }

    private static boolean overlaps(Attested<Text> v, Claimed.Reason r) {
        return r.groups().stream().anyMatch(g -> satisfies(v, g)) || (r.protest() && protestive(v));
    }

    private static boolean personalClaim(Claimed.Reason r) {
        return !r.protest() && !r.groups().isEmpty() && r.groups().stream()
                .allMatch(g -> g.stream().allMatch(t -> Lexicon.PERSONAL.contains(t) || t.equals("personal-loss")));
    }

    private static boolean protestClaim(Claimed.Reason r) {
        return r.protest() || r.groups().stream().anyMatch(g -> g.stream().anyMatch(Lexicon.POLICY::contains));
    }

    /** The claim and the value cannot both be the reason: a personal reason against a protest, or the reverse. */
    private static boolean conflicts(Attested<Text> v, Claimed.Reason r) {
        return (personalClaim(r) && protestOnly(v)) || (protestClaim(r) && !personalClaim(r) && nonProtest(v));
    }

    private record Tagged(Field field, Attested<Text> value) {
        Evidence evidence() {
            return Evidence.of(field, value);
        }
    }

    private Outcome reason(Entry e, Assertion a, Claimed.Reason r) {
        List<Tagged> values = new ArrayList<>();
        e.statedReason().values().forEach(v -> values.add(new Tagged(Field.STATED_REASON, v)));
        if (!r.ownWords() || a.outlet().isPresent()) {
            e.reportedReason().values().forEach(v -> values.add(new Tagged(Field.REPORTED_REASON, v)));
        }
        List<Evidence> considered = values.stream().map(Tagged::evidence).toList();
        if (a.outlet().isPresent()) {
            return reasonByOutlet(e, a, r, values, considered);
        }
        List<Evidence> ours = new ArrayList<>();
        ours.addAll(credible(Field.STATED_REASON, e.statedReason()));
        if (!r.ownWords()) {
            ours.addAll(credible(Field.REPORTED_REASON, e.reportedReason()));
        }
        List<Evidence> supporting = values.stream().filter(t -> supports(t.value(), r)).map(Tagged::evidence).toList();
        if (values.stream().anyMatch(t -> t.value().standing() == Standing.PREFERRED && supports(t.value(), r))) {
            return outcome(a, Verdict.CONSISTENT, "supported", ours, List.of(), supporting, considered);
        }
        if (values.stream().anyMatch(t -> t.value().standing() == Standing.ALTERNATIVE && overlaps(t.value(), r))) {
            boolean contested = e.reportedReason().status() == Fact.Status.CONTESTED
                    || e.statedReason().status() == Fact.Status.CONTESTED;
            return outcome(a, Verdict.DISPUTED, contested ? "contested" : "disputed", ours, List.of(), supporting, considered);
        }
        List<Evidence> rejected = values.stream().filter(t -> t.value().standing() == Standing.REJECTED && supports(t.value(), r))
                .map(Tagged::evidence).toList();
        if (!rejected.isEmpty()) {
            return outcome(a, Verdict.CONTRADICTED, "rejected", ours, rejected, supporting, considered);
        }
        List<Tagged> preferred = values.stream().filter(t -> t.value().standing() == Standing.PREFERRED).toList();
        if (!preferred.isEmpty() && preferred.stream().allMatch(t -> conflicts(t.value(), r))) {
            return outcome(a, Verdict.CONTRADICTED, r.ownWords() ? "said_differs" : "differs", ours, List.of(), supporting,
                    considered);
        }
        return outcome(a, Verdict.NOT_COVERED, "other_reason", ours, List.of(), supporting, considered);
    }

    /** "According to X, he resigned in protest": what X's reports in the dataset say decides. */
    private Outcome reasonByOutlet(Entry e, Assertion a, Claimed.Reason r, List<Tagged> values, List<Evidence> considered) {
        String outlet = a.outlet().orElseThrow();
        List<Tagged> byOutlet = new ArrayList<>();
        List<Tagged> others = new ArrayList<>();
        for (Tagged t : values) {
            (fromOutlet(t.value().sources(), outlet).isEmpty() ? others : byOutlet).add(t);
        }
        List<Evidence> carriers = others.stream().filter(t -> supports(t.value(), r)).map(Tagged::evidence).toList();
        Set<String> outletSources = new LinkedHashSet<>();
        byOutlet.forEach(t -> outletSources.addAll(fromOutlet(t.value().sources(), outlet)));
        List<Evidence> ours = byOutlet.stream().map(Tagged::evidence).toList();
        if (byOutlet.isEmpty()) {
            List<Evidence> credible = new ArrayList<>(credible(Field.STATED_REASON, e.statedReason()));
            credible.addAll(credible(Field.REPORTED_REASON, e.reportedReason()));
            return withSources(outcome(a, Verdict.NOT_COVERED, "outlet_none", credible, List.of(), List.of(), considered),
                    List.of());
        }
        List<Tagged> supporting = byOutlet.stream().filter(t -> supports(t.value(), r)).toList();
        List<Evidence> m = supporting.stream().map(Tagged::evidence).toList();
        if (supporting.stream().anyMatch(t -> t.value().standing() != Standing.REJECTED)) {
            return withSources(outcome(a, Verdict.CONSISTENT, "outlet_supports", ours, List.of(), m, considered),
                    List.copyOf(outletSources));
        }
        if (!supporting.isEmpty()) {
            return withSources(outcome(a, Verdict.CONTRADICTED, "outlet_rejected", ours, m, m, considered),
                    List.copyOf(outletSources));
        }
        if (byOutlet.stream().anyMatch(t -> conflicts(t.value(), r) || (r.protest() && nonProtest(t.value())))) {
            return withSources(outcome(a, Verdict.CONTRADICTED, "outlet_differs", ours, carriers, m, considered),
                    List.copyOf(outletSources));
        }
        return withSources(outcome(a, Verdict.NOT_COVERED, "outlet_other", ours, carriers, m, considered),
                List.copyOf(outletSources));
    }

    private static Outcome withSources(Outcome o, List<String> outletSources) {
        Judgement j = o.judgement();
        return new Outcome(new Judgement(j.assertion(), j.verdict(), j.why(), j.ours(), j.carriers(), outletSources),
                o.matched(), o.considered());
    }

    /** The sources among {@code ids} that stand for the outlet. */
    List<String> fromOutlet(List<String> ids, String outlet) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (outletsOfSource.apply(id).contains(outlet)) {
                out.add(id);
            }
        }
        return out;
    }

    // ---- attribution ------------------------------------------------------------------------

    /**
     * "According to X, …" for points other than the reason: consistent when X's sources in the
     * dataset carry the claimed values, contradicted when they carry only different values of the
     * same facts, not covered when the dataset holds no report by X on these points.
     */
    Judgement attribution(Entry e, String outlet, List<Outcome> points, String excerpt) {
        EntryProfile p = profiles.apply(e);
        List<String> xSources = fromOutlet(List.copyOf(p.sourceIds), outlet);
        List<Aspect> aspects = points.stream().map(o -> o.judgement().aspect()).distinct().toList();
        Assertion a = new Assertion(Aspect.ATTRIBUTION, new Claimed.Attribution(outlet, aspects), excerpt, Optional.of(outlet));
        if (xSources.isEmpty()) {
            return new Judgement(a, Verdict.NOT_COVERED, "outlet_none", List.of(), List.of(), List.of());
        }
        Set<String> supporting = new LinkedHashSet<>();
        Set<String> differing = new LinkedHashSet<>();
        List<Evidence> theirs = new ArrayList<>();
        for (Outcome o : points) {
            for (Evidence m : o.matched()) {
                supporting.addAll(fromOutlet(m.sources(), outlet));
            }
            for (Evidence c : o.considered()) {
                if (!o.matched().contains(c)) {
                    List<String> x = fromOutlet(c.sources(), outlet);
                    if (!x.isEmpty()) {
                        differing.addAll(x);
                        theirs.add(c);
                    }
                }
            }
        }
        if (!supporting.isEmpty()) {
            return new Judgement(a, Verdict.CONSISTENT, "outlet_supports", List.of(), List.of(), List.copyOf(supporting));
        }
        if (!differing.isEmpty()) {
            return new Judgement(a, Verdict.CONTRADICTED, "outlet_differs", theirs, List.of(), List.copyOf(differing));
        }
        return new Judgement(a, Verdict.NOT_COVERED, "outlet_silent", List.of(), List.of(), xSources);
    }
}
