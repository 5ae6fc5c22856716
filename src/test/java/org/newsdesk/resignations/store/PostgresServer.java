package org.newsdesk.resignations.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the tests, started once per test JVM from the binaries on the
 * PATH ({@code initdb}; {@code pg_ctl} next to its real path): a temp data directory, a free port
 * on 127.0.0.1, its unix socket in the temp directory, fsync off (synchronous_commit stays on, so a
 * server killed with {@code -m immediate} keeps what was committed). As root (CI) it runs as the
 * {@code postgres} user, which PostgreSQL requires. A shutdown hook stops it ({@code -m immediate})
 * and deletes the directory. Host connections need the password ({@link #PASSWORD}, scram), so
 * the store's password path is exercised for real.
 */
public final class PostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "test-only-secret";

    private static PostgresServer instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path binDir;
    private final Path dir;
    private final Path dataDir;
    private final int port;
    private final boolean root;

    private PostgresServer(Path binDir, Path dir, int port, boolean root) {
        this.binDir = binDir;
        this.dir = dir;
        this.dataDir = dir.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** The server of this JVM, started on first use; a clear failure when PostgreSQL is not installed. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static PostgresServer start() {
        Path initdb = onPath("initdb").orElseThrow(() -> new IllegalStateException(
                "PostgreSQL tests need the server binaries: no initdb on the PATH. Install Debian's postgresql package "
                        + "(.ci/run does) and put /usr/lib/postgresql/<version>/bin on the PATH."));
        Path bin;
        try {
            bin = initdb.toRealPath().getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.isExecutable(bin.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL tests: no pg_ctl next to " + bin.resolve("initdb"));
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("pgtest-");
            PostgresServer s = new PostgresServer(bin, dir, freePort(), root);
            Runtime.getRuntime().addShutdownHook(new Thread(s::destroy, "postgres-test-stop"));
            s.init();
            s.startServer();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d).resolve(name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void init() throws IOException {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, PASSWORD + "\n");
        if (root) {
            run(List.of("chown", "-R", USER + ":" + USER, dir.toString()));
        }
        pg("initdb", "-D", dataDir.toString(), "-U", USER, "--pwfile=" + pw, "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n",
                "port = " + port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + dir + "'",
                "fsync = off",
                "full_page_writes = off",
                "max_connections = 60",
                "shared_buffers = 16MB",
                "log_min_messages = warning",
                ""), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Starts (again, after {@link #killImmediately}) and waits until it accepts connections. */
    public void startServer() {
        pg("pg_ctl", "-D", dataDir.toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start");
    }

    /** {@code pg_ctl stop -m immediate}: every backend is gone at once, as when a host dies. */
    public void killImmediately() {
        pg("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
    }

    public int port() {
        return port;
    }

    /** A fresh, empty database; its JDBC URL (without the password). */
    public String newDatabase(String hint) {
        String name = "t" + DATABASES.incrementAndGet() + "_" + hint.toLowerCase().replaceAll("[^a-z0-9]", "");
        name = name.length() > 60 ? name.substring(0, 60) : name;
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    private synchronized void destroy() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                pg("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL server: " + e.getMessage());
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }

    private void pg(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        if (root) {
            cmd.addAll(List.of("runuser", "-u", USER, "--"));
        }
        cmd.add(binDir.resolve(tool).toString());
        cmd.addAll(List.of(args));
        run(cmd);
    }

    private void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(cmd + " did not finish");
            }
            if (p.exitValue() != 0) {
                String log = "";
                Path server = dir.resolve("server.log");
                if (Files.exists(server)) {
                    log = "\nserver.log:\n" + Files.readString(server);
                }
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + out + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
