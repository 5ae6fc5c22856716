package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names of people the dataset does not hold, so the reply can say so plainly instead of ignoring
 * them: in a sentence that reports a departure but names no one the dataset knows, a run of two
 * to four capitalized words ("Lara Friedman resigned"), or, in Arabic, the two or three unknown
 * words right after or before the departure verb ("استقالت لارا فريدمان").
 */
final class UnknownNames {

    private static final Set<String> PARTICLES = Set.of("del", "de", "al", "abu", "bin", "van", "von", "da", "la", "el");

    private UnknownNames() {
    }

    static List<PersonFinder.Mention> find(ClaimText c, Cues cues, List<PersonFinder.Mention> known, Set<String> vocabulary) {
        List<PersonFinder.Mention> out = new ArrayList<>();
        boolean[] named = new boolean[Math.max(1, c.sentences)];
        for (PersonFinder.Mention m : known) {
            named[c.at(m.start()).sentence()] = true;
        }
        boolean[] departs = new boolean[Math.max(1, c.sentences)];
        for (PhraseMatcher.Match<Cue> d : cues.departures) {
            departs[c.at(d.start()).sentence()] = true;
        }
        boolean[] taken = new boolean[c.size()];
        for (PhraseMatcher.Match<Cue> d : cues.departures) {
            int s = c.at(d.start()).sentence();
            if (named[s]) {
                continue;
            }
            int[] after = arabicRun(c, cues, vocabulary, d.end(), 1, taken);
            int[] before = after == null ? arabicRun(c, cues, vocabulary, d.start() - 1, -1, taken) : null;
            int[] run = after != null ? after : before;
            if (run != null) {
                out.add(new PersonFinder.Mention(run[0], run[1], List.of(), false));
                for (int k = run[0]; k < run[1]; k++) {
                    taken[k] = true;
                }
                named[s] = true;
            }
        }
        for (int i = 0; i < c.size(); i++) {
            int s = c.at(i).sentence();
            if (named[s] || !departs[s] || taken[i] || !latinName(c.at(i), vocabulary)) {
                continue;
            }
            int j = i + 1;
            while (j < c.size() && j - i < 4 && c.sameSentence(i, j) && !c.at(j).breakBefore()
                    && (latinName(c.at(j), vocabulary) || (PARTICLES.contains(c.at(j).norm()) && j + 1 < c.size()
                    && latinName(c.at(j + 1), vocabulary)))) {
                j++;
            }
            if (j - i >= 2) {
                out.add(new PersonFinder.Mention(i, j, List.of(), false));
                named[s] = true;
            }
            i = j - 1;
        }
        return out;
    }

    private static boolean latinName(Token t, Set<String> vocabulary) {
        return !t.arabic() && !t.numeric() && t.capitalized() && t.norm().length() > 1 && !vocabulary.contains(t.norm())
                && !Lexicon.NOT_OFFICIALS.contains(t.norm());
    }

    private static boolean arabicName(ClaimText c, Cues cues, int i, Set<String> vocabulary) {
        Token t = c.at(i);
        if (!t.arabic() || t.numeric() || cues.isStop(i) || Lexicon.NOT_OFFICIALS.contains(t.norm()) || t.norm().length() < 2) {
            return false;
        }
        for (String f : t.forms()) {
            if (vocabulary.contains(f)) {
                return false;
            }
        }
        return true;
    }

    /** Two or three name-like Arabic words starting at {@code from} going in direction {@code step}. */
    private static int @Nullable [] arabicRun(ClaimText c, Cues cues, Set<String> vocabulary, int from, int step, boolean[] taken) {
        if (from < 0 || from >= c.size()) {
            return null;
        }
        int i = from;
        int count = 0;
        while (i >= 0 && i < c.size() && count < 3 && c.sameSentence(from, i) && !taken[i]
                && arabicName(c, cues, i, vocabulary) && (step > 0 ? count == 0 || !c.at(i).breakBefore() : !c.at(i + 1).breakBefore())) {
            i += step;
            count++;
        }
        if (count < 2) {
            return null;
        }
        return step > 0 ? new int[]{from, from + count} : new int[]{from - count + 1, from + 1};
    }
}
