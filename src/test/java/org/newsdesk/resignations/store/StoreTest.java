package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.dataset.Lang;

class StoreTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void keepsEverythingAcrossReopening(Backend backend) {
        TestDatabases.Target db = DBS.target(backend, dir.resolve("a/b/data"));
        try (Store s = db.open()) {
            assertThat(s.language(1)).isEmpty();
            s.setLanguage(1, Lang.AR, 5);
            s.setLanguage(1, Lang.EN, 6);
            s.setLanguage(2, Lang.AR, 6);
            s.subscribe(1, 100, true, 7, 8);
            s.subscribe(1, 100, false, 7, 9);    // changes the flag, no second row
            s.subscribe(2, 200, true, 7, 9);
            s.queueNote(300, "hello", 10);
        }
        if (backend == Backend.SQLITE) {
            assertThat(Files.exists(dir.resolve("a/b/data").resolve(Store.FILE))).isTrue();   // the directory is made on demand
        }
        try (Store s = db.open()) {       // migrations already applied: nothing to do
            assertThat(s.language(1)).contains(Lang.EN);
            assertThat(s.language(2)).contains(Lang.AR);
            assertThat(s.subscriptions(1)).containsExactly(new Subscriptions.Subscription(1, 100, false, true, Optional.empty()));
            assertThat(s.unsubscribe(2, 100)).isFalse();    // another server's channel is not touched
            assertThat(s.unsubscribe(1, 100)).isTrue();
            assertThat(s.subscriptions(1)).isEmpty();
            assertThat(s.outboxCounts()).containsEntry(Outbox.State.PENDING, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFailedTransactionWritesNothing(Backend backend) {
        try (Store s = DBS.target(backend, dir).open()) {
            List<Ledger.LedgerRow> rows = List.of(new Ledger.LedgerRow("a", "h1", "{}"));
            // an event without content violates NOT NULL: the ledger row of the same call is rolled back
            assertThatThrownBy(() -> s.record("v1", false, rows, List.of(new Ledger.NewEvent(EventKind.NEW, "a", Optional.empty(), null)), 1))
                    .isInstanceOf(StoreException.class).hasMessageMatching("(?is).*not[ -]null.*");
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

    /**
     * Another process (here a second real connection) holds the lock: SQLite's write lock, or on
     * PostgreSQL a lock on the outbox table, which a recorded load writes last. The store says it is
     * busy, writes nothing of the load (ledger, version, events), and works once the lock is gone.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aBusyDatabaseIsSaidToBeBusyWritesNothingAndTheNextCallWorksOnceItFrees(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir).withLockTimeout(Duration.ofMillis(300));
        try (Store s = db.open(); Connection other = db.raw(); Statement st = other.createStatement()) {
            s.subscribe(1, 100, true, 7, 1);
            s.record("v1", true, List.of(), List.of(), 1);
            if (backend == Backend.SQLITE) {
                st.execute("BEGIN IMMEDIATE");
            } else {
                other.setAutoCommit(false);
                st.execute("LOCK TABLE outbox IN EXCLUSIVE MODE");
            }
            List<Ledger.LedgerRow> rows = List.of(new Ledger.LedgerRow("a", "h1", "{\"id\":\"a\"}"));
            List<Ledger.NewEvent> events = List.of(new Ledger.NewEvent(EventKind.NEW, "a", Optional.empty(), "{\"id\":\"a\"}"));
            assertThatThrownBy(() -> s.record("v2", false, rows, events, 2))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.BUSY))
                    .satisfies(e -> {
                        if (backend == Backend.POSTGRESQL) {
                            assertThat(e).hasMessageContaining("is busy").hasMessageContaining("nothing was written");
                        }
                    });
            if (backend == Backend.SQLITE) {
                st.execute("ROLLBACK");
            } else {
                other.rollback();
            }
            assertThat(s.ledger()).isEmpty();
            assertThat(s.eventCount()).isZero();
            assertThat(s.outboxCounts()).isEmpty();
            assertThat(s.record("v2", false, rows, events, 3)).isEqualTo(1);
            assertThat(s.eventCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aDatabaseWrittenByANewerReleaseIsRefused(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        db.open().close();
        try (Connection c = db.raw(); Statement st = c.createStatement()) {
            // what a later release's migration V7 leaves in Flyway's history
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) "
                    + "VALUES (99, '7', 'later', 'SQL', 'V7__later.sql', 0, 'bot', CURRENT_TIMESTAMP, 1, TRUE)");
        }
        Database.Dialect dialect = backend == Backend.SQLITE ? Database.Dialect.SQLITE : Database.Dialect.POSTGRESQL;
        String what = backend == Backend.SQLITE ? "notify.db" : "the database 127.0.0.1:" + PostgresServer.get().port() + "/";
        assertThatThrownBy(db::open).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(what)
                .hasMessageEndingWith(" was written by a newer release (schema version 7, this release knows up to "
                        + latestMigration(dialect) + "): run that release, or restore a backup");
    }

    /** The highest V<n>__ script shipped for a database: db/migration/common and its own folder. */
    static String latestMigration(Database.Dialect dialect) throws Exception {
        Path root = Path.of("src/main/resources/db/migration");
        try (Stream<Path> common = Files.list(root.resolve("common"));
             Stream<Path> own = Files.exists(root.resolve(dialect.name().toLowerCase()))
                     ? Files.list(root.resolve(dialect.name().toLowerCase())) : Stream.empty()) {
            return Stream.concat(common, own).map(f -> f.getFileName().toString()).filter(n -> n.matches("V[\\d_]+__.*\\.sql"))
                    .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
                    .max(MigrationVersion::compareTo).orElseThrow().getVersion();
        }
    }

    /** Each kind of row comes back typed; a row this release cannot read is said to be unreadable, not a failed claim. */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void claimedRowsAreTypedByKind(Backend backend) throws Exception {
        TestDatabases.Target db = DBS.target(backend, dir);
        try (Store s = db.open()) {
            s.subscribe(1, 100, true, 7, 1);
            s.record("v1", true, List.of(), List.of(), 1);
            s.record("v2", false, List.of(new Ledger.LedgerRow("a", "h1", "{\"id\":\"a\"}")),
                    List.of(new Ledger.NewEvent(EventKind.NEW, "a", Optional.empty(), "{\"id\":\"a\"}")), 2);
            s.queueNote(300, "hello", 3);
            s.queueTest(100, 1, 4);
            try (Connection c = db.raw(); Statement st = c.createStatement()) {
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
