package org.newsdesk.resignations.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.Lang;

/** PostgreSQL failing for real: the server killed while the store runs, no server at all, a wrong password. */
class PostgresFaultsTest {

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    @TempDir
    Path dir;

    /**
     * {@code pg_ctl stop -m immediate} while the store runs: every call says the database cannot be
     * reached (nothing half-written), and once the server is back the pool gives fresh connections
     * and the store works again, without being reopened.
     */
    @Test
    void theServerKilledMidRunIsAClearErrorAndTheStoreWorksAgainAfterwards() {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        PostgresServer server = PostgresServer.get();
        try (Store s = db.open()) {
            s.setLanguage(1, Lang.AR, 1);
            s.subscribe(1, 100, true, 7, 1);
            server.killImmediately();
            try {
                assertThatThrownBy(() -> s.setLanguage(2, Lang.EN, 2))
                        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE))
                        .hasMessageStartingWith("the database 127.0.0.1:" + server.port() + "/")
                        .hasMessageContaining("cannot be reached")
                        .hasMessageContaining("nothing was written");
                assertThatThrownBy(() -> s.subscriptions(1))
                        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE));
            } finally {
                server.startServer();
            }
            assertThat(s.language(1)).contains(Lang.AR);
            assertThat(s.language(2)).isEmpty();
            s.setLanguage(2, Lang.EN, 3);
            assertThat(s.language(2)).contains(Lang.EN);
            assertThat(s.subscriptions(1)).hasSize(1);
        }
    }

    /**
     * A URL listing two hosts (a primary and a standby, as the driver allows): the first one
     * answers nothing, so the driver goes on to the second, and the store works there.
     */
    @Test
    void aUrlWithSeveralHostsIsServedByTheOneThatAnswers() throws IOException {
        TestDatabases.Target db = DBS.target(Backend.POSTGRESQL, dir);
        int dead;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = free.getLocalPort();
        }
        String url = db.url().replace("127.0.0.1:" + PostgresServer.get().port(),
                "127.0.0.1:" + dead + ",127.0.0.1:" + PostgresServer.get().port());
        Storage.Postgres both = Storage.Postgres.of(url, Optional.of(PostgresServer.PASSWORD));
        assertThat(both.where()).startsWith("127.0.0.1:" + dead + ",127.0.0.1:" + PostgresServer.get().port() + "/");
        try (Store s = Store.open(both)) {
            s.setLanguage(1, Lang.AR, 1);
            assertThat(s.language(1)).contains(Lang.AR);
        }
    }

    @Test
    void noServerAtTheAddressIsSaidAtOpening() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Storage.Postgres nowhere = Storage.Postgres.of("jdbc:postgresql://127.0.0.1:" + port + "/newsdesk?user=bot",
                Optional.of("s3cret-pw")).withPool(2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> Store.open(nowhere))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE))
                .hasMessageStartingWith("cannot connect to the PostgreSQL database 127.0.0.1:" + port + "/newsdesk: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("s3cret-pw");
    }

    @Test
    void aWrongPasswordIsSaidAtOpeningWithoutThePassword() {
        String url = DBS.target(Backend.POSTGRESQL, dir).url();
        Storage.Postgres wrong = Storage.Postgres.of(url, Optional.of("not-the-password"))
                .withPool(2, Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThatThrownBy(() -> Store.open(wrong))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE))
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password");
    }
}
