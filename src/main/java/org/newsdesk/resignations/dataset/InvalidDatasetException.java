package org.newsdesk.resignations.dataset;

import java.util.List;

/** A dataset that failed validation; it carries every problem found, never a partial load. */
public final class InvalidDatasetException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InvalidDatasetException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the dataset, first: "
                + (problems.isEmpty() ? "-" : problems.get(0).describe()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
