package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Note;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.dataset.Text;

/**
 * The first screen of a {@code who} answer, wire style: who and what in one line; what the
 * official said; what outlets reported, outlet first; the source article's errors about this
 * person as corrections; then the sources the card cites, numbered, outlet names linked. One
 * embed of at most {@link #MAX} characters: texts are shortened (whole sentences first) until it
 * fits, and everything else is in the full record.
 */
final class WhoCard {

    /** The whole card (title, text, footer): short enough to read at a glance. */
    static final int MAX = 1500;

    /**
     * How much of each text the card keeps, from the most generous to the tightest; the first
     * that fits is used.
     *
     * @param sentences whole sentences kept of a reason or a note
     * @param text      characters kept of a reason, a correction's "said" and "right"
     * @param title     characters kept of the job title
     * @param others    whether errors of outlets other than the source article are shown
     * @param links     whether the sources list links the outlets (dropped only as a last resort)
     */
    private record Level(int sentences, int text, int title, boolean others, boolean links) {
    }

    private static final List<Level> LEVELS = List.of(
            new Level(2, 300, 200, true, true),
            new Level(2, 220, 140, true, true),
            new Level(1, 200, 120, true, true),
            new Level(1, 160, 100, false, true),
            new Level(1, 120, 90, false, true),
            new Level(1, 90, 70, false, true),
            new Level(1, 60, 50, false, true),
            new Level(1, 60, 50, false, false));

    private final Replies replies;
    private final Templates t;
    private final Dates dates;

    WhoCard(Replies replies) {
        this.replies = replies;
        this.t = replies.templates();
        this.dates = replies.dates();
    }

    Card build(Snapshot s, Entry e, Lang lang) {
        String title = Fit.shorten(Replies.whoTitle(e, lang), Limits.TITLE);
        String footer = replies.footer(s, lang).apply(1, 1);
        String text = "";
        for (Level level : LEVELS) {
            text = describe(s, e, lang, level);
            if (title.length() + text.length() + footer.length() <= MAX) {
                return new Card(title, text, List.of(), footer);
            }
        }
        // Only for data far beyond anything bundled: whole lines go from the end until it fits.
        List<String> lines = new ArrayList<>(text.lines().toList());
        while (lines.size() > 1 && title.length() + String.join("\n", lines).length() + footer.length() > MAX) {
            lines.remove(lines.size() - 1);
        }
        return new Card(title, Fit.shorten(String.join("\n", lines), MAX - title.length() - footer.length()), List.of(), footer);
    }

    private String describe(Snapshot s, Entry e, Lang lang, Level level) {
        Citations c = replies.citations(s);
        StringBuilder b = new StringBuilder();
        b.append(whoAndWhat(s, e, lang, level, c));

        if (e.statedReason() != null && e.statedReason().primary().isPresent()) {
            Attested<Text> said = e.statedReason().primary().get();
            b.append("\n\n**").append(t.get(lang, "card.said")).append("** ")
                    .append(text(said.value().in(lang), lang, level))
                    .append(cite(s, said.sources(), c, true))
                    .append(mark(e.statedReason(), said, lang));
        }

        List<Attested<Text>> reported = credible(e.reportedReason());
        if (!reported.isEmpty()) {
            b.append("\n\n**").append(t.get(lang, "card.reported")).append("**");
            if (e.reportedReason().status() == Fact.Status.CONTESTED) {
                b.append(' ').append(t.get(lang, "card.mark.contested"));
            }
            for (Attested<Text> r : reported) {
                String source = r.sources().isEmpty() ? "" : pick(s, r.sources(), c, false);
                b.append(reported.size() == 1 ? " " : "\n• ").append(outletFirst(s, source, r.value().in(lang), lang, level))
                        .append(cite(s, r.sources(), c, false));
                if (e.reportedReason().status() == Fact.Status.DISPUTED) {
                    b.append(mark(e.reportedReason(), r, lang));
                }
            }
        }

        List<String> corrections = corrections(s, e, lang, level, c);
        if (!corrections.isEmpty()) {
            b.append("\n\n**").append(t.get(lang, "card.correction")).append("**");
            for (String line : corrections) {
                b.append(corrections.size() == 1 ? " " : "\n• ").append(line);
            }
        }

        b.append("\n\n**").append(t.get(lang, "card.sources")).append("**");
        for (Source src : c.cited()) {
            b.append('\n').append(Bidi.rtlMark(lang)).append("\\[").append(c.number(src.id())).append("\\] ");
            String name = outletName(s, src, lang);
            if (src.url() != null && level.links()) {
                b.append('[').append(Markdown.escape(name)).append("](").append(replies.safeUrl(src.url())).append(')');
            } else {
                b.append(Markdown.escape(name));
            }
        }
        return b.toString();
    }

