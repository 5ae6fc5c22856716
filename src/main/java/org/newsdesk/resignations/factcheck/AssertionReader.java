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
import org.newsdesk.resignations.factcheck.ClaimExtractor.Point;

/**
 * Reads the checkable assertions of one person's part of a claim: departure, date, agency,
 * office and title (reasons are {@link ReasonReader}'s). Dates count only when they hang on a
 * departure or date word, so a report's release date is never read as the resignation.
 */
final class AssertionReader {

    private static final int ANCHOR_REACH = 20;
    /** Words that show a phrase names an office: "the refugee bureau", "مكتب حقوق الإنسان". */
    private static final Set<String> OFFICE_WORDS = Set.of("office", "bureau", "portfolio", "hub",
            "center", "centre", "division", "unit", "section", "desk", "مكتب", "ملف", "مركز", "المركز", "المكتب");
    private static final int ROLE_REACH = 6;

    private final ClaimText c;
    private final Cues cues;
    private final List<DateExtractor.Found> dates;
    private final Function<Entry, EntryProfile> profiles;
    private final Attributor attributor;

    AssertionReader(ClaimText c, Cues cues, List<DateExtractor.Found> dates, Function<Entry, EntryProfile> profiles,
                    Attributor attributor) {
        this.c = c;
        this.cues = cues;
        this.dates = dates;
        this.profiles = profiles;
        this.attributor = attributor;
    }

    List<Point> read(PersonFinder.Mention who, Entry e, int from, int to) {
        List<Point> points = new ArrayList<>();
        departures(from, to, points);
        dates(from, to, points);
        agencies(from, to, points);
        offices(who, e, from, to, points);
        titles(from, to, points);
        return points;
    }

    private Point point(Aspect aspect, Claimed claimed, int start, int end, boolean attributable) {
        Optional<String> outlet = attributable ? attributor.of(start).outlet() : Optional.empty();
        return new Point(new Assertion(aspect, claimed, c.excerpt(start, end), Optional.empty()), start, outlet);
    }

    private void departures(int from, int to, List<Point> points) {
        PhraseMatcher.Match<Cue> pushed = null;
        Map<Cue.Leave, PhraseMatcher.Match<Cue>> kinds = new LinkedHashMap<>();
        for (PhraseMatcher.Match<Cue> m : cues.departures) {
            if (!ClaimExtractor.in(m.start(), from, to) || ClaimExtractor.negated(c, cues, m.start())) {
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

    private void dates(int from, int to, List<Point> points) {
        Set<Claimed.DateOf> seen = new HashSet<>();
        for (DateExtractor.Found d : dates) {
            if (!ClaimExtractor.in(d.start(), from, to) || !validDay(d.date())) {
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
            if (!ClaimExtractor.in(m.start(), from, to) || domesticSense(m)) {
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
            if (!ClaimExtractor.in(m.start(), from, to)) {
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
}
