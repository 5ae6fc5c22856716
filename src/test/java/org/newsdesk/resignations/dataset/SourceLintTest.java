package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsdesk.resignations.Fixtures;

/** The source lint (issue 13): each rule with a case it accepts and one it refuses. */
class SourceLintTest {

    /** The minimal dataset with an outlet table its two sources satisfy: no finding at all. */
    private static ObjectNode clean() {
        ObjectNode t = Fixtures.minimalTree();
        ArrayNode outlets = t.putArray("outlets");
        outlets.addObject().put("id", "ap").put("name", "AP").put("name_ar", "أسوشيتد برس")
                .set("domains", Fixtures.JSON.createArrayNode().add("apnews.com"));
        ((ObjectNode) outlets.get(0)).set("partners", Fixtures.JSON.createArrayNode().add("kesq.com"));
        outlets.addObject().put("id", "letter").put("name", "Her letter")
                .set("domains", Fixtures.JSON.createArrayNode().add("example.org"));
        outlets.addObject().put("id", "article").put("name", "Source article");
        source(t, "ap-2024-05-15").put("url", "https://apnews.com/article/x");
        return t;
    }

    private static ObjectNode source(JsonNode tree, String id) {
        for (JsonNode s : tree.get("sources")) {
            if (s.get("id").asText().equals(id)) {
                return (ObjectNode) s;
            }
        }
        throw new AssertionError(id);
    }

    private static List<SourceLint.Finding> lint(Consumer<ObjectNode> change) throws Exception {
        ObjectNode t = clean();
        change.accept(t);
        return SourceLint.check(Fixtures.loader().mapper().treeToValue(t, Dataset.class));
    }

    private static List<String> warnings(Consumer<ObjectNode> change) throws Exception {
        return lint(change).stream().filter(f -> f.level() == SourceLint.Level.WARNING)
                .map(f -> f.pointer() + ": " + f.message()).toList();
    }

    @Test
    void theCleanDatasetHasNoFinding() throws Exception {
        assertThat(lint(t -> { })).isEmpty();
    }

    @Test
    void theBundledDatasetHasNoSourceWarning() {
        List<SourceLint.Finding> findings = SourceLint.check(Fixtures.bundled().dataset());
        assertThat(findings.stream().filter(f -> f.level() == SourceLint.Level.WARNING).map(f -> f.pointer() + " " + f.message()))
                .isEmpty();
        // the copies it still cites are listed, not hidden
        assertThat(findings).filteredOn(f -> f.level() == SourceLint.Level.NOTICE)
                .extracting(SourceLint.Finding::sourceId).contains("guardian-wikinews-casey-2024-12-18",
                        "intercept-write2rule-livermore-2024-06-18");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://apnews.com/a", "https://www.apnews.com/a", "https://kesq.com/news/a"})
    void theOutletsOwnDomainOrADeclaredPartnerIsAccepted(String url) throws Exception {
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", url))).isEmpty();
    }

    @Test
    void anotherHostIsRefused() throws Exception {
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", "https://news.example.net/ap-story")))
                .singleElement().asString().contains("/sources/0/url").contains("neither AP's own domain nor a syndication partner");
        // a look-alike is not a subdomain
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", "https://notapnews.com/a"))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://digital-staging.apnews.com/a", "https://digital-stage.apnews.com/a/amp",
            "https://acquiaprod.apnews.com/node/1", "https://stgmobile.apnews.com/a", "https://d2233.cms.apnews.com/a",
            "https://preview.apnews.com/a", "https://d33gy59ovltp76.cloudfront.net/news/a"})
    void stagingAndPreviewHostsAreRefused(String url) throws Exception {
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", url)))
                .anySatisfy(w -> assertThat(w).contains("staging or preview host"));
    }

