package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.resignations.render.ReplyLimits.assertWithinDiscordLimits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Note;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.dataset.Text;

/**
 * The who card (issue 17): one embed of at most 1,500 characters that answers "why did they
 * leave, says who?" first, and a full record that holds everything the old reply held.
 */
class WhoCardTest {

    private final Snapshot s = Fixtures.bundled();
    private final Replies replies = new Replies(Templates.bundled());
    private final Templates t = replies.templates();

    static Stream<Arguments> everyEntryInBothLanguages() {
        return Fixtures.bundled().entries().stream()
                .flatMap(e -> Stream.of(Arguments.of(e.id(), Lang.EN), Arguments.of(e.id(), Lang.AR)));
    }

    private Entry entry(String id) {
        return s.entry(id).orElseThrow();
    }

    private Card card(String id, Lang lang) {
        Reply r = replies.who(s, entry(id), lang);
        assertThat(r.pages()).hasSize(1);
        return r.pages().get(0);
    }

    /** What a reader sees: markdown escapes, links and isolates gone. */
    private static String plain(String s) {
        return PlainText.plain(s);
    }

    private static boolean isArticle(Snapshot s, String id) {
        return s.source(id).map(x -> x.kind() == SourceKind.ARTICLE_UNDER_REVIEW).orElse(false);
    }

    /** The outlet's name as the card shows it, in the reply language: "CNN (syndicated on Yahoo News)" → "CNN". */
    private static String outlet(Snapshot s, Source src, Lang lang) {
        String o = s.outletName(src, lang);
        for (String stop : new String[] {" (", ": "}) {
            int i = o.indexOf(stop);
            if (i > 0) {
                o = o.substring(0, i);
            }
        }
        return o.strip();
    }

