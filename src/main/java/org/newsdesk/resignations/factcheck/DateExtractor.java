package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Reads dates as reporters write them: "May 8", "8 May 2024", "June 21, 2024", "the 8th of May",
 * "8 مايو", "٨ أيار", "الثامن من مايو", "الثامن والعشرين من مايو", "18 تشرين الأول 2023",
 * "أواخر مايو", "late May", "mid-June", "in October", "2024-05-15". A month word that has another
 * meaning ("May", "مارس", "آب") counts only next to a day, a year or a word such as "in"/"في".
 */
final class DateExtractor {

    /** A date found at tokens [start, end). */
    record Found(int start, int end, Claimed.DateOf date) {
    }

    private static final Pattern ORDINAL_DIGITS = Pattern.compile("(\\d{1,2})(st|nd|rd|th)");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DMY = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})");

    private DateExtractor() {
    }

    static List<Found> find(ClaimText c, Cues cues) {
        List<Found> out = new ArrayList<>();
        boolean[] used = new boolean[c.size()];
        for (PhraseMatcher.Match<Cue> m : cues.months) {
            Cue.Month month = (Cue.Month) m.payload();
            if (used[m.start()]) {
                continue;
            }
            int start = m.start();
            int end = m.end();
            int day = 0;
            DatePart part = null;
            // before the month: a day number, an ordinal ("الثامن من"), or a part ("late", "أواخر")
            int before = start - 1;
            if (before >= 0 && isWord(c, before, "of", "من") && before - 1 >= 0) {
                before--;
            }
            if (before >= 0 && c.sameSentence(before, start)) {
                int d = dayNumber(c.at(before));
                PhraseMatcher.Match<Cue> ord = cues.endingAt(cues.ordinals, before + 1);
                PhraseMatcher.Match<Cue> prt = cues.endingAt(cues.parts, before + 1);
                if (d > 0) {
                    day = d;
                    start = before;
                    if (start - 1 >= 0 && isWord(c, start - 1, "the")) {
                        start--;
                    }
                } else if (ord != null) {
                    day = ((Cue.Ordinal) ord.payload()).day();
                    start = ord.start();
                } else if (prt != null) {
                    part = ((Cue.Part) prt.payload()).part();
                    start = prt.start();
                }
            }
            // after the month: a day ("May 8", "May 8th") then a year, or a year ("May 2024", "مايو من عام 2024")
            int next = end;
            if (day == 0 && part == null && next < c.size() && c.sameSentence(next, end - 1)) {
                int d = dayNumber(c.at(next));
                if (d > 0 && !isYear(c.at(next))) {
                    day = d;
                    next++;
                    end = next;
                }
            }
            int year = 0;
            int y = next;
            while (y < c.size() && y < next + 2 && cues.isYearWord(y)) {
                y++;
            }
            if (y < c.size() && c.sameSentence(y, m.start()) && isYear(c.at(y))) {
                year = Integer.parseInt(c.at(y).norm());
                end = y + 1;
            }
            if (day == 0 && part == null && year == 0 && !standsAlone(c, m, month, cues)) {
                continue;
            }
            if (day > 31) {
                continue;
            }
            for (int k = start; k < end; k++) {
                used[k] = true;
            }
            out.add(new Found(start, end, new Claimed.DateOf(year, month.month(), day, part, Claimed.DateRole.UNSPECIFIED)));
        }
        for (int i = 0; i < c.size(); i++) {
            Token t = c.at(i);
            if (used[i] || !t.numeric() || !t.norm().contains("-")) {
                continue;
            }
            Claimed.DateOf d = numeric(t.norm());
            if (d != null) {
                used[i] = true;
                out.add(new Found(i, i + 1, d));
            }
        }
        for (int i = 1; i < c.size(); i++) {
            if (used[i] || !isYear(c.at(i)) || !c.sameSentence(i - 1, i)) {
                continue;
            }
            if (isWord(c, i - 1, "in", "during", "عام", "سنة", "العام", "في") || cues.isYearWord(i - 1)) {
                used[i] = true;
                out.add(new Found(i - 1, i + 1, new Claimed.DateOf(Integer.parseInt(c.at(i).norm()), 0, 0, null,
                        Claimed.DateRole.UNSPECIFIED)));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /** A month with no day, part or year: only when written as a month ("in October", "مارس الماضي"). */
    private static boolean standsAlone(ClaimText c, PhraseMatcher.Match<Cue> m, Cue.Month month, Cues cues) {
        Token first = c.at(m.start());
        boolean intro = m.start() > 0 && c.sameSentence(m.start() - 1, m.start()) && cues.isMonthIntro(m.start() - 1);
        boolean tail = m.end() < c.size() && c.sameSentence(m.end(), m.start()) && cues.isMonthTail(m.end());
        if (first.arabic()) {
            return !month.loose() || intro || tail;
        }
        if (month.loose()) {
            return first.capitalized() && intro;
        }
        return first.capitalized() || intro;
    }

    private static Claimed.@Nullable DateOf numeric(String s) {
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            return checked(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher dmy = DMY.matcher(s);
        if (dmy.matches()) {
            int a = Integer.parseInt(dmy.group(1));
            int b = Integer.parseInt(dmy.group(2));
            int year = Integer.parseInt(dmy.group(3));
            if (a > 12 && b <= 12) {
                return checked(year, b, a);
            }
            if (b > 12 && a <= 12) {
                return checked(year, a, b);
            }
            if (a == b) {
                return checked(year, a, a);
            }
        }
        return null;   // 5/6/2024: day-month or month-day? Not guessed.
    }

    private static Claimed.@Nullable DateOf checked(int year, int month, int day) {
        if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        return new Claimed.DateOf(year, month, day, null, Claimed.DateRole.UNSPECIFIED);
    }

    static boolean isYear(Token t) {
        if (!t.numeric() || t.norm().length() != 4) {
            return false;
        }
        int y = Integer.parseInt(t.norm());
        return y >= 1990 && y <= 2099;
    }

    /** 1–31 written as digits ("8", "٨", "8th"); 0 otherwise. */
    static int dayNumber(Token t) {
        String n = t.norm();
        if (t.numeric() && n.length() <= 2 && !n.contains("-")) {
            int d = Integer.parseInt(n);
            return d >= 1 && d <= 31 ? d : 0;
        }
        Matcher m = ORDINAL_DIGITS.matcher(n);
        if (m.matches()) {
            int d = Integer.parseInt(m.group(1));
            return d >= 1 && d <= 31 ? d : 0;
        }
        return 0;
    }

    private static boolean isWord(ClaimText c, int i, String... words) {
        for (String w : words) {
            if (c.at(i).has(Normalizer.normalize(w))) {
                return true;
            }
        }
        return false;
    }
}
