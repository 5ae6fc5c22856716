package org.newsdesk.resignations.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.Dataset;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.render.Templates;

/** The CSV opens in a spreadsheet with its Arabic intact and parses back, with a standard parser, to the same rows. */
class CsvExportTest {

    private final CsvExport export = new CsvExport(Templates.bundled());

    @Test
    void startsWithAByteOrderMarkAndParsesBackToTheSameRows() throws Exception {
        Snapshot s = Fixtures.bundled();
        byte[] bytes = export.write(s);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);

        List<Map<String, String>> parsed = parse(bytes);
        List<List<String>> expected = export.rows(s);
        assertThat(parsed).hasSize(14).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(new ArrayList<>(parsed.get(i).values())).isEqualTo(expected.get(i));
        }
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    void headerIsTheDocumentedColumns() throws Exception {
        String text = new String(export.write(Fixtures.bundled()), StandardCharsets.UTF_8);
        assertThat(text.substring(1, text.indexOf("\r\n"))).isEqualTo(String.join(",", CsvExport.COLUMNS));
        assertThat(CsvExport.COLUMNS).startsWith("id", "name_en", "name_ar", "agency_id", "agency_en", "agency_ar")
                .contains("announced", "announced_status", "reported_reason_en", "reported_reason_ar", "source_urls")
                .doesNotHaveDuplicates();
    }

    @Test
    void eachFactGivesTheValueTheDatasetStandsBehindWithItsStatus() throws Exception {
        Map<String, Map<String, String>> byId = byId(parse(export.write(Fixtures.bundled())));

        Map<String, String> call = byId.get("lily-greenberg-call");
        assertThat(call.get("name_ar")).isEqualTo("ليلي غرينبيرغ كول");
        assertThat(call.get("announced")).isEqualTo("2024-05-15");          // never the article's 8 May
        assertThat(call.get("announced_status")).isEqualTo("settled");
        assertThat(call.get("rejected_values")).isEqualTo("1");
        assertThat(call.get("agency_en")).isEqualTo("Interior Department");
        assertThat(call.get("in_article")).isEqualTo("true");
        assertThat(call.get("source_urls")).contains("https://").doesNotContain("  ");

        Map<String, String> miller = byId.get("andrew-miller");
        assertThat(miller.get("reported_reason_en")).isEqualTo("contested");
        assertThat(miller.get("reported_reason_ar")).isEqualTo("محل نزاع");
        assertThat(miller.get("reported_reason_status")).isEqualTo("contested");
        assertThat(miller.get("effective")).isEqualTo("2024-06");            // "late June", never 2024-06-30
        assertThat(miller.get("effective_part")).isEqualTo("late");
        assertThat(miller.get("effective_status")).isEqualTo("unconfirmed");   // 30 June: nothing contradicts it

        Map<String, String> smith = byId.get("alexander-smith");
        assertThat(smith.get("departure")).isEqualTo("resigned");
        assertThat(smith.get("departure_status")).isEqualTo("disputed");
        assertThat(smith.get("effective")).isEmpty();
        assertThat(smith.get("effective_status")).isEmpty();

        assertThat(byId.get("riley-livermore").get("departure")).isEqualTo("military_separation");
        assertThat(byId.get("harrison-mann").get("confidence")).isEqualTo("medium");
    }

    /** None of the shipped data should need neutralising against spreadsheet formulas (see the next test). */
    @Test
    void noCellOfTheShippedDatasetLooksLikeASpreadsheetFormula() {
        for (List<String> row : export.rows(Fixtures.bundled())) {
            for (String cell : row) {
                assertThat(cell).as(row.get(0)).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
    }

    @Test
    void quotesCommasAndLineBreaksSurviveTheRoundTrip() throws Exception {
        Dataset d = Fixtures.bundled().dataset();
        List<Entry> entries = new ArrayList<>(d.entries());
        Entry e = entries.get(0);
        entries.set(0, new Entry(e.id(), e.added(), new Text("O'Brien, \"Jr.\"\nsecond line", "أوبراين، «الابن»\r\nسطر"),
                e.aliases(), e.agency(), e.inArticle(), e.confidence(), e.confidenceNote(), e.departure(), e.office(),
                e.title(), e.announced(), e.effective(), e.statedReason(), e.reportedReason(), e.notes()));
        Snapshot s = new Snapshot(new Dataset(d.schemaVersion(), d.dataset(), d.agencies(), d.sources(), entries), "t");
        Map<String, String> row = byId(parse(export.write(s))).get(e.id());
        assertThat(row.get("name_en")).isEqualTo("O'Brien, \"Jr.\"\nsecond line");
        assertThat(row.get("name_ar")).isEqualTo("أوبراين، «الابن»\r\nسطر");
    }

    /** A name or a reason that a spreadsheet would run as a formula goes out as text: a leading quote, OWASP's rule. */
    @Test
    void aCellThatLooksLikeAFormulaIsNeutralised() throws Exception {
        Dataset d = Fixtures.bundled().dataset();
        List<Entry> entries = new ArrayList<>(d.entries());
        Entry e = entries.get(0);
        String link = "=HYPERLINK(\"http://evil.example\",\"x\")";
        String dde = "+cmd|' /C calc'!A0";
        Text reason = new Text("-2+3", "@SUM(1+1)");
        var stated = new org.newsdesk.resignations.dataset.Fact<>(List.of(new org.newsdesk.resignations.dataset.Attested<>(
                reason, null, e.statedReason().values().get(0).sources(), org.newsdesk.resignations.dataset.Standing.PREFERRED,
                null, null)), null);
        entries.set(0, new Entry(e.id(), e.added(), new Text(link, dde), e.aliases(), e.agency(), e.inArticle(),
                e.confidence(), e.confidenceNote(), e.departure(), e.office(), new org.newsdesk.resignations.dataset.Fact<>(
                List.of(new org.newsdesk.resignations.dataset.Attested<>(new Text("\tTab", "\rعودة"), null,
                        e.title().values().get(0).sources(), org.newsdesk.resignations.dataset.Standing.PREFERRED, null, null)),
                null), e.announced(), e.effective(), stated, e.reportedReason(), e.notes()));
        Snapshot s = new Snapshot(new Dataset(d.schemaVersion(), d.dataset(), d.agencies(), d.sources(), entries), "t");
        byte[] bytes = export.write(s);
        Map<String, String> row = byId(parse(bytes)).get(e.id());
        assertThat(row.get("name_en")).isEqualTo("'" + link);
        assertThat(row.get("name_ar")).isEqualTo("'" + dde);
        assertThat(row.get("title_en")).isEqualTo("'\tTab");
        assertThat(row.get("title_ar")).isEqualTo("'\rعودة");
        assertThat(row.get("stated_reason_en")).isEqualTo("'-2+3");
        assertThat(row.get("stated_reason_ar")).isEqualTo("'@SUM(1+1)");
        // quoting per RFC 4180 still applies: the link's quotes are doubled inside a quoted cell
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        // ordinary text and the dates are untouched
        assertThat(row.get("id")).isEqualTo(e.id());
        assertThat(row.get("announced")).doesNotStartWith("'");
    }

    /** Reads the file the way a data desk's script would: commons-csv, header from the first line. */
    static List<Map<String, String>> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.charAt(0)).isEqualTo(CsvExport.BOM);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Map<String, String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), format)) {
            assertThat(parser.getHeaderNames()).isEqualTo(CsvExport.COLUMNS);
            for (CSVRecord r : parser) {
                assertThat(r.size()).isEqualTo(CsvExport.COLUMNS.size());
                out.add(r.toMap().entrySet().stream().sorted(java.util.Comparator.comparingInt(
                        x -> CsvExport.COLUMNS.indexOf(x.getKey()))).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new)));
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> byId(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> out = new java.util.LinkedHashMap<>();
        rows.forEach(r -> out.put(r.get("id"), r));
        return out;
    }
}
