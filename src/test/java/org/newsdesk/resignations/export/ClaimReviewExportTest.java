package org.newsdesk.resignations.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.render.Templates;

/** One schema.org ClaimReview per value the dataset rejects, with the fields fact-check readers need. */
class ClaimReviewExportTest {

    private static final Templates T = Templates.bundled();
    private final ClaimReviewExport export = new ClaimReviewExport(T, Fixtures.CLOCK, Optional.empty());
    private final Snapshot s = Fixtures.bundled();

    private JsonNode reviews(Lang lang) throws Exception {
        JsonNode tree = Fixtures.JSON.readTree(export.write(s, lang));   // it is JSON
        assertThat(tree.isArray()).isTrue();
        return tree;
    }

    /** The rejected values of the bundled dataset, counted here without the exporter's help. */
    private List<Attested<?>> rejectedValues() {
        List<Attested<?>> out = new ArrayList<>();
        for (Entry e : s.entries()) {
            for (Fact<?> f : new Fact<?>[]{e.departure(), e.office(), e.title(), e.announced(), e.effective(),
                    e.statedReason(), e.reportedReason()}) {
                if (f != null) {
                    out.addAll(f.rejected());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void oneReviewWithEveryRequiredFieldForEachRejectedValue(Lang lang) throws Exception {
        JsonNode reviews = reviews(lang);
        assertThat(rejectedValues()).hasSize(6);
        assertThat(reviews).hasSize(rejectedValues().size());
        Set<String> ratings = Set.of(T.get(lang, "export.rating.false"), T.get(lang, "export.rating.incorrect"),
                T.get(lang, "export.rating.misattributed"));
        for (JsonNode r : reviews) {
            assertThat(r.get("@context").asText()).isEqualTo("https://schema.org");
            assertThat(r.get("@type").asText()).isEqualTo("ClaimReview");
            assertThat(r.get("claimReviewed").asText()).isNotBlank();
            assertThat(r.get("inLanguage").asText()).isEqualTo(lang.code());
            assertThat(r.get("datePublished").asText()).isEqualTo("2026-11-28");   // the injected clock
            // no base URL configured: the review has no address rather than a third party's
            assertThat(r.has("url")).as("url without export.claimreview_base_url").isFalse();
            assertThat(r.at("/author/@type").asText()).isEqualTo("Organization");
            assertThat(r.at("/author/name").asText()).isEqualTo("Resignation desk (newsdesk data team)");
            assertThat(r.at("/reviewRating/@type").asText()).isEqualTo("Rating");
            assertThat(r.at("/reviewRating/alternateName").asText()).isIn(ratings);
            assertThat(r.at("/reviewRating/ratingExplanation").asText()).isNotBlank();
            JsonNode claim = r.get("itemReviewed");
            assertThat(claim.get("@type").asText()).isEqualTo("Claim");
            assertThat(claim.get("datePublished").asText()).matches("\\d{4}(-\\d{2}(-\\d{2})?)?");
            List<JsonNode> authors = claim.get("author").isArray() ? list(claim.get("author")) : List.of(claim.get("author"));
            assertThat(authors).allSatisfy(a -> {
                assertThat(a.get("@type").asText()).isEqualTo("Organization");
                assertThat(a.get("name").asText()).isNotBlank();
            });
            if (claim.has("appearance")) {
                List<JsonNode> seen = claim.get("appearance").isArray() ? list(claim.get("appearance")) : List.of(claim.get("appearance"));
                assertThat(seen).allSatisfy(a -> assertThat(a.get("url").asText()).startsWith("http"));
            }
        }
    }

    @Test
    void theArticlesWrongDateForLilyGreenbergCall() throws Exception {
        JsonNode en = find(reviews(Lang.EN), "Lily Greenberg Call");
        assertThat(en.get("claimReviewed").asText()).isEqualTo("Lily Greenberg Call resigned on 8 May 2024");
        assertThat(en.at("/reviewRating/alternateName").asText()).isEqualTo("False");
        assertThat(en.at("/reviewRating/ratingExplanation").asText()).contains("15 May 2024");
        assertThat(en.at("/itemReviewed/author/name").asText()).startsWith("Source article");
        assertThat(en.at("/itemReviewed/datePublished").asText()).isEqualTo("2024-06");
        assertThat(en.at("/itemReviewed").has("appearance")).as("the article has no public link").isFalse();
        // the review is not given the address of an article that reported the evidence for 15 May
        List<String> evidence = s.entry("lily-greenberg-call").orElseThrow().announced().preferred().orElseThrow()
                .sources().stream().map(id -> s.source(id).map(Source::url).orElse(null)).toList();
        assertThat(evidence).isNotEmpty();
        assertThat(en.has("url")).isFalse();

        JsonNode ar = find(reviews(Lang.AR), "ليلي غرينبيرغ كول");
        assertThat(ar.get("claimReviewed").asText()).isEqualTo("أُعلنت استقالة ليلي غرينبيرغ كول في 8 مايو 2024");
        assertThat(ar.at("/reviewRating/alternateName").asText()).isEqualTo("خاطئ");
        assertThat(ar.at("/reviewRating/ratingExplanation").asText()).contains("15 مايو 2024");
    }

    @Test
    void aMisattributedReportNamesEveryOutletThatCarriedItAndWhereItAppeared() throws Exception {
        JsonNode miller = find(reviews(Lang.EN), "Andrew Miller");
        assertThat(miller.get("claimReviewed").asText()).startsWith("About Andrew Miller: The Washington Post reported");
        assertThat(miller.at("/reviewRating/alternateName").asText()).isEqualTo("Misattributed");
        assertThat(miller.at("/itemReviewed/author")).hasSize(2);
        assertThat(miller.at("/itemReviewed/appearance/url").asText()).isEqualTo("https://arabkhabar.com/a/2779084");
        assertThat(miller.at("/itemReviewed/datePublished").asText()).isEqualTo("2024-06");

        JsonNode rharrit = find(reviews(Lang.EN), "Rharrit's title");
        assertThat(rharrit.get("claimReviewed").asText()).isEqualTo("Hala Rharrit's title was “Arabic spokesperson for the White House”");
        assertThat(rharrit.at("/reviewRating/alternateName").asText()).isEqualTo("Incorrect");
        assertThat(rharrit.at("/itemReviewed/datePublished").asText()).isEqualTo("2024-04-26");
    }

    @Test
    void aConfiguredAddressGivesEachReviewItsOwnUrl() throws Exception {
        var configured = new ClaimReviewExport(T, Fixtures.CLOCK, Optional.of("https://desk.example.org/corrections"));
        JsonNode tree = Fixtures.JSON.readTree(configured.write(s, Lang.EN));
        assertThat(find(tree, "Lily Greenberg Call").get("url").asText())
                .isEqualTo("https://desk.example.org/corrections#lily-greenberg-call-announced");
        assertThat(list(tree).stream().map(r -> r.get("url").asText()).distinct()).hasSize(tree.size());
    }

    private static JsonNode find(JsonNode reviews, String text) {
        for (JsonNode r : reviews) {
            if (r.get("claimReviewed").asText().contains(text)) {
                return r;
            }
        }
        throw new AssertionError("no review mentions " + text);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
