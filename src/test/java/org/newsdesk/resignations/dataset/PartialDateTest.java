package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @Test
    void keepsItsPrecision() {
        assertThat(PartialDate.parse("2024").precision()).isEqualTo(PartialDate.Precision.YEAR);
        assertThat(PartialDate.parse("2024-05").precision()).isEqualTo(PartialDate.Precision.MONTH);
        assertThat(PartialDate.parse("2024-05-15").precision()).isEqualTo(PartialDate.Precision.DAY);
        assertThat(PartialDate.parse("2024-05")).hasToString("2024-05").isNotEqualTo(PartialDate.parse("2024-05-01"));
    }

    @Test
    void spansTheDaysItMayMean() {
        PartialDate may = PartialDate.parse("2024-05");
        assertThat(may.earliestDay()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(may.latestDay()).isEqualTo(LocalDate.of(2024, 5, 31));
        assertThat(PartialDate.parse("2024-02").latestDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(may.overlaps(PartialDate.parse("2024-05-15"))).isTrue();
        assertThat(may.overlaps(PartialDate.parse("2024-06-01"))).isFalse();
    }

    @Test
    void knowsImpossibleDates() {
        assertThat(PartialDate.parse("2024-02-29").isValid()).isTrue();
        assertThat(PartialDate.parse("2023-02-29").isValid()).isFalse();
        assertThat(PartialDate.tryParse("2024-00")).isEmpty();
        assertThat(PartialDate.tryParse("2024-05-00")).isEmpty();
        assertThat(PartialDate.parse("2024-04-31").isValid()).isFalse();
        assertThatThrownBy(() -> PartialDate.parse("May 2024")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByWhatIsKnown() {
        assertThat(PartialDate.parse("2024-05")).isLessThan(PartialDate.parse("2024-05-01"));
        assertThat(PartialDate.parse("2023-10-18")).isLessThan(PartialDate.parse("2024"));
    }
}
