package org.newsdesk.resignations.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.query.AboutResult;
import org.newsdesk.resignations.query.ListResult;
import org.newsdesk.resignations.query.StatsResult;

/**
 * Turns query results into replies in the chosen language. Every fact shown carries its
 * citations; disputed and contested points say so; values the dataset rejects (such as the
 * source article's errors) appear only as corrections, never as facts.
 */
public final class Replies {

    public static final int LIST_PAGE_SIZE = 10;

    private final Templates t;
    private final Dates dates;
    /**
     * Source URLs made link-safe, once each: parsing every citation URL on every reply was most
     * of a `who` reply's cost (measured end to end through JDA). Bounded; URLs come from the dataset.
     */
    private final Cache<String, String> safeUrls = Caffeine.newBuilder().maximumSize(100_000).build();

    /** Datasets up to this size get every who reply rendered when they are loaded; larger ones as asked. */
    static final int PRERENDER_MAX = 2_000;
    /** Who replies kept per dataset version: every one of a prerendered dataset, in both languages. */
    private static final int VERSION_REPLIES = 2 * PRERENDER_MAX;

    /**
     * Who replies of the dataset version being served, each rendered once: escaping, link-safe
     * URLs and citation numbering were most of a first {@code who}'s cost end to end. The cache
     * belongs to one snapshot: {@link #prepare} (at every load and reload) starts an empty one
     * for the new snapshot and drops the old, so a correction is never answered with the card
     * from before it; a request still running on another snapshot renders its own reply.
     */
    private final AtomicReference<VersionReplies> versionReplies = new AtomicReference<>();

    private record VersionReplies(Snapshot snapshot, Cache<String, Reply> who) {
    }

    public Replies(Templates templates) {
        this.t = templates;
        this.dates = new Dates(templates);
    }

    String safeUrl(String url) {
        return safeUrls.get(url, Markdown::safeUrl);
    }

    /** Numbering for the sources of one reply, sharing the link-safe URL cache. */
    public Citations citations(Snapshot s) {
        return new Citations(s, this::safeUrl);
    }

    public Templates templates() {
        return t;
    }

    public Dates dates() {
        return dates;
    }

    // ---- who -------------------------------------------------------------------------------

    /**
     * The card (one embed: who, what, said, reported, corrections, sources) with a "Full record"
     * action that opens {@link #fullRecord} for the asker.
     */
    public Reply who(Snapshot s, Entry e, Lang lang) {
        VersionReplies v = versionReplies.get();
        if (v == null) {
            // used without prepare (tests, tools): the first snapshot asked about is the one served
            versionReplies.compareAndSet(null, new VersionReplies(s, newCache()));
            v = versionReplies.get();
        }
        if (v.snapshot() != s) {
            return renderWho(s, e, lang);
        }
        return v.who().get(lang.code() + ":" + e.id(), k -> renderWho(s, e, lang));
    }

    /**
     * Serves {@code s} from now on: the replies of the previous version are dropped, and for a
     * dataset of up to {@link #PRERENDER_MAX} entries every who reply is rendered now, so even a
     * name asked for the first time costs no rendering.
     */
    public void prepare(Snapshot s) {
        VersionReplies v = new VersionReplies(s, newCache());
        versionReplies.set(v);
        if (s.entries().size() <= PRERENDER_MAX) {
            for (Entry e : s.entries()) {
                for (Lang lang : Lang.values()) {
                    v.who().get(lang.code() + ":" + e.id(), k -> renderWho(s, e, lang));
                }
            }
        }
    }

    private static Cache<String, Reply> newCache() {
        return Caffeine.newBuilder().maximumSize(VERSION_REPLIES).build();
    }

    private Reply renderWho(Snapshot s, Entry e, Lang lang) {
        Card card = new WhoCard(this).build(s, e, lang);
        Reply.Action full = new Reply.Action(t.get(lang, "card.full_record"), fullRecordReplay(e, lang));
        return Reply.answer(List.of(card), Optional.empty()).withActions(List.of(full));
    }

    /**
     * Everything the dataset holds on the official, in pages, for the asker alone; the pages are
     * rebuilt from the replay string when turned, so their buttons work after a restart.
     */
    public Reply fullRecord(Snapshot s, Entry e, Lang lang) {
        return Reply.privateAnswer(new FullRecord(this).build(s, e, lang), Optional.of(fullRecordReplay(e, lang)));
    }

