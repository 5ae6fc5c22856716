package org.newsdesk.resignations.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;

/** What reporters type, in either script and spelling, finds the right person first. */
class DirectoryTest {

    private final Directory dir = new Directory(Fixtures.bundled());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // English                       | Arabic, spelling variants seen in the press
            "Andrew Miller|andrew-miller",
            "ميلر|andrew-miller",
            "Miller|andrew-miller",
            "andrew miler|andrew-miller",
            "أندرو ميللر|andrew-miller",
            "ستيسي غيلبرت|stacy-gilbert",
            "ستايسي جيلبرت|stacy-gilbert",
            "Stacey Gilbert|stacy-gilbert",
            "ليلي جرينبرج|lily-greenberg-call",
            "لِيلي جرينبرج|lily-greenberg-call",
            "Lily Greenberg Call|lily-greenberg-call",
            "lily greenburg|lily-greenberg-call",
            "Josh Pual|josh-paul",
            "جوش بول|josh-paul",
            "هالة غريط|hala-rharrit",
            "Hala Rharit|hala-rharrit",
            "أنيل شالين|annelle-sheline",
            "Annelle Sheline|annelle-sheline",
            "أليكس سميث|alexander-smith",
            "Alex Smith|alexander-smith",
            "طارق حبش|tariq-habash",
            "tarik habash|tariq-habash",
            "HARRISON MANN|harrison-mann",
            "مريم حسنين|maryam-hassanein",
            "Mike Casey|mike-casey",
            "محمد ابو هاشم|mohammed-abu-hashem",
            "Anna del Castillo|anna-del-castillo",
            "رايلي ليفرمور|riley-livermore"
    })
    void theRightPersonComesFirst(String typed, String id) {
        List<FuzzyIndex.Match<Entry>> found = dir.people(typed, 5, false);
        assertThat(found).as(typed).isNotEmpty();
        assertThat(found.get(0).value().id()).as(typed).isEqualTo(id);
        assertThat(dir.person(typed)).as(typed).map(Entry::id).contains(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mil,andrew-miller", "ميل,andrew-miller", "gre,lily-greenberg-call", "غري,hala-rharrit", "sheli,annelle-sheline"})
    void autocompleteFindsByPrefix(String typed, String id) {
        assertThat(dir.people(typed, 25, true)).extracting(m -> m.value().id()).contains(id);
    }

    @Test
    void nonsenseFindsNobody() {
        assertThat(dir.person("Zbigniew Brzezinski")).isEmpty();
        assertThat(dir.person("")).isEmpty();
        assertThat(dir.person("   ")).isEmpty();
        assertThat(dir.person("@everyone")).isEmpty();
        assertThat(dir.person("x".repeat(6000))).isEmpty();
        assertThat(dir.person("miller ".repeat(900))).isEmpty();
    }

    @Test
    void aFirstNameOrParticleAloneIsASuggestionNotAnAnswer() {
        for (String part : new String[]{"Mohammed", "محمد", "Abu", "Andrew", "أندرو", "Del"}) {
            assertThat(dir.person(part)).as(part).isEmpty();
            assertThat(dir.suggestPeople(part, 5)).as(part).isNotEmpty();
        }
        assertThat(dir.person("Hashem")).isEmpty();
        assertThat(dir.person("Abu Hashem")).map(Entry::id).contains("mohammed-abu-hashem");
    }

    @Test
    void anIdIsAlsoAName() {
        assertThat(dir.person("lily-greenberg-call")).map(Entry::id).contains("lily-greenberg-call");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "State Department|state", "State|state", "الخارجية|state", "وزارة الخارجية الأمريكية|state",
            "الخارجية الأميركية|state", "department of state|state",
            "USAID|usaid", "الوكالة الأمريكية للتنمية الدولية|usaid",
            "Interior|interior", "وزارة الداخلية|interior",
            "Education|education", "وزارة التعليم|education",
            "Pentagon|defense", "البنتاغون|defense",
            "Air Force|air-force", "سلاح الجو|air-force",
            "White House|white-house", "البيت الأبيض|white-house"})
    void agenciesByAnyAliasInEitherLanguage(String typed, String id) {
        assertThat(dir.agency(typed)).as(typed).map(Agency::id).contains(id);
    }

    @Test
    void suggestionsForAFailedLookupAreTheNearestNames() {
        assertThat(dir.person("Andy Millar")).isEmpty();
        assertThat(dir.suggestPeople("Andy Millar", 5)).extracting(Entry::id).contains("andrew-miller");
    }
}
