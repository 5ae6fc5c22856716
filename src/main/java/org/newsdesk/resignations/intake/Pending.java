package org.newsdesk.resignations.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An entry (or a correction of one) sent for review: the form as the editors left it, who wrote
 * it, and where it stands. Kept durably until a second editor approves it (then it is served and
 * dropped from here) or rejects it (then it is kept {@link ReviewService#KEEP_REJECTED} and dropped).
 *
 * @param draft     the form's fields; its id is this review's id, its target the corrected entry
 * @param authors   every editor who wrote or edited it (none of them may approve it), first the one who started it
 * @param submitted when it was first sent for review
 * @param updated   when it was last sent (an edit sends it again) or rejected
 * @param reminded  the review channel was reminded of it once, after it waited over a day
 */
public record Pending(Draft draft, List<Long> authors, Instant submitted, Instant updated, Status status,
                      boolean reminded, Optional<Rejection> rejection) {

    public enum Status { PENDING, REJECTED }

    /** Why and by whom it was turned down. */
    public record Rejection(long reviewer, Instant at, String reason) {
    }

    public Pending {
        authors = List.copyOf(authors);
        if (authors.isEmpty()) {
            throw new IllegalArgumentException("a pending entry has an author");
        }
    }

    public String id() {
        return draft.id();
    }

    public long author() {
        return authors.get(0);
    }

    public boolean correction() {
        return draft.target().isPresent();
    }

    public boolean waiting() {
        return status == Status.PENDING;
    }
}