    static String fullRecordReplay(Entry e, Lang lang) {
        return Replay.of("who", "name", e.id(), "detail", "true", "lang", lang.code()).encode();
    }

    /** "Andrew Miller · أندرو ميلر": the name in the reply language, then in the other script. */
    static String whoTitle(Entry e, Lang lang) {
        String other = e.name().in(lang == Lang.AR ? Lang.EN : Lang.AR);
        return e.name().in(lang) + " · " + Bidi.isolate(other, lang);
    }

    /** The numbered list of the sources a reply cited, with links, dates and kinds. */
    public String sourceList(Citations c, Lang lang) {
        StringBuilder b = new StringBuilder();
        for (Source s : c.cited()) {
            b.append("\\[").append(c.number(s.id())).append("\\] ");
            String outlet = Bidi.isolate(c.outletName(s, lang), lang);
            if (s.url() != null) {
                b.append('[').append(Markdown.escape(outlet)).append("](").append(safeUrl(s.url())).append(')');
            } else {
                b.append(Markdown.escape(outlet)).append(" — ").append(t.get(lang, "source.no_url"));
            }
            if (s.published() != null) {
                b.append(" · ").append(dates.format(s.published(), lang));
            }
            b.append(" · ").append(t.get(lang, "source.kind." + s.kind().key()));
            b.append('\n');
        }
        return b.toString().strip();
    }

    // ---- list and timeline -----------------------------------------------------------------

