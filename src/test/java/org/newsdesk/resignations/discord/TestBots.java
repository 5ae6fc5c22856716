package org.newsdesk.resignations.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.discord.fake.FakeDiscord;
import org.newsdesk.resignations.store.PostgresServer;

/** Shared set-up for Discord tests: the fixture dataset and a bot pointed at a fake Discord. */
public final class TestBots {

    private TestBots() {
    }

    /** The 13-entry fixture (two list pages) under src/test/resources/discord. */
    public static Snapshot fixture() {
        try (InputStream in = TestBots.class.getResourceAsStream("/discord/dataset.json")) {
            return DatasetLoader.standard().load("discord/dataset.json", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidDatasetException e) {
            throw new IllegalStateException(e.problems().toString(), e);
        }
    }

    public static Application app() {
        return Application.standalone(fixture(), Lang.EN);
    }

    public static DiscordOptions against(FakeDiscord fake) {
        return DiscordOptions.defaults()
                .withEndpoints(Optional.of(fake.restUrl()), Optional.of(fake.gatewayUrl()))
                .withCompression(false)
                .withGuilds(List.of(FakeDiscord.GUILD_ID))
                .withDeferAfter(Duration.ofMillis(2000));
    }

    /**
     * The bot as a real process ({@code run} and the given arguments) pointed at the fake Discord,
     * its output in {@code log}; the caller adds its own {@code BOT_*} settings to the environment.
     */
    public static ProcessBuilder process(FakeDiscord fake, Path dir, String token, Path log, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.newsdesk.resignations.app.Main", "run"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DISCORD_") || k.startsWith("BOT_"));
        env.put("DISCORD_TOKEN", token);
        env.put("DISCORD_API_BASE_URL", fake.restUrl());
        env.put("DISCORD_GATEWAY_URL", fake.gatewayUrl());
        env.put("DISCORD_GATEWAY_COMPRESSION", "none");
        env.put("DISCORD_GUILDS", Long.toString(FakeDiscord.GUILD_ID));
        // any free port for /healthz and /metrics: two bots of one test (a fleet, a restart) never
        // collide on the default 8080, nor with whatever else this machine runs there
        env.put("BOT_HTTP_ADDRESS", "127.0.0.1:0");
        return pb;
    }

    /**
     * One process of a fleet: the bot as {@link #process} in {@code dir/p<shard>} (its own data
     * directory, its log in {@code log}), serving both servers, running shard {@code shard} of 2,
     * its state in the PostgreSQL database {@code url}. The caller adds its own settings.
     */
    public static ProcessBuilder fleetMember(FakeDiscord fake, String url, Path dir, Path dataset, int shard, Path log,
                                             long... guilds) throws IOException {
        Path home = dir.resolve("p" + shard);
        Files.createDirectories(home);
        ProcessBuilder pb = process(fake, home, FLEET_TOKEN, log, "--data-dir", home.resolve("data").toString(),
                "--dataset", dataset.toString());
        Map<String, String> env = pb.environment();
        env.put("DISCORD_GUILDS", String.join(",", LongStream.of(guilds).mapToObj(Long::toString).toList()));
        env.put("BOT_STORAGE_URL", url);
        env.put("BOT_STORAGE_PASSWORD", PostgresServer.PASSWORD);
        env.put("DISCORD_SHARDS_TOTAL", "2");
        env.put("DISCORD_SHARD_IDS", Integer.toString(shard));
        return pb;
    }

    /** A token of the form Discord's have (the fake accepts any). */
    public static final String FLEET_TOKEN = "ZmFrZQ.ZmFrZQ.fake-token";

    /** Stops them all (SIGTERM, then SIGKILL for one still running after 20 s). */
    public static void stop(List<Process> running) throws InterruptedException {
        for (Process p : running) {
            p.destroy();
        }
        for (Process p : running) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
