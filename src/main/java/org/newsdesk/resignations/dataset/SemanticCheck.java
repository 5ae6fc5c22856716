package org.newsdesk.resignations.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules the JSON Schema cannot say: ids unique and resolvable, dates real and not in the
 * future, each fact's standings coherent, both translations present and in the right script.
 */
public final class SemanticCheck {

    private final LocalDate today;

    public SemanticCheck(LocalDate today) {
        this.today = today;
    }

    public List<Problem> check(String file, Dataset d) {
        return check(file, d, java.util.stream.IntStream.range(0, d.entries().size()).boxed().toList());
    }

    /** @param positions index in the file of each entry (some may have been unreadable) */
    public List<Problem> check(String file, Dataset d, List<Integer> positions) {
        Run run = new Run(file, d, positions);
        run.all();
        return run.problems;
    }

    private final class Run {
        final String file;
        final Dataset d;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Source> sources;
        final Set<String> agencies;
        final List<Integer> positions;

        Run(String file, Dataset d, List<Integer> positions) {
            this.file = file;
            this.d = d;
            this.positions = positions;
            this.sources = d.sources().stream()
                    .collect(Collectors.toMap(Source::id, Function.identity(), (a, b) -> a));
            this.agencies = d.agencies().stream().map(Agency::id).collect(Collectors.toSet());
        }

        void add(String pointer, String message) {
            problems.add(Problem.at(file, pointer, message));
        }

        void all() {
            text("/dataset/title", d.dataset().title());
            if (d.dataset().citation() != null) {
                text("/dataset/citation", d.dataset().citation());
            }
            unique("/agencies", d.agencies().stream().map(Agency::id).toList(), "agency", null);
            unique("/sources", d.sources().stream().map(Source::id).toList(), "source", null);
            unique("/entries", d.entries().stream().map(Entry::id).toList(), "entry", positions);
            for (int i = 0; i < d.agencies().size(); i++) {
                Agency a = d.agencies().get(i);
                String p = "/agencies/" + i;
                text(p + "/name", a.name());
                text(p + "/short", a.shortName());
                aliases(p + "/aliases", a.aliases());
            }
            for (int i = 0; i < d.sources().size(); i++) {
                source("/sources/" + i, d.sources().get(i));
            }
            for (int i = 0; i < d.entries().size(); i++) {
                entry("/entries/" + positions.get(i), d.entries().get(i));
            }
        }

