package org.newsdesk.resignations.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.query.Queries;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.search.FuzzyIndex;

/**
 * Autocomplete choices for names and agencies: matched in either script, shown in the script the
 * user is typing in, at most 25, each label 1–100 characters; the value is the record id.
 */
public final class Completions {

    private final Queries queries;

    public Completions(Queries queries) {
        this.queries = queries;
    }

    public List<Reply.Choice> complete(String option, String typed) {
        String t = typed == null ? "" : typed;
        if (t.length() > ResignationCommands.MAX_NAME_QUERY) {
            return List.of();
        }
        Lang script = Scripts.mostlyArabic(t) ? Lang.AR : Lang.EN;
        return switch (option) {
            case "name" -> people(t, script);
            case "agency" -> agencies(t, script);
            default -> List.of();
        };
    }

    private List<Reply.Choice> people(String typed, Lang script) {
        var dir = queries.directory();
        Set<Entry> picked = new LinkedHashSet<>();
        if (typed.isBlank()) {
            List<Entry> newestFirst = new ArrayList<>(dir.snapshot().chronological());
            java.util.Collections.reverse(newestFirst);
            picked.addAll(newestFirst);
        } else {
            for (FuzzyIndex.Match<Entry> m : dir.people(typed, Limits.CHOICES, true)) {
                picked.add(m.value());
            }
        }
        List<Reply.Choice> out = new ArrayList<>();
        for (Entry e : picked) {
            if (out.size() == Limits.CHOICES) {
                break;
            }
            out.add(new Reply.Choice(label(e.name().in(script)), e.id()));
        }
        return out;
    }

    private List<Reply.Choice> agencies(String typed, Lang script) {
        var dir = queries.directory();
        Set<Agency> picked = new LinkedHashSet<>();
        if (typed.isBlank()) {
            picked.addAll(dir.snapshot().agencies());
        } else {
            for (FuzzyIndex.Match<Agency> m : dir.agencies(typed, Limits.CHOICES, true)) {
                picked.add(m.value());
            }
        }
        List<Reply.Choice> out = new ArrayList<>();
        for (Agency a : picked) {
            if (out.size() == Limits.CHOICES) {
                break;
            }
            out.add(new Reply.Choice(label(a.shortName().in(script)), a.id()));
        }
        return out;
    }

    private static String label(String s) {
        String v = Fit.shorten(s.strip(), Limits.CHOICE_NAME);
        return v.isEmpty() ? "?" : v;
    }
}
