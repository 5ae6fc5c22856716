package org.newsdesk.resignations.factcheck;

import java.util.List;

/**
 * The outcome of checking one claim against one snapshot of the dataset.
 *
 * @param claim     the text checked (at most {@link FactChecker#MAX_CLAIM} characters)
 * @param truncated true when the text was longer and only its beginning was checked
 * @param overall   the most serious verdict among the assertions; NOT_COVERED when nothing was checkable
 */
public record FactCheckResult(Status status, String claim, boolean truncated, List<PersonCheck> people,
                              Verdict overall, String version) {

    public enum Status {
        /** Officials were found and their assertions judged. */
        CHECKED,
        /** No official in the dataset is named; {@code people} may hold unknown names with suggestions. */
        NO_OFFICIAL,
        /** The text is empty. */
        EMPTY,
        /** The text has no letters or digits (only emoji, punctuation or markup). */
        NO_TEXT
    }

    public FactCheckResult {
        people = List.copyOf(people);
    }

    public List<Judgement> judgements() {
        return people.stream().flatMap(p -> p.judgements().stream()).toList();
    }
}
