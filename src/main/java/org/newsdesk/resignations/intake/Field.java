package org.newsdesk.resignations.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of the "add an entry" form, in the order they are asked. Discord allows five
 * inputs per modal, so the form has two steps: who (names, agency, title) and why (date,
 * stated reason, source). Lengths follow the dataset schema.
 */
public enum Field {
    NAME_EN(Step.WHO, false, 120),
    NAME_AR(Step.WHO, false, 120),
    AGENCY(Step.WHO, false, 100),
    TITLE_EN(Step.WHO, false, 300),
    TITLE_AR(Step.WHO, false, 300),
    DATE(Step.WHY, false, 20),
    // room left in the dataset's 2,000 characters for "According to <outlet>: " in reported_reason
    REASON_EN(Step.WHY, true, 1600),
    REASON_AR(Step.WHY, true, 1600),
    SOURCE_URL(Step.WHY, false, 2000),
    OUTLET(Step.WHY, false, 300);

    /** A step is one modal: at most five fields. */
    public enum Step {
        WHO, WHY;

        public List<Field> fields() {
            return Arrays.stream(Field.values()).filter(f -> f.step == this).toList();
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public int number() {
            return ordinal() + 1;
        }

        public Optional<Step> next() {
            return this == WHO ? Optional.of(WHY) : Optional.empty();
        }
    }

    private final Step step;
    private final boolean paragraph;
    private final int maxLength;

    Field(Step step, boolean paragraph, int maxLength) {
        this.step = step;
        this.paragraph = paragraph;
        this.maxLength = maxLength;
    }

    public Step step() {
        return step;
    }

    /** Several lines (a reason) rather than one. */
    public boolean paragraph() {
        return paragraph;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The input's id in a form, and the suffix of its label's template key ({@code add.field.<id>}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Field> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
    }
}
