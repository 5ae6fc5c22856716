package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.factcheck.ClaimExtractor.Point;

/**
 * Reads why a person is said to have left: reason words count only when they follow a departure,
 * protest, cause or "said" word, so a victim's death is never read as the resignation's reason;
 * reasons attributed differently (the person's own words, an outlet, nobody) are kept apart.
 */
final class ReasonReader {

    private static final int TOPIC_REACH = 10;
    private static final int ABSORB_REACH = 10;

    private final ClaimText c;
    private final Cues cues;
    private final boolean[] absorbed;
    private final Attributor attributor;

    /** @param absorbed from {@link #absorbedSpans} */
    ReasonReader(ClaimText c, Cues cues, boolean[] absorbed, Attributor attributor) {
        this.c = c;
        this.cues = cues;
        this.absorbed = absorbed;
        this.attributor = attributor;
    }

    /** Words owned by a presentation, the aid report or a "not because" phrase that precedes them. */
    static boolean[] absorbedSpans(ClaimText c, Cues cues) {
        boolean[] out = new boolean[c.size()];
        for (PhraseMatcher.Match<Cue> m : cues.reasons) {
            if (((Cue.Reason) m.payload()).absorbs()) {
                absorb(c, out, m.end());
            }
        }
        for (PhraseMatcher.Match<Cue> r : cues.reportWords) {
            if (aidReport(c, cues, r)) {
                absorb(c, out, r.end());
            }
        }
        return out;
    }

    private static void absorb(ClaimText c, boolean[] out, int from) {
        for (int j = from; j < Math.min(c.size(), from + ABSORB_REACH); j++) {
            if (!c.sameSentence(from - 1, j)) {
                break;
            }
            out[j] = true;
        }
    }

    private static boolean aidReport(ClaimText c, Cues cues, PhraseMatcher.Match<Cue> report) {
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

    void read(int from, int to, List<Point> points) {
        Map<Attribution, ReasonParts> byAttribution = new LinkedHashMap<>();
        for (PhraseMatcher.Match<Cue> m : cues.reasons) {
            if (!ClaimExtractor.in(m.start(), from, to) || absorbed[m.start()]) {
                continue;
            }
            Cue.Reason r = (Cue.Reason) m.payload();
            if (!(r.standalone() ? activatedInSentence(m.start()) : activatedBefore(m.start()))) {
                continue;
            }
            byAttribution.computeIfAbsent(attributor.of(m.start()), k -> new ReasonParts()).add(r.tags(), m.start(), m.end());
        }
        for (PhraseMatcher.Match<Cue> r : cues.reportWords) {
            if (ClaimExtractor.in(r.start(), from, to) && !absorbed[r.start()] && aidReport(c, cues, r) && activatedInSentence(r.start())) {
                byAttribution.computeIfAbsent(attributor.of(r.start()), k -> new ReasonParts())
                        .add(Set.of("aid-report"), r.start(), r.end());
            }
        }
        for (PhraseMatcher.Match<Cue> p : cues.protests) {
            if (!ClaimExtractor.in(p.start(), from, to) || absorbed[p.start()]) {
                continue;
            }
            ReasonParts parts = byAttribution.computeIfAbsent(attributor.of(p.start()), k -> new ReasonParts());
            if (ClaimExtractor.negated(c, cues, p.start())) {
                parts.add(Set.of("not-protest"), p.start(), p.end());
            } else {
                parts.protest = true;
                parts.span(p.start(), p.end());
            }
        }
        // "resigned over the Gaza policy": a cause word tying the departure to a policy is a protest motive.
        for (PhraseMatcher.Match<Cue> cause : cues.causes) {
            if (!ClaimExtractor.in(cause.start(), from, to) || !((Cue.Cause) cause.payload()).motive() || !departureBefore(cause.start())) {
                continue;
            }
            for (PhraseMatcher.Match<Cue> m : cues.reasons) {
                Cue.Reason r = (Cue.Reason) m.payload();
                if (m.start() > cause.start() && m.start() - cause.end() <= 8 && c.sameSentence(m.start(), cause.start())
                        && !absorbed[m.start()] && r.tags().stream().anyMatch(Lexicon.POLICY::contains)) {
                    ReasonParts parts = byAttribution.get(attributor.of(m.start()));
                    if (parts != null) {
                        parts.protest = true;
                    }
                    break;
                }
            }
            for (PhraseMatcher.Match<Cue> r : cues.reportWords) {
                if (r.start() > cause.start() && r.start() - cause.end() <= 8 && aidReport(c, cues, r)) {
                    ReasonParts parts = byAttribution.get(attributor.of(r.start()));
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
            Optional<String> outlet = by.outlet();
            Claimed.Reason reason = new Claimed.Reason(parts.groups, parts.protest, by instanceof Attribution.Self);
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
}
