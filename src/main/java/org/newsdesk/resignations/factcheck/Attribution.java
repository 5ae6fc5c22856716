package org.newsdesk.resignations.factcheck;

import java.util.Optional;

/** Who a claim's sentence says a point comes from. */
sealed interface Attribution permits Attribution.Self, Attribution.Outlet, Attribution.Unattributed {

    Self SELF = new Self();
    Unattributed NONE = new Unattributed();

    /** The person's own words ("he said"). */
    record Self() implements Attribution {
    }

    /** A news outlet, by its key in the lexicon ("CNN said", or sources an outlet cites). */
    record Outlet(String name) implements Attribution {
    }

    /** No attribution word reaches the point. */
    record Unattributed() implements Attribution {
    }

    /** The outlet, when the point is attributed to one. */
    default Optional<String> outlet() {
        return this instanceof Outlet o ? Optional.of(o.name()) : Optional.empty();
    }
}
