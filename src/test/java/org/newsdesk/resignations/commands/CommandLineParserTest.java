package org.newsdesk.resignations.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineParserTest {

    private final CommandLineParser parser = new CommandLineParser(CommandCatalog.standard());

    private CommandRequest ok(String line) {
        CommandLineParser.Parsed p = parser.parse(line);
        assertThat(p).isInstanceOf(CommandLineParser.Parsed.Ok.class);
        return ((CommandLineParser.Parsed.Ok) p).request();
    }

    private String error(String line) {
        CommandLineParser.Parsed p = parser.parse(line);
        assertThat(p).isInstanceOf(CommandLineParser.Parsed.Error.class);
        return ((CommandLineParser.Parsed.Error) p).key();
    }

    @Test
    void readsTheSyntaxADiscordUserTypes() {
        assertThat(ok("/resignations who name:\"Andrew Miller\"").options()).isEqualTo(Map.of("name", "Andrew Miller"));
        assertThat(ok("/resignations who name:ميلر").options()).isEqualTo(Map.of("name", "ميلر"));
        assertThat(ok("/resignations who name:«ليلي جرينبرج» lang:ar").options())
                .isEqualTo(Map.of("name", "ليلي جرينبرج", "lang", "ar"));
        assertThat(ok("/resignations list agency:\"State Department\" from:2024-01 to:2024-06").options())
                .containsEntry("agency", "State Department").containsEntry("from", "2024-01").containsEntry("to", "2024-06");
        assertThat(ok("  /resignations   timeline  ").subcommand()).isEqualTo("timeline");
    }

    @Test
    void unquotedWordsContinueTheValue() {
        assertThat(ok("/resignations who name:ليلي جرينبرج lang:ar").options())
                .isEqualTo(Map.of("name", "ليلي جرينبرج", "lang", "ar"));
        assertThat(ok("/resignations list agency:State Department").options()).isEqualTo(Map.of("agency", "State Department"));
    }

    @Test
    void mistakesAreNamed() {
        assertThat(error("resignations who")).isEqualTo("error.not_a_command");
        assertThat(error("/resignations who name:\"Andrew")).isEqualTo("error.unclosed_quote");
        assertThat(error("/resignations who Miller")).isEqualTo("error.unknown_option");
        assertThat(error("/resignations who name:a name:b")).isEqualTo("error.repeated_option");
        assertThat(error("/")).isEqualTo("error.not_a_command");
    }

    @Test
    void longLinesAndOptionsAreRefusedAsDiscordWould() {
        StringBuilder words = new StringBuilder("/factcheck claim:");
        for (int i = 0; i < 500_000; i++) {
            words.append(" w");
        }
        assertThat(error(words.toString())).isEqualTo("error.line_too_long");
        assertThat(error("/factcheck claim:" + "a ".repeat(3001))).isEqualTo("error.option_too_long");
        assertThat(ok("/factcheck claim:" + "a ".repeat(3000)).options().get("claim")).hasSize(5999);
        // many short words inside the bounds: every word kept, in order
        CommandRequest r = ok("/resignations who name:" + "ab ".repeat(1500) + "lang:ar");
        assertThat(r.options().get("name")).isEqualTo(("ab ".repeat(1500)).strip());
        assertThat(r.options().get("lang")).isEqualTo("ar");
    }

    @Test
    void controlCharactersAreShownAsTheirSymbols() {
        assertThat(CommandLineParser.visible("a\u0000b\u001Fc\u007Fd\u0085")).isEqualTo("a\u2400b\u241Fc\u2421d\uFFFD");
        assertThat(CommandLineParser.visible("ميلر")).isEqualTo("ميلر");
        CommandLineParser.Parsed p = parser.parse("/resignations who Mil\u0000ler");
        assertThat(((CommandLineParser.Parsed.Error) p).args()).contains("Mil\u2400ler");
    }

    @Test
    void noPartOfAnErrorEchoesAControlCharacter() {
        // found by ConsoleHostileInputPropertyTest: a subcommand word or a repeated key made of
        // control characters came back raw inside the message
        for (String line : new String[]{"/resignations \u0002\u001D\u0006 \u0015\u0012", "/resignations who\u0007 Miller",
                "/nope\u0001 k\u0001:a k\u0001:b", "/resignations \u0002 k\u0003:a k\u0003:b"}) {
            CommandLineParser.Parsed p = parser.parse(line);
            assertThat(p).as(line).isInstanceOf(CommandLineParser.Parsed.Error.class);
            for (Object arg : ((CommandLineParser.Parsed.Error) p).args()) {
                assertThat(String.valueOf(arg).chars().filter(c -> Character.getType(c) == Character.CONTROL))
                        .as("%s → %s", line, arg).isEmpty();
            }
        }
    }

    @Test
    void invisibleMarksBeforeTheSlashAreDropped() {
        assertThat(ok("\uFEFF/resignations timeline").subcommand()).isEqualTo("timeline");
        assertThat(ok("\u200E\u200F \uFEFF /resignations timeline").subcommand()).isEqualTo("timeline");
        assertThat(ok("/resignations who name:\"a\u0000b\"").options().get("name")).isEqualTo("a\u0000b");
    }
}
