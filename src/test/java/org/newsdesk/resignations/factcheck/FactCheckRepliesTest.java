package org.newsdesk.resignations.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandLineParser;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Reply;

/** What the reporter sees: within Discord's limits, no ping, bounded echo, a clear reply for bad input. */
class FactCheckRepliesTest {

    private static final Application APP = Fixtures.bundledApp();

    private static final String EN_PARAGRAPH = "Lily Greenberg Call resigned on May 8 in protest at US support for Israel. "
            + "According to The Washington Post, Andrew Miller quit in objection to the killing of civilians in Gaza. "
            + "Hala Rharrit, the White House's Arabic spokesperson, announced her resignation on April 26. "
            + "Tariq Habash, a senior official at the Education Department, resigned in January. ";
    private static final String AR_PARAGRAPH = "وفي الثامن من مايو، استقالت ليلي غرينبيرغ كول من وزارة الداخلية احتجاجاً على دعم الاحتلال. "
            + "وقال تقرير صحيفة واشنطن بوست إن قرار ميلر جاء اعتراضاً على قتل المدنيين في غزة. "
            + "وفي 26 أبريل، أعلنت هالة غريط، المتحدثة العربية باسم البيت الأبيض، استقالتها. "
            + "واستقال طارق حبش، المسؤول الكبير في وزارة التعليم، في يناير الماضي. ";

    static void assertWithinDiscordLimits(Reply r) {
        org.newsdesk.resignations.render.ReplyLimits.assertWithinDiscordLimits(r);
        assertThat(r.pages()).isNotEmpty();
        for (Card c : r.pages()) {
            assertThat(c.title().length()).isBetween(1, Limits.TITLE);
            assertThat(c.description().length()).isLessThanOrEqualTo(Limits.DESCRIPTION);
            assertThat(c.fields().size()).isLessThanOrEqualTo(Limits.FIELDS);
            assertThat(c.footer().length()).isLessThanOrEqualTo(Limits.FOOTER);
            assertThat(c.length()).isLessThanOrEqualTo(Limits.EMBED_TOTAL);
            for (Card.Field f : c.fields()) {
                assertThat(f.name().length()).isBetween(1, Limits.FIELD_NAME);
                assertThat(f.value().length()).isBetween(1, Limits.FIELD_VALUE);
            }
            for (String text : List.of(c.title(), c.description(), c.footer())) {
                assertNoPing(text);
            }
            c.fields().forEach(f -> {
                assertNoPing(f.name());
                assertNoPing(f.value());
            });
        }
    }

    static void assertNoPing(String s) {
        assertThat(s).doesNotContain("@everyone").doesNotContain("@here").doesNotContainPattern("<@[!&]?\\d");
    }

