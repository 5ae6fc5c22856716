package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.Lang;

/**
 * A notify.db made by the release before PostgreSQL (main at 3a98bf1, migrations V1..V3 in
 * db/migration; made by src/test/resources/store/MakeLegacy.java.txt) opens with this one: Flyway
 * finds V1..V3 unchanged (same versions and checksums, now in db/migration/common), applies V4, and
 * every row is still there and usable.
 */
class LegacyDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseMadeByThePreviousReleaseOpensMigratesAndKeepsItsRows() throws Exception {
        try (InputStream in = LegacyDatabaseTest.class.getResourceAsStream("/store/notify-main-3a98bf1.db")) {
            Files.copy(in, dir.resolve(Store.FILE));
        }
        String before;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE))) {
            before = history(c).toString();
        }
        assertThat(before).isEqualTo("{1=232084010, 2=-629190836, 3=-2100990630}");
        try (Store s = Store.open(dir)) {
            assertThat(s.language(1)).contains(Lang.AR);
            assertThat(s.subscriptions(2)).containsExactly(new Subscriptions.Subscription(2, 200, false, true, Optional.empty()));
            assertThat(s.hasBaseline()).isTrue();
            assertThat(s.ledger()).containsOnlyKeys("a", "b");
            assertThat(s.eventCount()).isEqualTo(1);
            assertThat(s.outboxCounts()).containsEntry(Outbox.State.DELIVERED, 1).containsEntry(Outbox.State.SENDING, 1)
                    .containsEntry(Outbox.State.PENDING, 1);
            // the row left in flight comes back with its nonce, and new rows get new ids
            assertThat(s.recoverInFlight(10)).isEqualTo(1);
            List<Outbox.Claimed> due = s.claimDue(10, 10);
            assertThat(due).extracting(Outbox.Claimed::id).containsExactly(2L, 3L);
            assertThat(due.get(0).nonce()).isEqualTo("c7gdh5vfdjmfvc58d11c");
            assertThat(s.queueNote(300, "again", 11)).isEqualTo(4);
            s.drafts().put(new Drafts.Draft("d", 1, "{}", 1, 100));
            assertThat(s.drafts().get("d", 2)).isPresent();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE))) {
            Map<String, Integer> after = history(c);
            assertThat(after).containsEntry("1", 232084010).containsEntry("2", -629190836).containsEntry("3", -2100990630)
                    .containsKey("4").doesNotContainKey("4.1");
        }
        Store.open(dir).close();   // and again: nothing to do, nothing refused
    }

    private static Map<String, Integer> history(Connection c) throws Exception {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE version IS NOT NULL "
                     + "AND success = 1 ORDER BY installed_rank")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }
}
