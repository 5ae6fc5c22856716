package org.newsdesk.resignations.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.discord.fake.FakeDiscord;

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
        // a free port for health and metrics: with the default 127.0.0.1:8080, a second bot in the same
        // test (the fleet's two processes) or anything else on this machine holding 8080 stops the start
        env.put("BOT_HTTP_ADDRESS", "127.0.0.1:0");
        return pb;
    }
}
