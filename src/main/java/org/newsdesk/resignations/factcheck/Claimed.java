package org.newsdesk.resignations.factcheck;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.Departure;

/** The value an assertion claims, as the checker understood it from the text. */
public sealed interface Claimed {

    /** A typed name the dataset does not hold (or holds for several people). */
    record Person(String name) implements Claimed {
    }

    record AgencyOf(String agencyId) implements Claimed {
    }

    /** An office, recognised by words it shares with an office the dataset records for this person. */
    record Office(String phrase) implements Claimed {
    }

    /**
     * A role word ("spokesperson", "special assistant", "senior official"), with the agency the
     * text ties it to ("White House spokesperson"), if any.
     */
    record Title(String role, Optional<String> agencyId) implements Claimed {
    }

    /** Which date of the departure the text means. */
    enum DateRole { UNSPECIFIED, ANNOUNCED, EFFECTIVE, SUBMITTED }

    /**
     * A date as written: the year may be missing ("8 May"), the day may be missing ("in October"),
     * a part of the month may be given ("late May", "أواخر مايو").
     */
    record DateOf(int year, int month, int day, DatePart part, DateRole role) implements Claimed {
    }

    record DepartureOf(Departure kind) implements Claimed {
    }

    /**
     * A reason. Each group is a set of reason tags any one of which satisfies it ("personal
     * reasons" is satisfied by family or burnout); every group must be satisfied. {@code protest}
     * is set when the text frames the departure as a protest ("in protest", "احتجاجاً");
     * {@code ownWords} when the text gives it as what the person said ("saying", "قال إنه").
     */
    record Reason(List<Set<String>> groups, boolean protest, boolean ownWords) implements Claimed {
        public Reason {
            groups = List.copyOf(groups);
        }
    }

    /** That an outlet reported the points listed (the other assertions of its sentence). */
    record Attribution(String outlet, List<Aspect> points) implements Claimed {
        public Attribution {
            points = List.copyOf(points);
        }
    }
}
