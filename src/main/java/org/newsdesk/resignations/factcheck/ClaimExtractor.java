package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Entry;

/**
 * Splits a claim into the parts about each official it names ({@link ClaimSegmenter}) and reads
 * the checkable assertions in each part ({@link AssertionReader}, {@link ReasonReader}), each
 * with who the sentence attributes it to ({@link Attributor}).
 */
final class ClaimExtractor {

    /** An assertion and where it was read; {@code outlet} is the outlet the sentence attributes it to. */
    record Point(Assertion assertion, int pos, Optional<String> outlet) {
    }

    /** What one name in the claim is said to have done. */
    record Part(PersonFinder.Mention mention, String typed, List<Point> points) {
    }

    private final ClaimText c;
    private final ClaimSegmenter segmenter;
    private final AssertionReader assertions;
    private final ReasonReader reasons;

    ClaimExtractor(ClaimText c, Cues cues, Function<Entry, EntryProfile> profiles) {
        this.c = c;
        List<DateExtractor.Found> dates = DateExtractor.find(c, cues);
        boolean[] absorbed = ReasonReader.absorbedSpans(c, cues);
        Attributor attributor = new Attributor(c, cues, absorbed);
        this.segmenter = new ClaimSegmenter(c, cues, dates);
        this.assertions = new AssertionReader(c, cues, dates, profiles, attributor);
        this.reasons = new ReasonReader(c, cues, absorbed, attributor);
    }

    List<Part> parts(List<PersonFinder.Mention> found) {
        List<ClaimSegmenter.Segment> segments = segmenter.segments(found);
        List<Part> out = new ArrayList<>(segments.size());
        for (ClaimSegmenter.Segment s : segments) {
            PersonFinder.Mention m = s.mention();
            String typed = c.excerpt(m.start(), m.end());
            if (!m.known()) {
                out.add(new Part(m, typed, List.of(new Point(new Assertion(Aspect.PERSON, new Claimed.Person(typed), typed,
                        Optional.empty()), m.start(), Optional.empty()))));
                continue;
            }
            List<Point> points = assertions.read(m, m.entries().get(0), s.from(), s.to());
            reasons.read(s.from(), s.to(), points);
            out.add(new Part(m, typed, points));
        }
        return out;
    }

    static boolean in(int pos, int from, int to) {
        return pos >= from && pos < to;
    }

    /** A negation word just before {@code pos} in its sentence ("did not resign"). */
    static boolean negated(ClaimText c, Cues cues, int pos) {
        for (int j = Math.max(0, pos - 3); j < pos; j++) {
            if (cues.isNegation(j) && c.sameSentence(j, pos)) {
                return true;
            }
        }
        return false;
    }
}
