package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.sourcing.Said;
import org.newsdesk.resignations.sourcing.Reloader;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.sourcing.Datasets;
import org.newsdesk.resignations.store.Store;

class NotifyCommandsTest {

    static final long GUILD = 10;
    static final long HERE = 100;

    @TempDir
    Path dir;
    Notifier notifier;
    Application app;

    @BeforeEach
    void open() {
        DatasetLoader loader = DatasetLoader.standard();
        notifier = new Notifier(Store.open(dir), Templates.bundled(), new EntryCodec(loader.mapper()), Lang.EN,
                Optional.empty(), Clock.systemUTC());
        app = new Application(Datasets.load(Datasets.bundled()), Application.Setup.standalone(Lang.EN).reloading(Optional.empty(), Optional.of(notifier)));
    }

    @AfterEach
    void close() {
        notifier.close();
    }

    Reply run(String command, String sub, Map<String, String> options, RequestContext where) {
        return app.router().handle(new CommandRequest(command, sub, options), where);
    }

    static RequestContext in(long guild, long channel) {
        return new RequestContext(Optional.empty(), Optional.empty(), Optional.of(guild), Optional.of(channel), Optional.of(7L));
    }

    static String text(Reply r) {
        return r.page(0).description();
    }

    @Test
    void aChannelWhereTheBotCannotPostIsRefusedAtOnce() {
        notifier.channelCheck((g, c) -> c == HERE ? List.of("Send Messages", "Embed Links") : List.of());
        Reply r = run("notify", "subscribe", Map.of(), in(GUILD, HERE));
        assertThat(r.kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(text(r)).contains("<#100>").contains("Send Messages, Embed Links");
        assertThat(notifier.store().subscriptions(GUILD)).isEmpty();
        assertThat(run("notify", "subscribe", Map.of("channel", "101"), in(GUILD, HERE)).kind()).isEqualTo(Reply.Kind.PRIVATE);
    }

    @Test
    void subscribeStatusUnsubscribeInOneServerOnly() {
        run("notify", "subscribe", Map.of("corrections", "false"), in(GUILD, HERE));
        run("notify", "subscribe", Map.of(), in(GUILD + 1, 200));
        assertThat(text(run("notify", "status", Map.of(), in(GUILD, HERE)))).contains("<#100>: on: new entries (no corrections) · no message yet")
                .doesNotContain("200");
        // another server cannot remove or test this server's channel
        assertThat(run("notify", "unsubscribe", Map.of("channel", "100"), in(GUILD + 1, 200)).kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(run("notify", "test", Map.of("channel", "100"), in(GUILD + 1, 200)).kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(text(run("notify", "unsubscribe", Map.of(), in(GUILD, HERE)))).contains("no longer");
        assertThat(text(run("notify", "status", Map.of(), in(GUILD, HERE)))).contains("No channel");
    }

    @Test
    void theServersLanguageDecidesTheReplies() {
        assertThat(text(run("settings", "language", Map.of("language", "ar"), in(GUILD, HERE)))).isEqualTo("لغة هذا الخادم الآن العربية.");
        assertThat(app.guildLanguage(GUILD)).contains(Lang.AR);
        assertThat(notifier.languageFor(GUILD + 1)).isEqualTo(Lang.EN);
    }

    @Test
    void outsideAServerOrWithoutStoreTheCommandsSaySo() {
        assertThat(text(run("notify", "status", Map.of(), RequestContext.CONSOLE))).isEqualTo(
                Templates.bundled().get(Lang.EN, "notify.guild_only"));
        Application plain = Application.standalone(Datasets.load(Datasets.bundled()), Lang.EN);
        Reply r = plain.router().handle(new CommandRequest("notify", "status", Map.of()), in(GUILD, HERE));
        assertThat(text(r)).isEqualTo(Templates.bundled().get(Lang.EN, "notify.unavailable"));
        assertThat(text(plain.router().handle(new CommandRequest("resignations", "reload", Map.of()), in(GUILD, HERE))))
                .isEqualTo(Templates.bundled().get(Lang.EN, "notify.unavailable"));
    }

    @Test
    void aReloadWhileTheDatasetUrlIsDownSaysSoInsteadOfNothingChanged() {
        Snapshot bundled = Datasets.load(Datasets.bundled());
        Reloader.Source down = new Reloader.Source() {
            @Override
            public Optional<Reloader.Unavailable> fetch() {
                return Optional.of(new Reloader.Unavailable(Said.of("notify.url.status", "url", "https://desk.example.org/data.json",
                        "status", "500 Internal Server Error"), Duration.ofSeconds(60)));
            }

            @Override
            public Snapshot load() {
                return bundled;
            }
        };
        Application withUrl = new Application(bundled, Application.Setup.standalone(Lang.EN)
                .reloading(Optional.of(down), Optional.of(notifier)));
        for (Lang lang : Lang.values()) {
            // the reply speaks the server's language
            RequestContext where = new RequestContext(Optional.of(lang), Optional.empty(), Optional.of(GUILD), Optional.of(HERE),
                    Optional.of(7L));
            String said = text(withUrl.router().handle(new CommandRequest("resignations", "reload", Map.of()), where));
            assertThat(said).contains(bundled.version())
                    .contains("https://desk.example.org/data.json").contains("500 Internal Server Error")
                    .contains(lang == Lang.AR ? "يواصل البوت تقديم ما لديه" : "the bot serves what it had");
        }
    }
}