        void unique(String pointer, List<String> ids, String what, List<Integer> at) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!EntryShape.id(ids.get(i))) {
                    add(pointer + "/" + (at == null ? i : at.get(i)) + "/id",
                            "is not a valid id: use lower-case letters, digits and single hyphens (e.g. \"andrew-miller\").");
                }
                if (!seen.add(ids.get(i))) {
                    add(pointer + "/" + (at == null ? i : at.get(i)) + "/id", "the " + what + " id \"" + ids.get(i)
                            + "\" is used twice; every " + what + " needs its own id.");
                }
            }
        }

        void source(String p, Source s) {
            if (s.url() != null && s.url().chars().anyMatch(c -> c <= ' ')) {
                add(p + "/url", "is not a web address: it contains a space or a line break.");
            }
            if (s.url() == null && s.kind() != SourceKind.ARTICLE_UNDER_REVIEW) {
                add(p + "/url", "a source needs a web address (http:// or https://); only the article under review may have none.");
            }
            if (s.published() != null) {
                date(p + "/published", s.published());
            }
            if (s.note() != null) {
                text(p + "/note", s.note());
            }
        }

        void entry(String p, Entry e) {
            text(p + "/name", e.name());
            aliases(p + "/aliases", e.aliases());
            if (!agencies.contains(e.agency())) {
                add(p + "/agency", "the agency \"" + e.agency() + "\" is not in the agencies table; add it there or use a known id.");
            }
            if (e.added() != null && e.added().isAfter(today)) {
                add(p + "/added", "the date this entry was added is in the future.");
            }
            if (e.confidenceNote() != null) {
                text(p + "/confidence_note", e.confidenceNote());
            }
            fact(p + "/departure", e.departure(), (Checker<Departure>) (vp, v) -> { });
            fact(p + "/office", e.office(), this::text);
            fact(p + "/title", e.title(), this::text);
            fact(p + "/announced", e.announced(), this::date);
            if (e.effective() != null) {
                fact(p + "/effective", e.effective(), this::date);
            }
            fact(p + "/stated_reason", e.statedReason(), this::text);
            fact(p + "/reported_reason", e.reportedReason(), this::text);
            for (int i = 0; i < e.notes().size(); i++) {
                Note n = e.notes().get(i);
                text(p + "/notes/" + i + "/text", n.text());
                cites(p + "/notes/" + i + "/sources", n.sources());
            }
        }

        /** Checks one value's content at its pointer. */
        interface Checker<T> {
            void check(String pointer, T value);
        }

        <T> void fact(String p, Fact<T> f, Checker<T> valueCheck) {
            if (f.note() != null) {
                text(p + "/note", f.note());
            }
            int preferred = 0;
            int alternatives = 0;
            for (int i = 0; i < f.values().size(); i++) {
                Attested<T> a = f.values().get(i);
                String vp = p + "/values/" + i;
                valueCheck.check(vp + "/value", a.value());
                cites(vp + "/sources", a.sources());
                if (a.note() != null) {
                    text(vp + "/note", a.note());
                }
                if (a.part() != null && a.value() instanceof PartialDate pd
                        && pd.precision() != PartialDate.Precision.MONTH) {
                    add(vp + "/part", "\"early\", \"mid\" or \"late\" only goes with a month (YYYY-MM), not with "
                            + (pd.precision() == PartialDate.Precision.DAY ? "a full date." : "a year alone."));
                }
                switch (a.standing()) {
                    case PREFERRED -> preferred++;
                    case ALTERNATIVE -> alternatives++;
                    case REJECTED -> {
                        if (a.note() == null) {
                            add(vp + "/note", "a rejected value needs a note saying why the dataset rejects it.");
                        }
                    }
                }
                if (a.standing() != Standing.REJECTED && !a.sources().isEmpty()
                        && a.sources().stream().map(sources::get)
                        .allMatch(s -> s == null || s.kind() == SourceKind.ARTICLE_UNDER_REVIEW)) {
                    add(vp + "/sources", "a value the dataset states as fact must cite at least one source other than the article under review.");
                }
            }
            if (preferred > 1) {
                add(p + "/values", "more than one value is marked preferred; the dataset can stand behind only one.");
            }
            if (preferred == 0 && alternatives < 2) {
                add(p + "/values", "no value is marked preferred; mark the one the dataset stands behind, or give at least two alternatives if the point is contested.");
            }
        }

        void cites(String p, List<String> ids) {
            for (int i = 0; i < ids.size(); i++) {
                if (!EntryShape.id(ids.get(i))) {
                    add(p + "/" + i, "is not a valid source id.");
                } else if (!sources.containsKey(ids.get(i))) {
                    add(p + "/" + i, "cites the source \"" + ids.get(i) + "\", which is not in the sources table.");
                }
            }
        }

        void date(String p, PartialDate date) {
            if (!date.isValid()) {
                add(p, "\"" + date + "\" is not a real calendar date.");
            } else if (date.earliestDay().isAfter(today)) {
                add(p, "\"" + date + "\" is in the future.");
            }
        }

        void text(String p, Text t) {
            if (t.en().isBlank()) {
                add(p + "/en", "the English text is empty.");
            } else if (!hasNonArabicWordCharacter(t.en())) {
                add(p + "/en", "the English text contains no English words.");
            }
            if (t.ar().isBlank()) {
                add(p + "/ar", "the Arabic translation is empty.");
            } else if (!hasArabicLetter(t.ar())) {
                add(p + "/ar", "the Arabic translation contains no Arabic letters.");
            }
        }

        // Loops, not streams: these run for every text of every entry on each load.
        private static boolean hasArabicLetter(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Scripts.isArabic(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean hasNonArabicWordCharacter(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isLetterOrDigit(c) && !Scripts.isArabic(c)) {
                    return true;
                }
            }
            return false;
        }

        void aliases(String p, List<String> aliases) {
            for (int i = 0; i < aliases.size(); i++) {
                if (aliases.get(i).isBlank()) {
                    add(p + "/" + i, "an alias is blank.");
                }
            }
        }
    }
}
