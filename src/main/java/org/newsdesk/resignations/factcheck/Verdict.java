package org.newsdesk.resignations.factcheck;

import java.util.Collection;
import java.util.Locale;

/**
 * What the dataset says about one assertion. Declared from the least to the most serious, so the
 * overall verdict of a claim is the maximum: a contradiction outweighs a dispute, a dispute
 * outweighs a gap, and a claim is only consistent when every point in it is.
 */
public enum Verdict {
    /** The dataset supports the assertion; its sources are cited. */
    CONSISTENT,
    /** The person or the point is not in the dataset. A missing record is not a verdict on the claim. */
    NOT_COVERED,
    /**
     * Only a value the dataset marks unconfirmed carries the assertion: no credible source
     * contradicts it, but the dataset does not stand behind it as settled. Not consistent.
     */
    UNCONFIRMED,
    /** Sources in the dataset disagree on this point; each side is shown. */
    DISPUTED,
    /** The dataset holds a different value, with its sources. */
    CONTRADICTED;

    /** Key suffix in {@code responses/}: "consistent", "not-covered", "unconfirmed", "disputed", "contradicted". */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Verdict worst(Collection<Verdict> verdicts) {
        Verdict w = null;
        for (Verdict v : verdicts) {
            if (w == null || v.compareTo(w) > 0) {
                w = v;
            }
        }
        return w == null ? NOT_COVERED : w;
    }
}
