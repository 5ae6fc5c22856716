package org.newsdesk.resignations.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.discord.DiscordBot;
import org.newsdesk.resignations.discord.TestBots;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.Store;

/**
 * Fan-out of one new entry to N subscribed channels (default 1,000) through the real JDA client
 * against the fake Discord, which enforces Discord's global limit of 50 messages a second with
 * 429s. Prints the time from the dataset change to the last message and the number of 429s.
 * Not JMH: one run is 20 s or more by design (the limit, not the code, sets the pace).
 *
 * <pre>mvn -q -Pbench test-compile && java -cp "$(cat target/bench.cp):target/classes:target/test-classes" \
 *     org.newsdesk.resignations.bench.FanOutBench 1000 50 45</pre>
 * (channels, the fake's global limit a second, the bot's own pace a second).
 */
public final class FanOutBench {

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int globalLimit = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int pace = args.length > 2 ? Integer.parseInt(args[2]) : org.newsdesk.resignations.notify.Delivery.Backoff.DEFAULT_PER_SECOND;
        Path dir = Files.createTempDirectory("fanout");
        DatasetLoader loader = DatasetLoader.standard();
        try (FakeDiscord fake = FakeDiscord.start()) {
            fake.limitChannelMessages(globalLimit);
            Store store = Store.open(dir);
            for (int i = 0; i < channels; i++) {
                store.subscribe(FakeDiscord.GUILD_ID, 800000000000000000L + i, true, 1, 0);
            }
            Notifier notifier = new Notifier(store, Templates.bundled(), new EntryCodec(loader.mapper()), Lang.EN,
                    Optional.empty(), Clock.systemUTC(), new org.newsdesk.resignations.notify.Delivery.Backoff(
                            java.time.Duration.ofSeconds(2), java.time.Duration.ofMinutes(10),
                            org.newsdesk.resignations.notify.Delivery.Backoff.DEFAULT_REPORT_AFTER, pace));
            var before = Datasets.load(Datasets.without("andrew-miller"));
            notifier.datasetChanged(before);   // the baseline
            Application app = new Application(before, Application.Setup.standalone(Lang.EN).reloading(Optional.empty(), Optional.of(notifier)));
            try (DiscordBot bot = DiscordBot.start(app.discord(), "fake-token", TestBots.against(fake))) {
                fake.keepRecords(true);
                fake.clearRequests();
                long start = System.nanoTime();
                notifier.datasetChanged(Datasets.load(Datasets.bundled()));
                long queued = System.nanoTime();
                while (store.outboxCounts().getOrDefault(Outbox.State.DELIVERED, 0) < channels) {
                    Thread.sleep(20);
                    if (System.nanoTime() - start > 600_000_000_000L) {
                        throw new IllegalStateException("not delivered within 10 minutes: " + store.outboxCounts());
                    }
                }
                long done = System.nanoTime();
                long posts = fake.requests().stream().filter(r -> r.is("POST", "/channels/\\d+/messages")).count();
                System.out.printf("channels=%d pace=%d/s globalLimit=%d/s queue=%.0f ms deliver=%.1f s rate=%.1f msg/s posts=%d 429s=%d states=%s%n",
                        channels, pace, globalLimit, (queued - start) / 1e6, (done - start) / 1e9,
                        channels / ((done - start) / 1e9), posts, fake.rateLimitedCount(), store.outboxCounts());
            }
            notifier.close();
        }
    }
}