    /** "**Andrew Miller** · Deputy Assistant Secretary … · State Department — Resigned · made public 21 June 2024 [1] · effective late June 2024 [2] (disputed)" */
    private String whoAndWhat(Snapshot s, Entry e, Lang lang, Level level, Citations c) {
        StringBuilder b = new StringBuilder("**").append(Replies.esc(e.name().in(lang), lang)).append("**");
        Optional<Attested<Text>> jobTitle = e.title() == null ? Optional.empty() : e.title().preferred();
        if (jobTitle.isPresent()) {
            b.append(" · ").append(Replies.esc(Fit.shorten(jobTitle.get().value().in(lang), level.title()), lang))
                    .append(mark(e.title(), jobTitle.get(), lang));
        } else if (e.title() != null && !credible(e.title()).isEmpty()) {
            // a title the sources disagree on is not stated as fact, not even on the card
            b.append(" · ").append(t.get(lang, "card.title_contested"));
        }
        s.agency(e.agency()).map(Agency::shortName)
                .ifPresent(a -> b.append(" · ").append(Replies.esc(a.in(lang), lang)));
        b.append(" — ");
        b.append(dated(s, e.departure(), v -> replies.departure(v.value(), lang), "card.departure_contested", lang, c, false));
        b.append(" · ").append(t.get(lang, "card.made_public", "date",
                dated(s, e.announced(), v -> dates.format(v.value(), v.part(), lang), "card.date_contested", lang, c, true)));
        if (e.effective() == null || e.effective().primary().isEmpty()) {
            b.append(" · ").append(t.get(lang, "card.effective_unknown"));
        } else {
            b.append(" · ").append(t.get(lang, "card.effective", "date",
                    dated(s, e.effective(), v -> dates.format(v.value(), v.part(), lang), "card.date_contested", lang, c, true)));
        }
        if (e.confidence() != null && e.confidence() != Confidence.HIGH) {
            b.append(" · ").append(t.get(lang, "who.confidence." + e.confidence().name().toLowerCase(Locale.ROOT)));
        }
        return b.toString();
    }

    /** The value the dataset stands behind, with one source and a word when it is disputed; a word alone when contested. */
    private <T> String dated(Snapshot s, Fact<T> f, Function<Attested<T>, String> show, String contestedKey, Lang lang,
                             Citations c, boolean cite) {
        if (f == null || f.primary().isEmpty()) {
            return t.get(lang, "date.unknown");
        }
        Optional<Attested<T>> p = f.preferred();
        if (p.isEmpty()) {
            return t.get(lang, contestedKey);
        }
        String shown = show.apply(p.get());
        if (cite) {
            shown += cite(s, p.get().sources(), c, false);
        }
        return shown + mark(f, p.get(), lang);
    }

