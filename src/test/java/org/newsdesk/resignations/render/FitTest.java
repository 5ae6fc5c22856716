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

    @Test
    void sentencesAreKeptWholeAndTheCutSaysSo() {
        String text = "He left the U.S. Department of State in June. He said so. He had a third reason.";
        assertThat(Fit.sentences(text, 5, 200)).isEqualTo(text);
        // "U.S." is not the end of a sentence
        assertThat(Fit.sentences(text, 1, 120)).isEqualTo("He left the U.S. Department of State in June. …");
        assertThat(Fit.sentences(text, 2, 60)).isEqualTo("He left the U.S. Department of State in June. He said so. …");
        // closing quotes stay with their sentence; "..." inside a quotation is not an end
        assertThat(Fit.sentences("'I cannot... I will not.' Then more text follows here.", 1, 60))
                .isEqualTo("'I cannot... I will not.' …");
        // Arabic sentences end at a point too
        assertThat(Fit.sentences("أسباب عائلية واضحة تماماً. قال لزملائه إن الحرب طويلة.", 1, 60))
                .isEqualTo("أسباب عائلية واضحة تماماً. …");
        // a first sentence too long, or a kept part too short, is cut at a word, never inside one
        assertThat(Fit.sentences("Family. He told colleagues the war had become all-consuming and more.", 2, 40))
                .isEqualTo("Family. He told colleagues the war had…");
        assertThat(Fit.sentences("One sentence. Then words without a stop", 2, 100)).isEqualTo("One sentence. Then words without a stop");
        assertThat(Fit.sentences("averyveryverylongword another", 1, 20)).isEqualTo("averyveryverylongwo…".substring(0, 19) + "…");
    }
}
