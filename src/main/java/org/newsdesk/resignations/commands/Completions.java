package org.newsdesk.resignations.commands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private volatile CommandObserver observer = CommandObserver.NONE;

    public Completions(Queries queries) {
        this.queries = queries;
    }

    /** Who hears how long each answer took (the metrics); set once at wiring. */
    public void observe(CommandObserver observer) {
        this.observer = observer;
    }

    public List<Reply.Choice> complete(String option, String typed) {
        long start = System.nanoTime();
        try {
            return choices(option, typed);
        } finally {
            observer.completed(option.equals("name") || option.equals("agency") ? option : "other", System.nanoTime() - start);
        }
    }

    private List<Reply.Choice> choices(String option, String typed) {
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
        // Nothing typed yet: the most recent departures, newest first.
        List<Entry> recent = dir.snapshot().chronological();
        List<Entry> idle = new ArrayList<>();
        for (int i = recent.size() - 1; i >= 0 && idle.size() < Limits.CHOICES; i--) {
            idle.add(recent.get(i));
        }
        return choices(typed, idle, () -> dir.people(typed, Limits.CHOICES, true),
                e -> new Reply.Choice(label(e.name().in(script)), e.id()));
    }

    private List<Reply.Choice> agencies(String typed, Lang script) {
        var dir = queries.directory();
        return choices(typed, dir.snapshot().agencies(), () -> dir.agencies(typed, Limits.CHOICES, true),
                a -> new Reply.Choice(label(a.shortName().in(script)), a.id()));
    }

    /** Distinct records, at most Discord's 25: the idle list when nothing is typed, else the matches. */
    private static <T> List<Reply.Choice> choices(String typed, List<T> idle,
                                                  Supplier<List<FuzzyIndex.Match<T>>> matches,
                                                  Function<T, Reply.Choice> choice) {
        Set<T> picked = new LinkedHashSet<>();
        if (typed.isBlank()) {
            picked.addAll(idle);
        } else {
            matches.get().forEach(m -> picked.add(m.value()));
        }
        return picked.stream().limit(Limits.CHOICES).map(choice).toList();
    }

    private static String label(String s) {
        String v = Fit.shorten(s.strip(), Limits.CHOICE_NAME);
        return v.isEmpty() ? "?" : v;
    }
}
