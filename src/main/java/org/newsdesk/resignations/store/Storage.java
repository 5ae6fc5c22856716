package org.newsdesk.resignations.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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
            URI uri;
            try {
                uri = new URI(url.strip().substring("jdbc:".length()));
            } catch (URISyntaxException e) {
                return Optional.of("it does not parse as a URL (at character " + (e.getIndex() + 5)
                        + "); expected jdbc:postgresql://host:5432/database?user=name.");
            }
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
            boolean passwordParam = false;
            for (String p : query.split("&")) {
                passwordParam |= p.startsWith("password=") || p.equals("password");
            }
            if (passwordParam || uri.getRawUserInfo() != null || lower.substring(18).split("[/?]", 2)[0].contains("@")) {
                return Optional.of("it carries a password (or user:password@); remove it from the URL and set "
                        + "BOT_STORAGE_PASSWORD, or BOT_STORAGE_PASSWORD_FILE naming a file that holds it.");
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
                return Optional.of("it names no host or no database; expected jdbc:postgresql://host:5432/database?user=name.");
            }
            return Optional.empty();
        }

        /** Never the password, nor the URL's parameters. */
        @Override
        public String toString() {
            return "Postgres[" + where() + ", pool " + poolSize + "]";
        }

        /** host:port/database, for messages and logs: no user, no parameters. */
        public String where() {
            URI uri = URI.create(url.strip().substring("jdbc:".length()));
            return uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
        }
    }
}