    private static String repeat(String paragraph, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() + paragraph.length() <= length) {
            b.append(paragraph);
        }
        return b.toString();
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aFourThousandCharacterClaimIsCheckedWhole(Lang lang) {
        String claim = repeat(lang == Lang.AR ? AR_PARAGRAPH : EN_PARAGRAPH, FactChecker.MAX_CLAIM);
        assertThat(claim.length()).isGreaterThan(3500).isLessThanOrEqualTo(FactChecker.MAX_CLAIM);
        FactCheckResult r = APP.factcheck().result(claim);
        assertThat(r.truncated()).isFalse();
        assertThat(r.overall()).isEqualTo(Verdict.CONTRADICTED);
        assertThat(r.people()).hasSize(4);
        for (Lang replyIn : Lang.values()) {
            assertWithinDiscordLimits(APP.factcheck().check(claim, replyIn));
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void aLongerTextIsCutAtAWordAndSaysSo(Lang lang) {
        String claim = repeat(lang == Lang.AR ? AR_PARAGRAPH : EN_PARAGRAPH, 9000);
        FactCheckResult r = APP.factcheck().result(claim);
        assertThat(r.truncated()).isTrue();
        assertThat(r.claim().length()).isLessThanOrEqualTo(FactChecker.MAX_CLAIM);
        assertThat(claim.charAt(r.claim().length())).isEqualTo(' ');
        Reply reply = APP.factcheck().check(claim, lang);
        assertWithinDiscordLimits(reply);
        assertThat(reply.pages().get(0).description()).contains(lang == Lang.AR ? "4000" : "4000");
    }

    @Test
    void echoesOnlyABoundedPrefixOfTheClaim() {
        String claim = "Josh Paul resigned in October 2023. " + "word ".repeat(100) + "ZZSECRETTAIL";
        Reply r = APP.factcheck().check(claim, Lang.EN);
        String all = PlainText.render(r);
        assertThat(all).doesNotContain("ZZSECRETTAIL");
        assertThat(r.pages().get(0).description()).contains("Josh Paul resigned");
        assertWithinDiscordLimits(r);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void badInputGetsAClearReplyWithoutPingOrException(Lang lang) {
        List<String> inputs = List.of("", "   ", "🙂🙂🔥🎉", "**__~~||`>`||~~__**", "@everyone @here <@123456789012345678> <@&42> <#77>",
                "@everyone Andrew Miller <@123456789012345678> resigned on **21 June 2024** [link](https://evil.example) `code`",
                "استقال Andrew Miller من الخارجية في ٢١ June 2024 🙂", "\u202Eميلر\u202C استقال", "x".repeat(4000),
                "ميلر ".repeat(800), "May May May 8 8 8 2024 2024 في في", "1/2/2024 99/99/9999 2024-13-45 31 February");
        for (String in : inputs) {
            Reply r = APP.factcheck().check(in, lang);
            assertWithinDiscordLimits(r);
            assertThat(PlainText.render(r)).as(in).isNotBlank();
        }
        assertThat(APP.factcheck().check("", lang).kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(APP.factcheck().check("🙂🙂🔥🎉", lang).kind()).isEqualTo(Reply.Kind.USER_ERROR);
        Reply pinged = APP.factcheck().check("@everyone Andrew Miller resigned on 21 June 2024", lang);
        assertThat(pinged.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(pinged.pages().get(0).description()).contains("@\u200Beveryone");
    }

    @Test
    void theConsoleLineAndTheRouterGiveTheSameReply() {
        String line = "/factcheck claim:\"Lily Greenberg Call resigned on May 8.\" lang:ar";
        CommandLineParser.Parsed parsed = new CommandLineParser(APP.router().catalog()).parse(line);
        assertThat(parsed).isInstanceOf(CommandLineParser.Parsed.Ok.class);
        CommandRequest req = ((CommandLineParser.Parsed.Ok) parsed).request();
        assertThat(req.command()).isEqualTo("factcheck");
        assertThat(req.subcommand()).isNull();
        assertThat(req.option("claim")).contains("Lily Greenberg Call resigned on May 8.");
        Reply viaConsole = APP.console().answer(line);
        Reply direct = APP.factcheck().check("Lily Greenberg Call resigned on May 8.", Lang.AR);
        assertThat(PlainText.render(viaConsole)).isEqualTo(PlainText.render(direct));
        assertThat(PlainText.render(viaConsole)).contains("مخالف");
        // a claim with colons and no quotes still reads as one value
        Reply unquoted = APP.console().answer("/factcheck claim:Miller resigned on 21 June: the article says so");
        assertThat(PlainText.render(unquoted)).contains("Consistent");
        // the language follows the script of the claim when lang is not given
        Reply arabic = APP.router().handle(new CommandRequest("factcheck", null, java.util.Map.of("claim", "استقال جوش بول في أكتوبر 2023")),
                RequestContext.CONSOLE);
        assertThat(PlainText.render(arabic)).contains("متوافق");
        Reply missing = APP.console().answer("/factcheck");
        assertThat(missing.kind()).isEqualTo(Reply.Kind.USER_ERROR);
    }

    @Test
    void everyVerdictCitesSourcesAsNumberedLinks() {
        Reply r = APP.factcheck().check("Lily Greenberg Call resigned on May 8.", Lang.EN);
        String all = String.join("\n", r.pages().stream().flatMap(c -> c.fields().stream().map(Card.Field::value)).toList());
        assertThat(all).contains("[\\[1\\]](https://");
        assertThat(PlainText.render(r)).contains("15 May 2024").contains("8 May 2024").contains("the article under review");
        assertThat(r.pages().get(r.pages().size() - 1).footer()).contains(Fixtures.bundled().version());
    }

    @Test
    void theCheckerIsRebuiltOnlyWhenTheSnapshotChanges() {
        Application app = Fixtures.bundledApp();
        FactChecker first = app.factcheck().checker();
        assertThat(app.factcheck().checker()).isSameAs(first);
        app.replace(Fixtures.minimal());
        FactChecker second = app.factcheck().checker();
        assertThat(second).isNotSameAs(first);
        assertThat(second.snapshot().version()).isEqualTo(Fixtures.minimal().version());
        assertWithinDiscordLimits(app.factcheck().check("Andrew Miller resigned on 21 June 2024.", Lang.EN));
    }

    @Test
    void rendererEchoLimitIsDocumented() {
        assertThat(FactCheckReplies.CLAIM_SHOWN).isLessThanOrEqualTo(300);
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theVerdictAndTheLineThatDecidesItComeFirstTheEvidenceAfter(Lang lang) {
        Reply r = APP.factcheck().check("Lily Greenberg Call resigned on May 8.", lang);
        assertWithinDiscordLimits(r);
        Card first = r.pages().get(0);
        String lead = first.description().lines().findFirst().orElseThrow();
        if (lang == Lang.EN) {
            assertThat(lead).startsWith("**❌ Contradicted**: Lily Greenberg Call · Date")
                    .contains("Dataset (announced): 15 May 2024 [\\[1\\]](https://");
        } else {
            assertThat(lead).startsWith("**❌ مخالف**: ليلي غرينبيرغ كول · التاريخ")
                    .contains("قاعدة البيانات (الإعلان): 15 مايو 2024 [\\[1\\]](https://");
        }
        // the claim as read comes after the answer; the deciding point's evidence is the first field
        assertThat(first.description().indexOf(lang == Lang.EN ? "Checked:" : "النص المُدقَّق:")).isGreaterThan(lead.length());
        assertThat(first.fields().get(0).name()).startsWith(lang == Lang.EN ? "Lily Greenberg Call · Date" : "ليلي غرينبيرغ كول · التاريخ");
        assertThat(first.fields().get(0).value()).startsWith(lang == Lang.EN ? "**❌ Contradicted**" : "**❌ مخالف**");
        assertThat(first.fields()).noneMatch(f -> f.name().equals(APP.templates().get(lang, "factcheck.overall_title")));
        assertThat(first.description()).contains(APP.templates().get(lang, "factcheck.decides_more", "count", 2));
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void theDecidingPointIsTheMostSeriousWhereverItIsInTheClaim(Lang lang) {
        Reply r = APP.factcheck().check("Josh Paul resigned in October 2023. Hala Rharrit resigned on April 26.", lang);
        String lead = r.pages().get(0).description().lines().findFirst().orElseThrow();
        assertThat(lead).startsWith("**" + APP.templates().get(lang, "factcheck.verdict.contradicted") + "**: ")
                .contains(lang == Lang.EN ? "Hala Rharrit" : "هالة غريط");
        assertThat(r.pages().get(0).fields().get(0).name()).contains(lang == Lang.EN ? "Hala Rharrit" : "هالة غريط");
        Reply none = APP.factcheck().check("Zbigniew Brzezinski resigned.", lang);
        assertThat(none.pages().get(0).description()).startsWith("**" + APP.templates().get(lang, "factcheck.verdict.not-covered") + "**: ");
    }

    @Test
    void aLongFieldGoesOnWithoutANumberedHeading() {
        String claim = repeat(EN_PARAGRAPH, FactChecker.MAX_CLAIM);
        for (Lang lang : Lang.values()) {
            Reply r = APP.factcheck().check(claim, lang);
            for (Card c : r.pages()) {
                assertThat(c.fields()).noneMatch(f -> f.name().matches(".* \\(\\d+\\)"));
            }
            assertThat(PlainText.render(r)).doesNotContainPattern("\\(\\d+\\):\\n");
        }
    }
}
