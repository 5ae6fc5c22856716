package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Scripts;

/** English and Arabic replies must offer the same keys with the same placeholders. */
class TemplatesTest {

    private final Templates t = Templates.bundled();

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertThat(t.keys(Lang.AR)).containsExactlyInAnyOrderElementsOf(t.keys(Lang.EN));
    }

    @Test
    void everyKeyHasTheSamePlaceholdersInBothLanguages() {
        for (String key : t.keys(Lang.EN)) {
            assertThat(Templates.placeholders(t.get(Lang.AR, key)))
                    .as(key)
                    .isEqualTo(Templates.placeholders(t.get(Lang.EN, key)));
        }
    }

    @Test
    void arabicTextIsArabicAndNoneIsEmpty() {
        for (String key : t.keys(Lang.AR)) {
            String ar = t.get(Lang.AR, key);
            assertThat(ar).as(key).isNotBlank();
            String words = ar.replaceAll("\\{[a-z_]+}", "");
            if (words.codePoints().anyMatch(Character::isLetter)) {
                // Command examples stay Latin ("/resignations who"); the sentence around them must be Arabic.
                assertThat(words.codePoints().filter(Scripts::isArabic).count())
                        .as("%s is not written in Arabic: %s", key, ar).isGreaterThanOrEqualTo(4);
            }
        }
    }

    @Test
    void aMissingPlaceholderValueFailsLoudly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.get(Lang.EN, "footer", "version", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
