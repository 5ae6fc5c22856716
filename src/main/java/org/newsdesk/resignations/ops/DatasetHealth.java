package org.newsdesk.resignations.ops;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether the dataset source works: the last load (at start-up, a file change, a poll,
 * {@code /resignations reload}) succeeded, or what failed. A failed load keeps the bot serving its
 * last good snapshot; readiness says so until a load succeeds again.
 */
public final class DatasetHealth implements ReadinessCheck {

    private volatile Optional<String> problem = Optional.of("the dataset is not loaded yet");
    private volatile Optional<Instant> lastLoad = Optional.empty();

    /** A load succeeded (whether or not the version changed). */
    public void loaded(Instant at) {
        lastLoad = Optional.of(at);
        problem = Optional.empty();
    }

    /** A load failed; the bot keeps serving {@code version}. */
    public void failed(String why) {
        problem = Optional.of(why);
    }

    public Optional<Instant> lastLoad() {
        return lastLoad;
    }

    @Override
    public String name() {
        return "dataset";
    }

    @Override
    public Optional<String> problem() {
        return problem;
    }
}
