package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FitTest {

    @Test
    void splittingNeverCutsALinkWhoseLabelHasEscapedParentheses() {
        String link = Markdown.link("Reuters (UK) world desk, syndicated by a partner site", "https://example.org/a");
        String text = "word ".repeat(30) + link + " tail";
        // Chunks at least as long as the link: a link longer than a whole chunk cannot be kept whole.
        for (int max = link.length() + 1; max < text.length(); max += 1) {
            for (String chunk : Fit.split(text, max)) {
                long opens = chunk.chars().filter(c -> c == '[').count() - count(chunk, "\\[");
                long closes = chunk.chars().filter(c -> c == ')').count() - count(chunk, "\\)");
                assertThat(opens).as("max %d: %s", max, chunk).isEqualTo(closes);
            }
        }
    }

    @Test
    void shorteningCutsAtASpaceAndSaysSo() {
        assertThat(Fit.shorten("one two three four", 12)).isEqualTo("one two…");
        assertThat(Fit.shorten("short", 12)).isEqualTo("short");
        assertThat(Fit.split("a\nb", 10)).isEqualTo(List.of("a\nb"));
    }

    private static long count(String s, String needle) {
        long n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
