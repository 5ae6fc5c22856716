package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.search.Directory;

/**
 * The who replies speak of women and men alike (issue 13): the labels are the same for Lily
 * Greenberg Call, Hala Rharrit and Andrew Miller and none assumes a man; outlets carry their
 * Arabic names; an unconfirmed value says so in both languages; the timeline says what it counts.
 */
class ArabicLabelsTest {

    private final Snapshot s = Fixtures.bundled();
    private final Replies replies = new Replies(Templates.bundled());

    private static String text(Reply r) {
        return r.pages().stream().map(c -> c.title() + "\n" + c.description() + "\n"
                + c.fields().stream().map(f -> f.name() + "\n" + f.value()).collect(Collectors.joining("\n")) + "\n" + c.footer())
                .collect(Collectors.joining("\n"));
    }

    /** The card and the full record behind it: labels appear in one or the other, and must read right in both. */
    private String who(String id, Lang lang) {
        return text(replies.who(s, s.entry(id).orElseThrow(), lang)) + "\n"
                + text(replies.fullRecord(s, s.entry(id).orElseThrow(), lang));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lily-greenberg-call", "hala-rharrit", "annelle-sheline", "andrew-miller", "tariq-habash"})
    void arabicLabelsAreTheSameForWomenAndMen(String id) {
        String ar = who(id, Lang.AR);
        assertThat(ar).contains("السبب المُعلَن (كما ورد في التصريح الشخصي)")
                .contains("السبب كما نقلته وسائل الإعلام")
                .contains("ورد الاسم في المقال المصدر.");
        // the labels that assumed a man, and the one that read as rumour, are gone
        assertThat(ar).doesNotContain("ما قاله (السبب").doesNotContain("مذكور في المقال المصدر")
                .doesNotContain("السبب المُتداوَل").doesNotContain("صاحب الشأن");
    }

    @Test
    void anEntryOutsideTheArticleSaysSoNeutrally() {
        String ar = who("anna-del-castillo", Lang.AR);
        assertThat(ar).contains("لم يرد الاسم في المقال المصدر؛ المعلومات مأخوذة من تغطيات صحفية أخرى.");
        assertThat(ar).doesNotContain("مأخوذ من");
    }

    @Test
    void ownStatementsAreAPersonalStatementInArabic() {
        // Call's letter (decensored.news) is an own statement
        String ar = who("lily-greenberg-call", Lang.AR);
        assertThat(ar).contains("تصريح شخصي").doesNotContain("تصريح صاحب الشأن");
    }

    @Test
    void arabicRepliesNameOutletsInArabic() {
        String ar = who("andrew-miller", Lang.AR);
        assertThat(ar).contains("واشنطن بوست").contains("سي إن إن").contains("النشرة");
        String en = who("andrew-miller", Lang.EN);
        assertThat(en).contains("The Washington Post").contains("CNN").doesNotContain("syndicated by");
    }

    @Test
    void millersThirtiethOfJuneIsUnconfirmedNotDisputed() {
        String en = who("andrew-miller", Lang.EN);
        assertThat(en).contains("Unconfirmed (no credible source contradicts it").contains("30 June 2024");
        assertThat(en).doesNotContain("Disputed, another source says: 30 June");
        String ar = who("andrew-miller", Lang.AR);
        assertThat(ar).contains("غير مؤكد (لا يناقضه مصدر موثوق");
    }

    @Test
    void theTimelineSaysItCountsDeparturesByTheMonthTheyWereMadePublic() {
        Queries q = new Queries(() -> new Directory(s));
        assertThat(replies.timeline(s, q.timeline(), Lang.EN).pages().get(0).title())
                .contains("by the month they were made public");
        assertThat(replies.timeline(s, q.timeline(), Lang.AR).pages().get(0).title())
                .contains("حسب شهر إعلانها");
    }
}
