package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.dataset.Text;
import org.newsdesk.resignations.render.Bidi;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Citations;
import org.newsdesk.resignations.render.Dates;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Paginator;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;

/**
 * Turns a fact-check result into a reply, the answer first: the overall verdict and the one point
 * that decides it (with the dataset's value), then the claim as read, then the evidence: each
 * assertion with its verdict, what the dataset holds on that point and its sources (numbered
 * links), the deciding one first, then the list of sources; the footer carries the dataset version, and the title repeats the overall verdict. Only a bounded prefix of the claim is echoed, and every piece
 * of the user's text is escaped; pages follow Discord's limits and long values are split at line
 * or word boundaries, never mid-word.
 */
public final class FactCheckReplies {

    /** Characters of the claim echoed back; the rest is never shown. */
    public static final int CLAIM_SHOWN = 300;
    static final int EXCERPT_SHOWN = 80;
    static final int VALUE_SHOWN = 200;
    static final int NOTE_SHOWN = 200;

    private final Templates t;
    private final Dates dates;
    private final Replies replies;
    public FactCheckReplies(Replies replies) {
        this.replies = replies;
        this.t = replies.templates();
        this.dates = replies.dates();
    }

    public Reply render(Snapshot s, FactCheckResult r, Lang lang) {
        switch (r.status()) {
            case EMPTY -> {
                return replies.userError(lang, "factcheck.empty");
            }
            case NO_TEXT -> {
                return replies.userError(lang, "factcheck.no_text");
            }
            default -> {
            }
        }
        Citations c = replies.citations(s);
        String verdict = verdict(r.overall(), lang);
        StringBuilder d = new StringBuilder();
        // The answer first: the overall verdict and the one point that decides it, with the dataset's value.
        PersonCheck decidingPerson = null;
        Judgement deciding = null;
        int points = 0;
        for (PersonCheck p : r.people()) {
            for (Judgement j : p.judgements()) {
                points++;
                if (deciding == null && j.verdict() == r.overall()) {
                    deciding = j;
                    decidingPerson = p;
                }
            }
        }
        d.append(t.get(lang, "factcheck.decides", "verdict", verdict, "point", decidingLine(s, decidingPerson, deciding, r, lang, c)));
        if (points > 1) {
            d.append('\n').append(t.get(lang, "factcheck.decides_more", "count", points));
        }
        d.append("\n\n");
        String shown = Markdown.userText(r.claim(), CLAIM_SHOWN);
        d.append(t.get(lang, "factcheck.claim", "claim", quote(shown, lang))).append('\n');
        if (r.truncated()) {
            d.append(t.get(lang, "factcheck.truncated", "max", FactChecker.MAX_CLAIM))
                    .append('\n');
        }
        d.append(t.get(lang, "factcheck.scope"));

        // Then the evidence: the deciding point first, the others in the order of the claim.
        List<Card.Field> fields = new ArrayList<>();
        for (PersonCheck p : r.people()) {
            List<Card.Field> own = person(s, p, lang, c);
            if (p == decidingPerson) {
                int at = p.judgements().indexOf(deciding);
                fields.add(0, own.remove(at));
            }
            fields.addAll(own);
        }
        String sources = replies.sourceList(c, lang);
        if (!sources.isEmpty()) {
            fields.add(new Card.Field(t.get(lang, "factcheck.sources"), sources, false));
        }
        List<Card> pages = Paginator.pack(t.get(lang, "factcheck.title", "verdict", verdict), d.toString(), fields,
                replies.footer(s, lang));
        return Reply.answer(pages, Optional.empty());
    }

