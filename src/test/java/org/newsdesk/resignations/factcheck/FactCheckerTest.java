package org.newsdesk.resignations.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.search.Directory;

/** Behaviour of the checker on single points, English and Arabic side by side. */
class FactCheckerTest {

    private static FactChecker checker;

    @BeforeAll
    static void build() {
        checker = new FactChecker(new Directory(Fixtures.bundled()));
    }

    private static Map<String, Verdict> verdicts(String claim) {
        return checker.check(claim).people().stream().flatMap(p -> p.judgements().stream()
                        .map(j -> Map.entry(p.entry().map(e -> e.id()).orElse("?") + " " + j.aspect().key()
                                + j.outlet().map(o -> "@" + o).orElse(""), j.verdict())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // dates: English and Arabic forms, both month families, ordinals, Arabic-Indic digits, parts of a month
            "Lily Greenberg Call resigned on May 8.|contradicted",
            "استقالت ليلي غرينبيرغ كول في 8 مايو.|contradicted",
            "استقالت ليلي غرينبيرغ كول في ٨ أيار.|contradicted",
            "استقالت ليلي غرينبيرغ كول في الثامن من مايو.|contradicted",
            "Lily Greenberg Call resigned on 15 May 2024.|consistent",
            "استقالت ليلي غرينبيرغ كول في الخامس عشر من مايو 2024.|consistent",
            "استقالت ليلي غرينبيرغ كول في ١٥ أيار ٢٠٢٤.|consistent",
            "Lily Greenberg Call resigned in May 2024.|consistent",
            "استقالت ليلي غرينبيرغ كول في مايو 2024.|consistent",
            "Lily Greenberg Call resigned in mid-May.|consistent",
            "استقالت ليلي غرينبيرغ كول في منتصف مايو.|consistent",
            "Lily Greenberg Call resigned in early May.|contradicted",
            "استقالت ليلي غرينبيرغ كول في أوائل مايو.|contradicted",
            "Lily Greenberg Call resigned on 2024-05-15.|consistent",
            "Lily Greenberg Call resigned in June 2024.|contradicted",
            "Lily Greenberg Call resigned in 2024.|consistent",
            "Alexander Smith resigned in late May.|consistent",
            "استقال ألكسندر سميث في أواخر مايو.|consistent",
            "Josh Paul resigned in October.|consistent",
            "استقال جوش بول في أكتوبر الماضي.|consistent",
            "استقال جوش بول في تشرين الأول.|consistent",
            "Hala Rharrit resigned on April 26.|contradicted",
            "Hala Rharrit resigned on April 24.|consistent",
            "Hala Rharrit resigned on April 25.|consistent",
            "Andrew Miller's resignation takes effect on June 30.|unconfirmed",
            "وستكون استقالة ميلر سارية في 30 يونيو.|unconfirmed",
            "Andrew Miller's resignation takes effect at the end of June.|consistent",
            "Harrison Mann resigned on 3 June 2024.|consistent",
            "Harrison Mann submitted his resignation in November 2023.|not_covered",
    })
    void datesAreJudgedAtTheirPrecision(String claim, String verdict) {
        assertThat(verdicts(claim).entrySet().stream().filter(e -> e.getKey().endsWith(" date")).map(Map.Entry::getValue))
                .as(claim).containsExactly(Verdict.valueOf(verdict.toUpperCase()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // the article's misattribution, in both languages: the Post's own report carries no protest motive
            "According to The Washington Post, Andrew Miller resigned in protest.|andrew-miller reason@washington-post|contradicted",
            "وفقاً لصحيفة واشنطن بوست، استقال أندرو ميلر احتجاجاً على سياسة غزة.|andrew-miller reason@washington-post|contradicted",
            "The Washington Post reported that Andrew Miller resigned over civilian deaths in Gaza.|andrew-miller reason@washington-post|contradicted",
            "The Washington Post reported that Miller left for family reasons.|andrew-miller reason@washington-post|consistent",
            "ذكرت صحيفة واشنطن بوست أن ميلر غادر لأسباب عائلية.|andrew-miller reason@washington-post|consistent",
            // unattributed, the reported reason is contested: disputed, never consistent
            "Andrew Miller resigned in protest.|andrew-miller reason|disputed",
            "استقال أندرو ميلر احتجاجاً.|andrew-miller reason|disputed",
            "Andrew Miller resigned for family reasons.|andrew-miller reason|consistent",
            "استقال أندرو ميلر لأسباب عائلية.|andrew-miller reason|consistent",
            "According to Al Jazeera, Miller resigned over the administration's Gaza policy.|andrew-miller reason@al-jazeera|consistent",
            "According to CNN, Miller resigned in protest.|andrew-miller reason@cnn|contradicted",
            // the person's own words
            "Andrew Miller said he resigned in protest.|andrew-miller reason|contradicted",
            "Lily Greenberg Call resigned for family reasons.|lily-greenberg-call reason|contradicted",
            "استقالت ليلي غرينبيرغ كول لأسباب عائلية.|lily-greenberg-call reason|contradicted",
            // titles and agencies
            "Hala Rharrit, a White House spokesperson, resigned.|hala-rharrit title|contradicted",
            "هالة غريط، المتحدثة باسم البيت الأبيض، استقالت.|hala-rharrit title|contradicted",
            "Hala Rharrit, a State Department spokesperson, resigned.|hala-rharrit title|consistent",
            "Tariq Habash, a senior official, resigned.|tariq-habash title|contradicted",
            "استقال طارق حبش، المسؤول الكبير في وزارة التعليم.|tariq-habash title|contradicted",
            "Alexander Smith, a contractor, resigned.|alexander-smith title|consistent",
            "Alexander Smith, a USAID employee, resigned.|alexander-smith title|contradicted",
            "Harrison Mann resigned from the State Department.|harrison-mann agency|contradicted",
            "Mohammed Abu Hashem left the Pentagon.|mohammed-abu-hashem agency|not_covered",
            // departures
            "Josh Paul was fired.|josh-paul departure|contradicted",
            "أقيل جوش بول.|josh-paul departure|contradicted",
            "Alexander Smith was forced out.|alexander-smith departure|disputed",
            "Mohammed Abu Hashem retired.|mohammed-abu-hashem departure|consistent",
            "تقاعد محمد أبو هاشم.|mohammed-abu-hashem departure|consistent",
            "Mohammed Abu Hashem resigned.|mohammed-abu-hashem departure|disputed",
            "Riley Livermore resigned from the Air Force.|riley-livermore departure|consistent",
            "Josh Paul did not resign.|josh-paul departure|",
    })
    void judgesEachPointByStanding(String claim, String key, String verdict) {
        Map<String, Verdict> v = verdicts(claim);
        if (verdict == null) {
            assertThat(v).as(claim).doesNotContainKey(key);
        } else {
            assertThat(v.get(key)).as(claim + " " + v).isEqualTo(Verdict.valueOf(verdict.toUpperCase()));
        }
    }

    @Test
    void surnamesAloneOnlyWhenTheyNameOnePersonAndNoOtherGivenName() {
        assertThat(checker.check("Sheline resigned.").people()).extracting(p -> p.entry().map(e -> e.id()).orElse("?"))
                .containsExactly("annelle-sheline");
        assertThat(checker.check("استقالت شيلين.").people()).extracting(p -> p.entry().map(e -> e.id()).orElse("?"))
                .containsExactly("annelle-sheline");
        FactCheckResult matthew = checker.check("State Department spokesperson Matthew Miller said the department respected her decision.");
        assertThat(matthew.people()).allMatch(p -> p.entry().isEmpty());
        assertThat(matthew.overall()).isEqualTo(Verdict.NOT_COVERED);
        // "Smith" alone is deliberately not an alias
        assertThat(checker.check("Smith resigned in May.").people()).allMatch(p -> p.entry().isEmpty());
    }

    @Test
    void spellingVariantsAndBothScriptsFindTheSamePerson() {
        for (String claim : List.of("Stacey Gilbert resigned.", "استقالت ستايسي غيلبرت.", "استقالت ستيسي جيلبرت.",
                "Lily Greenburg Call resigned.", "وأعلنت هاله غريط استقالتها.", "استقال Andrew Miller.")) {
            assertThat(checker.check(claim).status()).as(claim).isEqualTo(FactCheckResult.Status.CHECKED);
        }
        PersonCheck misspelt = checker.check("Lily Greenburg Call resigned.").people().get(0);
        assertThat(misspelt.entry()).map(e -> e.id()).contains("lily-greenberg-call");
        assertThat(misspelt.approximate()).isTrue();
    }

    @Test
    void unknownNamesAreNotCoveredWithTheNearestNames() {
        FactCheckResult r = checker.check("Lara Friedman resigned from the State Department.");
        assertThat(r.status()).isEqualTo(FactCheckResult.Status.NO_OFFICIAL);
        assertThat(r.overall()).isEqualTo(Verdict.NOT_COVERED);
        assertThat(r.people()).extracting(PersonCheck::typed).containsExactly("Lara Friedman");
        FactCheckResult typo = checker.check("Andrw Millar resigned.");
        assertThat(typo.people().get(0).suggestions()).extracting(e -> e.id()).contains("andrew-miller");
    }

    @Test
    void multiPersonTextIsSplitPerPerson() {
        Map<String, Verdict> v = verdicts("وقبل ذلك بشهر تقريبا، أعلنت أنيل شيلين استقالتها، كما استقال جوش بول في أكتوبر الماضي.");
        assertThat(v).containsEntry("josh-paul date", Verdict.CONSISTENT).doesNotContainKey("annelle-sheline date");
        Map<String, Verdict> both = verdicts("Hala Rharrit and Annelle Sheline resigned from the State Department.");
        assertThat(both).containsEntry("hala-rharrit agency", Verdict.CONSISTENT)
                .containsEntry("annelle-sheline agency", Verdict.CONSISTENT);
    }

    @Test
    void datesAboutOtherEventsAreNotReadAsTheResignation() {
        Map<String, Verdict> v = verdicts("Stacy Gilbert resigned over the report released on 10 May 2024.");
        assertThat(v).doesNotContainKey("stacy-gilbert date");
        Map<String, Verdict> aunt = verdicts("Mohammed Abu Hashem retired after a strike killed his aunt in October 2023.");
        assertThat(aunt).doesNotContainKey("mohammed-abu-hashem date");
    }

    @Test
    void aDayIsNeverConsistentWithAMonthOnlyDate() {
        Claimed.DateOf may8 = new Claimed.DateOf(0, 5, 8, null, Claimed.DateRole.UNSPECIFIED);
        Claimed.DateOf may = new Claimed.DateOf(2024, 5, 0, null, Claimed.DateRole.UNSPECIFIED);
        Claimed.DateOf june30 = new Claimed.DateOf(2024, 6, 30, null, Claimed.DateRole.UNSPECIFIED);
        assertThat(DateFit.of(may, PartialDate.parse("2024-05-15"), null)).isEqualTo(DateFit.CONTAINS);
        assertThat(DateFit.of(may8, PartialDate.parse("2024-05-15"), null)).isEqualTo(DateFit.DISJOINT);
        assertThat(DateFit.of(june30, PartialDate.parse("2024-06"), DatePart.LATE)).isEqualTo(DateFit.PARTIAL);
        assertThat(DateFit.of(new Claimed.DateOf(2024, 6, 0, DatePart.LATE, Claimed.DateRole.UNSPECIFIED),
                PartialDate.parse("2024-06"), DatePart.LATE)).isEqualTo(DateFit.CONTAINS);
    }

    @Test
    void outletsAreCreditedOnlyForWhatASourceReports() {
        Snapshot s = Fixtures.bundled();
        Map<String, Set<String>> wapo = s.dataset().sources().stream()
                .collect(Collectors.toMap(Source::id, checker::outletsOfSource));
        assertThat(wapo.get("wapo-adn-miller-2024-06-21")).contains("washington-post");
        assertThat(wapo.get("arabkhabar-miller-2024-06-22")).doesNotContain("washington-post").contains("arabkhabar", "sky-news-arabia");
        assertThat(wapo.get("source-article-ar")).isEmpty();
        assertThat(wapo.get("elnashra-miller-2024-06-21")).contains("al-jazeera");
        assertThat(wapo.get("rassd-miller-2024-06-21")).contains("al-jazeera");
        assertThat(wapo.get("toi-ap-call-2024-05-15")).contains("times-of-israel", "ap");
        assertThat(wapo.get("anadolu-tribune-abu-hashem-2024-07-03")).contains("anadolu");
        assertThat(wapo.get("reuters-investing-factbox-2024-05-31")).contains("reuters");
    }

    @Test
    void theAsciiFastPathFoldsNamesExactlyAsTheNormalizer() {
        List<String> names = new java.util.ArrayList<>(List.of("O'Brien", "Maj. Harrison Mann", "Alexander (Alex) Smith",
                "Greenberg-Call", "  ANDREW   miller  ", "U.S. Department of State", "A.B.C", "x'", "'", "", "R2-D2"));
        for (var e : Fixtures.bundled().entries()) {
            names.addAll(e.aliases());
            names.add(e.name().en());
            names.add(e.name().ar());
        }
        for (String n : names) {
            assertThat(PersonFinder.words(n)).as(n).containsExactly(org.newsdesk.resignations.search.Normalizer.tokens(n));
        }
    }

    @Test
    void verdictsOrderFromConsistentToContradicted() {
        assertThat(Verdict.worst(List.of(Verdict.CONSISTENT, Verdict.NOT_COVERED))).isEqualTo(Verdict.NOT_COVERED);
        assertThat(Verdict.worst(List.of(Verdict.DISPUTED, Verdict.NOT_COVERED))).isEqualTo(Verdict.DISPUTED);
        assertThat(Verdict.worst(List.of(Verdict.DISPUTED, Verdict.CONTRADICTED))).isEqualTo(Verdict.CONTRADICTED);
        assertThat(Verdict.worst(List.of())).isEqualTo(Verdict.NOT_COVERED);
    }
}
