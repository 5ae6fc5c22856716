package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Note;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Standing;

/**
 * Everything the dataset holds on one official, behind the card's "Full record" button and in
 * {@code who … detail:true}: every value of every fact with its standing, notes and sources, the
 * notes for the desk, and every source. Sections are packed into pages of one description each;
 * a section too long for a page goes on over the next one, never under a repeated heading.
 */
final class FullRecord {

    private final Replies replies;
    private final Templates t;
    private final Dates dates;

    FullRecord(Replies replies) {
        this.replies = replies;
        this.t = replies.templates();
        this.dates = replies.dates();
    }

    List<Card> build(Snapshot s, Entry e, Lang lang) {
        Citations c = replies.citations(s);
        List<String> sections = new ArrayList<>();

        List<String> lead = new ArrayList<>();
        Agency agency = s.agency(e.agency()).orElseThrow();
        lead.add("**" + Replies.esc(agency.name().in(lang), lang) + "**");
        // Only a title the dataset stands behind goes in the lead; a contested one is in its section.
        e.title().preferred().ifPresent(v -> lead.add(Replies.esc(v.value().in(lang), lang)
                + (e.title().status() == Fact.Status.SETTLED ? "" : " " + t.get(lang, "fact.disputed_mark"))));
        if (e.confidence() != Confidence.HIGH) {
            lead.add(t.get(lang, "who.confidence." + e.confidence().name().toLowerCase(Locale.ROOT))
                    + (e.confidenceNote() == null ? "" : " " + Replies.esc(e.confidenceNote().in(lang), lang)));
        }
        lead.add(t.get(lang, e.isInArticle() ? "who.in_article" : "who.not_in_article"));
        sections.add(String.join("\n", lead));

        sections.add(section(lang, "who.field.departure", fact(e.departure(), v -> replies.departure(v.value(), lang), lang, c)));
        sections.add(section(lang, "who.field.title", fact(e.title(), v -> Replies.esc(v.value().in(lang), lang), lang, c)));
        sections.add(section(lang, "who.field.office", fact(e.office(), v -> Replies.esc(v.value().in(lang), lang), lang, c)));
        sections.add(section(lang, "who.field.announced", fact(e.announced(), v -> dates.format(v.value(), v.part(), lang), lang, c)));
        sections.add(section(lang, "who.field.effective", e.effective() == null
                ? t.get(lang, "who.effective_unknown")
                : fact(e.effective(), v -> dates.format(v.value(), v.part(), lang), lang, c)));
        sections.add(section(lang, "who.field.stated", fact(e.statedReason(), v -> Replies.esc(v.value().in(lang), lang), lang, c)));
        sections.add(section(lang, "who.field.reported", fact(e.reportedReason(), v -> Replies.esc(v.value().in(lang), lang), lang, c)));
        if (!e.notes().isEmpty()) {
            StringBuilder notes = new StringBuilder();
            for (Note n : e.notes()) {
                notes.append("• ").append(Replies.esc(n.text().in(lang), lang)).append(' ').append(c.cite(n.sources())).append('\n');
            }
            sections.add(section(lang, "who.field.notes", notes.toString().strip()));
        }
        sections.add(section(lang, "who.field.sources", replies.sourceList(c, lang)));

        String title = Fit.shorten(t.get(lang, "record.title", "name", Replies.whoTitle(e, lang)), Limits.TITLE);
        return pages(title, sections, replies.footer(s, lang));
    }

    private String section(Lang lang, String key, String body) {
        return "**" + t.get(lang, key) + "**\n" + body;
    }

    /** Sections in order, as many to a page as fit; a section longer than a page is split at lines or words. */
    static List<Card> pages(String title, List<String> sections, BiFunction<Integer, Integer, String> footer) {
        // Room for the text of a page: Discord's description limit, and the embed total less title and footer.
        int room = Math.min(Limits.DESCRIPTION, Limits.EMBED_TOTAL - title.length() - footer.apply(99, 99).length());
        List<String> texts = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        for (String section : sections) {
            for (String part : Fit.split(section, room)) {
                int needed = (page.isEmpty() ? 0 : 2) + part.length();
                if (!page.isEmpty() && page.length() + needed > room) {
                    texts.add(page.toString());
                    page.setLength(0);
                }
                page.append(page.isEmpty() ? "" : "\n\n").append(part);
            }
        }
        if (!page.isEmpty() || texts.isEmpty()) {
            texts.add(page.toString());
        }
        List<Card> cards = new ArrayList<>(texts.size());
        for (int p = 0; p < texts.size(); p++) {
            cards.add(new Card(title, texts.get(p), List.of(), Fit.shorten(footer.apply(p + 1, texts.size()), Limits.FOOTER)));
        }
        return cards;
    }

    /** One fact: what the dataset stands behind, what is disputed, what it rejects and why. */
    private <T> String fact(Fact<T> f, Function<Attested<T>, String> show, Lang lang, Citations c) {
        StringBuilder b = new StringBuilder();
        switch (f.status()) {
            case SETTLED, DISPUTED, UNCONFIRMED -> {
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
        // A standing other than preferred, alternative or rejected (a later dataset may add one) is shown under its own label.
        for (Attested<T> v : f.values()) {
            Standing st = v.standing();
            if (st != Standing.PREFERRED && st != Standing.ALTERNATIVE && st != Standing.REJECTED) {
                String key = "record.standing." + st.name().toLowerCase(Locale.ROOT);
                b.append('\n').append(t.get(lang, t.has(lang, key) ? key : "fact.disputed")).append(' ')
                        .append(show.apply(v)).append(' ').append(c.cite(v.sources()));
                noteOf(v, lang, b);
            }
        }
        for (Attested<T> r : f.rejected()) {
            b.append('\n').append(t.get(lang, "fact.rejected")).append(' ').append(show.apply(r))
                    .append(' ').append(c.cite(r.sources()));
            noteOf(r, lang, b);
        }
        if (f.note() != null) {
            b.append("\n_").append(Replies.esc(f.note().in(lang), lang)).append('_');
        }
        return b.toString();
    }

    private void noteOf(Attested<?> a, Lang lang, StringBuilder b) {
        if (a.note() != null) {
            b.append(" — _").append(Replies.esc(a.note().in(lang), lang)).append('_');
        }
    }
}
