package org.newsdesk.resignations.ops;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * One thing the bot needs to do its work (the gateway, the dataset, the database, a background
 * task), asked by {@code /readyz}. It answers quickly: what it reports was observed already, or
 * is one cheap local query.
 */
public interface ReadinessCheck {

    /** Short and stable: "gateway", "dataset", "database", "tasks"; the key in the JSON body. */
    String name();

    /** Empty when ready; else a sentence an operator can act on. */
    Optional<String> problem();

    static ReadinessCheck of(String name, Supplier<Optional<String>> problem) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                return problem.get();
            }
        };
    }
}
