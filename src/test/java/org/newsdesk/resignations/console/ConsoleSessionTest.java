package org.newsdesk.resignations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.render.PlainText;

class ConsoleSessionTest {

    private final Application app = Fixtures.bundledApp();

    private String run(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            app.console().run(new BufferedReader(new StringReader(input)), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachReplyIsPlainTextFollowedByABlankLine() throws Exception {
        String out = run("/resignations who name:\"Andrew Miller\"\n/resignations stats lang:ar\n");
        assertThat(out).startsWith("== Andrew Miller · أندرو ميلر ==");
        assertThat(out).contains("\n\n== الأعداد ==");
        assertThat(out).endsWith("\n\n");
        assertThat(out).doesNotContain("\\[", "](", "\u2068");
        assertThat(out).contains("[1] The Washington Post");
        assertThat(out).contains("<https://");
    }

    @Test
    void theConsoleGivesTheSameFactsAsTheRouter() throws Exception {
        String console = run("/resignations who name:ميلر\n");
        String direct = PlainText.render(app.router().handle(
                new CommandRequest("resignations", "who", Map.of("name", "ميلر")), RequestContext.CONSOLE));
        assertThat(console.strip()).isEqualTo(direct.strip());
    }

    @Test
    void addingAnEntrySaysWhereEntriesAreAddedAndChangesNothing() throws Exception {
        String before = app.snapshot().version();
        assertThat(run("/resignations add departure:resigned\n")).contains("needs the bot running with its data directory");
        assertThat(run("/resignations add departure:resigned lang:ar\n")).contains("مجلد بياناته");
        assertThat(app.snapshot().version()).isEqualTo(before);
    }

    @Test
    void mistakesGetOneLineAndNoStackTrace() throws Exception {
        String out = run("/resignations whoo name:Miller\n/nope\nhello\n/resignations who name:Nobody Atall\n");
        assertThat(out).contains("Did you mean: who").contains("Unknown command").contains("Commands start with a slash")
                .contains("No official in the dataset matches");
        assertThat(out).doesNotContain("Exception", "\tat ");
    }

    @Test
    void blankLinesAndCommentsAreSkipped() throws Exception {
        assertThat(run("\n# a comment\n\n")).isEmpty();
    }

    @Test
    void aByteOrderMarkOrADirectionMarkBeforeTheSlashIsIgnored() throws Exception {
        assertThat(run("\uFEFF/resignations who name:\"Andrew Miller\"\n")).startsWith("== Andrew Miller");
        assertThat(run("\u200F/resignations who name:ميلر\n")).contains("أندرو ميلر");
        assertThat(run("\uFEFF# a comment saved by a Windows editor\n")).isEmpty();
    }

    @Test
    void aControlCharacterInAnOptionIsRefusedByNameInBothLanguages() throws Exception {
        String en = run("/resignations who name:Mil\u0000ler\n");
        assertThat(en).contains("The option \"name\" contains an invisible control character (U+0000) at character 4")
                .doesNotContain("Andrew Miller").doesNotContain("\u0000");
        String ar = run("/resignations who name:ميل\u0000ر lang:ar\n");
        assertThat(ar).contains("حرف تحكم غير مرئي (U+0000) عند الحرف رقم 4").doesNotContain("\u0000");
        // a unit separator is not a blank: it is not silently taken for one
        assertThat(run("/factcheck claim:\"Miller\u001Fresigned\"\n")).contains("(U+001F) at character 7");
        assertThat(run("/resignations who name:\"Mil\tler\"\n")).contains("(U+0009) at character 4");
        // outside an option's value the character is shown, not dropped
        assertThat(run("/resignations who\u0000 name:Miller\n")).contains("Unknown subcommand \"who\u2400\"");
        assertThat(run("/resignations who na\u0007me:Miller\n")).contains("Unknown option \"na\u2407me\" for /resignations who")
                .doesNotContain("\u0007");
    }

    @Test
    void anOptionPastDiscordsBoundIsRefusedAndNothingRuns() throws Exception {
        assertThat(run("/factcheck claim:" + "x".repeat(6001) + "\n")).isEqualTo("== Cannot answer that ==\n"
                + "The option \"claim\" is longer than 6000 characters, Discord's limit; nothing was run. Shorten it.\n\n");
        assertThat(run("/factcheck claim:" + "x".repeat(6000) + "\n")).doesNotContain("longer than");
    }

    @Test
    void halfAMillionUnquotedWordsAreRefusedWithoutBeingHeld() throws Exception {
        StringBuilder line = new StringBuilder("/factcheck claim:");
        for (int i = 0; i < 500_000; i++) {
            line.append(" word").append(i % 10);
        }
        String out = run(line + "\n/resignations who name:\"Andrew Miller\"\n");
        assertThat(out).startsWith("== Cannot answer that ==\nThe line is longer than 10000 characters; nothing was run.")
                .contains("== Andrew Miller");   // the next line is read as usual
        assertThat(out).doesNotContain("word1 word2");   // nothing of the line is echoed
    }
}
