package org.newsdesk.resignations.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandCatalog;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.OptionSpec;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Reply;

/** /resignations export, through the router as Discord and the console call it. */
class ExportCommandsTest {

    private final Application app = Fixtures.bundledApp();

    private Reply run(Map<String, String> options) {
        return app.router().handle(new CommandRequest("resignations", "export", options), RequestContext.CONSOLE);
    }

    @Test
    void eachFormatAttachesItsFile() {
        String v = app.snapshot().version();
        Reply json = run(Map.of("format", "json"));
        Reply csv = run(Map.of("format", "CSV"));
        Reply claims = run(Map.of("format", "claimreview", "lang", "ar"));
        assertThat(json.kind()).isEqualTo(Reply.Kind.ANSWER);
        assertThat(json.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("resignations-" + v + ".json");
            assertThat(a.contentType()).isEqualTo("application/json");
        });
        assertThat(csv.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("resignations-" + v + ".csv");
            assertThat(a.contentType()).startsWith("text/csv");
            assertThat(a.data()).startsWith(0xEF, 0xBB, 0xBF);
        });
        assertThat(claims.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("resignations-" + v + "-claimreview-ar.jsonld");
            assertThat(a.contentType()).isEqualTo("application/ld+json");
            assertThat(new String(a.data(), StandardCharsets.UTF_8)).contains("ليلي غرينبيرغ كول");
        });
        assertThat(PlainText.render(claims)).contains("تصدير البيانات: ClaimReview").contains("(عددها: 6)");   // six rejected values: Casey's June joined them (issue 13)
        assertThat(PlainText.render(csv)).contains("Export: CSV").contains("14 entries").contains("README");
    }

    @Test
    void anUnknownOrMissingFormatIsAMistakeTheUserCanFix() {
        Reply bad = run(Map.of("format", "xlsx"));
        assertThat(bad.kind()).isEqualTo(Reply.Kind.USER_ERROR);
        assertThat(bad.attachments()).isEmpty();
        assertThat(PlainText.render(bad)).contains("xlsx").contains("json, csv, claimreview");
        Reply badAr = run(Map.of("format", "pdf", "lang", "ar"));
        assertThat(PlainText.render(badAr)).contains("صيغة غير معروفة");
        assertThat(run(Map.of()).kind()).isEqualTo(Reply.Kind.USER_ERROR);
    }

    @Test
    void theCatalogOffersTheFormatsAsChoices() {
        OptionSpec format = CommandCatalog.standard().find("resignations", "export").orElseThrow()
                .option("format").orElseThrow();
        assertThat(format.required()).isTrue();
        assertThat(format.choices()).containsExactlyElementsOf(ExportFormat.options());
        assertThat(ExportFormat.parse(" Claim-Review ")).contains(ExportFormat.CLAIMREVIEW);
        // options declared without choices keep working as before
        assertThat(OptionSpec.lang().choices()).isEmpty();
    }

    @Test
    void theConsoleSavesEachFileAndPrintsItsPath(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        app.console(dir.resolve("out")).run(new BufferedReader(new StringReader(
                "/resignations export format:csv\n/resignations stats lang:ar\n/resignations timeline\n")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        Path csv = dir.resolve("out").resolve("resignations-" + app.snapshot().version() + ".csv").toAbsolutePath();
        Path agencies = dir.resolve("out").resolve("departures-by-agency-ar.png").toAbsolutePath();
        Path months = dir.resolve("out").resolve("departures-by-month-en.png").toAbsolutePath();
        assertThat(out).contains("[file] " + csv).contains("[file] " + agencies).contains("[file] " + months);
        assertThat(Files.readAllBytes(csv)).isEqualTo(new CsvExport(app.templates()).write(app.snapshot()));
        assertThat(Files.readAllBytes(agencies)).startsWith(0x89, 'P', 'N', 'G');
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".part-"));
        }
    }
}
