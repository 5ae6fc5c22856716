package org.newsdesk.resignations.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a dataset's sources are fit for a newsroom to cite, beyond the shapes the schema and
 * {@link SemanticCheck} enforce:
 * <ul>
 *   <li>a source names an outlet of the dataset's outlet table, and relays only outlets it lists;</li>
 *   <li>its host is that outlet's own domain or a syndication partner the table declares;</li>
 *   <li>staging and preview hosts, plain http and URL shorteners are refused;</li>
 *   <li>a known copy site is refused unless the source declares itself a copy ({@code "copy": true})
 *       and says so in its note; a copy is never the first source of a value (replies link it);</li>
 *   <li>every fact has a source other than the article under review.</li>
 * </ul>
 * Findings are warnings when a dataset loads (logged, the data still serves) and errors under
 * {@code validate --strict} (the newsroom's data CI). Declared copies that are still cited are
 * notices: listed by {@code validate --report}, never an error.
 */
public final class SourceLint {

    /** How serious a finding is. */
    public enum Level {
        /** Logged on load; fails {@code validate --strict}. */
        WARNING,
        /** Listed by the report only: a declared copy still cited. */
        NOTICE
    }

    public record Finding(Level level, String pointer, String sourceId, String message) {
        public Problem problem(String file) {
            return Problem.at(file, pointer, message);
        }
    }

    /** What {@code validate --report} prints for one entry. */
    public record EntryReport(String entryId, List<SourceRow> sources, List<String> singleSourced, List<String> copies) {
    }

    /** One cited source: its outlet and how its host relates to the outlet. */
    public record SourceRow(String id, String outlet, String host, String standing) {
    }

    private static final String[] FACTS = {"departure", "office", "title", "announced", "effective", "stated_reason",
            "reported_reason"};

    private static final Logger LOG = LoggerFactory.getLogger(SourceLint.class);

    private SourceLint() {
    }

    /**
     * Logs each warning of a dataset that has loaded (the data still serves; {@code validate --strict}
     * is where they fail). One summary line when there are more than a few.
     */
    public static List<Finding> logWarnings(String name, Dataset d) {
        List<Finding> warnings = check(d).stream().filter(f -> f.level() == Level.WARNING).toList();
        warnings.stream().limit(20).forEach(f -> LOG.warn("Source lint: {}", f.problem(name).describe()));
        if (warnings.size() > 20) {
            LOG.warn("Source lint: {} more source warning(s) in {}; run validate --report for all of them.",
                    warnings.size() - 20, name);
        }
        return warnings;
    }

    public static List<Finding> check(Dataset d) {
        List<Finding> out = new ArrayList<>();
        Outlets outlets = new Outlets(d.outlets());
        Map<String, Source> sources = new LinkedHashMap<>();
        d.sources().forEach(s -> sources.putIfAbsent(s.id(), s));
        for (int i = 0; i < d.sources().size(); i++) {
            source(outlets, d.sources().get(i), "/sources/" + i, out);
        }
        for (int i = 0; i < d.entries().size(); i++) {
            Entry e = d.entries().get(i);
            String ep = "/entries/" + i;
            Fact<?>[] facts = facts(e);
            for (int f = 0; f < facts.length; f++) {
                if (facts[f] == null) {
                    continue;
                }
                String fp = ep + "/" + FACTS[f];
                boolean beyondArticle = false;
                List<? extends Attested<?>> values = facts[f].values();
                for (int v = 0; v < values.size(); v++) {
                    Attested<?> a = values.get(v);
                    if (a.sources().isEmpty()) {
                        continue;
                    }
                    Source first = sources.get(a.sources().get(0));
                    if (first != null && first.isCopy()) {
                        out.add(new Finding(Level.WARNING, fp + "/values/" + v + "/sources/0", first.id(),
                                "the first source, \"" + first.id() + "\", is a copy (" + host(first)
                                        + "); replies link the first source, so put the outlet's own page or a partner first."));
                    }
                    if (a.standing() != Standing.REJECTED) {
                        for (String id : a.sources()) {
                            Source s = sources.get(id);
                            if (s != null && s.kind() != SourceKind.ARTICLE_UNDER_REVIEW) {
                                beyondArticle = true;
                            }
                        }
                    }
                }
                if (!values.isEmpty() && !beyondArticle) {
                    out.add(new Finding(Level.WARNING, fp, null,
                            "this fact rests on the article under review alone; cite another source or remove the value."));
                }
            }
        }
        return out;
    }

    private static void source(Outlets outlets, Source s, String p, List<Finding> out) {
        Optional<Outlet> outlet = outlets.named(s.outlet());
        boolean article = s.kind() == SourceKind.ARTICLE_UNDER_REVIEW;
        if (outlet.isEmpty() && !article) {
            out.add(new Finding(Level.WARNING, p + "/outlet", s.id(), outlets.isEmpty()
                    ? "the dataset has no outlet table, so \"" + s.outlet() + "\" cannot be checked; add \"outlets\" with its domains."
                    : "\"" + s.outlet() + "\" is not in the outlet table; write the outlet's name as the table gives it, "
                            + "or add the outlet (its domains, and its Arabic name where it has one). "
                            + "Notes on how the source was read go in the source's note."));
        }
        for (int r = 0; r < s.relays().size(); r++) {
            if (outlets.named(s.relays().get(r)).isEmpty()) {
                out.add(new Finding(Level.WARNING, p + "/relays/" + r, s.id(),
                        "\"" + s.relays().get(r) + "\" is not in the outlet table; relays name outlets as the table does."));
            }
        }
        if (s.url() == null) {
            return;   // the article under review (SemanticCheck refuses a missing URL elsewhere)
        }
        String host = Outlets.host(s.url()).orElse(null);
        if (host == null) {
            out.add(new Finding(Level.WARNING, p + "/url", s.id(), "the URL has no host that can be read; give the page's full address."));
            return;
        }
        if (Outlets.plainHttp(s.url())) {
            out.add(new Finding(Level.WARNING, p + "/url", s.id(),
                    "plain http (" + host + "): cite the https address of the page."));
        }
        if (Outlets.shortener(host)) {
            out.add(new Finding(Level.WARNING, p + "/url", s.id(),
                    host + " is a URL shortener: cite the address it leads to."));
            return;
        }
        if (Outlets.staging(host)) {
            out.add(new Finding(Level.WARNING, p + "/url", s.id(),
                    host + " is a staging or preview host, not the outlet's published page: cite the same page on the outlet's own site."));
            return;
        }
        // a known copy site is never an outlet's own page, whatever the table says
        boolean copySite = Outlets.copySite(host);
        boolean own = !copySite && outlet.map(o -> o.ownHost(host)).orElse(false);
        boolean partner = !copySite && outlet.map(o -> o.partnerHost(host)).orElse(false);
        if (s.isCopy()) {
            if (own || partner) {
                out.add(new Finding(Level.WARNING, p + "/copy", s.id(),
                        "marked as a copy but " + host + " is the outlet's own site or a declared partner; remove \"copy\"."));
            } else if (s.note() == null) {
                out.add(new Finding(Level.WARNING, p + "/note", s.id(),
                        "a copy needs a note saying whose story it copies and that the outlet's own page could not be reached."));
            } else {
                out.add(new Finding(Level.NOTICE, p + "/url", s.id(),
                        "a copy (" + host + ") is still cited; replace it with the outlet's own page when it can be reached."));
            }
            return;
        }
        if (copySite) {
            out.add(new Finding(Level.WARNING, p + "/url", s.id(), host + " is a known copy site, not " + s.outlet()
                    + "'s page: cite the outlet's own page, or keep it with \"copy\": true and a note saying so."));
            return;
        }
        if (outlet.isPresent() && !own && !partner) {
            out.add(new Finding(Level.WARNING, p + "/url", s.id(), host + " is neither " + s.outlet()
                    + "'s own domain nor a syndication partner declared in the outlet table; cite the outlet's page, "
                    + "declare the partner, or mark the source as a copy."));
        }
    }

    /** Per entry: its sources with where each was read, facts resting on one source, copies still cited. */
    public static List<EntryReport> report(Dataset d) {
        Outlets outlets = new Outlets(d.outlets());
        Map<String, Source> sources = new LinkedHashMap<>();
        d.sources().forEach(s -> sources.putIfAbsent(s.id(), s));
        List<EntryReport> out = new ArrayList<>();
        for (Entry e : d.entries()) {
            Set<String> cited = new LinkedHashSet<>();
            List<String> single = new ArrayList<>();
            Fact<?>[] facts = facts(e);
            for (int f = 0; f < facts.length; f++) {
                if (facts[f] == null) {
                    continue;
                }
                for (Attested<?> a : facts[f].values()) {
                    cited.addAll(a.sources());
                }
                Set<String> behind = new LinkedHashSet<>();
                facts[f].preferred().ifPresent(a -> behind.addAll(independent(a.sources(), sources)));
                if (facts[f].preferred().isPresent() && behind.size() <= 1) {
                    single.add(FACTS[f] + (behind.isEmpty() ? "" : " (" + behind.iterator().next() + ")"));
                }
            }
            e.notes().forEach(n -> cited.addAll(n.sources()));
            List<SourceRow> rows = new ArrayList<>();
            List<String> copies = new ArrayList<>();
            for (String id : cited) {
                Source s = sources.get(id);
                if (s == null) {
                    continue;
                }
                rows.add(new SourceRow(id, s.outlet(), host(s), standing(outlets, s)));
                if (s.isCopy() || (host(s) != null && Outlets.copySite(host(s)))) {
                    copies.add(id);
                }
            }
            out.add(new EntryReport(e.id(), rows, single, copies));
        }
        return out;
    }

    /** The sources of a value that count as evidence: not the article under review, one per outlet. */
    private static Set<String> independent(List<String> ids, Map<String, Source> sources) {
        Set<String> outlets = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            Source s = sources.get(id);
            if (s != null && s.kind() != SourceKind.ARTICLE_UNDER_REVIEW && outlets.add(String.valueOf(s.outlet()))) {
                out.add(id);
            }
        }
        return out;
    }

    private static String standing(Outlets outlets, Source s) {
        if (s.url() == null) {
            return s.kind() == SourceKind.ARTICLE_UNDER_REVIEW ? "article under review" : "no url";
        }
        String host = host(s);
        if (s.isCopy()) {
            return "copy";
        }
        Optional<Outlet> o = outlets.named(s.outlet());
        if (o.isPresent() && o.get().ownHost(host)) {
            return "own site";
        }
        if (o.isPresent() && o.get().partnerHost(host)) {
            return "partner";
        }
        return "unchecked";
    }

    private static String host(Source s) {
        return Outlets.host(s.url()).orElse(null);
    }

    private static Fact<?>[] facts(Entry e) {
        return new Fact<?>[]{e.departure(), e.office(), e.title(), e.announced(), e.effective(), e.statedReason(),
                e.reportedReason()};
    }
}
