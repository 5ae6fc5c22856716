package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;

/** Asserts a reply fits Discord's limits and never pings. Shared by tests of every command. */
public final class ReplyLimits {

    private ReplyLimits() {
    }

    public static void assertWithinDiscordLimits(Reply reply) {
        assertThat(reply.pages()).isNotEmpty();
        for (Card c : reply.pages()) {
            assertThat(c.title()).hasSizeLessThanOrEqualTo(Limits.TITLE);
            assertThat(c.description()).hasSizeLessThanOrEqualTo(Limits.DESCRIPTION);
            assertThat(c.fields()).hasSizeLessThanOrEqualTo(Limits.FIELDS);
            assertThat(c.footer()).hasSizeLessThanOrEqualTo(Limits.FOOTER);
            assertThat(c.length()).isLessThanOrEqualTo(Limits.EMBED_TOTAL);
            assertThat(c.title().isBlank() && c.description().isBlank() && c.fields().isEmpty()).isFalse();
            for (Card.Field f : c.fields()) {
                assertThat(f.name()).isNotBlank().hasSizeLessThanOrEqualTo(Limits.FIELD_NAME);
                assertThat(f.value()).isNotBlank().hasSizeLessThanOrEqualTo(Limits.FIELD_VALUE);
                assertBalancedLinks(f.value());
            }
            assertBalancedLinks(c.description());
            String all = c.title() + c.description() + c.footer()
                    + c.fields().stream().map(f -> f.name() + f.value()).reduce("", String::concat);
            assertThat(all).doesNotContain("@everyone", "@here").doesNotContainPattern("<@[!&]?\\d+>");
        }
        for (Reply.Choice ch : reply.suggestions()) {
            assertThat(ch.label()).isNotBlank().hasSizeLessThanOrEqualTo(Limits.BUTTON_LABEL);
            assertThat(ch.value()).isNotBlank().hasSizeLessThanOrEqualTo(Limits.CHOICE_NAME);
        }
    }

    /** A split never leaves half a masked link in a chunk. */
    private static void assertBalancedLinks(String s) {
        long opens = s.chars().filter(ch -> ch == '(').count() - count(s, "\\(");
        long closes = s.chars().filter(ch -> ch == ')').count() - count(s, "\\)");
        assertThat(opens).as("unbalanced link in: %s", s).isEqualTo(closes);
    }

    private static long count(String s, String needle) {
        long n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
