package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.Lang;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void createsTheDirectoryAndKeepsEverythingAcrossReopening() {
        Path data = dir.resolve("a/b/data");
        try (Store s = Store.open(data)) {
            assertThat(s.language(1)).isEmpty();
            s.setLanguage(1, Lang.AR, 5);
            s.setLanguage(1, Lang.EN, 6);
            s.setLanguage(2, Lang.AR, 6);
            s.subscribe(1, 100, true, 7, 8);
            s.subscribe(1, 100, false, 7, 9);    // changes the flag, no second row
            s.subscribe(2, 200, true, 7, 9);
            s.queueNote(300, "hello", 10);
        }
        assertThat(Files.exists(data.resolve(Store.FILE))).isTrue();
        try (Store s = Store.open(data)) {       // migrations already applied: nothing to do
            assertThat(s.language(1)).contains(Lang.EN);
            assertThat(s.language(2)).contains(Lang.AR);
            assertThat(s.subscriptions(1)).containsExactly(new Subscriptions.Subscription(1, 100, false, true, Optional.empty()));
            assertThat(s.unsubscribe(2, 100)).isFalse();    // another server's channel is not touched
            assertThat(s.unsubscribe(1, 100)).isTrue();
            assertThat(s.subscriptions(1)).isEmpty();
            assertThat(s.outboxCounts()).containsEntry(Outbox.State.PENDING, 1);
        }
    }

    @Test
    void aFailedTransactionWritesNothing() {
        try (Store s = Store.open(dir)) {
            List<Ledger.LedgerRow> rows = List.of(new Ledger.LedgerRow("a", "h1", "{}"));
            // an event without content violates NOT NULL: the ledger row of the same call is rolled back
            assertThatThrownBy(() -> s.record("v1", false, rows, List.of(new Ledger.NewEvent(EventKind.NEW, "a", Optional.empty(), null)), 1))
                    .isInstanceOf(StoreException.class).hasMessageContaining("NOT NULL");
            assertThat(s.ledger()).isEmpty();
            assertThat(s.hasBaseline()).isFalse();
            assertThat(s.eventCount()).isZero();
        }
    }

    /** A real SQLITE_FULL: the file may not grow past the pages it has (SQLite's own limit). */
    @Test
    void aFullDiskLeavesTheConnectionUsableAndAFailedWriteWritesNothing() {
        try (Store s = Store.open(dir, List.of("PRAGMA max_page_count = 1"))) {   // capped at its current size
            String big = "x".repeat(200_000);
            assertThatThrownBy(() -> s.record("v1", true, List.of(new Ledger.LedgerRow("a", "h1", big)), List.of(), 1))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.FULL));
            assertThat(s.ledger()).isEmpty();
            assertThat(s.hasBaseline()).isFalse();
            // the next command works, and says so truthfully (no "cannot commit - no transaction is active")
            s.setLanguage(1, Lang.AR, 2);
            assertThat(s.language(1)).contains(Lang.AR);
            // and a write that fails still writes nothing: statements do not commit one by one
            assertThatThrownBy(() -> s.record("v2", false, List.of(new Ledger.LedgerRow("b", "h2", "{}")),
                    List.of(new Ledger.NewEvent(EventKind.NEW, "b", Optional.empty(), null)), 3)).isInstanceOf(StoreException.class);
            assertThat(s.ledger()).isEmpty();
            assertThat(s.hasBaseline()).isFalse();
        }
        try (Store s = Store.open(dir)) {
            assertThat(s.ledger()).isEmpty();
            assertThat(s.language(1)).contains(Lang.AR);
        }
    }

    /** Another process (here a second real connection) holds the write lock. */
    @Test
    void aBusyDatabaseIsSaidToBeBusyAndTheNextCallWorksOnceItFrees() throws Exception {
        try (Store s = Store.open(dir, List.of("PRAGMA busy_timeout = 50"));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE).toAbsolutePath());
             Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> s.setLanguage(1, Lang.AR, 1))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.BUSY));
            st.execute("ROLLBACK");
            s.setLanguage(1, Lang.EN, 2);
            assertThat(s.language(1)).contains(Lang.EN);
        }
    }

    @Test
    void aDatabaseWrittenByANewerReleaseIsRefused() throws Exception {
        Store.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE).toAbsolutePath());
             Statement st = c.createStatement()) {
            // what a later release's migration V7 leaves in Flyway's history
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) "
                    + "VALUES (99, '7', 'later', 'SQL', 'V7__later.sql', 0, 'bot', CURRENT_TIMESTAMP, 1, 1)");
        }
        assertThatThrownBy(() -> Store.open(dir)).isInstanceOf(StoreException.class)
                .hasMessage("notify.db was written by a newer release (schema version 7, this release knows up to "
                        + latestMigration() + "): run that release, or restore a backup");
    }

    /** The highest V<n>__ script shipped in db/migration. */
    static int latestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
    }

    /** Each kind of row comes back typed; a row this release cannot read is said to be unreadable, not a failed claim. */
    @Test
    void claimedRowsAreTypedByKind() throws Exception {
        try (Store s = Store.open(dir)) {
            s.subscribe(1, 100, true, 7, 1);
            s.record("v1", true, List.of(), List.of(), 1);
            s.record("v2", false, List.of(new Ledger.LedgerRow("a", "h1", "{\"id\":\"a\"}")),
                    List.of(new Ledger.NewEvent(EventKind.NEW, "a", Optional.empty(), "{\"id\":\"a\"}")), 2);
            s.queueNote(300, "hello", 3);
            s.queueTest(100, 1, 4);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE).toAbsolutePath());
                 Statement st = c.createStatement()) {
                st.execute("INSERT INTO outbox (id, event_id, channel_id, guild_id, kind, note, state, attempts, nonce, "
                        + "next_attempt_at, created_at, updated_at) VALUES (99, NULL, 100, 1, 'LATER', NULL, 'PENDING', 0, 'n', 5, 5, 5)");
            }
            List<Outbox.Claimed> due = s.claimDue(10, 10);
            assertThat(due).extracting(Outbox.Claimed::message).containsExactly(
                    new Outbox.Event(1, EventKind.NEW, "a", Optional.empty(), "{\"id\":\"a\"}"),
                    new Outbox.Note("hello"), new Outbox.Test(), new Outbox.Unreadable("unknown outbox kind LATER"));
            assertThat(due).extracting(Outbox.Claimed::guildId).containsExactly(Optional.of(1L), Optional.empty(),
                    Optional.of(1L), Optional.of(1L));
            assertThat(s.outboxCounts()).containsEntry(Outbox.State.SENDING, 4);
        }
    }

    @Test
    void noncesFitDiscord() {
        assertThat(Outbox.newNonce()).hasSize(20).matches("[0-9a-z]+");
        assertThat(Outbox.newNonce()).isNotEqualTo(Outbox.newNonce());
    }
}
