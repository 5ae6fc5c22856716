package org.newsdesk.resignations.factcheck;

import java.util.Locale;

/** The kinds of checkable assertion a claim can make about an official. */
public enum Aspect {
    /** That someone in the dataset is meant (used for names the dataset does not hold). */
    PERSON,
    AGENCY,
    OFFICE,
    TITLE,
    /** The date of the resignation: announced, effective, submitted, or unspecified. */
    DATE,
    /** The kind of departure: resigned, fired, retired, contract ended, pushed out. */
    DEPARTURE,
    REASON,
    /** That an outlet reported the other points of the sentence. */
    ATTRIBUTION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
