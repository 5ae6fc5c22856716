package org.newsdesk.resignations.factcheck;

import java.util.List;
import java.util.Optional;

/**
 * The verdict on one assertion and what it rests on.
 *
 * @param why      why this verdict, as a key under {@code factcheck.why.} in {@code responses/}
 * @param ours     what the dataset stands behind on this point (for a disputed point: each side)
 * @param carriers values the dataset holds but does not stand behind that carry what the claim
 *                 says, so their sources can be named (e.g. the source article's 8 May)
 * @param outletSources for an attributed point: the dataset's sources from that outlet
 */
public record Judgement(Assertion assertion, Verdict verdict, String why, List<Evidence> ours,
                        List<Evidence> carriers, List<String> outletSources) {

    public Judgement {
        ours = List.copyOf(ours);
        carriers = List.copyOf(carriers);
        outletSources = List.copyOf(outletSources);
    }

    public Aspect aspect() {
        return assertion.aspect();
    }

    public Optional<String> outlet() {
        return assertion.outlet();
    }
}
