package org.newsdesk.resignations.intake;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;

/**
 * Turns a checked draft into a dataset entry and its one source. Every fact cites that source,
 * as the dataset requires; what the form does not ask is said plainly rather than guessed: the
 * office is the agency, the outlets' account is the stated reason, and the confidence is
 * "medium" with a note that one source stands behind it and nobody has reviewed it yet.
 */
public final class EntryBuilder {

    /** An entry and the source its facts cite. */
    public record Built(Entry entry, Source source, Agency agency) {
    }

    private final Templates templates;

    public EntryBuilder(Templates templates) {
        this.templates = templates;
    }

    /** @param draft a draft whose two steps passed {@link FieldCheck} */
    public Built build(Draft draft, Directory dir, LocalDate today) {
        return build(draft, dir, today, id -> false);
    }

    /** @param taken ids used elsewhere too (the additions file, when it is not being served) */
    public Built build(Draft draft, Directory dir, LocalDate today, Predicate<String> taken) {
        Snapshot s = dir.snapshot();
        Agency agency = dir.agency(draft.value(Field.AGENCY)).orElseThrow(
                () -> new IllegalArgumentException("the agency was checked before building"));
        PartialDate date = PartialDate.typed(draft.value(Field.DATE)).orElseThrow(
                () -> new IllegalArgumentException("the date was checked before building"));
        String id = unique(slug(draft.value(Field.NAME_EN)), x -> s.entry(x).isPresent() || taken.test(x));
        String outlet = draft.value(Field.OUTLET);
        String language = draft.sourceLanguage().orElse(Scripts.mostlyArabic(outlet) ? "ar" : "en");
        String sourceId = unique("desk-" + id + "-" + today.toString().replace("-", ""),
                x -> s.source(x).isPresent() || taken.test(x));
        Source source = new Source(sourceId, outlet, draft.value(Field.SOURCE_URL), null, language, draft.sourceKind(),
                text("add.source.note", "date", today.toString()), null, null);
        List<String> cites = List.of(sourceId);
        // what the outlet reported is the reason as it gives it, said as its account
        Text reported = new Text(
                templates.get(Lang.EN, "add.entry.reported", "outlet", outlet, "reason", draft.value(Field.REASON_EN)),
                templates.get(Lang.AR, "add.entry.reported", "outlet", outlet, "reason", draft.value(Field.REASON_AR)));
        Entry entry = new Entry(
                id,
                today,
                new Text(draft.value(Field.NAME_EN), draft.value(Field.NAME_AR)),
                List.of(),
                agency.id(),
                false,
                Confidence.MEDIUM,
                text("add.entry.confidence", "date", today.toString(), "outlet", outlet),
                fact(draft.departure(), cites),
                fact(agency.name(), cites),
                fact(new Text(draft.value(Field.TITLE_EN), draft.value(Field.TITLE_AR)), cites),
                fact(date, cites),
                null,
                fact(new Text(draft.value(Field.REASON_EN), draft.value(Field.REASON_AR)), cites),
                fact(reported, cites),
                List.of());
        return new Built(entry, source, agency);
    }

    private Text text(String key, Object... args) {
        return new Text(templates.get(Lang.EN, key, args), templates.get(Lang.AR, key, args));
    }

    private static <T> Fact<T> fact(T value, List<String> sources) {
        return new Fact<>(List.of(new Attested<>(value, null, sources, Standing.PREFERRED, null, null)), null);
    }

    /** "Hala Rharrit" → "hala-rharrit"; accents dropped; never empty. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 60) {
            s = s.substring(0, 60).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "entry" : s;
    }

    private static String unique(String base, Predicate<String> taken) {
        String id = base;
        for (int n = 2; taken.test(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
