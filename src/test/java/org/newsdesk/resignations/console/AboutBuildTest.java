package org.newsdesk.resignations.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.ops.BuildInfo;

/** /resignations about on the console shows the bot's build, in both languages, as in Discord. */
class AboutBuildTest {

    @Test
    void aboutShowsTheVersionAndCommitInEnglishAndArabic() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Fixtures.bundledApp().console().run(new BufferedReader(new StringReader(
                    "/resignations about lang:en\n/resignations about lang:ar\n")), out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        BuildInfo build = BuildInfo.current();
        assertThat(text).contains("Bot version " + build.version() + ", built from commit " + build.commit() + ".");
        assertThat(text).contains("نسخة البوت " + build.version() + "، مبنية من الإيداع (commit) " + build.commit() + ".");
    }
}