    public Reply list(Snapshot s, ListResult r, Lang lang) {
        String scope = r.agency().map(a -> a.shortName().in(lang)).orElse(t.get(lang, "list.all_agencies"));
        String title = t.get(lang, "list.title", "scope", Bidi.isolate(scope, lang), "count", r.entries().size());
        String range = r.range().isAll() ? "" : t.get(lang, "list.range",
                "from", r.range().from().map(d -> dates.format(d, lang)).orElse("…"),
                "to", r.range().to().map(d -> dates.format(d, lang)).orElse("…"));
        if (r.entries().isEmpty()) {
            Card card = new Card(Fit.shorten(title, Limits.TITLE), (range + "\n" + t.get(lang, "list.empty")).strip(),
                    List.of(), footer(s, lang).apply(1, 1));
            return Reply.answer(List.of(card), Optional.empty());
        }
        List<Card> pages = new ArrayList<>();
        int count = (r.entries().size() + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE;
        for (int p = 0; p < count; p++) {
            StringBuilder b = new StringBuilder(range.isEmpty() ? "" : range + "\n\n");
            for (Entry e : r.entries().subList(p * LIST_PAGE_SIZE, Math.min(r.entries().size(), (p + 1) * LIST_PAGE_SIZE))) {
                b.append(line(s, e, lang, r.agency().isEmpty())).append('\n');
            }
            pages.add(new Card(Fit.shorten(title, Limits.TITLE), Fit.shorten(b.toString().strip(), Limits.DESCRIPTION),
                    List.of(), footer(s, lang).apply(p + 1, count)));
        }
        String replay = Replay.of("list", "agency", r.agency().map(Agency::id).orElse(""),
                "from", r.range().from().map(PartialDate::toString).orElse(""),
                "to", r.range().to().map(PartialDate::toString).orElse(""),
                "lang", lang.code()).encode();
        return Reply.answer(pages, Optional.of(replay));
    }

    /** "• [21 June 2024](source) — **Andrew Miller** · State Department · Deputy Assistant Secretary…" */
    private String line(Snapshot s, Entry e, Lang lang, boolean withAgency) {
        StringBuilder b = new StringBuilder("• ");
        b.append(datedLink(s, e.announced(), lang));
        b.append(" — **").append(esc(e.name().in(lang), lang)).append("**");
        if (withAgency) {
            s.agency(e.agency()).ifPresent(a -> b.append(" · ").append(esc(a.shortName().in(lang), lang)));
        }
        e.title().preferred().ifPresent(v -> b.append(" · ").append(esc(Fit.shorten(v.value().in(lang), 90), lang))
                .append(mark(e.title(), lang)));
        return b.toString();
    }

    /** The announced date linked to its first source, flagged when the date is disputed. */
    private String datedLink(Snapshot s, Fact<PartialDate> f, Lang lang) {
        Optional<Attested<PartialDate>> p = f.primary();
        if (p.isEmpty()) {
            return t.get(lang, "date.unknown");
        }
        String text = dates.format(p.get().value(), p.get().part(), lang);
        Optional<Source> src = p.get().sources().stream().map(s::source).flatMap(Optional::stream)
                .filter(x -> x.url() != null).findFirst();
        String shown = src.map(x -> "[" + text + "](" + safeUrl(x.url()) + ")").orElse(text);
        return shown + mark(f, lang);
    }

    /** Nothing for a settled fact; the unconfirmed mark, or else the disputed one. */
    private String mark(Fact<?> f, Lang lang) {
        return switch (f.status()) {
            case SETTLED -> "";
            case UNCONFIRMED -> " " + t.get(lang, "fact.unconfirmed_mark");
            case DISPUTED, CONTESTED -> " " + t.get(lang, "fact.disputed_mark");
        };
    }

    public Reply timeline(Snapshot s, List<Entry> entries, Lang lang) {
        String title = t.get(lang, "timeline.title", "count", entries.size());
        List<Card> pages = new ArrayList<>();
        int count = Math.max(1, (entries.size() + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE);
        for (int p = 0; p < count; p++) {
            StringBuilder b = new StringBuilder();
            String lastMonth = null;
            for (Entry e : entries.subList(p * LIST_PAGE_SIZE, Math.min(entries.size(), (p + 1) * LIST_PAGE_SIZE))) {
                PartialDate d = e.sortDate();
                String month = d.precision() == PartialDate.Precision.YEAR
                        ? dates.format(d, lang) : dates.format(new PartialDate(d.year(), d.month(), 0), lang);
                if (!month.equals(lastMonth)) {
                    b.append(lastMonth == null ? "" : "\n").append("**").append(month).append("**\n");
                    lastMonth = month;
                }
                b.append(line(s, e, lang, true)).append('\n');
            }
            pages.add(new Card(Fit.shorten(title, Limits.TITLE), Fit.shorten(b.toString().strip(), Limits.DESCRIPTION),
                    List.of(), footer(s, lang).apply(p + 1, count)));
        }
        return Reply.answer(pages, Optional.of(Replay.of("timeline", "lang", lang.code()).encode()));
    }

    // ---- stats and about -------------------------------------------------------------------

    public Reply stats(Snapshot s, StatsResult r, Lang lang) {
        StringBuilder agencies = new StringBuilder();
        for (StatsResult.AgencyCount a : r.byAgency()) {
            agencies.append(esc(a.agency().shortName().in(lang), lang)).append(": **").append(a.count()).append("**\n");
        }
        StringBuilder months = new StringBuilder();
        for (StatsResult.MonthCount m : r.byMonth()) {
            months.append(dates.format(m.month(), lang)).append(": **").append(m.count()).append("**\n");
        }
        if (r.undatedMonth() > 0) {
            months.append(t.get(lang, "stats.month_unknown")).append(": **").append(r.undatedMonth()).append("**\n");
        }
        List<Card.Field> fields = List.of(
                new Card.Field(t.get(lang, "stats.by_agency"), agencies.toString().strip(), true),
                new Card.Field(t.get(lang, "stats.by_month"), months.toString().strip(), true));
        String description = t.get(lang, "stats.description", "total", r.total()) + "\n" + t.get(lang, "stats.basis");
        List<Card> pages = Paginator.pack(t.get(lang, "stats.title"), description, fields, footer(s, lang));
        return Reply.answer(pages, Optional.of(Replay.of("stats", "lang", lang.code()).encode()));
    }

    /** The bot's own build, shown by /resignations about: its version and the git commit it was built from. */
    public record Build(String version, String commit) {
    }

    public Reply about(Snapshot s, AboutResult r, Lang lang) {
        return about(s, r, lang, Optional.empty());
    }

    /** @param build the running bot's version and commit, when known to the caller */
    public Reply about(Snapshot s, AboutResult r, Lang lang, Optional<Build> build) {
        StringBuilder b = new StringBuilder();
        b.append(esc(r.info().title().in(lang), lang)).append("\n\n");
        b.append(t.get(lang, "about.counts", "entries", r.entries(), "agencies", r.agencies(), "sources", r.sources())).append('\n');
        b.append(t.get(lang, "about.version", "version", Bidi.isolate(r.version(), lang))).append('\n');
        r.lastAdded().ifPresent(d -> b.append(t.get(lang, "about.last_added", "date", dates.format(d, lang),
                "names", String.join(lang == Lang.AR ? "، " : ", ",
                        r.addedLast().stream().map(e -> esc(e.name().in(lang), lang)).toList()))).append('\n'));
        b.append(t.get(lang, "about.maintainer", "maintainer", esc(r.info().maintainer(), lang))).append('\n');
        build.ifPresent(v -> b.append(t.get(lang, "about.build", "version", Bidi.isolate(v.version(), lang),
                "commit", Bidi.isolate(v.commit(), lang))).append('\n'));
        List<Card.Field> fields = new ArrayList<>();
        if (r.info().citation() != null) {
            fields.add(new Card.Field(t.get(lang, "about.cite"), esc(r.info().citation().in(lang), lang)
                    + "\n" + t.get(lang, "about.cite_version", "version", Bidi.isolate(r.version(), lang)), false));
        }
        fields.add(new Card.Field(t.get(lang, "about.method"), t.get(lang, "about.method_text"), false));
        return Reply.answer(Paginator.pack(t.get(lang, "about.title"), b.toString().strip(), fields, footer(s, lang)),
                Optional.empty());
    }

    // ---- errors ------------------------------------------------------------------------------

    public Reply personNotFound(String typed, List<Entry> suggestions, Lang lang) {
        String shown = Markdown.userText(typed, 100);
        StringBuilder b = new StringBuilder(t.get(lang, "who.not_found", "name", shown.isEmpty() ? "…" : shown));
        List<Reply.Choice> choices = new ArrayList<>();
        if (!suggestions.isEmpty()) {
            b.append('\n').append(t.get(lang, "who.did_you_mean"));
            for (Entry e : suggestions) {
                b.append("\n• ").append(esc(e.name().in(lang), lang));
                choices.add(new Reply.Choice(Fit.shorten(e.name().in(lang), Limits.BUTTON_LABEL), e.id()));
            }
        } else {
            b.append('\n').append(t.get(lang, "who.try_list"));
        }
        return Reply.userError(new Card(t.get(lang, "error.title"), b.toString(), List.of(), ""), choices);
    }

    public Reply agencyNotFound(String typed, List<Agency> suggestions, Lang lang) {
        String shown = Markdown.userText(typed, 100);
        StringBuilder b = new StringBuilder(t.get(lang, "list.agency_not_found", "agency", shown.isEmpty() ? "…" : shown));
        List<Reply.Choice> choices = new ArrayList<>();
        b.append('\n').append(t.get(lang, "list.known_agencies"));
        for (Agency a : suggestions) {
            b.append("\n• ").append(esc(a.shortName().in(lang), lang));
            choices.add(new Reply.Choice(Fit.shorten(a.shortName().in(lang), Limits.BUTTON_LABEL), a.id()));
        }
        return Reply.userError(new Card(t.get(lang, "error.title"), b.toString(), List.of(), ""), choices);
    }

    /** A problem the user can fix, said in one sentence from the templates. */
    public Reply userError(Lang lang, String key, Object... args) {
        return Reply.userError(new Card(t.get(lang, "error.title"), Fit.shorten(t.get(lang, key, args), Limits.DESCRIPTION),
                List.of(), ""), List.of());
    }

    public Reply failure(Lang lang, String reference) {
        return new Reply(Reply.Kind.FAILURE, List.of(new Card(t.get(lang, "error.title"),
                t.get(lang, "error.unexpected", "ref", reference), List.of(), "")), List.of(), List.of(), Optional.empty());
    }

    // ---- shared ------------------------------------------------------------------------------

    public BiFunction<Integer, Integer, String> footer(Snapshot s, Lang lang) {
        return (page, pages) -> {
            String base = t.get(lang, "footer", "version", s.version(), "entries", s.entries().size());
            return pages > 1 ? base + " · " + t.get(lang, "footer.page", "page", page, "pages", pages) : base;
        };
    }

    /** Dataset text: escaped for markdown, Latin runs isolated inside Arabic. */
    static String esc(String s, Lang lang) {
        return Markdown.escape(lang == Lang.AR ? isolateLatinRuns(s) : s);
    }

    /** Wraps each run of Latin words inside Arabic text in isolates so punctuation stays put. */
    public static String isolateLatinRuns(String s) {
        if (!Scripts.hasLatin(s)
                || !Scripts.mostlyArabic(s)) {
            return s;
        }
        return s.replaceAll("([A-Za-z][A-Za-z0-9.'’\\- ]*[A-Za-z0-9.])|([A-Za-z])", "\u2068$0\u2069");
    }

    public String departure(Departure d, Lang lang) {
        return t.get(lang, "departure." + d.key());
    }
}
