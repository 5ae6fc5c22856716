package org.newsdesk.resignations.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.render.Reply;

/** Files a reply carries are saved inside the output directory, whatever their name says. */
class ConsoleFilesTest {

    @Test
    void aFileNameNeverLeavesTheOutputDirectory() {
        assertThat(ConsoleSession.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ConsoleSession.safeName("..\\x.png")).isEqualTo("x.png");
        assertThat(ConsoleSession.safeName(".hidden")).isEqualTo("hidden");
        assertThat(ConsoleSession.safeName("تقرير.csv")).isEqualTo("_____.csv");
        assertThat(ConsoleSession.safeName("")).isEqualTo("attachment");
        assertThat(ConsoleSession.safeName("departures-by-month-ar.png")).isEqualTo("departures-by-month-ar.png");
    }

    @Test
    void savingTwiceReplacesTheFile(@TempDir Path dir) throws Exception {
        ConsoleSession console = Fixtures.bundledApp().console(dir);
        String first = console.save(new Reply.Attachment("a.txt", "text/plain", new byte[]{1, 2, 3}, ""));
        String second = console.save(new Reply.Attachment("a.txt", "text/plain", new byte[]{4}, ""));
        assertThat(first).isEqualTo(second).isEqualTo("[file] " + dir.resolve("a.txt").toAbsolutePath());
        assertThat(Files.readAllBytes(dir.resolve("a.txt"))).containsExactly(4);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).hasSize(1);
        }
    }

    @Test
    void aDirectoryThatCannotBeWrittenIsSaidPlainly(@TempDir Path dir) throws Exception {
        Path notADir = dir.resolve("file");
        Files.writeString(notADir, "x");
        ConsoleSession console = Fixtures.bundledApp().console(notADir);
        String said = console.save(new Reply.Attachment("a.png", "image/png", new byte[1], ""));
        assertThat(said).isEqualTo("[file] a.png was not saved in " + notADir.toAbsolutePath()
                + ": it is a file, not a folder (or a part of the path is). Choose another folder with --out.");
        assertThat(console.unsaved()).isEqualTo(1);
    }

    @Test
    void aFullDiskIsSaidPlainlyAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("small");
        Files.createDirectories(small);
        assumeTrue(mount(small, "size=16k"), "mounting a tmpfs needs root");
        try {
            ConsoleSession console = Fixtures.bundledApp().console(small);
            String said = console.save(new Reply.Attachment("big.csv", "text/csv", new byte[256 * 1024], ""));
            assertThat(said).isEqualTo("[file] big.csv was not saved in " + small.toAbsolutePath()
                    + ": the disk is full. Choose another folder with --out.");
            assertThat(console.unsaved()).isEqualTo(1);
            try (var files = Files.list(small)) {
                assertThat(files.toList()).isEmpty();
            }
        } finally {
            umount(small);
        }
    }

    @Test
    void aReadOnlyFolderIsSaidPlainly(@TempDir Path dir) throws Exception {
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        assumeTrue(mount(ro, "ro,size=16k"), "mounting a tmpfs needs root");
        try {
            ConsoleSession console = Fixtures.bundledApp().console(ro);
            String said = console.save(new Reply.Attachment("a.csv", "text/csv", new byte[10], ""));
            assertThat(said).endsWith(": the folder cannot be written to (permission denied or a read-only disk)."
                    + " Choose another folder with --out.");
            assertThat(console.unsaved()).isEqualTo(1);
        } finally {
            umount(ro);
        }
    }

    static boolean mount(Path dir, String options) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    static void umount(Path dir) throws Exception {
        new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    }
}
