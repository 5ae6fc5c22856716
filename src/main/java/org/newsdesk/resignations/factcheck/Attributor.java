package org.newsdesk.resignations.factcheck;

import java.util.Optional;

/**
 * Who a sentence attributes a point to. The nearest attribution word of the sentence decides,
 * unless a "but"/"although"/"فإن" stands between. "said" takes the outlet or sources standing
 * right by it ("CNN said", "قالت شبكة سي إن إن", "وقالت المصادر"); alone, it is the person's own
 * words.
 */
final class Attributor {

    private static final int ATTRIBUTION_REACH = 25;

    private final ClaimText c;
    private final Cues cues;
    private final boolean[] absorbed;

    /** @param absorbed words owned by a presentation or report ({@link ReasonReader#absorbedSpans}): no attribution there */
    Attributor(ClaimText c, Cues cues, boolean[] absorbed) {
        this.c = c;
        this.cues = cues;
        this.absorbed = absorbed;
    }

    /**
     * Who a point at {@code pos} is attributed to: an outlet, the person's own words, or nobody. The nearest attribution word of the sentence decides, unless a
     * "but"/"although"/"فإن" stands between. "said" takes the outlet or sources standing right by it
     * ("CNN said", "قالت شبكة سي إن إن", "وقالت المصادر").
     */
    Attribution of(int pos) {
        Attribution best = Attribution.NONE;
        int bestDistance = Integer.MAX_VALUE;
        for (PhraseMatcher.Match<Cue> o : cues.outlets) {
            int d = distance(o, pos);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                best = new Attribution.Outlet(((Cue.Outlet) o.payload()).key());
            }
        }
        for (PhraseMatcher.Match<Cue> s : cues.sources) {
            int d = distance(s, pos);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                // unnamed sources are the outlet's when an outlet in the sentence cites them
                best = outletNear(s, ATTRIBUTION_REACH, ATTRIBUTION_REACH).<Attribution>map(Attribution.Outlet::new).orElse(Attribution.NONE);
            }
        }
        for (PhraseMatcher.Match<Cue> s : cues.said) {
            int d = distance(s, pos);
            if (d >= 0 && d < bestDistance) {
                bestDistance = d;
                Optional<String> near = outletNear(s, 5, 3);
                if (near.isPresent()) {
                    best = new Attribution.Outlet(near.get());
                } else if (sourcesNear(s)) {
                    best = outletNear(s, ATTRIBUTION_REACH, ATTRIBUTION_REACH).<Attribution>map(Attribution.Outlet::new).orElse(Attribution.NONE);
                } else {
                    best = Attribution.SELF;
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
