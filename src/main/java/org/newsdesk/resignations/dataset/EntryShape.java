package org.newsdesk.resignations.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A quick test that a bound entry has the shape the JSON Schema's entry definition demands:
 * what strict binding does not already enforce (required fields, lengths, id patterns, unique
 * and non-empty lists, which kind of value may carry tags or a part of month).
 *
 * <p>It only decides whether the entry needs the full schema check; it produces no messages.
 * The loader runs the JSON Schema on every entry this flags (and on every entry that fails to
 * bind), so the messages users see always come from the schema. A differential test keeps the
 * two in step: anything the schema rejects, this flags.
 */
final class EntryShape {

    private static final int MAX_ID = 80;
    private static final int MAX_TEXT = 2000;
    private static final int MAX_ALIAS = 120;

    private EntryShape() {
    }

    static boolean fits(Entry e) {
        return id(e.id()) && e.added() != null && text(e.name()) && e.aliasesPresent() && aliases(e.aliases()) && id(e.agency())
                && e.inArticlePresent() && e.confidence() != null
                && (e.confidenceNote() == null || text(e.confidenceNote()))
                && fact(e.departure(), Kind.DEPARTURE) && fact(e.office(), Kind.TEXT) && fact(e.title(), Kind.TEXT)
                && fact(e.announced(), Kind.DATE) && (e.effective() == null || fact(e.effective(), Kind.DATE))
                && fact(e.statedReason(), Kind.TEXT) && fact(e.reportedReason(), Kind.TEXT)
                && notes(e.notes()) && reviewed(e.reviewedBy());
    }

    private static final Pattern REVIEWER = Pattern.compile("^[A-Za-z0-9_.-]{1,120}$");
    private static final Pattern AT = Pattern.compile(ReviewedBy.AT_PATTERN);

    private static boolean reviewed(ReviewedBy r) {
        return r == null || (r.reviewer() != null && r.at() != null && REVIEWER.matcher(r.reviewer()).matches()
                && AT.matcher(r.at()).matches());
    }

    private enum Kind { TEXT, DATE, DEPARTURE }

    private static boolean fact(Fact<?> f, Kind kind) {
        if (f == null || f.values().isEmpty() || (f.note() != null && !text(f.note()))) {
            return false;
        }
        for (Attested<?> a : f.values()) {
            if (a == null || a.value() == null || a.standing() == null || !refs(a.sources())
                    || (a.note() != null && !text(a.note()))) {
                return false;
            }
            if (kind == Kind.TEXT && !text((Text) a.value())) {
                return false;
            }
            if (kind != Kind.TEXT && a.tagsPresent()) {
                return false;
            }
            if (kind != Kind.DATE && a.part() != null) {
                return false;
            }
            if (!ids(a.tags())) {
                return false;
            }
        }
        return true;
    }

    private static boolean notes(List<Note> notes) {
        for (Note n : notes) {
            if (n == null || n.text() == null || !text(n.text()) || !refs(n.sources())) {
                return false;
            }
        }
        return true;
    }

    private static boolean refs(List<String> ids) {
        return !ids.isEmpty() && ids(ids);
    }

    // Loops, not streams, from here on: this runs for every entry of every load.
    private static boolean ids(List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (!id(ids.get(i))) {
                return false;
            }
        }
        return unique(ids);
    }

    private static boolean aliases(List<String> aliases) {
        if (aliases == null) {
            return false;
        }
        for (int i = 0; i < aliases.size(); i++) {
            String a = aliases.get(i);
            if (a == null || a.isEmpty() || a.length() > MAX_ALIAS) {
                return false;
            }
        }
        return unique(aliases);
    }

    private static boolean text(Text t) {
        return t != null && length(t.en(), MAX_TEXT) && length(t.ar(), MAX_TEXT);
    }

    /** Same language as the schema's id pattern ^[a-z0-9]+(-[a-z0-9]+)*$, without a regex (hot path). */
    static boolean id(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_ID || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && s.charAt(i - 1) != '-');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** JSON Schema counts code points, not UTF-16 units. */
    private static boolean length(String s, int max) {
        return s != null && !s.isEmpty() && (s.length() <= max || s.codePointCount(0, s.length()) <= max);
    }

    /** Lists here are short (a handful of sources or aliases): pairwise beats hashing. */
    private static boolean unique(List<String> items) {
        int n = items.size();
        if (n > 16) {
            return new HashSet<>(items).size() == n;
        }
        for (int i = 1; i < n; i++) {
            String x = items.get(i);
            for (int j = 0; j < i; j++) {
                if (x.equals(items.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
