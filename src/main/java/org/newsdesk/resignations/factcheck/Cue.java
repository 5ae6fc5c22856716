package org.newsdesk.resignations.factcheck;

import java.util.Set;
import org.newsdesk.resignations.dataset.DatePart;

/** What a word or phrase of the lexicon signals in a claim. */
sealed interface Cue {

    /** A departure verb or noun; LEFT is generic ("left", "غادر") and only anchors dates. */
    enum Leave { RESIGNED, FIRED, RETIRED, CONTRACT_ENDED, PUSHED_OUT, MILITARY_SEPARATION, LEFT }

    record Departure(Leave kind) implements Cue {
    }

    /** Words that say which date is meant, or that a nearby date is about something else. */
    enum DateKind { ANNOUNCE, EFFECTIVE, SUBMIT, OTHER_EVENT }

    record DateWord(DateKind kind) implements Cue {
    }

    /** A month name; {@code loose} when the word has another common meaning ("May", "مارس", "آب"). */
    record Month(int month, boolean loose) implements Cue {
    }

    record Ordinal(int day) implements Cue {
    }

    record Part(DatePart part) implements Cue {
    }

    /** "year", "عام": may stand between a month and its year. */
    record YearWord() implements Cue {
    }

    /** Words that may introduce a month with no day: "in", "during", "في", "شهر". */
    record MonthIntro() implements Cue {
    }

    /** Relative words after a month: "الماضي", "الجاري". */
    record MonthTail() implements Cue {
    }

    /**
     * A reason. {@code tags} is one requirement group (any tag satisfies it). A {@code standalone}
     * reason counts wherever it stands in a sentence about the departure; a topic counts only after
     * a departure, protest or cause word. {@code absorbs} phrases own the topic words that follow
     * them ("a presentation on maternal deaths" is about a presentation, not about the deaths).
     */
    record Reason(Set<String> tags, boolean standalone, boolean absorbs) implements Cue {
    }

    /** "report", "تقرير": the aid report when an {@link AidWord} follows closely. */
    record ReportWord() implements Cue {
    }

    record AidWord() implements Cue {
    }

    /** "in protest", "احتجاجاً", "اعتراضاً". */
    record Protest() implements Cue {
    }

    /** "over", "because", "بسبب", "على خلفية"; {@code motive}: links a departure to its motive. */
    record Cause(boolean motive) implements Cue {
    }

    /** "amid", "وسط": what follows is background, not a motive. */
    record Context() implements Cue {
    }

    /** The person's own words: "said", "told colleagues", "in her letter", "قال". */
    record Said() implements Cue {
    }

    /** Unnamed sources: "sources", "مصادر". */
    record Sources() implements Cue {
    }

    record Negation() implements Cue {
    }

    /** Words that end the reach of an attribution: "but", "although", "فإن", "بينما". */
    record Barrier() implements Cue {
    }

    /** A pronoun opening a sentence that continues about the same person. */
    record Pronoun() implements Cue {
    }

    record Conjunction() implements Cue {
    }

    /** A role or title word. */
    record Role(String role) implements Cue {
    }

    record Outlet(String key) implements Cue {
    }

    record AgencyName(String id) implements Cue {
    }

    /** Function words that cannot be part of a person's name. */
    record Stop() implements Cue {
    }
}
