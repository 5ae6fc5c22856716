package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date known to a year, a month or a day. "May 2024" stays a month: it is never turned into
 * 2024-05-01. The constructor does not check the calendar so that a bad file can still be read
 * and reported; {@link #isValid()} tells whether the date exists.
 */
public record PartialDate(int year, int month, int day) implements Comparable<PartialDate> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\\d|3[01]))?)?");

    public enum Precision { YEAR, MONTH, DAY }

    /** From the dataset file: exactly YYYY, YYYY-MM or YYYY-MM-DD, no surrounding spaces or line breaks. */
    @JsonCreator
    static PartialDate fromJson(String raw) {
        if (raw == null || !raw.equals(raw.strip()) || raw.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD");
        }
        // the same language as FORMAT, by hand: this runs for every date of every entry on a load
        int n = raw.length();
        if ((n == 4 || n == 7 || n == 10) && digits(raw, 0, 4) && (n == 4 || (raw.charAt(4) == '-' && digits(raw, 5, 7)))
                && (n < 10 || (raw.charAt(7) == '-' && digits(raw, 8, 10)))) {
            int y = number(raw, 0, 4);
            int mo = n >= 7 ? number(raw, 5, 7) : 0;
            int d = n == 10 ? number(raw, 8, 10) : 0;
            if ((n == 4 || (mo >= 1 && mo <= 12)) && (n < 10 || (d >= 1 && d <= 31))) {
                return new PartialDate(y, mo, d);
            }
        }
        throw new IllegalArgumentException("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: " + raw);
    }

    /** ASCII digits only, as the schema's patterns mean them. */
    static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** As a user types it: surrounding spaces are ignored. */
    public static PartialDate parse(String raw) {
        Matcher m = FORMAT.matcher(raw == null ? "" : raw.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: " + raw);
        }
        int y = Integer.parseInt(m.group(1));
        int mo = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int d = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new PartialDate(y, mo, d);
    }

    public static Optional<PartialDate> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A date as a person types it (an option, a form field): 2024, 2024-05, 2024-05-15 or
     * 2024/05/15, with Latin or Arabic-Indic digits; empty when it is no valid date.
     */
    public static Optional<PartialDate> typed(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        typed.strip().codePoints().forEach(c -> {
            if (c >= 0x660 && c <= 0x669) {
                b.append((char) ('0' + c - 0x660));
            } else if (c >= 0x6F0 && c <= 0x6F9) {
                b.append((char) ('0' + c - 0x6F0));
            } else {
                b.appendCodePoint(c == '/' ? '-' : c);
            }
        });
        return tryParse(b.toString()).filter(PartialDate::isValid);
    }

    public static PartialDate of(LocalDate date) {
        return new PartialDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public Precision precision() {
        return day != 0 ? Precision.DAY : month != 0 ? Precision.MONTH : Precision.YEAR;
    }

    /** True when the date exists in the calendar (month 1–12, day within the month). */
    public boolean isValid() {
        if (year < 1 || month < 0 || month > 12 || day < 0 || (month == 0 && day != 0)) {
            return false;
        }
        if (day == 0) {
            return true;
        }
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The first day this date may mean; used for ranges and "not in the future" checks. */
    public LocalDate earliestDay() {
        return LocalDate.of(year, Math.max(month, 1), Math.max(day, 1));
    }

    /** The last day this date may mean. */
    public LocalDate latestDay() {
        if (month == 0) {
            return LocalDate.of(year, 12, 31);
        }
        if (day == 0) {
            return LocalDate.of(year, month, 1).plusMonths(1).minusDays(1);
        }
        return LocalDate.of(year, month, day);
    }

    /** True when this date, at its precision, is compatible with the other (e.g. 2024-05 and 2024-05-15). */
    public boolean overlaps(PartialDate other) {
        return !latestDay().isBefore(other.earliestDay()) && !other.latestDay().isBefore(earliestDay());
    }

    @Override
    public int compareTo(PartialDate o) {
        int c = Integer.compare(year, o.year);
        if (c == 0) {
            c = Integer.compare(month, o.month);
        }
        if (c == 0) {
            c = Integer.compare(day, o.day);
        }
        return c;
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }
}
