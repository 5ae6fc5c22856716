package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Divides a claim into the parts about each official it names. A sentence naming two people is
 * split at the last clause break between the names ("Sheline resigned, as did Josh Paul in
 * October": October is Paul's); "X and Y resigned" gives both the same part; a following sentence
 * stays with the last person named only when it opens with a pronoun.
 */
final class ClaimSegmenter {

    /** One mention and the words that speak of it, {@code [from, to)}. */
    record Segment(PersonFinder.Mention mention, int from, int to) {
    }

    private final ClaimText c;
    private final Cues cues;
    private final List<DateExtractor.Found> dates;

    ClaimSegmenter(ClaimText c, Cues cues, List<DateExtractor.Found> dates) {
        this.c = c;
        this.cues = cues;
        this.dates = dates;
    }

    List<Segment> segments(List<PersonFinder.Mention> found) {
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
        List<Segment> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(new Segment(mentions.get(k), from[k], to[k]));
        }
        return out;
    }

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
}