    /**
     * "Lily Greenberg Call · Date: The dataset holds a different value… Dataset (announced): 15 May 2024 [1]";
     * without a judged point, why nothing could be judged.
     */
    private String decidingLine(Snapshot s, PersonCheck p, Judgement j, FactCheckResult r, Lang lang, Citations c) {
        if (j == null) {
            if (!r.people().isEmpty() && r.people().get(0).entry().isPresent()) {
                Entry e = r.people().get(0).entry().get();
                return t.get(lang, "factcheck.nothing_checkable", "name", e.name().in(lang));
            }
            return t.get(lang, "factcheck.why.no_official");
        }
        String outlet = j.outlet().map(o -> outlet(o, lang)).orElse("");
        StringBuilder b = new StringBuilder(personName(p, lang));
        if (p.entry().isPresent()) {
            b.append(" · ").append(aspect(j, lang));
        }
        b.append(": ").append(t.get(lang, "factcheck.why." + j.why(), "outlet", outlet));
        for (Evidence e : j.ours()) {
            if (e.standing() == Standing.PREFERRED) {
                b.append(' ').append(t.get(lang, "factcheck.standing.preferred")).append(" (").append(field(e.field(), lang))
                        .append("): ").append(value(e, lang)).append(' ').append(c.cite(e.sources()));
                break;
            }
        }
        return b.toString();
    }

    private String verdict(Verdict v, Lang lang) {
        return t.get(lang, "factcheck.verdict." + v.key());
    }

    private static String quote(String s, Lang lang) {
        return lang == Lang.AR ? "«" + s + "»" : "“" + s + "”";
    }

    private String personName(PersonCheck p, Lang lang) {
        if (p.entry().isEmpty()) {
            String typed = Markdown.userText(p.typed(), 100);
            return typed.isEmpty() ? t.get(lang, "factcheck.no_official") : quote(typed, lang);
        }
        Entry e = p.entry().get();
        String name = e.name().in(lang);
        if (p.approximate()) {
            name += " (" + t.get(lang, "factcheck.read_as", "typed", quote(Markdown.userText(p.typed(), 60), lang)) + ")";
        }
        return name;
    }

    /** One field per assertion, named after the person and the point, so each stays well under 1,024 characters. */
    private List<Card.Field> person(Snapshot s, PersonCheck p, Lang lang, Citations c) {
        String name = personName(p, lang);
        List<Card.Field> out = new ArrayList<>();
        if (p.judgements().isEmpty()) {
            out.add(new Card.Field(name, t.get(lang, "factcheck.nothing_checkable",
                    "name", p.entry().map(e -> e.name().in(lang)).orElse("")), false));
            return out;
        }
        for (Judgement j : p.judgements()) {
            StringBuilder b = new StringBuilder(point(s, j, lang, c));
            if (p.entry().isEmpty() && !p.suggestions().isEmpty()) {
                List<String> names = new ArrayList<>();
                for (Entry e : p.suggestions()) {
                    names.add(esc(e.name().in(lang), lang));
                }
                b.append('\n').append(t.get(lang, "factcheck.nearest", "names", String.join(lang == Lang.AR ? "، " : ", ", names)));
            }
            out.add(new Card.Field(p.entry().isEmpty() ? name : name + " · " + aspect(j, lang), b.toString(), false));
        }
        return out;
    }

    private String point(Snapshot s, Judgement j, Lang lang, Citations c) {
        StringBuilder b = new StringBuilder();
        String excerpt = Markdown.userText(j.assertion().excerpt(), EXCERPT_SHOWN);
        if (excerpt.isEmpty()) {
            b.append("**").append(verdict(j.verdict(), lang)).append("**");
        } else {
            b.append("**").append(verdict(j.verdict(), lang)).append("**: ").append(quote(excerpt, lang));
        }
        String outlet = j.outlet().map(o -> outlet(o, lang)).orElse("");
        b.append('\n').append(t.get(lang, "factcheck.why." + j.why(), "outlet", outlet));
        // Long values (dataset texts, citation links) are appended, not passed through a template.
        for (Evidence e : j.ours()) {
            b.append("\n• ").append(t.get(lang, "factcheck.standing." + e.standing().name().toLowerCase(Locale.ROOT)))
                    .append(" (").append(field(e.field(), lang)).append("): ").append(value(e, lang)).append(' ')
                    .append(c.cite(e.sources()));
            if (e.standing() != Standing.PREFERRED && e.note() != null) {
                b.append(" — _").append(esc(Fit.shorten(e.note().in(lang), NOTE_SHOWN), lang)).append('_');
            }
        }
        for (Evidence e : j.carriers()) {
            b.append("\n• ").append(t.get(lang, "factcheck.carried_by", "sources", outlets(s, e.sources(), lang)))
                    .append(": ").append(value(e, lang)).append(' ').append(c.cite(e.sources()));
            if (e.note() != null) {
                b.append(" — _").append(esc(Fit.shorten(e.note().in(lang), NOTE_SHOWN), lang)).append('_');
            }
        }
        if (!j.outletSources().isEmpty()) {
            b.append("\n• ").append(t.get(lang, "factcheck.outlet_sources", "outlet", outlet)).append(": ")
                    .append(c.cite(j.outletSources()));
        }
        return b.toString();
    }

