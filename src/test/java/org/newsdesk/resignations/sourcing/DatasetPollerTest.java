package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;

/** A poll that throws, an Error included, is logged and told to the admins once; the polls go on. */
class DatasetPollerTest {

    @Test
    void anOutOfMemoryErrorDoesNotEndThePolling() throws Exception {
        List<String> admins = new CopyOnWriteArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        try (LogCapture log = new LogCapture();
             DatasetPoller poller = new DatasetPoller(() -> {
                 if (polls.incrementAndGet() <= 2) {
                     throw new OutOfMemoryError("Java heap space (injected)");
                 }
                 third.countDown();
             }, Duration.ofMillis(20), new Alarms(Templates.bundled(), Lang.EN, admins::add))) {
            assertThat(third.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(admins).containsExactly(
                    "The background task dataset-poll failed (OutOfMemoryError) and carries on; the log has the details.");
            assertThat(log.errors()).anyMatch(l -> l.contains("dataset-poll") && l.contains("OutOfMemoryError"));
        }
    }
}
