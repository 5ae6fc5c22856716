package org.newsdesk.resignations.factcheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.SourceKind;

/**
 * Which outlets a source stands for. A source's outlet field names the outlet first, then, in
 * brackets, how it was read ("The Washington Post (syndicated by Anchorage Daily News)") or what it
 * cites ("Elnashra (citing Al Jazeera sources; …)"). Only those parts credit an outlet; a
 * description such as "(Arabic text that attributes a protest motive to WaPo)" does not make
 * arabkhabar.com a Washington Post source. The article under review credits no outlet: it is the
 * text being checked, not a report the claim can lean on.
 */
final class SourceOutlets {

    private static final Pattern PAREN = Pattern.compile("\\(([^)]*)\\)");
    private static final Pattern TRIGGER = Pattern.compile(
            "^(?:via|citing|syndicated (?:by|on)|republished by|mirrored by|summary of|seen via|based on)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SOURCED = Pattern.compile("(.+?)[- ]sourced\\b", Pattern.CASE_INSENSITIVE);

    private final PhraseMatcher<String> names = new PhraseMatcher<>();

    SourceOutlets() {
        Lexicon.OUTLETS.forEach((key, list) -> list.forEach(n -> names.add(n.replace("^", ""), key)));
    }

    Set<String> of(Source s) {
        Set<String> out = new LinkedHashSet<>();
        if (s.kind() == SourceKind.ARTICLE_UNDER_REVIEW || s.outlet() == null) {
            return out;
        }
        List<String> parts = new ArrayList<>(credited(s.outlet()));
        parts.addAll(s.relays()); // the outlets whose reporting the source carries, as the dataset declares them
        for (String part : parts) {
            ClaimText t = ClaimText.parse(part);
            for (PhraseMatcher.Match<String> m : names.matchAll(t)) {
                out.add(m.payload());
            }
        }
        return out;
    }

    /** The parts of an outlet field that name who reported: its lead, and what it says it relays. */
    static List<String> credited(String outlet) {
        List<String> parts = new ArrayList<>();
        String lead = outlet;
        int cut = indexOfAny(lead, '(', ':');
        if (cut >= 0) {
            lead = lead.substring(0, cut);
        }
        int citing = lead.toLowerCase(Locale.ROOT).indexOf(", citing ");
        if (citing >= 0) {
            parts.add(lead.substring(0, citing));
            parts.add(lead.substring(citing + ", citing ".length()));
        } else {
            parts.add(lead);
        }
        String beforeColon = outlet.contains("):") ? outlet.substring(0, outlet.indexOf("):") + 1) : outlet;
        Matcher m = PAREN.matcher(beforeColon);
        while (m.find()) {
            for (String piece : m.group(1).split(";")) {
                String p = piece.strip();
                Matcher tr = TRIGGER.matcher(p);
                Matcher so = SOURCED.matcher(p);
                if (tr.matches()) {
                    parts.add(tr.group(1));
                } else if (so.find()) {
                    parts.add(so.group(1));
                } else if (!p.contains(":") && p.split("\\s+").length <= 3) {
                    parts.add(p);
                }
            }
        }
        return parts;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
