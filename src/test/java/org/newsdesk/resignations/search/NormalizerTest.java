package org.newsdesk.resignations.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // Latin: case, accents, punctuation, apostrophes
            "Andrew Miller|andrew miller",
            "  ANDREW   miller  |andrew miller",
            "José Núñez|jose nunez",
            "O'Brien|obrien",
            "Greenberg-Call|greenberg call",
            // Arabic: diacritics, tatweel, hamza and alef forms, ta marbuta, alef maqsura
            "لِيلي جرينبرج|ليلي جرينبرج",
            "ميـــلر|ميلر",
            "أندرو|اندرو",
            "إسرائيل|اسراييل",
            "آنا|انا",
            "هالة|هاله",
            "مصطفى|مصطفي",
            "مسؤول|مسوول",
            // G rendered as غ, ج or گ by different outlets
            "غيلبرت|جيلبرت",
            "گيلبرت|جيلبرت",
            // Arabic-Indic and Persian digits
            "٨ مايو ٢٠٢٤|8 مايو 2024",
            "۱۵|15",
            // invisible and direction controls
            "Mil\u200Bler|miller",
            "\u202Eميلر\u202C|ميلر",
            "\u2068Miller\u2069|miller",
            // presentation forms
            "ﻣﻴﻠﺮ|ميلر"
    })
    void foldsSpellingsThatShouldMatch(String raw, String expected) {
        assertThat(Normalizer.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Pual|Paul|1", "miler|miller|1", "miller|miller|0", "abc|xyz|3", "جرينبرج|جرينبيرج|1"})
    void editDistanceCountsTranspositionsAsOne(String a, String b, int expected) {
        assertThat(EditDistance.osa(Normalizer.normalize(a), Normalizer.normalize(b), 5)).isEqualTo(expected);
    }
}
