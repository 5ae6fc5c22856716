package org.newsdesk.resignations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        String said = Fixtures.bundledApp().console(notADir).save(new Reply.Attachment("a.png", "image/png", new byte[1], ""));
        assertThat(said).startsWith("[file] a.png: not saved in");
    }
}
