package org.newsdesk.resignations.factcheck;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;

/**
 * Splits a claim into the parts about each official it names and reads the checkable assertions
 * in each part. A sentence naming two people is split at the last clause break between the names
 * ("Sheline resigned, as did Josh Paul in October": October is Paul's); "X and Y resigned" gives
 * both the same assertions; a following sentence stays with the last person named only when it
 * opens with a pronoun. Dates count only when they hang on a departure word, and reasons only
 * when they follow a departure, protest or cause word, so a report's release date or a victim's
 * death is never read as the resignation.
 */
final class ClaimExtractor {

    /** An assertion and where it was read; {@code outlet} is the outlet the sentence attributes it to. */
    record Point(Assertion assertion, int pos, Optional<String> outlet) {
    }

    /** What one name in the claim is said to have done. */
    record Part(PersonFinder.Mention mention, String typed, List<Point> points) {
    }

    private static final int ANCHOR_REACH = 20;
    /** Words that show a phrase names an office: "the refugee bureau", "مكتب حقوق الإنسان". */
    private static final java.util.Set<String> OFFICE_WORDS = java.util.Set.of("office", "bureau", "portfolio", "hub",
            "center", "centre", "division", "unit", "section", "desk", "مكتب", "ملف", "مركز", "المركز", "المكتب");
    private static final int ROLE_REACH = 6;
    private static final int TOPIC_REACH = 10;
    private static final int ABSORB_REACH = 10;
    private static final int ATTRIBUTION_REACH = 25;
    private static final String SELF = "@self";
    private static final String NONE = "";

    private final ClaimText c;
    private final Cues cues;
    private final List<DateExtractor.Found> dates;
    private final Function<Entry, EntryProfile> profiles;
    private final boolean[] absorbed;

    ClaimExtractor(ClaimText c, Cues cues, Function<Entry, EntryProfile> profiles) {
        this.c = c;
        this.cues = cues;
        this.dates = DateExtractor.find(c, cues);
        this.profiles = profiles;
        this.absorbed = absorbedSpans();
    }

