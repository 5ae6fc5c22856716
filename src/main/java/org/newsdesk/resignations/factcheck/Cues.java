package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The lexicon's matches in one claim, sorted by kind. Built once per claim from one pass over the words. */
final class Cues {

    final List<PhraseMatcher.Match<Cue>> months = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> ordinals = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> parts = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> departures;
    final List<PhraseMatcher.Match<Cue>> dateWords;
    final List<PhraseMatcher.Match<Cue>> reasons;
    final List<PhraseMatcher.Match<Cue>> roles;
    final List<PhraseMatcher.Match<Cue>> outlets;
    final List<PhraseMatcher.Match<Cue>> agencies;
    final List<PhraseMatcher.Match<Cue>> protests = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> causes = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> contexts = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> said = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> sources = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> reportWords = new ArrayList<>();
    final List<PhraseMatcher.Match<Cue>> aidWords = new ArrayList<>();
    private final boolean[] yearWord;
    private final boolean[] monthIntro;
    private final boolean[] monthTail;
    private final boolean[] negation;
    private final boolean[] barrier;
    private final boolean[] pronoun;
    private final boolean[] conjunction;
    private final boolean[] stop;

    Cues(ClaimText c, PhraseMatcher<Cue> matcher) {
        int n = c.size();
        yearWord = new boolean[n];
        monthIntro = new boolean[n];
        monthTail = new boolean[n];
        negation = new boolean[n];
        barrier = new boolean[n];
        pronoun = new boolean[n];
        conjunction = new boolean[n];
        stop = new boolean[n];
        List<PhraseMatcher.Match<Cue>> dep = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> dw = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> rs = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> ro = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> ou = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> ag = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> mo = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> or = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> pa = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> pr = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> ca = new ArrayList<>();
        List<PhraseMatcher.Match<Cue>> sa = new ArrayList<>();
        for (PhraseMatcher.Match<Cue> m : matcher.matchAll(c)) {
            Cue cue = m.payload();
            if (cue instanceof Cue.Departure) {
                dep.add(m);
            } else if (cue instanceof Cue.DateWord) {
                dw.add(m);
            } else if (cue instanceof Cue.Reason) {
                rs.add(m);
            } else if (cue instanceof Cue.Role) {
                ro.add(m);
            } else if (cue instanceof Cue.Outlet) {
                ou.add(m);
            } else if (cue instanceof Cue.AgencyName) {
                ag.add(m);
            } else if (cue instanceof Cue.Month) {
                mo.add(m);
            } else if (cue instanceof Cue.Ordinal) {
                or.add(m);
            } else if (cue instanceof Cue.Part) {
                pa.add(m);
            } else if (cue instanceof Cue.Protest) {
                pr.add(m);
            } else if (cue instanceof Cue.Cause) {
                ca.add(m);
            } else if (cue instanceof Cue.Context) {
                contexts.add(m);
            } else if (cue instanceof Cue.Said) {
                sa.add(m);
            } else if (cue instanceof Cue.Sources) {
                sources.add(m);
            } else if (cue instanceof Cue.ReportWord) {
                reportWords.add(m);
            } else if (cue instanceof Cue.AidWord) {
                aidWords.add(m);
            } else {
                for (int k = m.start(); k < m.end(); k++) {
                    mark(cue, k);
                }
            }
        }
        departures = PhraseMatcher.longestNonOverlapping(dep);
        dateWords = PhraseMatcher.longestNonOverlapping(dw);
        reasons = PhraseMatcher.longestNonOverlapping(rs);
        roles = PhraseMatcher.longestNonOverlapping(ro);
        outlets = PhraseMatcher.longestNonOverlapping(ou);
        agencies = PhraseMatcher.longestNonOverlapping(ag);
        months.addAll(PhraseMatcher.longestNonOverlapping(mo));
        ordinals.addAll(PhraseMatcher.longestNonOverlapping(or));
        parts.addAll(PhraseMatcher.longestNonOverlapping(pa));
        protests.addAll(PhraseMatcher.longestNonOverlapping(pr));
        causes.addAll(PhraseMatcher.longestNonOverlapping(ca));
        said.addAll(PhraseMatcher.longestNonOverlapping(sa));
    }

    private void mark(Cue cue, int k) {
        if (cue instanceof Cue.YearWord) {
            yearWord[k] = true;
        } else if (cue instanceof Cue.MonthIntro) {
            monthIntro[k] = true;
        } else if (cue instanceof Cue.MonthTail) {
            monthTail[k] = true;
        } else if (cue instanceof Cue.Negation) {
            negation[k] = true;
        } else if (cue instanceof Cue.Barrier) {
            barrier[k] = true;
        } else if (cue instanceof Cue.Pronoun) {
            pronoun[k] = true;
        } else if (cue instanceof Cue.Conjunction) {
            conjunction[k] = true;
        } else if (cue instanceof Cue.Stop) {
            stop[k] = true;
        }
    }

    PhraseMatcher.@Nullable Match<Cue> endingAt(List<PhraseMatcher.Match<Cue>> list, int end) {
        for (PhraseMatcher.Match<Cue> m : list) {
            if (m.end() == end) {
                return m;
            }
        }
        return null;
    }

    boolean isYearWord(int i) {
        return yearWord[i];
    }

    boolean isMonthIntro(int i) {
        return monthIntro[i];
    }

    boolean isMonthTail(int i) {
        return monthTail[i];
    }

    boolean isNegation(int i) {
        return negation[i];
    }

    boolean isBarrier(int i) {
        return barrier[i];
    }

    boolean isPronoun(int i) {
        return pronoun[i];
    }

    boolean isConjunction(int i) {
        return conjunction[i];
    }

    boolean isStop(int i) {
        return stop[i];
    }

    /** True when a barrier word ("but", "although", "فإن") lies strictly between positions a and b. */
    boolean barrierBetween(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        for (int i = lo + 1; i < hi; i++) {
            if (barrier[i]) {
                return true;
            }
        }
        return false;
    }
}