    // ---- the card --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEntryInBothLanguages")
    void everyCardIsOneEmbedOfAtMost1500Characters(String id, Lang lang) {
        Reply r = replies.who(s, entry(id), lang);
        assertWithinDiscordLimits(r);
        assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(r.pages()).hasSize(1);
        Card c = r.pages().get(0);
        assertThat(c.length()).as(c.description()).isLessThanOrEqualTo(WhoCard.MAX);
        assertThat(c.fields()).isEmpty();
        assertThat(c.description()).doesNotContainPattern("\\(\\d+\\)\\*\\*");
        assertThat(c.footer()).contains(s.version());
        assertThat(r.actions()).containsExactly(new Reply.Action(t.get(lang, "card.full_record"),
                "who|name=" + id + "|detail=true|lang=" + lang.code()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEntryInBothLanguages")
    void everyCardCarriesTheStatedReasonEachReportingOutletAndEveryCorrectionOfTheArticle(String id, Lang lang) {
        Entry e = entry(id);
        String text = plain(card(id, lang).description());
        // who and what on the first line
        String first = text.lines().findFirst().orElseThrow();
        assertThat(first).startsWith(e.name().in(lang)).contains(replies.departure(e.departure().primary().orElseThrow().value(), lang));
        e.announced().preferred().ifPresent(a -> assertThat(first).contains(replies.dates().format(a.value(), a.part(), lang)));
        // said, with a source
        Attested<Text> said = e.statedReason().primary().orElseThrow();
        String saidStart = said.value().in(lang).split("\\s+")[0];
        assertThat(text).contains(t.get(lang, "card.said") + " " + saidStart);
        assertThat(text.lines().filter(l -> l.startsWith(t.get(lang, "card.said"))).findFirst().orElseThrow())
                .containsPattern("\\[\\d+]");
        // each reported reason, outlet first
        for (Attested<Text> r : e.reportedReason().credible()) {
            List<String> outlets = r.sources().stream().filter(x -> !isArticle(s, x))
                    .map(x -> outlet(s, s.source(x).orElseThrow(), lang)).toList();
            assertThat(outlets).as("outlets of %s", r.value().en()).anySatisfy(o -> assertThat(text).contains(o + ":"));
        }
        // every error of the source article about this person, as a correction
        List<String> said2 = new ArrayList<>();
        for (Fact<?> f : facts(e)) {
            for (Attested<?> wrong : f.rejected()) {
                if (wrong.sources().stream().anyMatch(x -> isArticle(s, x))) {
                    said2.add(shown(wrong, lang));
                }
            }
        }
        if (!said2.isEmpty()) {
            assertThat(text).contains(t.get(lang, "card.correction"));
        }
        for (String wrong : said2) {
            String label = t.get(lang, "card.correction.article", "said", "@@", "right", "@@");
            String lead = label.substring(0, label.indexOf("@@"));
            assertThat(text).as("correction of %s", wrong).contains(lead + wrong.substring(0, Math.min(wrong.length(), 30)));
        }
        // and every error the dataset records as a note marked as correcting the article
        for (Note n : e.notes()) {
            if (n.correctsArticle()) {
                String note = n.text().in(lang);
                assertThat(text).contains(t.get(lang, "card.correction"))
                        .as("correction note %s", note).contains(note.substring(0, Math.min(note.length(), 30)));
            }
        }
        // the sources it cites, numbered and linked, listed under it
        String raw = card(id, lang).description();
        String sources = raw.substring(raw.lastIndexOf("**" + t.get(lang, "card.sources") + "**"));
        Matcher cited = Pattern.compile("\\\\\\[(\\d+)\\\\]").matcher(raw.substring(0, raw.length() - sources.length()));
        Set<String> numbers = new LinkedHashSet<>();
        while (cited.find()) {
            numbers.add(cited.group(1));
        }
        assertThat(numbers).isNotEmpty();
        for (String n : numbers) {
            assertThat(sources).containsPattern("\\\\\\[" + n + "\\\\] (\\[[^\\]]+]\\(https?://|" + Pattern.quote(t.get(lang, "card.article")) + ")");
        }
    }

    @Test
    void gilbertsCardCorrectsTheArticlesWordingOfTheReportWithWhatIsRight() {
        String en = plain(card("stacy-gilbert", Lang.EN).description());
        assertThat(en).containsPattern("Correction: The source article's wording, that the report found Israel "
                + "'did not obstruct food or other aid'.*did not find a breach of the US law.*\\[\\d+]");
        String ar = plain(card("stacy-gilbert", Lang.AR).description());
        assertThat(ar).containsPattern("تصحيح: صيغة المقال المصدر.*لم يخلص إلى أنها انتهكت القانون الأمريكي.*\\[\\d+]");
    }

    private static List<Fact<?>> facts(Entry e) {
        List<Fact<?>> out = new ArrayList<>();
        for (Fact<?> f : List.<Fact<?>>of(e.departure(), e.office(), e.title(), e.announced(), e.statedReason(), e.reportedReason())) {
            out.add(f);
        }
        if (e.effective() != null) {
            out.add(e.effective());
        }
        return out;
    }

    private String shown(Attested<?> a, Lang lang) {
        Object v = a.value();
        if (v instanceof Text x) {
            return x.in(lang);
        }
        if (v instanceof PartialDate d) {
            return replies.dates().format(d, a.part(), lang);
        }
        return replies.departure((org.newsdesk.resignations.dataset.Departure) v, lang);
    }

    @Test
    void andrewMillerEnglishAndArabicSideBySide() {
        Entry e = entry("andrew-miller");
        String en = plain(card("andrew-miller", Lang.EN).description());
        String ar = plain(card("andrew-miller", Lang.AR).description());
        // who and what: one line, the effective date marked in a word
        // (30 June, which only Al Jazeera's unnamed sources give, is unconfirmed: late June stands, and is not "disputed")
        assertThat(en.lines().findFirst().orElseThrow()).startsWith("Andrew Miller · ")
                .containsPattern("State Department — Resigned · made public 21 June 2024 \\[1] · effective late June 2024 \\[2] \\(another value unconfirmed: see the full record\\)$");
        assertThat(ar.lines().findFirst().orElseThrow()).startsWith("أندرو ميلر · ")
                .containsPattern("الإعلان: 21 يونيو 2024 \\[1] · السريان: أواخر يونيو 2024 \\[2] \\(ثمة قيمة أخرى غير مؤكدة: انظر السجل الكامل\\)$");
        // said, and its source
        assertThat(en).contains("Said: " + e.statedReason().primary().orElseThrow().value().en().substring(0, 20));
        assertThat(ar).contains("السبب المُعلَن: " + e.statedReason().primary().orElseThrow().value().ar().substring(0, 12));
        // reported: contested in a word, outlet first, one line each
        assertThat(en).contains("Reported: (contested)\n• The Washington Post: ").contains("\n• CNN: ");
        assertThat(ar).contains("ما نقلته وسائل الإعلام: (محل نزاع)\n• واشنطن بوست: ").contains("\n• سي إن إن: ");
        // the article's misattribution to the Post, and what is right
        assertThat(en).contains("Correction: Source article said “The Washington Post reported that he quit")
                .contains("right: Misattributed.");
        assertThat(ar).contains("تصحيح: ورد في المقال المصدر «ذكرت واشنطن بوست").contains("والصحيح: نسبة خاطئة.");
        // the article's version is never the Post's reported reason on the card
        assertThat(en).doesNotContain("The Washington Post: The Washington Post reported that he quit");
    }

    @Test
    void lilyGreenbergCallEnglishAndArabicSideBySide() {
        String en = plain(card("lily-greenberg-call", Lang.EN).description());
        String ar = plain(card("lily-greenberg-call", Lang.AR).description());
        assertThat(en.lines().findFirst().orElseThrow()).contains("Interior").contains("made public 15 May 2024").doesNotContain("8 May");
        assertThat(ar.lines().findFirst().orElseThrow()).contains("الإعلان: 15 مايو 2024").doesNotContain("8 مايو");
        assertThat(en).contains("Said: She could").contains("Reported: Associated Press: ");
        assertThat(ar).contains("السبب المُعلَن: ").contains("ما نقلته وسائل الإعلام: أسوشيتد برس: ");
        // the wrong date, and the military rendering of her title the Arabic desk must not repeat
        assertThat(en).containsPattern("• Source article said “8 May 2024”; right: 15 May 2024 \\[\\d+]")
                .containsPattern("• The source article renders her title as 'مساعد خاص لرئيس الأركان'.*'رئيسة الموظفين'\\)\\. \\[\\d+]");
        assertThat(ar).containsPattern("• ورد في المقال المصدر «8 مايو 2024»؛ والصحيح: 15 مايو 2024 \\[\\d+]")
                .containsPattern("• يترجم المقال المصدر المسمى إلى «مساعد خاص لرئيس الأركان».*«رئيسة الموظفين»\\)\\. \\[\\d+]");
    }

    @Test
    void halaRharritEnglishAndArabicSideBySide() {
        String en = plain(card("hala-rharrit", Lang.EN).description());
        String ar = plain(card("hala-rharrit", Lang.AR).description());
        assertThat(en.lines().findFirst().orElseThrow()).contains("made public 25 April 2024").contains("effective 24 April 2024");
        assertThat(ar.lines().findFirst().orElseThrow()).contains("الإعلان: 25 أبريل 2024").contains("السريان: 24 أبريل 2024");
        assertThat(en).contains("Said: " + entry("hala-rharrit").statedReason().primary().orElseThrow().value().en().substring(0, 10));
        assertThat(en).containsPattern("• Source article said “26 April 2024”; right: 25 April 2024 \\[\\d+]");
        assertThat(ar).containsPattern("• ورد في المقال المصدر «26 أبريل 2024»؛ والصحيح: 25 أبريل 2024 \\[\\d+]");
        // another outlet's error, when there is room: not a White House spokesperson
        assertThat(en).contains("arabkhabar.com said “Arabic spokesperson for the White House”; right: Arabic-language Spokesperson");
        assertThat(ar).contains("ورد لدى عرب خبر «المتحدثة العربية باسم البيت الأبيض»");
    }

    @Test
    void tariqHabashEnglishAndArabicSideBySide() {
        Entry e = entry("tariq-habash");
        String en = plain(card("tariq-habash", Lang.EN).description());
        String ar = plain(card("tariq-habash", Lang.AR).description());
        assertThat(en.lines().findFirst().orElseThrow()).contains("Special Assistant").contains("Education").contains("made public 3 January 2024");
        assertThat(ar.lines().findFirst().orElseThrow()).contains("مساعد خاص").contains("الإعلان: 3 يناير 2024");
        assertThat(en).contains("Said: 'I cannot represent an administration").contains("Reported: Associated Press: ");
        String wrongAr = e.title().rejected().get(0).value().ar();
        assertThat(en).containsPattern("Correction: Source article said “Senior official”; right: Special Assistant \\[\\d+]");
        assertThat(ar).containsPattern("تصحيح: ورد في المقال المصدر «" + Pattern.quote(wrongAr) + "»؛ والصحيح: مساعد خاص \\[\\d+]");
    }

    @Test
    void arabicCardsReadRightToLeft() {
        for (Entry e : s.entries()) {
            String ar = card(e.id(), Lang.AR).description();
            // a sources line starts with a right-to-left mark; Latin outlet names are isolated
            ar.lines().filter(l -> l.contains("\\[") && l.indexOf("\\[") < 3)
                    .forEach(l -> assertThat(l).as(l).startsWith("\u200F"));
            assertThat(ar).doesNotContain("**The ").doesNotContain("**CNN**");
            String en = card(e.id(), Lang.EN).description();
            assertThat(en).doesNotContain("\u200F").doesNotContain("\u2068");
        }
    }

    @Test
    void aContestedTitleIsNotStatedOnTheCard() throws Exception {
        Snapshot contested = Fixtures.contestedTitle();
        Entry andrew = contested.entry("andrew-test").orElseThrow();
        String card = replies.who(contested, andrew, Lang.EN).pages().get(0).description();
        assertThat(card).doesNotContain("Deputy").doesNotContain("Director").contains("title contested");
        assertThat(PlainText.render(replies.fullRecord(contested, andrew, Lang.EN))).contains("Contested").contains("Director");
    }

    // ---- the full record ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEntryInBothLanguages")
    void theFullRecordShowsEverythingTheOldReplyShowed(String id, Lang lang) {
        Entry e = entry(id);
        Reply full = replies.fullRecord(s, e, lang);
        assertWithinDiscordLimits(full);
        assertThat(full.kind()).isEqualTo(Reply.Kind.PRIVATE);
        String fullRaw = String.join("\n", full.pages().stream().map(Card::description).toList());
        String fullPlain = squash(plain(fullRaw));

        List<Card.Field> old = new LegacyWho(replies).fields(s, e, lang);
        assertThat(old).isNotEmpty();
        for (Card.Field f : old) {
            // the fact, as a reader saw it (citation numbers aside: the pages number them the same way)
            for (String line : f.value().split("\n")) {
                assertThat(fullPlain).as("%s: %s", f.name(), line).contains(squash(plain(line)));
            }
            assertThat(fullPlain).contains(squash(f.name()));
            // and every source link
            Matcher url = Pattern.compile("\\]\\((https?://[^)\\s]+)\\)").matcher(f.value());
            while (url.find()) {
                assertThat(fullRaw).as("source %s", url.group(1)).contains("](" + url.group(1) + ")");
            }
        }
        // and, read from the data itself: every value, note and source of the entry
        for (Fact<?> f : facts(e)) {
            for (Attested<?> a : f.values()) {
                assertThat(fullPlain).contains(squash(shown(a, lang)));
                if (a.note() != null) {
                    assertThat(fullPlain).contains(squash(a.note().in(lang)));
                }
                for (String src : a.sources()) {
                    s.source(src).map(Source::url).ifPresent(u -> assertThat(fullRaw).contains("](" + replies.safeUrl(u) + ")"));
                }
            }
        }
        for (Note n : e.notes()) {
            assertThat(fullPlain).contains(squash(n.text().in(lang)));
        }
    }

    /** Whitespace as one space: a page break may fall where a line break was. */
    private static String squash(String s) {
        return s.replace("\u2068", "").replace("\u2069", "").replaceAll("\\s+", " ").strip();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyEntryInBothLanguages")
    void theFullRecordSplitsIntoPagesNeverIntoNumberedFields(String id, Lang lang) {
        Reply full = replies.fullRecord(s, entry(id), lang);
        Set<String> headings = new LinkedHashSet<>();
        for (Card c : full.pages()) {
            assertThat(c.fields()).isEmpty();
            assertThat(c.title()).contains(entry(id).name().in(lang));
            for (String line : c.description().lines().toList()) {
                if (line.matches("\\*\\*[^*]+\\*\\*")) {
                    assertThat(headings.add(line)).as("heading repeated: %s", line).isTrue();
                    assertThat(line).doesNotMatch(".*\\(\\d+\\)\\*\\*");
                }
            }
        }
        if (full.pages().size() > 1) {
            assertThat(full.replay()).contains("who|name=" + id + "|detail=true|lang=" + lang.code());
        }
    }

    // ---- console ---------------------------------------------------------------------------------

    @Test
    void theConsolePrintsTheSameCardAndTheFullRecordWithDetail() {
        Application app = Fixtures.bundledApp();
        Reply card = app.console().answer("/resignations who name:\"Andrew Miller\"");
        assertThat(PlainText.render(card)).isEqualTo(PlainText.render(replies.who(s, entry("andrew-miller"), Lang.EN)))
                .contains("-> Full record: /resignations who name:andrew-miller detail:true lang:en");
        Reply full = app.console().answer("/resignations who name:andrew-miller detail:true lang:en");
        assertThat(PlainText.render(full)).isEqualTo(PlainText.render(replies.fullRecord(s, entry("andrew-miller"), Lang.EN)));
        assertThat(full.pages().size()).isGreaterThan(1);
        Reply arabic = app.console().answer("/resignations who name:ميلر detail:true");
        assertThat(PlainText.render(arabic)).contains("السجل الكامل");
        Reply bad = app.console().answer("/resignations who name:Miller detail:yes");
        assertThat(bad.kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(bad.pages().get(0).description()).contains("detail").contains("true or false");
        Reply no = app.console().answer("/resignations who name:Miller detail:false");
        assertThat(no.pages()).hasSize(1);
        assertThat(no.actions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aLongTextIsShortenedAtASentenceOrAWordNeverInsideOne(Lang lang) {
        for (Entry e : s.entries()) {
            String card = plain(card(e.id(), lang).description());
            for (String line : card.lines().toList()) {
                int cut = line.indexOf('…');
                while (cut >= 0) {
                    // what precedes the ellipsis ends a word of the source text
                    String before = line.substring(0, cut).stripTrailing();
                    String word = before.substring(before.lastIndexOf(' ') + 1);
                    String all = e.toString();
                    assertThat(word.isEmpty() || all.contains(word + " ") || all.contains(word + ",")
                            || all.contains(word + ";") || all.contains(word + "'") || all.contains(word + "’")
                            || all.contains(word + "”") || all.contains(word + "»") || all.contains(word + "\"")
                            || all.contains(word + "،") || all.contains(word + "؛") || all.contains(word + ")"))
                            .as("cut inside a word: '%s' in %s", word, line).isTrue();
                    cut = line.indexOf('…', cut + 1);
                }
            }
        }
    }
}
