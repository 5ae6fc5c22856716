package org.newsdesk.resignations.intake;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Replay;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.search.Normalizer;

/**
 * How the review step looks: the list of what waits, the card of one entry (a correction's
 * changed fields beside what they were), and an editor's "pending review" lines in who. Only
 * shapes what {@link ReviewService} read; it decides and writes nothing.
 */
final class ReviewCards {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Supplier<Directory> current;
    private final Replies replies;
    private final Templates t;

    ReviewCards(Supplier<Directory> current, Replies replies) {
        this.current = current;
        this.replies = replies;
        this.t = replies.templates();
    }

    /** What waits for review, oldest first, each with an action to open its card. */
    Reply list(List<Pending> waiting, Lang lang) {
        if (waiting.isEmpty()) {
            return Reply.privateAnswer(List.of(new Card(t.get(lang, "review.list.title", "count", 0),
                    t.get(lang, "review.list.empty"), List.of(), "")));
        }
        StringBuilder b = new StringBuilder();
        List<Reply.Action> open = new ArrayList<>();
        for (Pending p : waiting) {
            String line = t.get(lang, "review.list.line", "id", p.id(), "name", name(p.draft(), lang),
                    "kind", t.get(lang, p.correction() ? "review.kind.correction" : "review.kind.new"),
                    "time", TIME.format(p.updated()), "author", ReviewService.reviewerName(p.author()));
            if (b.length() + line.length() + 1 > Limits.DESCRIPTION - 20) {
                b.append("\n…");
                break;
            }
            b.append(b.length() == 0 ? "" : "\n").append(line);
            if (open.size() < 20) {
                open.add(new Reply.Action(Fit.shorten(t.get(lang, "review.list.open", "name", p.draft().value(lang == Lang.AR
                        ? Field.NAME_AR : Field.NAME_EN)), Limits.BUTTON_LABEL), Replay.of("review", "id", p.id(), "lang", lang.code()).encode()));
            }
        }
        return Reply.privateAnswer(List.of(new Card(t.get(lang, "review.list.title", "count", waiting.size()), b.toString(),
                List.of(), ""))).withActions(open);
    }

    /** Every field as the form holds it; for a correction, what each changed field was. */
    Reply card(Pending p, Lang lang, Optional<ReviewChannel.Why> why) {
        Draft d = p.draft();
        Optional<Entry> old = d.target().flatMap(id -> current.get().snapshot().entry(id));
        Optional<Draft> was = old.map(e -> ReviewedEntries.asDraft(e, d, current.get().snapshot()));
        List<Card.Field> fields = new ArrayList<>();
        fields.add(field(lang, t.get(lang, "review.field.departure"), replies.departure(d.departure(), lang),
                was.map(w -> replies.departure(w.departure(), lang))));
        for (Field f : Field.values()) {
            String v = d.value(f);
            Optional<String> before = was.map(w -> w.value(f));
            String shown = f == Field.SOURCE_URL ? Markdown.safeUrl(v) : Markdown.userText(v, 900);
            fields.add(field(lang, t.get(lang, "add.field." + f.id()), shown, before.map(b -> Markdown.userText(b, 300))));
        }
        fields.add(new Card.Field(t.get(lang, "review.field.source_kind"), t.get(lang, "review.source_kind." + d.sourceKind().name()
                .toLowerCase(Locale.ROOT)), true));
        StringBuilder body = new StringBuilder();
        why.filter(w -> w != ReviewChannel.Why.SUBMITTED).ifPresent(w -> body.append(t.get(lang, "review.card." + w.name()
                .toLowerCase(Locale.ROOT))).append("\n"));
        body.append(t.get(lang, "review.card.body", "id", p.id(), "author", ReviewService.reviewerName(p.author()),
                "time", TIME.format(p.submitted())));
        p.rejection().ifPresent(r -> body.append("\n").append(t.get(lang, "review.card.rejected", "reviewer",
                ReviewService.reviewerName(r.reviewer()), "time", TIME.format(r.at()), "reason", Markdown.userText(r.reason(), ReviewService.MAX_REASON))));
        String title = t.get(lang, p.correction() ? "review.card.title.correction" : "review.card.title.new", "name",
                name(d, lang));
        return Reply.privateAnswer(List.of(new Card(Fit.shorten(title, Limits.TITLE), Fit.shorten(body.toString(),
                Limits.DESCRIPTION), fields, t.get(lang, "review.card.footer", "id", p.id()))));
    }

    private Card.Field field(Lang lang, String label, String now, Optional<String> before) {
        String v = before.isPresent() && !before.get().equals(now)
                ? t.get(lang, "review.card.changed", "now", now, "before", before.get()) : now;
        return new Card.Field(Fit.shorten(label, 256), Fit.shorten(v.isEmpty() ? "—" : v, 1024), false);
    }

    /** For an editor's who: the pending entries by this name (marked "pending review"), never served. */
    List<Card> matching(List<Pending> waiting, String typed, Lang lang) {
        String n = Normalizer.normalize(typed == null ? "" : typed);
        if (n.length() < 2) {
            return List.of();
        }
        List<Card> out = new ArrayList<>();
        for (Pending p : waiting) {
                Draft d = p.draft();
                String en = Normalizer.normalize(d.value(Field.NAME_EN));
                String ar = Normalizer.normalize(d.value(Field.NAME_AR));
                boolean match = en.equals(n) || ar.equals(n) || d.target().map(typed.strip()::equals).orElse(false)
                        || words(typed, d.value(Field.NAME_EN)) || words(typed, d.value(Field.NAME_AR));
                if (match && out.size() < 5) {
                    out.add(new Card(t.get(lang, "review.who.title", "name", name(d, lang)),
                            t.get(lang, "review.who", "id", p.id(), "time", TIME.format(p.updated()),
                                    "kind", t.get(lang, p.correction() ? "review.kind.correction" : "review.kind.new")),
                            List.of(), ""));
                }
        }
        return out;
    }

    /** Every word typed begins a word of the name ("Jane Example" finds "Jane Q. Example", "جين" finds "جين كيو إكزامبل"). */
    private static boolean words(String typed, String name) {
        List<String> have = List.of(Normalizer.tokens(name));
        String[] want = Normalizer.tokens(typed);
        if (want.length == 0) {
            return false;
        }
        for (String w : want) {
            if (have.stream().noneMatch(h -> h.startsWith(w))) {
                return false;
            }
        }
        return true;
    }

    static String name(Draft d, Lang lang) {
        return Markdown.escape(d.value(lang == Lang.AR ? Field.NAME_AR : Field.NAME_EN));
    }
}
