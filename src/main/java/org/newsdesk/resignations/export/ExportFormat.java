package org.newsdesk.resignations.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The files /resignations export can attach; {@link #option()} is what the user types or picks. */
public enum ExportFormat {
    JSON("json", "JSON"),
    CSV("csv", "CSV"),
    CLAIMREVIEW("claimreview", "ClaimReview");

    private final String option;
    private final String label;

    ExportFormat(String option, String label) {
        this.option = option;
        this.label = label;
    }

    /** The format's usual name: JSON, CSV, ClaimReview. */
    public String label() {
        return label;
    }

    public String option() {
        return option;
    }

    /** The choices offered for the format option, in this order. */
    public static List<String> options() {
        return Arrays.stream(values()).map(ExportFormat::option).toList();
    }

    /** "csv", "CSV", " claim-review " …; empty when it is none of them. */
    public static Optional<ExportFormat> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String v = typed.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return Arrays.stream(values()).filter(f -> f.option.equals(v)).findFirst();
    }
}
