package org.newsdesk.resignations.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Snapshot;

/**
 * Finds people and agencies of one snapshot by whatever the user typed. Built once per load;
 * results for repeated queries (autocomplete fires on every keystroke, often with the same
 * prefix from several users) are cached for the life of the snapshot.
 */
public final class Directory {

    /** Below this a match is a suggestion, not an answer. */
    public static final double CONFIDENT = 0.72;

    private final Snapshot snapshot;
    private final FuzzyIndex<Entry> people;
    private final FuzzyIndex<Agency> agencies;
    private final Cache<String, List<FuzzyIndex.Match<Entry>>> cache;

    public Directory(Snapshot snapshot) {
        this.snapshot = snapshot;
        List<FuzzyIndex.Item<Entry>> p = new ArrayList<>(snapshot.entries().size());
        for (Entry e : snapshot.entries()) {
            List<String> keys = new ArrayList<>();
            keys.add(e.name().en());
            keys.add(e.name().ar());
            keys.addAll(e.aliases());
            p.add(new FuzzyIndex.Item<>(e, keys));
        }
        this.people = new FuzzyIndex<>(p);
        List<FuzzyIndex.Item<Agency>> a = new ArrayList<>();
        for (Agency ag : snapshot.agencies()) {
            List<String> keys = new ArrayList<>();
            keys.add(ag.name().en());
            keys.add(ag.name().ar());
            keys.add(ag.shortName().en());
            keys.add(ag.shortName().ar());
            keys.add(ag.id());
            keys.addAll(ag.aliases());
            a.add(new FuzzyIndex.Item<>(ag, keys));
        }
        this.agencies = new FuzzyIndex<>(a);
        this.cache = Caffeine.newBuilder().maximumSize(10_000).build();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** People whose name or alias matches, best first; the last word may be a prefix when autocompleting. */
    public List<FuzzyIndex.Match<Entry>> people(String query, int limit, boolean autocomplete) {
        String key = (autocomplete ? "a:" : "f:") + limit + ":" + Normalizer.normalize(query);
        return cache.get(key, k -> people.search(query, limit, autocomplete));
    }

    /** The one person the query names, when the best match is confident and clearly ahead. */
    public Optional<Entry> person(String query) {
        String trimmed = query == null ? "" : query.strip();
        Optional<Entry> byId = snapshot.entry(trimmed);
        if (byId.isPresent()) {
            return byId;
        }
        List<FuzzyIndex.Match<Entry>> found = people(trimmed, 2, false);
        // One word that is only part of a longer name ("Mohammed", "Andrew", "Abu") names nobody
        // for certain: the caller offers the matches instead. Surnames the desk uses alone are aliases.
        // A whole name typed without its space ("AndrewMiller") is the whole name, not a part.
        if (!found.isEmpty() && Normalizer.tokens(trimmed).length < 2
                && Normalizer.tokens(found.get(0).key()).length > 1 && !withoutSpaces(trimmed, found.get(0).key())) {
            return Optional.empty();
        }
        return decisive(found);
    }

    private static boolean withoutSpaces(String typed, String key) {
        return Normalizer.normalize(typed).equals(Normalizer.normalize(key).replace(" ", ""));
    }

    public List<FuzzyIndex.Match<Agency>> agencies(String query, int limit, boolean autocomplete) {
        return agencies.search(query, limit, autocomplete);
    }

    public Optional<Agency> agency(String query) {
        String trimmed = query == null ? "" : query.strip();
        Optional<Agency> byId = snapshot.agency(trimmed);
        if (byId.isPresent()) {
            return byId;
        }
        return decisive(agencies(trimmed, 2, false));
    }

    private static <T> Optional<T> decisive(List<FuzzyIndex.Match<T>> found) {
        if (found.isEmpty() || found.get(0).score() < CONFIDENT) {
            return Optional.empty();
        }
        if (found.size() > 1 && found.get(1).value() != found.get(0).value()
                && found.get(0).score() - found.get(1).score() < 0.05) {
            return Optional.empty();   // two people fit equally well: ask, don't guess
        }
        return Optional.of(found.get(0).value());
    }

    /** Nearest names for a failed lookup, looser than a match: typed prefix or a few edits. */
    public List<Entry> suggestPeople(String query, int limit) {
        return suggest(people(query, limit, true), people.anyWord(query, limit), limit);
    }

    public List<Agency> suggestAgencies(String query, int limit) {
        return suggest(agencies(query, limit, true), agencies.anyWord(query, limit), limit);
    }

    /** The close matches first, then the looser ones, each record once. */
    private static <T> List<T> suggest(List<FuzzyIndex.Match<T>> close, List<FuzzyIndex.Match<T>> loose, int limit) {
        LinkedHashSet<T> out = new LinkedHashSet<>();
        for (List<FuzzyIndex.Match<T>> list : List.of(close, loose)) {
            for (FuzzyIndex.Match<T> m : list) {
                if (out.size() < limit) {
                    out.add(m.value());
                }
            }
        }
        return new ArrayList<>(out);
    }
}