    List<Part> parts(List<PersonFinder.Mention> found) {
        List<PersonFinder.Mention> mentions = mergeRepeats(found);
        int n = mentions.size();
        int[] from = new int[n];
        int[] to = new int[n];
        for (int k = 0; k < n; k++) {
            PersonFinder.Mention m = mentions.get(k);
            PersonFinder.Mention prev = k > 0 ? mentions.get(k - 1) : null;
            PersonFinder.Mention next = k + 1 < n ? mentions.get(k + 1) : null;
            from[k] = prev != null && c.sameSentence(prev.start(), m.start())
                    ? split(prev.end(), m.start()) : c.sentenceStart(m.start());
            to[k] = next != null && c.sameSentence(next.start(), m.start())
                    ? split(m.end(), next.start()) : continuation(m, next);
        }
        // "Josh Paul and Tariq Habash resigned": the first name shares the second one's part.
        for (int k = n - 2; k >= 0; k--) {
            PersonFinder.Mention m = mentions.get(k);
            PersonFinder.Mention next = mentions.get(k + 1);
            if (c.sameSentence(m.start(), next.start()) && onlyJoiners(m.end(), next.start())
                    && !hasContent(from[k], m.start()) && !hasContent(m.end(), to[k])) {
                to[k] = to[k + 1];
                from[k] = Math.min(from[k], from[k + 1]);
            }
        }
        List<Part> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            PersonFinder.Mention m = mentions.get(k);
            String typed = c.excerpt(m.start(), m.end());
            if (!m.known()) {
                out.add(new Part(m, typed, List.of(new Point(new Assertion(Aspect.PERSON, new Claimed.Person(typed), typed,
                        Optional.empty()), m.start(), Optional.empty()))));
                continue;
            }
            out.add(new Part(m, typed, read(m, m.entries().get(0), from[k], to[k])));
        }
        return out;
    }

    // ---- segments ---------------------------------------------------------------------------

    /** "ميلر، ميلر و ميلر": one mention, so a repeated name cannot make the reading quadratic. */
    private List<PersonFinder.Mention> mergeRepeats(List<PersonFinder.Mention> found) {
        List<PersonFinder.Mention> out = new ArrayList<>(found.size());
        for (PersonFinder.Mention m : found) {
            PersonFinder.Mention last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.known() && m.known() && last.entries().get(0) == m.entries().get(0)
                    && c.sameSentence(last.start(), m.start()) && onlyJoiners(last.end(), m.start())) {
                out.set(out.size() - 1, new PersonFinder.Mention(last.start(), m.end(), last.entries(),
                        last.approximate() || m.approximate()));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    /** Where the text between two names of one sentence is divided: after its last clause break. */
    private int split(int a, int b) {
        for (int j = b - 1; j > a; j--) {
            if (c.at(j).breakBefore() || cues.isBarrier(j)) {
                return j;
            }
        }
        return b;
    }

    /** The end of a person's part when no other name follows in the sentence. */
    private int continuation(PersonFinder.Mention m, PersonFinder.Mention next) {
        int e = c.sentenceEnd(m.start());
        while (e < c.size()) {
            if (next != null && next.start() < c.sentenceEnd(e)) {
                break;
            }
            boolean opensWithPronoun = false;
            int end = c.sentenceEnd(e);
            for (int j = e; j < Math.min(end, e + 3); j++) {
                opensWithPronoun |= cues.isPronoun(j);
            }
            if (!opensWithPronoun) {
                break;
            }
            e = end;
        }
        return e;
    }

    private boolean onlyJoiners(int a, int b) {
        for (int j = a; j < b; j++) {
            if (!cues.isConjunction(j)) {
                return false;
            }
        }
        return true;
    }

    private boolean hasContent(int a, int b) {
        for (var list : List.of(cues.departures, cues.dateWords, cues.agencies, cues.roles, cues.reasons, cues.protests)) {
            for (PhraseMatcher.Match<Cue> m : list) {
                if (m.start() >= a && m.start() < b) {
                    return true;
                }
            }
        }
        for (DateExtractor.Found d : dates) {
            if (d.start() >= a && d.start() < b) {
                return true;
            }
        }
        return false;
    }

    private static boolean in(int pos, int from, int to) {
        return pos >= from && pos < to;
    }

    // ---- reading one part -------------------------------------------------------------------

    private List<Point> read(PersonFinder.Mention who, Entry e, int from, int to) {
        List<Point> points = new ArrayList<>();
        departures(from, to, points);
        dates(from, to, points);
        agencies(from, to, points);
        offices(who, e, from, to, points);
        titles(from, to, points);
        reasons(from, to, points);
        return points;
    }

    private Point point(Aspect aspect, Claimed claimed, int start, int end, boolean attributable) {
        Optional<String> outlet = Optional.empty();
        if (attributable) {
            String by = attribution(start);
            if (!by.isEmpty() && !by.equals(SELF)) {
                outlet = Optional.of(by);
            }
        }
        return new Point(new Assertion(aspect, claimed, c.excerpt(start, end), Optional.empty()), start, outlet);
    }

    private void departures(int from, int to, List<Point> points) {
        PhraseMatcher.Match<Cue> pushed = null;
        Map<Cue.Leave, PhraseMatcher.Match<Cue>> kinds = new LinkedHashMap<>();
        for (PhraseMatcher.Match<Cue> m : cues.departures) {
            if (!in(m.start(), from, to) || negated(m.start())) {
                continue;
            }
            Cue.Leave kind = ((Cue.Departure) m.payload()).kind();
            if (kind == Cue.Leave.PUSHED_OUT && pushed == null) {
                pushed = m;
            } else if (kind != Cue.Leave.LEFT) {
                kinds.putIfAbsent(kind, m);
            }
        }
        if (pushed != null) {
            // "given the choice between resigning and being dismissed": one assertion, pushed out.
            points.add(point(Aspect.DEPARTURE, new Claimed.DepartureOf(Departure.PUSHED_OUT), pushed.start(), pushed.end(), true));
            return;
        }
        kinds.forEach((kind, m) -> points.add(point(Aspect.DEPARTURE,
                new Claimed.DepartureOf(Departure.valueOf(kind.name())), m.start(), m.end(), true)));
    }

    private boolean negated(int pos) {
        for (int j = Math.max(0, pos - 3); j < pos; j++) {
            if (cues.isNegation(j) && c.sameSentence(j, pos)) {
                return true;
            }
        }
        return false;
    }

    private void dates(int from, int to, List<Point> points) {
        Set<Claimed.DateOf> seen = new HashSet<>();
        for (DateExtractor.Found d : dates) {
            if (!in(d.start(), from, to) || !validDay(d.date())) {
                continue;
            }
            PhraseMatcher.Match<Cue> anchor = anchor(d);
            if (anchor == null || anchor.payload() instanceof Cue.DateWord w && w.kind() == Cue.DateKind.OTHER_EVENT) {
                continue;
            }
            Claimed.DateOf date = new Claimed.DateOf(d.date().year(), d.date().month(), d.date().day(), d.date().part(), role(d));
            if (seen.add(date)) {
                points.add(point(Aspect.DATE, date, d.start(), d.end(), true));
            }
        }
    }

    private static boolean validDay(Claimed.DateOf d) {
        if (d.day() == 0) {
            return true;
        }
        int year = d.year() == 0 ? 2024 : d.year();
        return d.day() <= YearMonth.of(year, d.month()).lengthOfMonth();
    }

    /** The departure or date word a date hangs on: the nearest before it in its clause, else the nearest after. */
    private PhraseMatcher.Match<Cue> anchor(DateExtractor.Found d) {
        List<PhraseMatcher.Match<Cue>> candidates = new ArrayList<>(cues.departures);
        candidates.addAll(cues.dateWords);
        PhraseMatcher.Match<Cue> before = null;
        PhraseMatcher.Match<Cue> after = null;
        PhraseMatcher.Match<Cue> beforeOtherClause = null;
        for (PhraseMatcher.Match<Cue> m : candidates) {
            if (!c.sameSentence(m.start(), d.start())) {
                continue;
            }
            if (m.end() <= d.start()) {
                if (d.start() - m.end() > ANCHOR_REACH) {
                    continue;
                }
                if (!c.breakBetween(m.end() - 1, d.start())) {
                    if (before == null || m.end() > before.end()) {
                        before = m;
                    }
                } else if (beforeOtherClause == null || m.end() > beforeOtherClause.end()) {
                    beforeOtherClause = m;
                }
            } else if (m.start() >= d.end() && m.start() - d.end() <= ANCHOR_REACH) {
                if (after == null || m.start() < after.start()) {
                    after = m;
                }
            }
        }
        return before != null ? before : after != null ? after : beforeOtherClause;
    }

    private Claimed.DateRole role(DateExtractor.Found d) {
        PhraseMatcher.Match<Cue> best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (PhraseMatcher.Match<Cue> m : cues.dateWords) {
            Cue.DateKind k = ((Cue.DateWord) m.payload()).kind();
            if (k == Cue.DateKind.OTHER_EVENT || !c.sameSentence(m.start(), d.start())) {
                continue;
            }
            int distance = m.end() <= d.start() ? d.start() - m.end() : m.start() - d.end();
            if (distance >= 0 && distance <= ROLE_REACH && distance < bestDistance) {
                best = m;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Claimed.DateRole.UNSPECIFIED;
        }
        return switch (((Cue.DateWord) best.payload()).kind()) {
            case ANNOUNCE -> Claimed.DateRole.ANNOUNCED;
            case EFFECTIVE -> Claimed.DateRole.EFFECTIVE;
            case SUBMIT -> Claimed.DateRole.SUBMITTED;
            default -> Claimed.DateRole.UNSPECIFIED;
        };
    }

    private void agencies(int from, int to, List<Point> points) {
        Set<String> seen = new HashSet<>();
        for (PhraseMatcher.Match<Cue> m : cues.agencies) {
            if (!in(m.start(), from, to) || domesticSense(m)) {
                continue;
            }
            String id = ((Cue.AgencyName) m.payload()).id();
            if (seen.add(id)) {
                points.add(point(Aspect.AGENCY, new Claimed.AgencyOf(id), m.start(), m.end(), true));
            }
        }
    }

    /** "السياسة الداخلية" is domestic policy, not the Interior Department. */
    private boolean domesticSense(PhraseMatcher.Match<Cue> m) {
        if (m.length() != 1 || !c.at(m.start()).arabic() || m.start() == 0) {
            return false;
        }
        String prev = c.at(m.start() - 1).stem();
        return Set.of("سياسه", "شوون", "اوضاع", "جبهه", "امور", "ازمه").contains(prev);
    }

    private void offices(PersonFinder.Mention who, Entry e, int from, int to, List<Point> points) {
        EntryProfile profile = profiles.apply(e);
        if (profile.offices.isEmpty()) {
            return;
        }
        // word pairs of the part, skipping the name itself
        String prev = null;
        int prevIndex = -1;
        Set<String> found = new LinkedHashSet<>();
        int first = -1;
        int last = -1;
        for (int i = from; i < to; i++) {
            if (i >= who.start() && i < who.end()) {
                prev = null;
                continue;
            }
            Token t = c.at(i);
            String w = t.stem();
            if (t.numeric() || w.length() < 2 || EntryProfile.isStop(t)) {
                continue;
            }
            if (prev != null && c.sameSentence(prevIndex, i) && nearOfficeWord(prevIndex, i)) {
                String pair = prev + " " + w;
                for (EntryProfile.ValueInfo v : profile.offices) {
                    if (v.pairs().contains(pair)) {
                        found.add(pair);
                        first = first < 0 ? prevIndex : Math.min(first, prevIndex);
                        last = Math.max(last, i + 1);
                    }
                }
            }
            prev = w;
            prevIndex = i;
        }
        if (!found.isEmpty()) {
            points.add(point(Aspect.OFFICE, new Claimed.Office(String.join("|", found)), first, last, true));
        }
    }

    private boolean nearOfficeWord(int a, int b) {
        for (int j = Math.max(0, a - 4); j < Math.min(c.size(), b + 4); j++) {
            if (c.sameSentence(j, a) && (OFFICE_WORDS.contains(c.at(j).stem()) || OFFICE_WORDS.contains(c.at(j).norm()))) {
                return true;
            }
        }
        return false;
    }

    private void titles(int from, int to, List<Point> points) {
        Set<Claimed.Title> seen = new HashSet<>();
        for (PhraseMatcher.Match<Cue> m : cues.roles) {
            if (!in(m.start(), from, to)) {
                continue;
            }
            Optional<String> qualifier = Optional.empty();
            int best = Integer.MAX_VALUE;
            for (PhraseMatcher.Match<Cue> a : cues.agencies) {
                if (!c.sameSentence(a.start(), m.start())) {
                    continue;
                }
                int distance = a.end() <= m.start() ? m.start() - a.end() : a.start() - m.end();
                if (distance >= 0 && distance <= (a.end() <= m.start() ? 3 : ROLE_REACH - 1) && distance < best) {
                    best = distance;
                    qualifier = Optional.of(((Cue.AgencyName) a.payload()).id());
                }
            }
            Claimed.Title title = new Claimed.Title(((Cue.Role) m.payload()).role(), qualifier);
            if (seen.add(title)) {
                points.add(point(Aspect.TITLE, title, m.start(), m.end(), true));
            }
        }
    }

    // ---- reasons ----------------------------------------------------------------------------

    /** Words owned by a presentation, the aid report or a "not because" phrase that precedes them. */
    private boolean[] absorbedSpans() {
        boolean[] out = new boolean[c.size()];
        for (PhraseMatcher.Match<Cue> m : cues.reasons) {
            if (((Cue.Reason) m.payload()).absorbs()) {
                absorb(out, m.end());
            }
        }
        for (PhraseMatcher.Match<Cue> r : cues.reportWords) {
            if (aidReport(r)) {
                absorb(out, r.end());
            }
        }
        return out;
    }

    private void absorb(boolean[] out, int from) {
        for (int j = from; j < Math.min(c.size(), from + ABSORB_REACH); j++) {
            if (!c.sameSentence(from - 1, j)) {
                break;
            }
            out[j] = true;
        }
    }

    private boolean aidReport(PhraseMatcher.Match<Cue> report) {
        for (PhraseMatcher.Match<Cue> a : cues.aidWords) {
            if (a.start() >= report.end() && a.start() - report.end() <= 12 && c.sameSentence(a.start(), report.start())) {
                return true;
            }
        }
        return false;
    }

    private static final class ReasonParts {
        final List<Set<String>> groups = new ArrayList<>();
        boolean protest;
        int start = Integer.MAX_VALUE;
        int end = -1;

        void add(Set<String> g, int s, int e) {
            if (!groups.contains(g)) {
                groups.add(g);
            }
            span(s, e);
        }

        void span(int s, int e) {
            start = Math.min(start, s);
            end = Math.max(end, e);
        }
    }

    private void reasons(int from, int to, List<Point> points) {
        Map<String, ReasonParts> byAttribution = new LinkedHashMap<>();
        for (PhraseMatcher.Match<Cue> m : cues.reasons) {
            if (!in(m.start(), from, to) || absorbed[m.start()]) {
                continue;
            }
            Cue.Reason r = (Cue.Reason) m.payload();
            if (!(r.standalone() ? activatedInSentence(m.start()) : activatedBefore(m.start()))) {
                continue;
            }
            byAttribution.computeIfAbsent(attribution(m.start()), k -> new ReasonParts()).add(r.tags(), m.start(), m.end());
        }
        for (PhraseMatcher.Match<Cue> r : cues.reportWords) {
            if (in(r.start(), from, to) && !absorbed[r.start()] && aidReport(r) && activatedInSentence(r.start())) {
                byAttribution.computeIfAbsent(attribution(r.start()), k -> new ReasonParts())
                        .add(Set.of("aid-report"), r.start(), r.end());
            }
        }
        for (PhraseMatcher.Match<Cue> p : cues.protests) {
            if (!in(p.start(), from, to) || absorbed[p.start()]) {
                continue;
            }
            ReasonParts parts = byAttribution.computeIfAbsent(attribution(p.start()), k -> new ReasonParts());
            if (negated(p.start())) {
                parts.add(Set.of("not-protest"), p.start(), p.end());
            } else {
                parts.protest = true;
                parts.span(p.start(), p.end());
            }
        }
        // "resigned over the Gaza policy": a cause word tying the departure to a policy is a protest motive.
        for (PhraseMatcher.Match<Cue> cause : cues.causes) {
            if (!in(cause.start(), from, to) || !((Cue.Cause) cause.payload()).motive() || !departureBefore(cause.start())) {
                continue;
            }
            for (PhraseMatcher.Match<Cue> m : cues.reasons) {
                Cue.Reason r = (Cue.Reason) m.payload();
                if (m.start() > cause.start() && m.start() - cause.end() <= 8 && c.sameSentence(m.start(), cause.start())
                        && !absorbed[m.start()] && r.tags().stream().anyMatch(Lexicon.POLICY::contains)) {
                    ReasonParts parts = byAttribution.get(attribution(m.start()));
                    if (parts != null) {
                        parts.protest = true;
                    }
                    break;
                }
            }
            for (PhraseMatcher.Match<Cue> r : cues.reportWords) {
                if (r.start() > cause.start() && r.start() - cause.end() <= 8 && aidReport(r)) {
                    ReasonParts parts = byAttribution.get(attribution(r.start()));
                    if (parts != null) {
                        parts.protest = true;
                    }
                }
            }
        }
        byAttribution.forEach((by, parts) -> {
            if (parts.groups.isEmpty() && !parts.protest) {
                return;
            }
            Optional<String> outlet = by.isEmpty() || by.equals(SELF) ? Optional.empty() : Optional.of(by);
            Claimed.Reason reason = new Claimed.Reason(parts.groups, parts.protest, by.equals(SELF));
            points.add(new Point(new Assertion(Aspect.REASON, reason, c.excerpt(parts.start, parts.end), outlet),
                    parts.start, Optional.empty()));
        });
    }

    /** A departure word within a few words before a cause word, with no "amid" between them. */
    private boolean departureBefore(int pos) {
        for (PhraseMatcher.Match<Cue> d : cues.departures) {
            if (d.end() <= pos && pos - d.end() <= 6 && c.sameSentence(d.start(), pos)) {
                boolean background = false;
                for (PhraseMatcher.Match<Cue> x : cues.contexts) {
                    background |= x.start() >= d.end() && x.start() < pos;
                }
                if (!background) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean activatedBefore(int pos) {
        for (var list : List.of(cues.departures, cues.protests, cues.causes, cues.said)) {
            for (PhraseMatcher.Match<Cue> m : list) {
                if (m.end() <= pos && pos - m.end() <= TOPIC_REACH && c.sameSentence(m.start(), pos)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean activatedInSentence(int pos) {
        for (var list : List.of(cues.departures, cues.protests, cues.causes, cues.said)) {
            for (PhraseMatcher.Match<Cue> m : list) {
                if (c.sameSentence(m.start(), pos)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- attribution ------------------------------------------------------------------------

    /**
     * Who a point at {@code pos} is attributed to: an outlet key, {@link #SELF} for the person's own
     * words, or {@link #NONE}. The nearest attribution word of the sentence decides, unless a
     * "but"/"although"/"فإن" stands between. "said" takes the outlet or sources standing right by it
     * ("CNN said", "قالت شبكة سي إن إن", "وقالت المصادر").
     */
    private String attribution(int pos) {
        String best = NONE;
        int bestDistance = Integer.MAX_VALUE;
        for (PhraseMatcher.Match<Cue> o : cues.outlets) {
            int d = distance(o, pos);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                best = ((Cue.Outlet) o.payload()).key();
            }
        }
        for (PhraseMatcher.Match<Cue> s : cues.sources) {
            int d = distance(s, pos);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                // unnamed sources are the outlet's when an outlet in the sentence cites them
                best = outletNear(s, ATTRIBUTION_REACH, ATTRIBUTION_REACH).orElse(NONE);
            }
        }
        for (PhraseMatcher.Match<Cue> s : cues.said) {
            int d = distance(s, pos);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                Optional<String> near = outletNear(s, 5, 3);
                if (near.isPresent()) {
                    best = near.get();
                } else if (sourcesNear(s)) {
                    best = outletNear(s, ATTRIBUTION_REACH, ATTRIBUTION_REACH).orElse(NONE);
                } else {
                    best = SELF;
                }
            }
        }
        return best;
    }

    private int distance(PhraseMatcher.Match<Cue> marker, int pos) {
        if (!c.sameSentence(marker.start(), pos) || absorbed[marker.start()] || cues.barrierBetween(marker.start(), pos)) {
            return -1;
        }
        int d = marker.end() <= pos ? pos - marker.end() : marker.start() - pos;
        return d >= 0 && d <= ATTRIBUTION_REACH ? d : d < 0 ? 0 : -1;
    }

    private Optional<String> outletNear(PhraseMatcher.Match<Cue> m, int before, int after) {
        for (PhraseMatcher.Match<Cue> o : cues.outlets) {
            boolean close = (o.end() <= m.start() && m.start() - o.end() <= before)
                    || (o.start() >= m.end() && o.start() - m.end() <= after);
            if (close && c.sameSentence(o.start(), m.start()) && !cues.barrierBetween(o.start(), m.start())) {
                return Optional.of(((Cue.Outlet) o.payload()).key());
            }
        }
        return Optional.empty();
    }

    private boolean sourcesNear(PhraseMatcher.Match<Cue> m) {
        for (PhraseMatcher.Match<Cue> s : cues.sources) {
            if (Math.abs(s.start() - m.start()) <= 3 && c.sameSentence(s.start(), m.start())) {
                return true;
            }
        }
        return false;
    }
}