    @Test
    void plainHttpIsRefused() throws Exception {
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", "http://apnews.com/a")))
                .singleElement().asString().contains("plain http");
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", "https://apnews.com/a"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bit.ly/3xYz", "https://t.co/abc", "https://tinyurl.com/abc"})
    void urlShortenersAreRefused(String url) throws Exception {
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("url", url)))
                .singleElement().asString().contains("URL shortener");
    }

    @Test
    void aKnownCopySiteIsRefusedUnlessDeclaredACopyWithANote() throws Exception {
        assertThat(warnings(t -> source(t, "letter").put("url", "https://write2rule.com/story")))
                .as("%s", warnings(t -> source(t, "letter").put("url", "https://write2rule.com/story")))
                .singleElement().asString().contains("known copy site");
        // declared, with a note: a notice, not a warning
        List<SourceLint.Finding> declared = lint(t -> {
            ObjectNode s = source(t, "letter").put("url", "https://write2rule.com/story").put("copy", true);
            s.putObject("note").put("en", "A copy; the outlet's page could not be reached.").put("ar", "نسخة.");
        });
        // (the first-source rule is tested on its own below)
        assertThat(declared).filteredOn(f -> f.pointer().startsWith("/sources/")).singleElement().satisfies(f -> {
            assertThat(f.level()).isEqualTo(SourceLint.Level.NOTICE);
            assertThat(f.sourceId()).isEqualTo("letter");
        });
        // declared without a note
        assertThat(warnings(t -> source(t, "letter").put("url", "https://write2rule.com/story").put("copy", true)))
                .anySatisfy(w -> assertThat(w).contains("a copy needs a note"));
        // "copy" on the outlet's own site is a mistake
        assertThat(warnings(t -> source(t, "letter").put("copy", true)))
                .anySatisfy(w -> assertThat(w).contains("remove \"copy\""));
    }

    @Test
    void aCopyIsNeverTheFirstSourceOfAValue() throws Exception {
        Consumer<ObjectNode> copy = t -> {
            ObjectNode s = source(t, "letter").put("url", "https://write2rule.com/story").put("copy", true);
            s.putObject("note").put("en", "A copy.").put("ar", "نسخة.");
        };
        // the minimal entry's stated reason cites the letter alone, first
        assertThat(warnings(copy)).anySatisfy(w -> assertThat(w).contains("/entries/0/stated_reason/values/0/sources/0")
                .contains("is a copy"));
        // second after the outlet's own page: accepted
        assertThat(warnings(copy.andThen(t -> {
            for (JsonNode e : t.get("entries")) {
                ArrayNode src = (ArrayNode) e.at("/stated_reason/values/0/sources");
                src.insert(0, "ap-2024-05-15");
            }
            for (JsonNode e : t.get("entries")) {
                ArrayNode src = (ArrayNode) e.at("/announced/values/0/sources");
                if (src.get(0).asText().equals("letter")) {
                    src.remove(0);
                    src.add("letter");
                }
            }
            ((ArrayNode) t.at("/entries/1/reported_reason/values/1/sources")).insert(0, "ap-2024-05-15");
            ((ArrayNode) t.at("/entries/1/effective/values/1/sources")).insert(0, "ap-2024-05-15");
        }))).noneSatisfy(w -> assertThat(w).contains("is a copy"));
    }

    @Test
    void anOutletOutsideTheTableOrAnUnknownRelayIsRefused() throws Exception {
        assertThat(warnings(t -> source(t, "ap-2024-05-15").put("outlet", "AP (via KESQ)")))
                .anySatisfy(w -> assertThat(w).contains("/sources/0/outlet").contains("not in the outlet table"));
        assertThat(warnings(t -> source(t, "ap-2024-05-15").putArray("relays").add("Reuters")))
                .singleElement().asString().contains("/sources/0/relays/0");
        assertThat(warnings(t -> source(t, "ap-2024-05-15").putArray("relays").add("Her letter"))).isEmpty();
        // without any table, every source says so
        assertThat(warnings(t -> t.remove("outlets"))).anySatisfy(w -> assertThat(w).contains("no outlet table"));
    }

    @Test
    void aFactRestingOnTheArticleAloneIsRefused() throws Exception {
        // the schema and semantic checks refuse this too; the lint says it per fact, with the article's value rejected
        assertThat(warnings(t -> {
            ObjectNode v = (ObjectNode) t.at("/entries/0/office/values/0");
            v.putArray("sources").add("article");
        })).singleElement().asString().contains("/entries/0/office").contains("article under review alone");
        // a rejected value citing the article alone is the article's error, not a fact
        assertThat(warnings(t -> { })).isEmpty();
    }

    @Test
    void theReportListsSourcesSingleSourcedFactsAndCopies() {
        List<SourceLint.EntryReport> r = SourceLint.report(Fixtures.bundled().dataset());
        SourceLint.EntryReport miller = r.stream().filter(e -> e.entryId().equals("andrew-miller")).findFirst().orElseThrow();
        assertThat(miller.copies()).containsExactly("aje-voiceofvienna-miller-2024-06-21");
        assertThat(miller.singleSourced()).contains("stated_reason (wapo-adn-miller-2024-06-21)");
        assertThat(miller.sources()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("cnn-yahoo-miller-2024-06-21");
            assertThat(s.standing()).isEqualTo("partner");
        });
        assertThat(miller.sources()).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo("source-article-ar");
            assertThat(s.standing()).isEqualTo("article under review");
        });
        SourceLint.EntryReport mann = r.stream().filter(e -> e.entryId().equals("harrison-mann")).findFirst().orElseThrow();
        assertThat(mann.copies()).isEmpty();
        String table = SourceReport.table(r);
        assertThat(table).contains("andrew-miller\n").contains("copies still cited: aje-voiceofvienna-miller-2024-06-21")
                .contains("facts resting on one source:");
    }
}
