package org.newsdesk.resignations.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.LogCapture;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.store.Backend;
import org.newsdesk.resignations.store.Drafts;
import org.newsdesk.resignations.store.Store;
import org.newsdesk.resignations.store.TestDatabases;
import org.slf4j.LoggerFactory;

/** The store's housekeeping, run by the notifier on its own: expired drafts of the add form are deleted. */
class NotifierChoresTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void expiredDraftsAreDeletedByTheChoresAndTheOthersKept(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        Clock clock = Clock.systemUTC();
        long now = clock.millis();
        Store store = db.open();
        store.drafts().put(new Drafts.Draft("expired", 1, "{}", now - 3_600_000, now - 1));
        store.drafts().put(new Drafts.Draft("open", 1, "{}", now, now + 3_600_000));
        assertThat(draftIds(db)).containsExactlyInAnyOrder("expired", "open");
        Logger log = (Logger) LoggerFactory.getLogger(Notifier.class);
        Level level = log.getLevel();
        log.setLevel(Level.DEBUG);
        Notifier.Settings standard = Notifier.Settings.standard();
        try (LogCapture logs = new LogCapture();
             Notifier notifier = new Notifier(store, Templates.bundled(), new EntryCodec(DatasetLoader.standard().mapper()),
                     Lang.EN, Optional.empty(), clock, Delivery.Backoff.standard(),
                     new Notifier.Settings(standard.maxAnnouncedAdditions(), false, standard.ledgerRetry(),
                             standard.ledgerRetries(), Duration.ofMillis(50)))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> draftIds(db).equals(Set.of("open")));
            // the capture's list is appended to by the chores' thread meanwhile
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> logs.all().contains("Store chores: 1 expired add-form draft(s) deleted"));
            assertThat(notifier.store().drafts().get("open", clock.millis())).isPresent();
        } finally {
            log.setLevel(level);
        }
    }

    /** The rows of the drafts table, read over a connection of its own. */
    private static Set<String> draftIds(TestDatabases.Target db) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = db.raw(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT draft_id FROM drafts")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
