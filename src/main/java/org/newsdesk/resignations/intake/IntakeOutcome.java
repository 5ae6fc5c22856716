package org.newsdesk.resignations.intake;

import org.newsdesk.resignations.render.Reply;

/** What the transport does next in the "add an entry" flow. */
public sealed interface IntakeOutcome {

    /** Show the form for {@code step}, filled with what the draft holds. */
    record Form(Draft draft, Field.Step step) implements IntakeOutcome {
    }

    /** Nothing was written: say what to fix, and offer the same form again, filled as it was sent. */
    record Fix(Reply reply, Draft draft, Field.Step step) implements IntakeOutcome {
    }

    /** A step is done: say so and offer the next form. */
    record Next(Reply reply, Draft draft, Field.Step step) implements IntakeOutcome {
    }

    /** The flow is over: added, or refused for good (expired, not allowed, the files are broken). */
    record Done(Reply reply) implements IntakeOutcome {
    }
}
