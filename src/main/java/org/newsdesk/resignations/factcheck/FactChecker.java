package org.newsdesk.resignations.factcheck;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.Agency;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Scripts;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Checks a claim against one snapshot of the dataset: finds the officials it names, reads what it
 * asserts about each, and judges every assertion against the entry. Built once per snapshot
 * (alongside its {@link Directory}); a check never scans all entries: names are found by hash
 * lookups, and what is worked out per entry or per source is computed on first use and kept.
 * Thread-safe.
 */
public final class FactChecker {

    /** Longest claim checked; the rest of a longer text is left out, and the result says so. */
    public static final int MAX_CLAIM = 4000;
    /** Nearest names offered for a name the dataset does not hold. */
    static final int SUGGESTIONS = 3;
    /**
     * Longest word and longest text sent to the directory's fuzzy index: its typo search grows with
     * the cube of a word's length, and no name is longer than this.
     */
    static final int MAX_NAME_WORD = 40;
    static final int MAX_NAME_QUERY = 200;

    private final Directory directory;
    private final Snapshot snapshot;
    private final PhraseMatcher<Cue> lexicon = new PhraseMatcher<>();
    private final Set<String> vocabulary = new HashSet<>();
    private final PersonFinder people;
    private final SourceOutlets sourceOutlets = new SourceOutlets();
    private final Cache<String, EntryProfile> profiles;
    private final Cache<String, Set<String>> outletsBySource;
    private final Judge judge;

    public FactChecker(Directory directory) {
        this.directory = directory;
        this.snapshot = directory.snapshot();
        Lexicon.addTo(lexicon);
        for (Agency a : snapshot.agencies()) {
            List<String> names = new ArrayList<>(List.of(a.name().en(), a.name().ar(), a.shortName().en(), a.shortName().ar()));
            names.addAll(a.aliases());
            for (String n : names) {
                lexicon.add(guard(n), new Cue.AgencyName(a.id()));
                for (String w : Normalizer.tokens(n)) {
                    vocabulary.add(w);
                }
            }
        }
        vocabulary.addAll(lexicon.words());
        this.people = new PersonFinder(directory);
        this.profiles = Caffeine.newBuilder().maximumSize(50_000).build();
        this.outletsBySource = Caffeine.newBuilder().maximumSize(200_000).build();
        this.judge = new Judge(snapshot, this::profile, this::outletsOf);
    }

    /**
     * A one-word Latin alias that is also a common word ("State", "Army", "Interior") must be
     * capitalized in the claim; a short acronym ("DOS", "OMB") must be in capitals.
     */
    private static String guard(String alias) {
        String[] words = alias.strip().split("\\s+");
        if (words.length != 1 || alias.codePoints().noneMatch(Scripts::isLatinLetter)) {
            return alias;
        }
        boolean acronym = alias.length() <= 4 && alias.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        return (acronym ? "^^" : "^") + alias;
    }