    /** A word on a value the sources do not settle: "(disputed)", "(contested)", or the word for its own standing. */
    private String mark(Fact<?> f, Attested<?> v, Lang lang) {
        if (f.status() == Fact.Status.SETTLED) {
            return "";
        }
        if (f.status() == Fact.Status.CONTESTED) {
            return " " + t.get(lang, "card.mark.contested");
        }
        if (f.status() == Fact.Status.UNCONFIRMED) {
            // the value shown stands; only another one (Miller's 30 June) is unconfirmed, so the card does not say "disputed"
            return " " + t.get(lang, "card.mark.other_unconfirmed");
        }
        String key = "card.mark." + v.standing().name().toLowerCase(Locale.ROOT);
        boolean own = v.standing() != Standing.PREFERRED && v.standing() != Standing.ALTERNATIVE && t.has(lang, key);
        return " " + t.get(lang, own ? key : "card.mark.disputed");
    }

    /** Values a reader may be told (preferred first); an absent fact has none. */
    private static <T> List<Attested<T>> credible(Fact<T> f) {
        return f == null ? List.of() : f.credible();
    }

    /** "**CNN**: he 'is not believed to be leaving…'", the outlet not repeated when the text starts with it. */
    private String outletFirst(Snapshot s, String sourceId, String value, Lang lang, Level level) {
        String outlet = s.source(sourceId).map(src -> outletName(s, src, lang)).orElse("");
        String v = value.strip();
        if (!outlet.isEmpty() && v.regionMatches(true, 0, outlet, 0, outlet.length())) {
            String rest = v.substring(outlet.length());
            return "**" + Markdown.escape(Bidi.isolate(outlet, lang)) + "**"
                    + Replies.esc(text(rest, level.sentences(), level.text() - outlet.length()), lang);
        }
        return "**" + Markdown.escape(Bidi.isolate(outlet, lang)) + "**: " + text(v, lang, level);
    }

    private String text(String s, Lang lang, Level level) {
        return Replies.esc(text(s, level.sentences(), level.text()), lang);
    }

    private static String text(String s, int sentences, int max) {
        return Fit.sentences(s, sentences, Math.max(20, max));
    }

    /**
     * One line per value the dataset rejects: the source article's first (what it said, what is
     * right, the source of what is right), then the notes marked as correcting the article, then,
     * when there is room, other outlets' errors.
     */
    private List<String> corrections(Snapshot s, Entry e, Lang lang, Level level, Citations c) {
        List<String> article = new ArrayList<>();
        List<String> others = new ArrayList<>();
        Function<Attested<Text>, String> shortText = v -> Replies.esc(text(v.value().in(lang), 1, level.text()), lang);
        Function<Attested<Text>, String> reason = v -> text(v.value().in(lang), lang, level);
        Function<Attested<PartialDate>, String> date = v -> dates.format(v.value(), v.part(), lang);
        correct(s, e.departure(), v -> replies.departure(v.value(), lang), false, lang, level, c, article, others);
        correct(s, e.title(), shortText, false, lang, level, c, article, others);
        correct(s, e.office(), shortText, false, lang, level, c, article, others);
        correct(s, e.announced(), date, false, lang, level, c, article, others);
        correct(s, e.effective(), date, false, lang, level, c, article, others);
        correct(s, e.statedReason(), reason, true, lang, level, c, article, others);
        correct(s, e.reportedReason(), reason, true, lang, level, c, article, others);
        // errors of the article the dataset records as notes: the note says what it said and what
        // is right, so it gets the room of both halves of a rejected value's line
        for (Note n : e.notes()) {
            if (n.correctsArticle()) {
                article.add(Replies.esc(text(n.text().in(lang), level.sentences(), 2 * level.text()), lang)
                        + cite(s, n.sources(), c, false));
            }
        }
        if (level.others()) {
            article.addAll(others);
        }
        return article;
    }

