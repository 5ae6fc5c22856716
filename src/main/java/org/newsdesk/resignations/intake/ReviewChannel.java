package org.newsdesk.resignations.intake;

import org.newsdesk.resignations.render.Reply;

/**
 * The newsroom's review channel, as the review service sees it (Discord implements it once
 * connected): cards of entries to review, and notes for their authors.
 */
public interface ReviewChannel {

    /** Why a card is posted. */
    enum Why { SUBMITTED, EDITED, REMINDER }

    /** Posts {@code card} for the pending entry {@code p}, with what a reviewer can do with it. */
    void review(Pending p, Reply card, Why why);

    /** Tells an author something (a rejection and its reason), without pinging anyone. */
    void tell(long author, Reply note);

    /** No channel configured (the console, tests): nothing is posted. */
    ReviewChannel NONE = new ReviewChannel() {
        @Override
        public void review(Pending p, Reply card, Why why) {
        }

        @Override
        public void tell(long author, Reply note) {
        }
    };
}
