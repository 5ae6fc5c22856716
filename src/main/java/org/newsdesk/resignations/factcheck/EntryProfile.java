package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Text;

/**
 * What the checker needs to know about one entry's titles and offices, worked out once per entry
 * (on first use) rather than per claim: the roles each title names and the agencies it mentions,
 * and the word pairs that identify each office.
 */
final class EntryProfile {

    /** One title or office value and what its text says. */
    record ValueInfo(Attested<Text> value, Set<String> roles, Set<String> agencies, Set<String> pairs) {
    }

    private static final Set<String> OFFICE_STOP = Set.of("of", "the", "and", "for", "in", "on", "at", "to", "a", "an",
            "u", "s", "us", "united", "states", "department", "dept", "portfolio", "position", "contract", "employer",
            "not", "reported", "unit",
            "ملف", "وزاره", "الامريكيه", "الامريكي", "الاميركيه", "الاميركي", "في", "من", "ل", "و", "عن", "على",
            "موجب", "عقد", "جهه", "التوظيف", "توظيف", "لم", "تذكر", "الوحده", "وحده");

    final List<ValueInfo> titles;
    final List<ValueInfo> offices;
    /** Every source the entry cites, for any fact or note. */
    final Set<String> sourceIds = new LinkedHashSet<>();

    EntryProfile(Entry e, PhraseMatcher<Cue> lexicon) {
        for (var f : List.of(e.departure(), e.office(), e.title(), e.announced(), e.statedReason(), e.reportedReason())) {
            f.values().forEach(v -> sourceIds.addAll(v.sources()));
        }
        if (e.effective() != null) {
            e.effective().values().forEach(v -> sourceIds.addAll(v.sources()));
        }
        e.notes().forEach(n -> sourceIds.addAll(n.sources()));
        this.titles = new ArrayList<>();
        for (Attested<Text> v : e.title().values()) {
            titles.add(describe(v, e, lexicon));
        }
        this.offices = new ArrayList<>();
        for (Attested<Text> v : e.office().values()) {
            offices.add(describe(v, e, lexicon));
        }
    }

    private static ValueInfo describe(Attested<Text> v, Entry e, PhraseMatcher<Cue> lexicon) {
        Set<String> roles = new LinkedHashSet<>();
        Set<String> agencies = new LinkedHashSet<>();
        Set<String> pairs = new HashSet<>();
        for (String text : List.of(v.value().en(), v.value().ar())) {
            ClaimText t = ClaimText.parse(text);
            List<PhraseMatcher.Match<Cue>> roleMatches = new ArrayList<>();
            for (PhraseMatcher.Match<Cue> m : lexicon.matchAll(t)) {
                if (m.payload() instanceof Cue.Role) {
                    roleMatches.add(m);
                } else if (m.payload() instanceof Cue.AgencyName a) {
                    agencies.add(a.id());
                }
            }
            for (PhraseMatcher.Match<Cue> m : PhraseMatcher.longestNonOverlapping(roleMatches)) {
                roles.add(((Cue.Role) m.payload()).role());
            }
            pairs.addAll(pairs(t));
        }
        if (agencies.isEmpty()) {
            agencies.add(e.agency());
        }
        return new ValueInfo(v, roles, agencies, pairs);
    }

    static boolean isStop(Token t) {
        return OFFICE_STOP.contains(t.stem()) || OFFICE_STOP.contains(t.norm());
    }

    /** Adjacent content words (stems), the signature of an office: "human right", "سكان لاجيين". */
    static Set<String> pairs(ClaimText t) {
        Set<String> out = new HashSet<>();
        String prev = null;
        int prevSentence = -1;
        for (Token tok : t.tokens) {
            String w = tok.stem();
            if (isStop(tok) || tok.numeric() || w.length() < 2) {
                continue;
            }
            if (prev != null && prevSentence == tok.sentence()) {
                out.add(prev + " " + w);
            }
            prev = w;
            prevSentence = tok.sentence();
        }
        return out;
    }
}
