package org.newsdesk.resignations.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Where the bot's state lives: a SQLite file in a directory (the default), or a PostgreSQL database. */
public sealed interface Storage permits Storage.Sqlite, Storage.Postgres {

    /**
     * SQLite: {@link Database#FILE} in {@code dir}.
     *
     * @param pragmas further {@code PRAGMA …} statements run on every connection after the standard
     *                ones (a test lowers {@code busy_timeout}, or caps the file with {@code max_page_count})
     */
    record Sqlite(Path dir, List<String> pragmas) implements Storage {
        public Sqlite {
            pragmas = List.copyOf(pragmas);
        }
    }

    /**
     * PostgreSQL through a pool (HikariCP).
     *
     * @param url            {@code jdbc:postgresql://host:port/database?user=…}, without a password (see {@link #check})
     * @param password       from the environment or a secret file, never from the URL
     * @param poolSize       connections at most
     * @param lockTimeout    how long a statement waits for a lock another connection holds ({@code lock_timeout})
     * @param connectTimeout how long a call waits for a connection (the server down: it fails after this)
     */
    record Postgres(String url, Optional<String> password, int poolSize, Duration lockTimeout, Duration connectTimeout)
            implements Storage {

        public static final int DEFAULT_POOL_SIZE = 4;
        public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

        public Postgres {
            Optional<String> problem = check(url);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
        }

        /** The standard pool size and timeouts. */
        public static Postgres of(String url, Optional<String> password) {
            return new Postgres(url, password, DEFAULT_POOL_SIZE, DEFAULT_LOCK_TIMEOUT, DEFAULT_CONNECT_TIMEOUT);
        }

        public Postgres withPool(int size, Duration lockTimeout, Duration connectTimeout) {
            return new Postgres(url, password, size, lockTimeout, connectTimeout);
        }

        /**
         * What is wrong with a {@code storage.url}, as a sentence; empty when it is a usable JDBC URL of
         * PostgreSQL. The sentence never repeats the URL: it might hold a password.
         */
        public static Optional<String> check(String url) {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("jdbc:postgresql://")) {
                return Optional.of("it is not a JDBC URL of PostgreSQL; expected jdbc:postgresql://host:5432/database?user=name"
                        + " (leave it unset to keep the state in SQLite in storage.dir).");
            }
            Address at = Address.of(url);
            String query = at.query().toLowerCase(Locale.ROOT);
            boolean passwordParam = false;
            for (String p : query.split("&")) {
                passwordParam |= p.startsWith("password=") || p.equals("password");
            }
            if (passwordParam || at.hosts().contains("@")) {
                return Optional.of("it carries a password (or user:password@); remove it from the URL and set "
                        + "BOT_STORAGE_PASSWORD, or BOT_STORAGE_PASSWORD_FILE naming a file that holds it.");
            }
            if (at.hosts().isEmpty() || at.database().isEmpty()) {
                return Optional.of("it names no host or no database; expected jdbc:postgresql://host:5432/database?user=name.");
            }
            for (String host : at.hosts().split(",", -1)) {
                if (!host.matches("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?")) {
                    return Optional.of("its host list is not host:port[,host:port…] (one host name is empty or has a character"
                            + " a host name cannot have); expected jdbc:postgresql://host:5432/database?user=name.");
                }
            }
            return Optional.empty();
        }

        /**
         * A URL's parts, read by hand: {@link URI} cannot read the driver's list of hosts (a primary
         * and its standbys, {@code host1:5432,host2:5432}), which the driver tries in turn.
         */
        private record Address(String hosts, String database, String query) {
            static Address of(String url) {
                String rest = url.strip().substring("jdbc:postgresql://".length());
                int q = rest.indexOf('?');
                String query = q < 0 ? "" : rest.substring(q + 1);
                String beforeQuery = q < 0 ? rest : rest.substring(0, q);
                int slash = beforeQuery.indexOf('/');
                String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
                String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);
                return new Address(hosts, database, query);
            }
        }

        /** Never the password, nor the URL's parameters. */
        @Override
        public String toString() {
            return "Postgres[" + where() + ", pool " + poolSize + "]";
        }

        /** host:port/database (each host, when there are several), for messages and logs: no user, no parameters. */
        public String where() {
            Address at = Address.of(url);
            List<String> hosts = new ArrayList<>();
            for (String host : at.hosts().split(",")) {
                hosts.add(host.matches(".*:[0-9]+") ? host : host + ":5432");
            }
            return String.join(",", hosts) + "/" + at.database();
        }
    }
}