    public Directory directory() {
        return directory;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    EntryProfile profile(Entry e) {
        return profiles.get(e.id(), k -> new EntryProfile(e, lexicon));
    }

    Set<String> outletsOf(String sourceId) {
        return outletsBySource.get(sourceId, id -> snapshot.source(id).map(sourceOutlets::of).orElse(Set.of()));
    }

    /** The outlets a source stands for (keys such as "washington-post"); for tests and the desk's review. */
    public Set<String> outletsOfSource(Source s) {
        return sourceOutlets.of(s);
    }

    public FactCheckResult check(String claim) {
        String text = claim == null ? "" : claim;
        boolean truncated = false;
        if (text.length() > MAX_CLAIM) {
            int cut = text.lastIndexOf(' ', MAX_CLAIM);
            cut = cut > MAX_CLAIM / 2 ? cut : MAX_CLAIM;
            if (Character.isHighSurrogate(text.charAt(cut - 1))) {
                cut--;
            }
            text = text.substring(0, cut);
            truncated = true;
        }
        if (text.isBlank()) {
            return new FactCheckResult(FactCheckResult.Status.EMPTY, text, truncated, List.of(), Verdict.NOT_COVERED,
                    snapshot.version());
        }
        ClaimText c = ClaimText.parse(text);
        if (c.size() == 0) {
            return new FactCheckResult(FactCheckResult.Status.NO_TEXT, text, truncated, List.of(), Verdict.NOT_COVERED,
                    snapshot.version());
        }
        Cues cues = new Cues(c, lexicon);
        List<PersonFinder.Mention> mentions = new ArrayList<>(people.find(c, vocabulary));
        mentions.addAll(UnknownNames.find(c, cues, mentions, vocabulary));
        mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
        ClaimExtractor extractor = new ClaimExtractor(c, cues, this::profile);
        List<ClaimExtractor.Part> parts = extractor.parts(mentions);

        Map<String, PersonAcc> byPerson = new LinkedHashMap<>();
        for (ClaimExtractor.Part part : parts) {
            PersonFinder.Mention m = part.mention();
            if (!m.known()) {
                String key = "?" + Normalizer.normalize(part.typed());
                byPerson.computeIfAbsent(key, k -> new PersonAcc(Optional.empty(), part.typed(), false, suggestionsFor(m, part.typed())))
                        .add(new Judgement(part.points().get(0).assertion(), Verdict.NOT_COVERED,
                                m.entries().isEmpty() ? "person_unknown" : "person_ambiguous", List.of(), List.of(), List.of()));
                continue;
            }
            Entry e = m.entries().get(0);
            PersonAcc acc = byPerson.computeIfAbsent(e.id(), k -> new PersonAcc(Optional.of(e), part.typed(), m.approximate(), List.of()));
            Map<String, List<Judge.Outcome>> attributed = new LinkedHashMap<>();
            Map<String, String> attributedExcerpt = new LinkedHashMap<>();
            for (ClaimExtractor.Point p : part.points()) {
                Judge.Outcome o = judge.judge(e, p.assertion());
                acc.add(o.judgement());
                p.outlet().ifPresent(x -> {
                    attributed.computeIfAbsent(x, k -> new ArrayList<>()).add(o);
                    attributedExcerpt.putIfAbsent(x, p.assertion().excerpt());
                });
            }
            attributed.forEach((outlet, outcomes) -> acc.add(judge.attribution(e, outlet, outcomes, attributedExcerpt.get(outlet))));
        }
        List<PersonCheck> checks = new ArrayList<>();
        boolean anyKnown = false;
        for (PersonAcc acc : byPerson.values()) {
            checks.add(acc.build());
            anyKnown |= acc.entry.isPresent();
        }
        if (!anyKnown) {
            if (checks.isEmpty()) {
                checks.add(new PersonCheck(Optional.empty(), "", false, suggestFromText(c, vocabulary),
                        List.of(new Judgement(new Assertion(Aspect.PERSON, new Claimed.Person(""), "", Optional.empty()),
                                Verdict.NOT_COVERED, "no_official", List.of(), List.of(), List.of()))));
            }
            return new FactCheckResult(FactCheckResult.Status.NO_OFFICIAL, text, truncated, checks, Verdict.NOT_COVERED,
                    snapshot.version());
        }
        List<Verdict> all = new ArrayList<>();
        checks.forEach(p -> p.judgements().forEach(j -> all.add(j.verdict())));
        return new FactCheckResult(FactCheckResult.Status.CHECKED, text, truncated, checks, Verdict.worst(all), snapshot.version());
    }

    private List<Entry> suggestionsFor(PersonFinder.Mention m, String typed) {
        if (!m.entries().isEmpty()) {
            return m.entries().subList(0, Math.min(m.entries().size(), SUGGESTIONS * 2));
        }
        String safe = searchable(typed);
        return safe.isEmpty() ? List.of() : directory.suggestPeople(safe, SUGGESTIONS);
    }

    /** The words of a text that can be names, within the fuzzy index's safe lengths. */
    static String searchable(String text) {
        StringBuilder b = new StringBuilder();
        for (String w : Normalizer.tokens(text)) {
            if (w.length() <= MAX_NAME_WORD && b.length() + w.length() + 1 <= MAX_NAME_QUERY) {
                b.append(w).append(' ');
            }
        }
        return b.toString().strip();
    }

    /** Nearest names to the words of a claim that named nobody the dataset holds. */
    private List<Entry> suggestFromText(ClaimText c, Set<String> vocabulary) {
        StringBuilder words = new StringBuilder();
        int taken = 0;
        for (Token t : c.tokens) {
            if (taken == 8) {
                break;
            }
            if (!t.numeric() && t.norm().length() >= 3 && t.norm().length() <= MAX_NAME_WORD
                    && !vocabulary.contains(t.norm()) && !vocabulary.contains(t.stem())
                    && !Lexicon.NOT_OFFICIALS.contains(t.norm())) {
                words.append(t.norm()).append(' ');
                taken++;
            }
        }
        return words.length() == 0 ? List.of() : directory.suggestPeople(words.toString(), SUGGESTIONS);
    }

    private static final class PersonAcc {
        final Optional<Entry> entry;
        final String typed;
        final boolean approximate;
        final List<Entry> suggestions;
        final List<Judgement> judgements = new ArrayList<>();
        final Set<String> seen = new HashSet<>();

        PersonAcc(Optional<Entry> entry, String typed, boolean approximate, List<Entry> suggestions) {
            this.entry = entry;
            this.typed = typed;
            this.approximate = approximate;
            this.suggestions = suggestions;
        }

        void add(Judgement j) {
            String key = j.aspect() + "|" + j.assertion().claimed() + "|" + j.outlet().orElse("");
            if (seen.add(key)) {
                judgements.add(j);
            }
        }

        PersonCheck build() {
            return new PersonCheck(entry, typed, approximate, suggestions, judgements);
        }
    }
}