    /**
     * @param reason for a reason, what is right is the rejected value's note (why it is wrong), not
     *               another outlet's account; for a date, title or office it is the value the dataset stands behind
     */
    private <T> void correct(Snapshot s, Fact<T> f, Function<Attested<T>, String> show, boolean reason, Lang lang,
                             Level level, Citations c, List<String> article, List<String> others) {
        if (f == null) {
            return;
        }
        for (Attested<T> wrong : f.rejected()) {
            boolean byArticle = wrong.sources().stream().anyMatch(id -> isArticle(s, id));
            String said = show.apply(wrong);
            String right;
            Optional<Attested<T>> p = f.preferred();
            List<Attested<T>> credible = f.credible();
            if (p.isPresent() && !(reason && wrong.note() != null)) {
                right = show.apply(p.get()) + cite(s, p.get().sources(), c, false);
            } else if (wrong.note() != null) {
                right = text(wrong.note().in(lang), lang, level)
                        + (credible.isEmpty() ? "" : cite(s, credible.get(0).sources(), c, false));
            } else if (!credible.isEmpty()) {
                right = show.apply(credible.get(0)) + cite(s, credible.get(0).sources(), c, false);
            } else {
                right = t.get(lang, "card.no_support");
            }
            if (byArticle) {
                article.add(t.get(lang, "card.correction.article", "said", said, "right", right));
            } else {
                String outlet = wrong.sources().isEmpty() ? "" : s.source(wrong.sources().get(0))
                        .map(src -> Markdown.escape(Bidi.isolate(outletName(s, src, lang), lang))).orElse("");
                others.add(t.get(lang, "card.correction.other", "outlet", outlet, "said", said, "right", right));
            }
        }
    }

    private static boolean isArticle(Snapshot s, String id) {
        return s.source(id).map(src -> src.kind() == SourceKind.ARTICLE_UNDER_REVIEW).orElse(false);
    }

    /** " [n]" for the one source the card cites for a point; nothing when the point has none. */
    private String cite(Snapshot s, List<String> ids, Citations c, boolean ownFirst) {
        return ids.isEmpty() ? "" : " " + c.plain(List.of(pick(s, ids, c, ownFirst)));
    }

    /**
     * The one source the card cites for a point: one already on the card when the point has one
     * (fewer links to follow), else its first source that is not the article under review (the
     * person's own statement first for what they said) and whose link is short enough for a card;
     * failing that, the one with the shortest link. The full record cites them all.
     */
    private String pick(Snapshot s, List<String> ids, Citations c, boolean ownFirst) {
        for (String id : ids) {
            if (c.isCited(id) && !isArticle(s, id)) {
                return id;
            }
        }
        if (ownFirst) {
            for (String id : ids) {
                if (s.source(id).map(src -> src.kind() == SourceKind.OWN_STATEMENT && linkLength(src) <= SHORT_LINK).orElse(false)) {
                    return id;
                }
            }
        }
        String shortest = null;
        int best = Integer.MAX_VALUE;
        for (String id : ids) {
            Optional<Source> src = s.source(id);
            if (src.isEmpty() || isArticle(s, id)) {
                continue;
            }
            int length = linkLength(src.get());
            if (length <= SHORT_LINK) {
                return id;
            }
            if (length < best) {
                best = length;
                shortest = id;
            }
        }
        return shortest != null ? shortest : ids.get(0);
    }

    /** A link longer than this (a percent-encoded Arabic address) would take a tenth of the card. */
    private static final int SHORT_LINK = 160;

    private int linkLength(Source src) {
        return src.url() == null ? 0 : replies.safeUrl(src.url()).length();
    }

    /** The outlet as a name, in Arabic where it has an Arabic name: "CNN (syndicated on Yahoo News)" → "CNN"; the article under review by its label. */
    private String outletName(Snapshot s, Source src, Lang lang) {
        if (src.kind() == SourceKind.ARTICLE_UNDER_REVIEW) {
            return t.get(lang, "card.article");
        }
        return outletLead(s.outletName(src, lang));
    }

    /** "arabkhabar.com, citing Sky News Arabia (Arabic text …)" → "arabkhabar.com, citing Sky News Arabia". */
    static String outletLead(String outlet) {
        int cut = outlet.length();
        for (String stop : new String[] {" (", ": "}) {
            int i = outlet.indexOf(stop);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return Fit.shorten(outlet.substring(0, cut).strip(), 60);
    }
}
