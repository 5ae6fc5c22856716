package org.newsdesk.resignations.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.dataset.TextChars;
import org.newsdesk.resignations.render.Templates;

/**
 * One row per entry, in the timeline's order, for spreadsheets: UTF-8 with a byte-order mark (so
 * Excel reads the Arabic), RFC 4180 quoting, CRLF line ends. Each fact gives the value the dataset
 * stands behind and its status; the README lists the columns. A cell that a spreadsheet would
 * take for a formula is neutralised (see {@link #cell}).
 */
public final class CsvExport {

    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    public static final char BOM = '\uFEFF';

    public static final List<String> COLUMNS = List.of(
            "id", "name_en", "name_ar", "agency_id", "agency_en", "agency_ar",
            "departure", "departure_status",
            "title_en", "title_ar", "title_status",
            "office_en", "office_ar", "office_status",
            "announced", "announced_part", "announced_status",
            "effective", "effective_part", "effective_status",
            "stated_reason_en", "stated_reason_ar", "stated_reason_status",
            "reported_reason_en", "reported_reason_ar", "reported_reason_status",
            "in_article", "confidence", "added", "rejected_values", "source_urls");

    private final Templates t;

    public CsvExport(Templates templates) {
        this.t = templates;
    }

    public static CSVFormat format() {
        return CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get();
    }

    public byte[] write(Snapshot s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            w.write(BOM);   // before the printer, which writes the header as soon as it exists
            try (CSVPrinter csv = new CSVPrinter(w, format())) {
                for (List<String> row : rows(s)) {
                    csv.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The cells, one list per entry, in {@link #COLUMNS} order. */
    public List<List<String>> rows(Snapshot s) {
        List<List<String>> out = new ArrayList<>();
        for (Entry e : s.chronological()) {
            out.add(row(s, e));
        }
        return out;
    }

    private List<String> row(Snapshot s, Entry e) {
        List<String> r = new ArrayList<>(COLUMNS.size());
        Optional<Agency> agency = s.agency(e.agency());
        r.add(e.id());
        r.add(e.name().en());
        r.add(e.name().ar());
        r.add(e.agency());
        r.add(agency.map(a -> a.shortName().en()).orElse(""));
        r.add(agency.map(a -> a.shortName().ar()).orElse(""));
        code(r, e.departure(), CsvExport::departureCode);
        text(r, e.title());
        text(r, e.office());
        date(r, e.announced());
        date(r, e.effective());
        text(r, e.statedReason());
        text(r, e.reportedReason());
        r.add(Boolean.toString(e.inArticle()));
        r.add(e.confidence() == null ? "" : e.confidence().name().toLowerCase(Locale.ROOT));
        r.add(e.added() == null ? "" : e.added().toString());
        r.add(Integer.toString(rejectedValues(e)));
        r.add(String.join(" ", sourceUrls(s, e)));
        r.replaceAll(CsvExport::cell);
        return r;
    }

    /**
     * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
     * return: OWASP's list) gets a leading single quote, which shows it as text. The loader and
     * the intake refuse such names, but titles, reasons and older files may still carry one. No
     * cell of this export is a number, so no negative number is changed.
     */
    static String cell(String value) {
        return TextChars.startsLikeFormula(value) ? "'" + value : value;
    }

    /** Text facts: the preferred value in both languages, or "contested" in words when there is none. */
    private void text(List<String> r, Fact<Text> f) {
        if (f == null) {
            r.add("");
            r.add("");
            r.add("");
            return;
        }
        Optional<Attested<Text>> p = f.preferred();
        r.add(p.map(v -> v.value().en()).orElse(t.get(Lang.EN, "export.csv.contested")));
        r.add(p.map(v -> v.value().ar()).orElse(t.get(Lang.AR, "export.csv.contested")));
        r.add(status(f));
    }

    /** Dates at their own precision (2024, 2024-05, 2024-05-15) and part of month; empty when contested. */
    private static void date(List<String> r, Fact<PartialDate> f) {
        if (f == null) {
            r.add("");
            r.add("");
            r.add("");
            return;
        }
        Optional<Attested<PartialDate>> p = f.preferred();
        r.add(p.map(v -> v.value().toString()).orElse(""));
        r.add(p.map(v -> v.part() == null ? "" : v.part().name().toLowerCase(Locale.ROOT)).orElse(""));
        r.add(status(f));
    }

    private static <T> void code(List<String> r, Fact<T> f, Function<T, String> code) {
        if (f == null) {
            r.add("");
            r.add("");
            return;
        }
        r.add(f.preferred().map(v -> code.apply(v.value())).orElse(""));
        r.add(status(f));
    }

    /** The dataset's own spelling: resigned, pushed_out, military_separation… */
    static String departureCode(Departure d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    static String status(Fact<?> f) {
        return f.status().name().toLowerCase(Locale.ROOT);
    }

    static List<Fact<?>> facts(Entry e) {
        List<Fact<?>> out = new ArrayList<>();
        for (Fact<?> f : new Fact<?>[]{e.departure(), e.title(), e.office(), e.announced(), e.effective(),
                e.statedReason(), e.reportedReason()}) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static int rejectedValues(Entry e) {
        return facts(e).stream().mapToInt(f -> f.rejected().size()).sum();
    }

    /** URLs of the sources of every value the dataset stands behind, each once, in the order of the facts. */
    private static List<String> sourceUrls(Snapshot s, Entry e) {
        Set<String> urls = new LinkedHashSet<>();
        for (Fact<?> f : facts(e)) {
            f.preferred().ifPresent(p -> p.sources().forEach(id -> s.source(id).map(Source::url)
                    .filter(u -> u != null && !u.isBlank()).ifPresent(urls::add)));
        }
        return new ArrayList<>(urls);
    }
}
