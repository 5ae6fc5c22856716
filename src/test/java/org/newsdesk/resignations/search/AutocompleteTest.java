package org.newsdesk.resignations.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Autocomplete ({@code search(query, limit, true)}): busy prefixes read precomputed best
 * completions ({@link BestCompletions}), the others score their candidates. Whatever the path,
 * the choices must be those of scoring every item; English and Arabic side by side.
 */
class AutocompleteTest {

    /** Syllables in both scripts, as the benchmark's generated names (few, so that many names share a prefix). */
    private static final String[][] SYLLABLES = {
            {"mil", "ميل"}, {"dan", "دان"}, {"sa", "سا"}, {"ro", "رو"}, {"ha", "ها"}, {"lam", "لام"},
            {"ber", "بير"}, {"to", "تو"}, {"ka", "كا"}, {"ne", "ني"}, {"son", "سون"}, {"vin", "فين"},
            {"al", "ال"}, {"ri", "ري"}};

    private record Person(String en, String ar) {
    }

    private static FuzzyIndex<Integer> index(List<Person> people, boolean surnames) {
        List<FuzzyIndex.Item<Integer>> items = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            List<String> keys = new ArrayList<>(List.of(p.en(), p.ar()));
            if (surnames) {
                keys.add(p.en().substring(p.en().indexOf(' ') + 1));
                keys.add(p.ar().substring(p.ar().indexOf(' ') + 1));
            }
            items.add(new FuzzyIndex.Item<>(i, keys));
        }
        return new FuzzyIndex<>(items);
    }

    private static List<Person> generated(int n, long seed) {
        Random r = new Random(seed);
        Set<String> seen = new HashSet<>();
        List<Person> out = new ArrayList<>();
        while (out.size() < n) {
            String[] first = word(r);
            String[] last = word(r);
            if (seen.add(first[0] + " " + last[0])) {
                out.add(new Person(first[0] + " " + last[0], first[1] + " " + last[1]));
            }
        }
        return out;
    }

    private static String[] word(Random r) {
        StringBuilder en = new StringBuilder();
        StringBuilder ar = new StringBuilder();
        for (int s = 0, n = 1 + r.nextInt(3); s < n; s++) {
            String[] syl = SYLLABLES[r.nextInt(SYLLABLES.length)];
            en.append(s == 0 ? Character.toUpperCase(syl[0].charAt(0)) + syl[0].substring(1) : syl[0]);
            ar.append(syl[1]);
        }
        return new String[] {en.toString(), ar.toString()};
    }

    @Test
    void everyPrefixGetsTheChoicesOfScoringEveryItem() {
        List<Person> people = generated(3_000, 7);
        FuzzyIndex<Integer> index = index(people, true);
        Random r = new Random(11);
        int checked = 0;
        for (int k = 0; k < 1_500; k++) {
            Person p = people.get(r.nextInt(people.size()));
            String name = k % 2 == 0 ? p.en() : p.ar();
            // one to nine letters: one word, or a whole word and the start of the next
            String typed = name.substring(0, Math.min(name.length(), 1 + r.nextInt(9)));
            if (k % 5 == 0 && typed.length() > 4) {
                // a typo in a longer prefix: typo matches then compete with the completions
                int at = 1 + r.nextInt(typed.length() - 2);
                typed = typed.substring(0, at) + typed.charAt(at + 1) + typed.charAt(at) + typed.substring(at + 2);
            }
            for (int limit : new int[] {25, 5}) {
                assertThat(index.search(typed, limit, true))
                        .as("%s, %d choices", typed, limit)
                        .isEqualTo(index.completeByScoringEveryItem(typed, limit));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3_000);
    }

    @Test
    void aBusyPrefixStillFindsItsBestCompletionWhereverItSorts() {
        // seventy first names sort between "mil" and "milo": "Milo Lee" must still come first
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            String tail = "" + (char) ('a' + i / 26) + (char) ('a' + i % 26) + "bertson";
            String arTail = "" + "بتثجحخدذرزسشصضطظعفقكلمنهوي".charAt(i % 26) + "برتسون" + "بتث".charAt(i / 26);
            people.add(new Person("Mila" + tail + " Grant", "ميلا" + arTail + " غرانت"));
        }
        people.add(new Person("Milo Lee", "ميلو لي"));
        FuzzyIndex<Integer> index = index(people, false);

        List<FuzzyIndex.Match<Integer>> en = index.search("Mil", 25, true);
        assertThat(en).hasSize(25);
        assertThat(en.get(0).key()).isEqualTo("Milo Lee");
        List<FuzzyIndex.Match<Integer>> ar = index.search("ميل", 25, true);
        assertThat(ar).hasSize(25);
        assertThat(ar.get(0).key()).isEqualTo("ميلو لي");
    }

    @Test
    void theLastWordCompletesAWordNoOtherQueryWordTook() {
        List<Person> people = new ArrayList<>();
        people.add(new Person("Son Saalha", "سون سالحا"));
        // thirty people whose name holds "Son" but no other word starting with S: not "Son S..."
        for (int i = 0; i < 30; i++) {
            people.add(new Person("Al" + (char) ('a' + i % 26) + "bu" + i / 26 + " Son", "ال" + "بتثجحخدذرزسشصضطظعفقكلمنهوي".charAt(i % 26) + "بو" + " سون"));
        }
        people.add(new Person("Sara Son", "سارا سون"));
        FuzzyIndex<Integer> index = index(people, true);

        assertThat(index.search("Son S", 25, true)).extracting(FuzzyIndex.Match::key)
                .containsExactly("Son Saalha", "Sara Son");
        assertThat(index.search("سون س", 25, true)).extracting(FuzzyIndex.Match::key)
                .containsExactly("سون سالحا", "سارا سون");
    }

    @Test
    void aPrefixOfMoreThanTwentyFiveNamesShowsWholeNamePrefixesFirst() {
        List<Person> people = generated(3_000, 3);
        FuzzyIndex<Integer> index = index(people, true);
        for (String typed : List.of("Mil", "ميل", "Dan", "دان")) {
            List<FuzzyIndex.Match<Integer>> found = index.search(typed, 25, true);
            assertThat(found).as(typed).hasSize(25);
            String folded = Normalizer.normalize(typed);
            // more than 25 keys start with what was typed, so every choice is one of them
            assertThat(found).as(typed).allSatisfy(m -> assertThat(Normalizer.normalize(m.key())).startsWith(folded));
        }
    }

    @Test
    void arabicPrefixesMeetTheirNamesWhateverTheHamzaOrTaMarbuta() {
        FuzzyIndex<Integer> index = index(List.of(
                new Person("Ahmed Fatima", "أحمد فاطمة"),
                new Person("Ismail Amira", "إسماعيل أميرة"),
                new Person("Omar Lee", "عمر لي")), false);

        assertThat(index.search("احم", 25, true)).extracting(FuzzyIndex.Match::value).containsExactly(0);
        assertThat(index.search("أحم", 25, true)).extracting(FuzzyIndex.Match::value).containsExactly(0);
        assertThat(index.search("Ahm", 25, true)).extracting(FuzzyIndex.Match::value).containsExactly(0);
        // ta marbuta typed as ha, and the other way round
        assertThat(index.search("احمد فاطمه", 25, true)).extracting(FuzzyIndex.Match::value).containsExactly(0);
        assertThat(index.search("اسماعيل امي", 25, true)).extracting(FuzzyIndex.Match::value).containsExactly(1);
        assertThat(index.search("Ismail Ami", 25, true)).extracting(FuzzyIndex.Match::value).containsExactly(1);
    }

    @Test
    void anEmptyPrefixFindsNobodyAndOneLetterFindsNamesStartingWithIt() {
        List<Person> people = generated(3_000, 5);
        FuzzyIndex<Integer> index = index(people, true);
        assertThat(index.search("", 25, true)).isEmpty();
        assertThat(index.search("  ", 25, true)).isEmpty();
        for (String letter : List.of("v", "ف")) {
            List<FuzzyIndex.Match<Integer>> found = index.search(letter, 25, true);
            assertThat(found).as(letter).hasSize(25)
                    .allSatisfy(m -> assertThat(Normalizer.tokens(m.key())).anySatisfy(w -> assertThat(w).startsWith(letter)));
            assertThat(found).isEqualTo(index.completeByScoringEveryItem(letter, 25));
        }
    }
}
