package org.newsdesk.resignations.discord;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.newsdesk.resignations.discord.fake.FakeDiscord;

/**
 * A fake Discord for an end-to-end test class, started before and closed after each test (an
 * instance field with {@code @RegisterExtension}) or the whole class (a static field). Bots
 * started through {@link #start} are closed first, last started first.
 */
public final class FakeDiscordExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private FakeDiscord fake;
    private boolean perClass;

    public FakeDiscord fake() {
        return fake;
    }

    /** A bot on this fake Discord, closed after the test (or the class) with the fake. */
    public DiscordBot start(BotCore core) throws Exception {
        return start(core, TestBots.against(fake));
    }

    public DiscordBot start(BotCore core, DiscordOptions options) throws Exception {
        DiscordBot bot = DiscordBot.start(core, "fake-token", options);
        opened.push(bot);
        return bot;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        perClass = true;
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        closeAll();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            closeAll();
        }
    }

    private void open() throws Exception {
        fake = FakeDiscord.start();
        opened.push(fake);
    }

    private void closeAll() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
