package org.newsdesk.resignations.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.LocalAddress;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.dataset.TextChars;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.search.Normalizer;

/**
 * The checks an editor's fields get before anything is built from them, each problem said
 * against the field it is in. These are stricter than the dataset's rules where a typo is
 * likely (a date before the war, a link without https) and say what to type instead; the built
 * entry is then validated like a file as well.
 */
public final class FieldCheck {

    /** The war the dataset covers began on 7 October 2023; an earlier departure is a typo here. */
    public static final LocalDate EARLIEST = LocalDate.of(2023, 10, 7);

    private FieldCheck() {
    }

    /**
     * The fields as they will be stored: surrounding space stripped, runs of spaces (and, in
     * one-line fields, line breaks) made one space, control characters dropped.
     */
    public static Map<Field, String> clean(Map<Field, String> raw) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        raw.forEach((f, v) -> out.put(f, clean(f, v)));
        return out;
    }

    static String clean(Field f, String v) {
        if (v == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().forEach(c -> {
            if (c == '\n' && f.paragraph()) {
                b.append('\n');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                b.append(' ');
            } else if (Character.getType(c) != Character.CONTROL && !isInvisible(c)) {
                b.appendCodePoint(c);
            }
        });
        String out = b.toString().replaceAll(" +", " ").replaceAll(" ?\n ?", "\n").replaceAll("\n{3,}", "\n\n").strip();
        return f == Field.SOURCE_URL ? lowerScheme(out) : out;
    }

    /** "HTTPS://…" is the same address; the dataset writes the scheme in lower case. */
    private static String lowerScheme(String url) {
        int colon = url.indexOf(':');
        if (colon > 0) {
            String scheme = url.substring(0, colon);
            if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) {
                return scheme.toLowerCase(Locale.ROOT) + url.substring(colon);
            }
        }
        return url;
    }

    /** Bidi and zero-width controls that would make a name look like another (kept out of the data). */
    private static boolean isInvisible(int c) {
        return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF || c == 0x061C;
    }

    /** Problems in the fields of one step; empty when the step is fine. */
    public static List<Flaw> check(Field.Step step, Map<Field, String> values, Directory dir, LocalDate today) {
        List<Flaw> out = new ArrayList<>();
        for (Field f : step.fields()) {
            String v = values.getOrDefault(f, "");
            if (v.isEmpty()) {
                out.add(Flaw.of(f, "add.flaw.empty"));
                continue;
            }
            if (v.length() > f.maxLength()) {
                out.add(Flaw.of(f, "add.flaw.too_long", "max", f.maxLength(), "length", v.length()));
                continue;
            }
            if (f != Field.DATE && f != Field.SOURCE_URL && TextChars.startsLikeFormula(v)) {
                // a spreadsheet opening the CSV export would run it (the export neutralises it too)
                out.add(Flaw.of(f, "add.flaw.formula", "first", String.valueOf(v.charAt(0))));
                continue;
            }
            switch (f) {
                case NAME_EN, TITLE_EN, REASON_EN -> english(f, v, f == Field.NAME_EN).ifPresent(out::add);
                case NAME_AR, TITLE_AR, REASON_AR -> arabic(f, v, f == Field.NAME_AR).ifPresent(out::add);
                case AGENCY -> agency(v, dir).ifPresent(out::add);
                case DATE -> date(v, today).ifPresent(out::add);
                case SOURCE_URL -> url(v).ifPresent(out::add);
                case OUTLET -> {
                    if (v.codePoints().noneMatch(Character::isLetterOrDigit)) {
                        out.add(Flaw.of(f, "add.flaw.outlet"));
                    }
                }
            }
        }
        if (step == Field.Step.WHO && out.stream().noneMatch(x -> x.field() == Field.NAME_EN || x.field() == Field.NAME_AR)) {
            existing(values.get(Field.NAME_EN), values.get(Field.NAME_AR), dir.snapshot().entries()).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Flaw> english(Field f, String v, boolean name) {
        boolean arabic = v.codePoints().anyMatch(Scripts::isArabic);
        if (!Scripts.hasLatin(v) || (name ? arabic : Scripts.mostlyArabic(v))) {
            return Optional.of(Flaw.of(f, "add.flaw.not_english"));
        }
        return Optional.empty();
    }

    private static Optional<Flaw> arabic(Field f, String v, boolean name) {
        boolean arabic = v.codePoints().anyMatch(Scripts::isArabic);
        if (!arabic || (name ? Scripts.hasLatin(v) : !Scripts.mostlyArabic(v))) {
            return Optional.of(Flaw.of(f, "add.flaw.not_arabic"));
        }
        return Optional.empty();
    }

    private static Optional<Flaw> agency(String v, Directory dir) {
        if (dir.agency(v).isPresent()) {
            return Optional.empty();
        }
        List<String> known = dir.snapshot().agencies().stream().map(Agency::id).toList();
        return Optional.of(Flaw.of(Field.AGENCY, "add.flaw.agency", "typed", v, "known", String.join(", ", known)));
    }

    private static Optional<Flaw> date(String v, LocalDate today) {
        Optional<PartialDate> d = PartialDate.typed(v);
        if (d.isEmpty()) {
            return Optional.of(Flaw.of(Field.DATE, "add.flaw.date", "typed", v));
        }
        if (d.get().earliestDay().isAfter(today)) {
            return Optional.of(Flaw.of(Field.DATE, "add.flaw.date_future", "date", d.get().toString(), "today", today.toString()));
        }
        if (d.get().latestDay().isBefore(EARLIEST)) {
            return Optional.of(Flaw.of(Field.DATE, "add.flaw.date_early", "date", d.get().toString()));
        }
        return Optional.empty();
    }

    /** An absolute http(s) link with a host, no spaces and no user name or password in it. */
    private static Optional<Flaw> url(String v) {
        Flaw bad = Flaw.of(Field.SOURCE_URL, "add.flaw.url", "typed", v);
        if (v.chars().anyMatch(c -> c <= ' ')) {
            return Optional.of(bad);
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || u.getHost() == null || !u.getHost().contains(".")
                    || u.getRawUserInfo() != null) {
                return Optional.of(bad);
            }
            if (LocalAddress.of(v).isPresent()) {
                // the dataset refuses it too; said here against the field
                return Optional.of(Flaw.of(Field.SOURCE_URL, "add.flaw.url_local", "typed", v));
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(bad);
        }
    }

    /** The person is already among {@code entries} under either name (spelling differences folded). */
    public static Optional<Flaw> existing(String en, String ar, List<Entry> entries) {
        String nen = Normalizer.normalize(en == null ? "" : en);
        String nar = Normalizer.normalize(ar == null ? "" : ar);
        for (Entry e : entries) {
            boolean same = Normalizer.normalize(e.name().en()).equals(nen) || Normalizer.normalize(e.name().ar()).equals(nar);
            if (same) {
                return Optional.of(Flaw.of(Field.NAME_EN, "add.flaw.exists", "name", e.name().en(), "id", e.id()));
            }
        }
        return Optional.empty();
    }
}
