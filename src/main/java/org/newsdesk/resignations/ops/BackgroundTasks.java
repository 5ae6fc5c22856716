package org.newsdesk.resignations.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The background tasks that must keep running (the dataset watcher and poller, notification
 * delivery): a task that has stopped while the bot runs makes it not ready. A task's failures are
 * not death: it logs them, tells the admins and carries on (see sourcing.Alarms).
 */
public final class BackgroundTasks implements ReadinessCheck {

    private final Map<String, BooleanSupplier> tasks = new ConcurrentHashMap<>();

    /** @param alive whether the task is still running */
    public void add(String task, BooleanSupplier alive) {
        tasks.put(task, alive);
    }

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public Optional<String> problem() {
        List<String> dead = tasks.entrySet().stream().filter(e -> !e.getValue().getAsBoolean()).map(Map.Entry::getKey)
                .sorted().toList();
        return dead.isEmpty() ? Optional.empty() : Optional.of("the background task(s) " + String.join(", ", dead)
                + " stopped; the log says why; restart the bot");
    }
}