    private String aspect(Judgement j, Lang lang) {
        Aspect a = j.aspect();
        if (a == Aspect.ATTRIBUTION) {
            return t.get(lang, "factcheck.aspect.attribution", "outlet", outlet(j.outlet().orElse(""), lang));
        }
        if (a == Aspect.REASON && j.outlet().isPresent()) {
            return t.get(lang, "factcheck.aspect.reason_by", "outlet", outlet(j.outlet().get(), lang));
        }
        if (a == Aspect.REASON && j.assertion().claimed() instanceof Claimed.Reason r && r.ownWords()) {
            return t.get(lang, "factcheck.aspect.reason_own");
        }
        if (a == Aspect.DATE && j.assertion().claimed() instanceof Claimed.DateOf d && d.role() != Claimed.DateRole.UNSPECIFIED) {
            return t.get(lang, "factcheck.aspect.date") + " (" + t.get(lang, "factcheck.date."
                    + d.role().name().toLowerCase(Locale.ROOT)) + ")";
        }
        return t.get(lang, "factcheck.aspect." + a.key());
    }

    private String outlet(String key, Lang lang) {
        String k = "factcheck.outlet." + key;
        return t.has(lang, k) ? t.get(lang, k) : Markdown.escape(key);
    }

    private String field(Evidence.Field f, Lang lang) {
        return t.get(lang, "factcheck.field." + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private String value(Evidence e, Lang lang) {
        Object v = e.value();
        if (v instanceof Agency a) {
            return esc(a.shortName().in(lang), lang);
        }
        if (v instanceof Departure d) {
            return replies.departure(d, lang);
        }
        if (v instanceof PartialDate d) {
            return dates.format(d, e.part(), lang);
        }
        if (v instanceof Text x) {
            return esc(Fit.shorten(x.in(lang), VALUE_SHOWN), lang);
        }
        return Markdown.escape(String.valueOf(v));
    }

    /** The outlets of the sources carrying a value, by name, without repeats. */
    private String outlets(Snapshot s, List<String> ids, Lang lang) {
        Set<String> names = new LinkedHashSet<>();
        for (String id : ids) {
            s.source(id).ifPresent(src -> names.add(src.kind() == SourceKind.ARTICLE_UNDER_REVIEW
                    ? t.get(lang, "source.kind.article-under-review")
                    : Markdown.escape(Bidi.isolate(Fit.shorten(lead(s.outletName(src, lang)), 60), lang))));
        }
        return String.join(lang == Lang.AR ? "؛ " : "; ", names);
    }

    /** "arabkhabar.com, citing Sky News Arabia (Arabic text …)" → "arabkhabar.com, citing Sky News Arabia". */
    private static String lead(String outlet) {
        int cut = outlet.length();
        for (char ch : new char[]{'(', ':'}) {
            int i = outlet.indexOf(ch);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return outlet.substring(0, cut).strip();
    }

    private static String esc(String s, Lang lang) {
        return Markdown.escape(lang == Lang.AR ? Replies.isolateLatinRuns(s) : s);
    }
}
