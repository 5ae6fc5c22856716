package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Note;
import org.newsdesk.resignations.dataset.Snapshot;

/**
 * The fields of the who reply as it was before the card (commit d417153, Replies.who), kept
 * verbatim so a test can check that the full record still shows every fact and source it showed.
 */
final class LegacyWho {

    private final Replies replies;
    private final Templates t;
    private final Dates dates;

    LegacyWho(Replies replies) {
        this.replies = replies;
        this.t = replies.templates();
        this.dates = replies.dates();
    }

    List<Card.Field> fields(Snapshot s, Entry e, Lang lang) {
        Citations c = replies.citations(s);
        List<Card.Field> fields = new ArrayList<>();
        fields.add(field(lang, "who.field.departure", fact(e.departure(), v -> t.get(lang, "departure." + v.value().key()), lang, c)));
        fields.add(field(lang, "who.field.title", fact(e.title(), v -> esc(v.value().in(lang), lang), lang, c)));
        fields.add(field(lang, "who.field.office", fact(e.office(), v -> esc(v.value().in(lang), lang), lang, c)));
        fields.add(field(lang, "who.field.announced", fact(e.announced(), v -> dates.format(v.value(), v.part(), lang), lang, c)));
        fields.add(field(lang, "who.field.effective", e.effective() == null
                ? t.get(lang, "who.effective_unknown")
                : fact(e.effective(), v -> dates.format(v.value(), v.part(), lang), lang, c)));
        fields.add(field(lang, "who.field.stated", fact(e.statedReason(), v -> esc(v.value().in(lang), lang), lang, c)));
        fields.add(field(lang, "who.field.reported", fact(e.reportedReason(), v -> esc(v.value().in(lang), lang), lang, c)));
        if (!e.notes().isEmpty()) {
            StringBuilder notes = new StringBuilder();
            for (Note n : e.notes()) {
                notes.append("• ").append(esc(n.text().in(lang), lang)).append(' ').append(c.cite(n.sources())).append('\n');
            }
            fields.add(field(lang, "who.field.notes", notes.toString().strip()));
        }
        fields.add(field(lang, "who.field.sources", replies.sourceList(c, lang)));
        return fields;
    }

    private Card.Field field(Lang lang, String key, String value) {
        return new Card.Field(t.get(lang, key), value, false);
    }

    private <T> String fact(Fact<T> f, Function<Attested<T>, String> show, Lang lang, Citations c) {
        StringBuilder b = new StringBuilder();
        switch (f.status()) {
            case SETTLED, DISPUTED -> {
                Attested<T> p = f.preferred().orElseThrow();
                b.append(show.apply(p)).append(' ').append(c.cite(p.sources()));
                noteOf(p, lang, b);
                for (Attested<T> alt : f.alternatives()) {
                    b.append('\n').append(t.get(lang, "fact.disputed")).append(' ')
                            .append(show.apply(alt)).append(' ').append(c.cite(alt.sources()));
                    noteOf(alt, lang, b);
                }
            }
            case CONTESTED -> {
                b.append(t.get(lang, "fact.contested"));
                for (Attested<T> alt : f.alternatives()) {
                    b.append("\n• ").append(show.apply(alt)).append(' ').append(c.cite(alt.sources()));
                    noteOf(alt, lang, b);
                }
            }
        }
        for (Attested<T> r : f.rejected()) {
            b.append('\n').append(t.get(lang, "fact.rejected")).append(' ').append(show.apply(r))
                    .append(' ').append(c.cite(r.sources()));
            noteOf(r, lang, b);
        }
        if (f.note() != null) {
            b.append("\n_").append(esc(f.note().in(lang), lang)).append('_');
        }
        return b.toString();
    }

    private void noteOf(Attested<?> a, Lang lang, StringBuilder b) {
        if (a.note() != null) {
            b.append(" — _").append(esc(a.note().in(lang), lang)).append('_');
        }
    }

    private static String esc(String s, Lang lang) {
        return Replies.esc(s, lang);
    }
}
