package org.newsdesk.resignations.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.discord.DiscordBot;
import org.newsdesk.resignations.discord.ShardPlan;
import org.newsdesk.resignations.discord.TestBots;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.notify.EntryCodec;
import org.newsdesk.resignations.notify.Notifier;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Outbox;
import org.newsdesk.resignations.store.PostgresServer;
import org.newsdesk.resignations.store.Storage;
import org.newsdesk.resignations.store.Store;

/**
 * Fan-out of one new entry to N channels (default 10,000) in S servers, one per shard (default
 * 4), through the real JDA shard manager against the fake Discord with its global limit of 50
 * messages a second (429s beyond it, rate-limit headers on every post), by P bot instances
 * (default 1; 2 splits the shards between two) on one throwaway PostgreSQL server. Each instance
 * has its own store (pool), notifier, delivery loop and shard manager, as a process would; they
 * share the JVM. Prints the time from the dataset change to the last delivery, the 429s, and the
 * most posts the fake saw in any one second. The floor is N / 50 seconds (200 s for 10,000).
 *
 * <pre>mvn -q -o -Pbench test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "$(cat target/bench.cp):target/classes:target/test-classes" \
 *     org.newsdesk.resignations.bench.FleetFanOutBench 10000 4 2</pre>
 * (channels, shards, instances; PostgreSQL's initdb and pg_ctl on the PATH, as for the tests).
 */
public final class FleetFanOutBench {

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String url = PostgresServer.get().newDatabase("fleetfanout");
        Storage storage = Storage.Postgres.of(url, Optional.of(PostgresServer.PASSWORD));
        DatasetLoader loader = DatasetLoader.standard();
        Snapshot before = Datasets.load(Datasets.without("andrew-miller"));
        Map<Long, List<Long>> guilds = new LinkedHashMap<>();
        for (int s = 0; s < shards; s++) {
            guilds.put(FakeDiscord.guildOnShard(s, shards, 3), List.of());
        }
        List<Long> guildIds = new ArrayList<>(guilds.keySet());
        try (Store setup = Store.open(storage)) {
            for (int i = 0; i < channels; i++) {
                setup.subscribe(guildIds.get(i % shards), 800000000000000000L + i, true, 1, 0);
            }
        }
        List<Notifier> notifiers = new ArrayList<>();
        List<DiscordBot> bots = new ArrayList<>();
        try (FakeDiscord fake = FakeDiscord.start()) {
            fake.keepRecords(false);
            fake.setGuilds(guilds);
            fake.limitChannelMessages(50);
            for (int p = 0; p < instances; p++) {
                Set<Integer> ids = new TreeSet<>();
                for (int s = p; s < shards; s += instances) {
                    ids.add(s);
                }
                ShardPlan plan = instances == 1 ? new ShardPlan(Optional.of(shards), Set.of()) : new ShardPlan(Optional.of(shards), ids);
                Store store = Store.open(storage, plan.processName(), Outbox.DEFAULT_LEASE);
                Notifier notifier = new Notifier(store, Templates.bundled(), new EntryCodec(loader.mapper()), Lang.EN,
                        Optional.empty(), Clock.systemUTC());
                notifiers.add(notifier);
                notifier.datasetChanged(before);   // the baseline (once: the others find it recorded)
                Application app = new Application(before,
                        Application.Setup.standalone(Lang.EN).reloading(Optional.empty(), Optional.of(notifier)));
                bots.add(DiscordBot.start(app.discord(), "fake-token", TestBots.against(fake).withGuilds(guildIds).withShards(plan)));
            }
            Store counts = notifiers.get(0).store();
            long start = System.nanoTime();
            notifiers.get(0).datasetChanged(Datasets.load(Datasets.bundled()));
            long queued = System.nanoTime();
            while (counts.outboxCounts().getOrDefault(Outbox.State.DELIVERED, 0) < channels) {
                Thread.sleep(500);
                if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
                    throw new IllegalStateException("not delivered within 20 minutes: " + counts.outboxCounts());
                }
            }
            long done = System.nanoTime();
            System.out.printf("channels=%d shards=%d instances=%d queue=%.1f s deliver=%.1f s rate=%.1f msg/s posts=%d 429s=%d "
                            + "peak=%d/s floor=%.0f s states=%s%n",
                    channels, shards, instances, (queued - start) / 1e9, (done - start) / 1e9, channels / ((done - start) / 1e9),
                    fake.messagePostTimes().size(), fake.rateLimitedCount(), fake.peakMessagesPerSecond(), channels / 50.0,
                    counts.outboxCounts());
            for (DiscordBot b : bots) {
                b.close();   // before the fake Discord goes
            }
        } finally {
            for (DiscordBot b : bots) {
                b.close();
            }
            for (Notifier n : notifiers) {
                n.close();
            }
        }
    }
}
