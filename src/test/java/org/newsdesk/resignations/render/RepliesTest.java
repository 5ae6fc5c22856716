package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.resignations.render.ReplyLimits.assertWithinDiscordLimits;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.DateRange;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.search.Directory;

class RepliesTest {

    private final Snapshot s = Fixtures.bundled();
    private final Replies replies = new Replies(Templates.bundled());
    private final Queries q = new Queries(() -> new Directory(s));

    private static String text(Reply r) {
        return r.pages().stream().map(c -> c.title() + "\n" + c.description() + "\n"
                + c.fields().stream().map(f -> f.name() + "\n" + f.value()).collect(Collectors.joining("\n")) + "\n" + c.footer())
                .collect(Collectors.joining("\n"));
    }

    /** The full record (the card itself: WhoCardTest). */
    private Reply who(String id, Lang lang) {
        return replies.fullRecord(s, s.entry(id).orElseThrow(), lang);
    }

    static Stream<Arguments> everyEntryInBothLanguages() {
        return Fixtures.bundled().entries().stream()
                .flatMap(e -> Stream.of(Arguments.of(e.id(), Lang.EN), Arguments.of(e.id(), Lang.AR)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEntryInBothLanguages")
    void everyWhoReplyFitsDiscordAndCitesItsSources(String id, Lang lang) {
        Reply r = who(id, lang);
        assertWithinDiscordLimits(r);
        String all = text(r);
        // every source cited is listed with its outlet; every fact line carries a citation
        assertThat(all).contains(lang == Lang.AR ? "المصادر" : "Sources");
        for (Card c : r.pages()) {
            for (String section : c.description().split("\n\n")) {
                if (c == r.pages().get(0) && c.description().startsWith(section)) {
                    continue;   // the lead: agency, title, confidence, whether in the article
                }
                if (!section.startsWith("**") || section.contains(lang == Lang.AR ? "السريان" : "Effective")) {
                    continue;   // the lead, or a section going on from the page before
                }
                assertThat(section).as(section).containsPattern("\\\\\\[\\d+\\\\]");
            }
        }
        assertThat(r.kind()).isEqualTo(Reply.Kind.PRIVATE);
        assertThat(r.pages().get(0).footer()).contains(s.version());
        assertWithinDiscordLimits(replies.who(s, s.entry(id).orElseThrow(), lang));
    }

    @Test
    void lilyGreenbergCallShows15MayAndTheArticles8MayAsACorrection() {
        String en = text(who("lily-greenberg-call", Lang.EN));
        assertThat(en).contains("15 May 2024").contains("Not correct: 8 May 2024");
        String ar = text(who("lily-greenberg-call", Lang.AR));
        assertThat(ar).contains("15 مايو 2024").contains("غير صحيح: 8 مايو 2024");
        // 8 May never appears as the fact the dataset stands behind
        String record = who("lily-greenberg-call", Lang.EN).pages().get(0).description();
        assertThat(record).contains("**Announced**\n15 May 2024 [");
    }

    @Test
    void andrewMillerKeepsStatedAndReportedReasonsApartAndTheReportContested() {
        String en = text(who("andrew-miller", Lang.EN));
        assertThat(en).contains("What they said (stated reason)").contains("family reasons")
                .contains("According to The Washington Post");
        assertThat(en).contains("Contested: the sources disagree");
        assertThat(en).contains("Not correct: The Washington Post reported that he quit");
        String ar = text(who("andrew-miller", Lang.AR));
        assertThat(ar).contains("السبب المُعلَن (كما ورد في التصريح الشخصي)").contains("محل نزاع").contains("غير صحيح")
                .contains("بحسب واشنطن بوست");
    }

    @Test
    void halaRharritIsNotAWhiteHouseSpokesperson() {
        String en = text(who("hala-rharrit", Lang.EN));
        assertThat(en).contains("25 April 2024").contains("Not correct: 26 April 2024").contains("24 April 2024");
        assertThat(en).containsPattern("Not correct: [^\\n]*White House");
    }

    @Test
    void arabicRepliesIsolateLatinNamesAndEnglishRepliesDoNot() {
        Card ar = replies.who(s, s.entry("andrew-miller").orElseThrow(), Lang.AR).pages().get(0);
        assertThat(ar.title()).isEqualTo("أندرو ميلر · \u2068Andrew Miller\u2069");
        Card en = replies.who(s, s.entry("andrew-miller").orElseThrow(), Lang.EN).pages().get(0);
        assertThat(en.title()).isEqualTo("Andrew Miller · أندرو ميلر");
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void listsPaginateTenAPageInDateOrder(Lang lang) {
        Reply r = replies.list(s, q.list(Optional.empty(), DateRange.ALL), lang);
        assertWithinDiscordLimits(r);
        assertThat(r.pages()).hasSize(2);
        assertThat(r.pages().get(0).description().lines().filter(l -> l.startsWith("• "))).hasSize(10);
        assertThat(r.pages().get(1).description().lines().filter(l -> l.startsWith("• "))).hasSize(4);
        assertThat(r.pages().get(1).footer()).contains("2/2");
        assertThat(r.replay()).contains("list|lang=" + lang.code());
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void timelineStatsAndAboutFit(Lang lang) {
        assertWithinDiscordLimits(replies.timeline(s, q.timeline(), lang));
        assertWithinDiscordLimits(replies.stats(s, q.stats(), lang));
        assertWithinDiscordLimits(replies.about(s, q.about(), lang));
        String stats = text(replies.stats(s, q.stats(), lang));
        assertThat(stats).contains("**6**");
    }

    @Test
    void aContestedTitleIsNeverPutInTheLeadOrTheListAsFact() throws Exception {
        Snapshot contested = Fixtures.contestedTitle();
        Entry andrew = contested.entry("andrew-test").orElseThrow();
        Reply who = replies.who(contested, andrew, Lang.EN);
        assertThat(who.pages().get(0).description()).doesNotContain("Deputy").doesNotContain("Director");
        Reply full = replies.fullRecord(contested, andrew, Lang.EN);
        assertThat(full.pages().get(0).description().lines().limit(3)).noneMatch(l -> l.contains("Deputy") || l.contains("Director"));
        assertThat(text(full)).contains("Contested");
        Reply list = replies.list(contested, new Queries(() -> new Directory(contested)).list(Optional.empty(), DateRange.ALL), Lang.EN);
        assertThat(list.pages().get(0).description()).doesNotContain("Deputy").doesNotContain("Director");
    }

    @Test
    void anUnknownNameEchoesTheInputSafelyAndOffersButtons() {
        String hostile = "@everyone **bold** <@123> \u202Eevil\u202C " + "x".repeat(6000);
        Reply r = replies.personNotFound(hostile, List.of(s.entry("andrew-miller").orElseThrow()), Lang.EN);
        assertWithinDiscordLimits(r);
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.pages().get(0).description()).doesNotContain("\u202E").contains("\\*\\*bold\\*\\*");
        assertThat(r.suggestions()).extracting(Reply.Choice::value).containsExactly("andrew-miller");
    }

    @Test
    void aFactResolvedOnlyByTheArticleNeverAppearsAsAFact() {
        // Every rejected value in the dataset is rendered after the "not correct" marker, never first.
        for (Entry e : s.entries()) {
            String en = text(who(e.id(), Lang.EN));
            e.announced().rejected().forEach(r -> assertThat(en).contains("Not correct: "
                    + replies.dates().format(r.value(), r.part(), Lang.EN)));
        }
    }
}
