package org.newsdesk.resignations.dataset;

import java.util.List;

/** A dataset that failed validation; it carries every problem found, never a partial load. */
public final class InvalidDatasetException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;
    private final boolean moreNotListed;

    public InvalidDatasetException(List<Problem> problems) {
        this(problems, false);
    }

    /** @param moreNotListed the loader stopped listing problems: there are more than these */
    public InvalidDatasetException(List<Problem> problems, boolean moreNotListed) {
        super(count(problems.size(), moreNotListed) + " in the dataset, first: "
                + (problems.isEmpty() ? "-" : problems.get(0).describe()));
        this.problems = List.copyOf(problems);
        this.moreNotListed = moreNotListed;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** True when only the first problems are listed and there are more. */
    public boolean moreNotListed() {
        return moreNotListed;
    }

    /** "3 problem(s)" or "the first 1000 problems (more were not listed)". */
    public String count() {
        return count(problems.size(), moreNotListed);
    }

    private static String count(int listed, boolean more) {
        return more ? "the first " + listed + " problems (more were not listed)" : listed + " problem(s)";
    }
}
