package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
            assertThat(s.subscriptions(1)).containsExactly(new Store.Subscription(1, 100, false, true, Optional.empty()));
            assertThat(s.unsubscribe(2, 100)).isFalse();    // another server's channel is not touched
            assertThat(s.unsubscribe(1, 100)).isTrue();
            assertThat(s.subscriptions(1)).isEmpty();
            assertThat(s.outboxCounts()).containsEntry(Store.State.PENDING, 1);
        }
    }

    @Test
    void aFailedTransactionWritesNothing() {
        try (Store s = Store.open(dir)) {
            List<Store.LedgerRow> rows = List.of(new Store.LedgerRow("a", "h1", "{}"));
            // an event without content violates NOT NULL: the ledger row of the same call is rolled back
            try {
                s.record("v1", false, rows, List.of(new Store.NewEvent("NEW", "a", null, null)), 1);
            } catch (RuntimeException expected) {
                // fine
            }
            assertThat(s.ledger()).isEmpty();
            assertThat(s.hasBaseline()).isFalse();
            assertThat(s.eventCount()).isZero();
        }
    }

    @Test
    void noncesFitDiscord() {
        assertThat(Store.newNonce()).hasSize(20).matches("[0-9a-z]+");
        assertThat(Store.newNonce()).isNotEqualTo(Store.newNonce());
    }
}
