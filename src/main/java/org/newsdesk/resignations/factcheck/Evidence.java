package org.newsdesk.resignations.factcheck;

import java.util.List;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.dataset.Text;

/**
 * One value the dataset holds for a fact, with its sources, as shown next to a verdict.
 *
 * @param value an {@link Agency}, a {@link Departure}, a
 *              {@link Text} or a {@link PartialDate}
 */
public record Evidence(Field field, Object value, DatePart part, Standing standing, List<String> sources, Text note) {

    /** Which fact of the entry the value belongs to. */
    public enum Field { AGENCY, DEPARTURE, OFFICE, TITLE, ANNOUNCED, EFFECTIVE, STATED_REASON, REPORTED_REASON }

    public Evidence {
        sources = List.copyOf(sources);
    }

    static Evidence of(Field field, Attested<?> a) {
        return new Evidence(field, a.value(), a.part(), a.standing(), a.sources(), a.note());
    }
}
