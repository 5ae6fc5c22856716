package org.newsdesk.resignations.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks behind {@code /readyz}: the bot is ready when every one of them is. A check that
 * throws is not ready (and says so), it does not break the answer.
 */
public final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    /**
     * @param problems each check not ready, by name, with what is wrong (empty when ready)
     * @param checks   every check's name, in the order they were added
     */
    public record Report(Map<String, String> problems, List<String> checks) {
        public Report {
            problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
            checks = List.copyOf(checks);
        }

        public boolean ready() {
            return problems.isEmpty();
        }
    }

    /**
     * A check that is known to be needed before the part that answers it has started (the gateway
     * while Discord connects): until {@link #set} it says "not started yet".
     */
    public static final class Slot implements ReadinessCheck {
        private final String name;
        private final String waiting;
        private volatile ReadinessCheck check;

        Slot(String name, String waiting) {
            this.name = name;
            this.waiting = waiting;
        }

        public void set(ReadinessCheck check) {
            this.check = check;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<String> problem() {
            ReadinessCheck c = check;
            return c == null ? Optional.of(waiting) : c.problem();
        }
    }

    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();
    /** Check and exception pairs already logged: probes come every few seconds, the log hears of each once. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public Readiness add(ReadinessCheck check) {
        checks.add(check);
        return this;
    }

    /** A check to be filled in later; until then it says {@code waiting}. */
    public Slot expect(String name, String waiting) {
        Slot s = new Slot(name, waiting);
        checks.add(s);
        return s;
    }

    /** Every check's name, in the order they were added. */
    public List<String> names() {
        return checks.stream().map(ReadinessCheck::name).distinct().toList();
    }

    /** What the checks of that name say is wrong, if anything. */
    public Optional<String> problem(String name) {
        return Optional.ofNullable(check(checks.stream().filter(c -> c.name().equals(name)).toList()).problems().get(name));
    }

    public Report check() {
        return check(checks);
    }

    private Report check(List<ReadinessCheck> checks) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ReadinessCheck c : checks) {
            Optional<String> p;
            try {
                p = c.problem();
            } catch (RuntimeException e) {
                if (logged.add(c.name() + ":" + e.getClass().getName())) {
                    LOG.warn("The readiness check {} failed ({}); it counts as not ready until it answers", c.name(),
                            e.getClass().getName(), e);
                }
                p = Optional.of("the check itself failed (" + e.getClass().getSimpleName() + "); see the log");
            }
            p.ifPresent(why -> problems.merge(c.name(), why, (a, b) -> a + "; " + b));
        }
        return new Report(problems, checks.stream().map(ReadinessCheck::name).distinct().toList());
    }
}
