package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bot per data directory: a real second process holds the lock; a killed one leaves none behind. */
class DataDirLockTest {

    Process holder(Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DataDirLockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits for the holder to say it has the lock (a line on its output, not a sleep). */
    static String awaitLocked(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).as("the holder took the lock").startsWith("locked by pid ");
        return line;
    }

    @Test
    void aSecondProcessIsToldWhichProcessHoldsTheDirectory(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        Process other = holder(dir);
        try {
            awaitLocked(other);
            assertThatThrownBy(() -> DataDirLock.acquire(dir))
                    .isInstanceOf(DataDirLock.HeldException.class)
                    .hasMessageContaining("The data directory " + dir.toAbsolutePath() + " is in use by another bot (pid "
                            + other.pid() + " on ")
                    .hasMessageContaining(", started 20")
                    .hasMessageContaining("--data-dir");

            // the bot itself refuses to start, exit code 2, and says why
            MainTest.Ran r = MainTest.runProcess(tmp, Map.of("DISCORD_TOKEN", "MTAx.c2VjcmV0.SECRETPART3"),
                    "run", "--data-dir", dir.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.printed()).contains("is in use by another bot (pid " + other.pid())
                    .doesNotContain("Exception").doesNotContain("SECRETPART3");
            assertThat(dir.resolve("notify.db")).doesNotExist();
        } finally {
            other.destroyForcibly();
            other.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aKilledHoldersLockFileDoesNotBlock(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        Process other = holder(dir);
        awaitLocked(other);
        other.destroyForcibly();   // SIGKILL: no shutdown hook, no cleanup; the file stays
        assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dir.resolve(DataDirLock.NAME))).startsWith("pid " + other.pid() + " on ");

        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertThat(Files.readString(dir.resolve(DataDirLock.NAME)))
                    .startsWith("pid " + ProcessHandle.current().pid() + " on ");
        }
        // released on close: taken again at once
        DataDirLock.acquire(dir).close();
    }

    @Test
    void aLeftoverFileNamingAnotherProcessDoesNotBlockAndIsRewritten(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(DataDirLock.NAME), "pid 999999 on elsewhere, started 2020-01-01T00:00:00Z, and a long tail");
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertThat(Files.readString(dir.resolve(DataDirLock.NAME)))
                    .isEqualTo(DataDirLock.describeThisProcess()).doesNotContain("999999").doesNotContain("tail");
        }
    }

    @Test
    void twoBotsInOneProcessAreRefusedToo(@TempDir Path dir) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(DataDirLock.HeldException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }
}
