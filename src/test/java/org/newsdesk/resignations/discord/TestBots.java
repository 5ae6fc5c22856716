package org.newsdesk.resignations.discord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
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
}
