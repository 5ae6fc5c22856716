package org.newsdesk.resignations.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsdesk.resignations.render.ReplyLimits.assertWithinDiscordLimits;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Reply;

class CommandRouterTest {

    private final Application app = Fixtures.bundledApp();

    private Reply run(String sub, Map<String, String> options) {
        return app.router().handle(new CommandRequest("resignations", sub, options), RequestContext.CONSOLE);
    }

    @Test
    void whoAnswersInTheLanguageOfTheInputUnlessToldOtherwise() {
        assertThat(run("who", Map.of("name", "ميلر")).pages().get(0).title()).startsWith("أندرو ميلر");
        assertThat(run("who", Map.of("name", "Miller")).pages().get(0).title()).startsWith("Andrew Miller");
        assertThat(run("who", Map.of("name", "ميلر", "lang", "en")).pages().get(0).title()).startsWith("Andrew Miller");
        assertThat(run("who", Map.of("name", "Miller", "lang", "ar")).pages().get(0).title()).startsWith("أندرو ميلر");
    }

    @Test
    void languageRulesFollowTheDesignOrder() {
        LanguagePolicy p = new LanguagePolicy(Lang.EN);
        RequestContext guildAr = new RequestContext(Optional.of(Lang.AR), Optional.of("en-US"));
        RequestContext localeAr = new RequestContext(Optional.empty(), Optional.of("ar"));
        assertThat(p.choose(Optional.of(Lang.EN), guildAr, "ميلر")).isEqualTo(Lang.EN);
        assertThat(p.choose(Optional.empty(), guildAr, "Miller")).isEqualTo(Lang.AR);
        assertThat(p.choose(Optional.empty(), localeAr, "ميلر")).isEqualTo(Lang.AR);
        assertThat(p.choose(Optional.empty(), new RequestContext(Optional.empty(), Optional.of("en-GB")), "ميلر")).isEqualTo(Lang.AR);
        assertThat(p.choose(Optional.empty(), localeAr, "Miller")).isEqualTo(Lang.AR);
        assertThat(p.choose(Optional.empty(), RequestContext.CONSOLE, "Miller")).isEqualTo(Lang.EN);
        assertThat(new LanguagePolicy(Lang.AR).choose(Optional.empty(), RequestContext.CONSOLE, "")).isEqualTo(Lang.AR);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "@everyone", "@here <@123456789012345678> <@&42>", "**bold** __under__ ||spoiler|| `code` [link](https://evil.example)",
            "\u200B\u200D\u202E\u2066", "ميلر\u202Eرلمي", "", "   ", "😀😀😀"})
    void hostileNamesGetASafeReply(String name) {
        Reply r = run("who", Map.of("name", name));
        assertWithinDiscordLimits(r);
    }

    @Test
    void aSixThousandCharacterValueGetsAReplyWithinLimits() {
        Reply r = run("who", Map.of("name", "@everyone ".repeat(600)));
        assertWithinDiscordLimits(r);
        assertThat(r.kind()).isEqualTo(Reply.Kind.USER_ERROR);
        Reply l = run("list", Map.of("agency", "x".repeat(6000)));
        assertWithinDiscordLimits(l);
        assertThat(l.kind()).isEqualTo(Reply.Kind.USER_ERROR);
    }

    @Test
    void badOptionsAreUserErrorsThatSayWhatToDo() {
        assertThat(run("list", Map.of("from", "yesterday")).pages().get(0).description())
                .contains("2024, 2024-05 or 2024-05-15");
        assertThat(run("list", Map.of("from", "2024-06", "to", "2024-05")).pages().get(0).description())
                .contains("after");
        assertThat(run("who", Map.of("name", "Miller", "lang", "fr")).pages().get(0).description())
                .contains("en or ar");
        assertThat(run("who", Map.of()).pages().get(0).description()).contains("needs the option \"name\"");
        assertThat(run("who", Map.of("nmae", "Miller")).pages().get(0).description())
                .contains("Unknown option").contains("name, lang");
        assertThat(run("wh0", Map.of()).pages().get(0).description()).contains("Did you mean: who");
        assertThat(app.router().handle(new CommandRequest("resignation", null, Map.of()), RequestContext.CONSOLE)
                .pages().get(0).description()).contains("/resignations");
    }

    @Test
    void arabicDatesWithArabicIndicDigitsWork() {
        Reply r = run("list", Map.of("from", "٢٠٢٤-٠٥", "to", "٢٠٢٤-٠٥", "lang", "ar"));
        assertThat(r.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(r.pages().get(0).title()).contains("4");
    }

    @Test
    void anUnknownAgencyListsTheKnownOnes() {
        Reply r = run("list", Map.of("agency", "Ministry of Magic"));
        assertThat(r.kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(r.suggestions()).hasSize(Fixtures.bundled().agencies().size());
    }

    @Test
    void anExceptionInAHandlerBecomesAFailureWithAReference() {
        CommandRouter router = new CommandRouter(CommandCatalog.standard(), new LanguagePolicy(Lang.EN), app.replies());
        router.on("resignations stats", (req, lang) -> {
            throw new IllegalStateException("boom");
        });
        Reply r = router.handle(new CommandRequest("resignations", "stats", Map.of()), RequestContext.CONSOLE);
        assertThat(r.kind()).isEqualTo(Reply.Kind.FAILURE);
        assertThat(r.ephemeral()).isTrue();
        assertThat(r.pages().get(0).description()).containsPattern("ref [0-9a-f]{8}");
    }

    @Test
    void autocompleteShowsChoicesInTheScriptTyped() {
        Completions c = app.completions();
        assertThat(c.complete("name", "mil")).extracting(Reply.Choice::label).contains("Andrew Miller");
        assertThat(c.complete("name", "ميل")).extracting(Reply.Choice::label).contains("أندرو ميلر");
        assertThat(c.complete("name", "ميل")).extracting(Reply.Choice::value).contains("andrew-miller");
        assertThat(c.complete("agency", "الخار")).extracting(Reply.Choice::value).contains("state");
        assertThat(c.complete("name", "")).hasSizeLessThanOrEqualTo(25).isNotEmpty();
        assertThat(c.complete("name", "x".repeat(6000))).isEmpty();
        assertThat(c.complete("name", "a")).allSatisfy(ch -> assertThat(ch.label()).hasSizeBetween(1, 100));
    }

    @Test
    void replayRebuildsTheSamePages() {
        Reply first = run("list", Map.of("lang", "ar"));
        assertThat(first.replay()).isPresent();
        Reply again = app.router().handle(CommandRequest.fromReplay("resignations", first.replay().get()),
                RequestContext.CONSOLE);
        assertThat(again.pages()).isEqualTo(first.pages());
    }
}
