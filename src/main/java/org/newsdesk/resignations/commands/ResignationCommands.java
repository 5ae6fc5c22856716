package org.newsdesk.resignations.commands;

import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.chart.Charts;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.query.DateRange;
import org.newsdesk.resignations.query.Lookup;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;

/** The /resignations subcommands: who (the card, or with detail:true the full record), list, timeline, stats, about. */
public final class ResignationCommands {

    /** Names are short; a longer value cannot be a name and is not worth a fuzzy search. */
    static final int MAX_NAME_QUERY = 200;

    private final Queries queries;
    private final Replies replies;
    private final Charts charts;
    private final Optional<Replies.Build> build;

    /** Without charts: timeline and stats answer in text only. */
    public ResignationCommands(Queries queries, Replies replies) {
        this(queries, replies, null);
    }

    /** @param charts draws the chart attached to the timeline and stats replies; null for none */
    public ResignationCommands(Queries queries, Replies replies, Charts charts) {
        this(queries, replies, charts, Optional.empty());
    }

    /** @param build the running bot's version and commit, which /resignations about shows */
    public ResignationCommands(Queries queries, Replies replies, Charts charts, Optional<Replies.Build> build) {
        this.queries = queries;
        this.replies = replies;
        this.charts = charts;
        this.build = build;
    }

    public void register(CommandRouter router) {
        router.on("resignations who", this::who)
                .on("resignations list", this::list)
                .on("resignations timeline", this::timeline)
                .on("resignations stats", this::stats)
                .on("resignations about", (r, l) -> replies.about(snapshot(), queries.about(), l, build));
    }

    /** The timeline, with departures per month by agency drawn from the same counts as /stats. */
    Reply timeline(CommandRequest req, Lang lang) {
        var s = snapshot();
        Reply text = replies.timeline(s, queries.timeline(), lang);
        return charts == null ? text : charts.withMonthlyChart(text, s, queries.stats(), lang);
    }

    Reply stats(CommandRequest req, Lang lang) {
        var s = snapshot();
        var stats = queries.stats();
        Reply text = replies.stats(s, stats, lang);
        return charts == null ? text : charts.withAgencyChart(text, s, stats, lang);
    }

    private Snapshot snapshot() {
        return queries.directory().snapshot();
    }

    Reply who(CommandRequest req, Lang lang) {
        String name = req.option("name").orElse("");
        var dir = queries.directory();
        if (name.length() > MAX_NAME_QUERY) {
            return replies.personNotFound(name, List.of(), lang);
        }
        Lookup<Entry> found = queries.who(name);
        if (found instanceof Lookup.Found<Entry> f) {
            boolean detail = req.option("detail").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
            return detail ? replies.fullRecord(dir.snapshot(), f.value(), lang) : replies.who(dir.snapshot(), f.value(), lang);
        }
        Lookup.Missing<Entry> m = (Lookup.Missing<Entry>) found;
        return replies.personNotFound(name, m.suggestions(), lang);
    }

    Reply list(CommandRequest req, Lang lang) {
        Optional<Agency> agency = Optional.empty();
        Optional<String> typed = req.option("agency");
        if (typed.isPresent()) {
            if (typed.get().length() > MAX_NAME_QUERY) {
                return replies.agencyNotFound(typed.get(), snapshot().agencies(), lang);
            }
            Lookup<Agency> a = queries.agency(typed.get());
            if (a instanceof Lookup.Missing<Agency>) {
                return replies.agencyNotFound(typed.get(), snapshot().agencies(), lang);
            }
            agency = Optional.of(((Lookup.Found<Agency>) a).value());
        }
        DateRange range = new DateRange(req.option("from").flatMap(PartialDate::typed),
                req.option("to").flatMap(PartialDate::typed));
        return replies.list(snapshot(), queries.list(agency, range), lang);
    }
}
