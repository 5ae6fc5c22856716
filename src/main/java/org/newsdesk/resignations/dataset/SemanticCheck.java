package org.newsdesk.resignations.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The rules the JSON Schema cannot say: ids unique and resolvable, dates real and not in the
 * future, each fact's standings coherent, both translations present and in the right script.
 */
public final class SemanticCheck {

    /** Below this many entries a second thread costs more than it saves. */
    private static final int PARALLEL_FROM = 5_000;
    /** A thread per check of a large dataset (a load or reload now and then), not a pool held for ever. */
    private static final Executor BACKGROUND = task -> {
        Thread t = new Thread(task, "semantic-check");
        t.setDaemon(true);
        t.start();
    };

    private final LocalDate today;

    public SemanticCheck(LocalDate today) {
        this.today = today;
    }

    public List<Problem> check(String file, Dataset d) {
        return check(file, d, IntStream.range(0, d.entries().size()).boxed().toList());
    }

    /** @param positions index in the file of each entry (some may have been unreadable) */
    public List<Problem> check(String file, Dataset d, List<Integer> positions) {
        return check(file, d, positions, null);
    }

    /**
     * @param entryProblems what the rules of each entry found, worked out while the file was
     *                      read ({@link Ahead}), or null to check the entries here
     */
    List<Problem> check(String file, Dataset d, List<Integer> positions, @Nullable List<Problem> entryProblems) {
        Run run = new Run(file, d, positions);
        run.entryProblems = entryProblems;
        run.all();
        return run.problems;
    }

    /**
     * The rules of each entry run on a second thread while the first pass is still reading the
     * rest of the file, so that on two cores they cost a load no time: they read only the entry,
     * the agencies and sources tables (bound from the file's head before its entries) and today.
     * The loader uses what was found only when the whole file's agencies and sources turn out
     * equal to the ones checked against and every entry went by the quick path; otherwise it
     * checks the entries again after the pass, as it did before. The thread starts only once a
     * batch of entries is full (a small file is checked as before), and ends at {@link #finish}
     * or {@link #cancel}, which every load reaches.
     */
    final class Ahead {
        private static final int BATCH = 1024;

        private record Batch(Entry[] entries, int[] positions, int size) {
        }

        private static final Batch END = new Batch(new Entry[0], new int[0], 0);

        private final Run run;
        private final List<Agency> agencies;
        private final List<Source> sources;
        private final LinkedBlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
        private final CompletableFuture<List<Problem>> done = new CompletableFuture<>();
        private Entry[] entries = new Entry[BATCH];
        private int[] positions = new int[BATCH];
        private int size;
        private int count;
        private boolean started;
        private boolean ended;

        private Ahead(String file, List<Agency> agencies, List<Source> sources) {
            this.agencies = agencies;
            this.sources = sources;
            this.run = new Run(file, new Dataset(0, null, agencies, sources, List.of()), List.of());
        }

        /** The next entry of the file, at this index in the file. */
        void add(int position, Entry e) {
            if (ended) {
                return;
            }
            entries[size] = e;
            positions[size] = position;
            size++;
            count++;
            if (size == BATCH) {
                if (!started) {
                    started = true;
                    BACKGROUND.execute(this::check);
                }
                queue.add(new Batch(entries, positions, size));
                entries = new Entry[BATCH];
                positions = new int[BATCH];
                size = 0;
            }
        }

        private void check() {
            try {
                for (Batch b = queue.take(); b != END; b = queue.take()) {
                    for (int i = 0; i < b.size(); i++) {
                        run.entry(Ptr.of("/entries/", b.positions()[i]), b.entries()[i]);
                    }
                }
                done.complete(run.problems);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }

        /**
         * What the rules found in the {@code n} entries given, in file order, or null when they
         * were not checked here ({@code d}'s tables differ from the ones checked against, or
         * another count of entries, or too few entries to start the thread): check them again.
         * A rule that failed on the thread throws here as it would have in {@link #check(String, Dataset)}.
         */
        @Nullable List<Problem> finish(Dataset d, int n) {
            if (!started || ended) {
                cancel();
                return null;
            }
            if (size > 0) {
                queue.add(new Batch(entries, positions, size));
            }
            ended = true;
            queue.add(END);
            List<Problem> found;
            try {
                found = done.join();
            } catch (CompletionException e) {
                if (!sameTables(d, n)) {
                    return null;
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            return sameTables(d, n) ? found : null;
        }

        private boolean sameTables(Dataset d, int n) {
            return count == n && d.agencies().equals(agencies) && d.sources().equals(sources);
        }

        /** Nothing more comes (the file failed, or is checked otherwise): the thread ends. */
        void cancel() {
            if (!ended) {
                ended = true;
                if (started) {
                    queue.add(END);
                }
            }
        }
    }

    /** Entries of a file whose head gave these tables, checked while the file is read. */
    Ahead ahead(String file, List<Agency> agencies, List<Source> sources) {
        return new Ahead(file, agencies, sources);
    }

    private final class Run {
        final String file;
        final Dataset d;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Source> sources;
        final Set<String> agencies;
        final List<Integer> positions;
        /** The entries' problems, found while the file was read; null: check the entries here. */
        @Nullable List<Problem> entryProblems;

        Run(String file, Dataset d, List<Integer> positions) {
            this.file = file;
            this.d = d;
            this.positions = positions;
            this.sources = d.sources().stream()
                    .collect(Collectors.toMap(Source::id, Function.identity(), (a, b) -> a));
            this.agencies = d.agencies().stream().map(Agency::id).collect(Collectors.toSet());
        }

        /** A run over part of the same dataset, sharing the tables (read only), with problems of its own. */
        Run(Run of) {
            this.file = of.file;
            this.d = of.d;
            this.positions = of.positions;
            this.sources = of.sources;
            this.agencies = of.agencies;
        }

        /**
         * Each entry on its own; a large dataset's second half on the other core (the rules of
         * one entry read nothing another writes), its problems appended after the first half's,
         * so the report reads in file order as before.
         */
        void entries() {
            int n = d.entries().size();
            if (n < PARALLEL_FROM) {
                entries(0, n);
                return;
            }
            int half = n / 2;
            Run second = new Run(this);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> second.entries(half, n), BACKGROUND);
            entries(0, half);
            try {
                other.join();
            } catch (CompletionException e) {
                // a rule tripping over a broken entry fails the same way on either thread
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            problems.addAll(second.problems);
        }

        void entries(int from, int to) {
            for (int i = from; i < to; i++) {
                entry(Ptr.of("/entries/", positions.get(i)), d.entries().get(i));
            }
        }

        void add(String pointer, String message) {
            problems.add(Problem.at(file, pointer, message));
        }

        void add(Ptr pointer, String message) {
            add(pointer.toString(), message);
        }

        void all() {
            text(Ptr.of("/dataset/title"), d.dataset().title());
            if (d.dataset().citation() != null) {
                text(Ptr.of("/dataset/citation"), d.dataset().citation());
            }
            unique("/agencies", d.agencies().stream().map(Agency::id).toList(), "agency", null);
            unique("/sources", d.sources().stream().map(Source::id).toList(), "source", null);
            unique("/entries", d.entries().stream().map(Entry::id).toList(), "entry", positions);
            if (d.dataset().maintainer() != null) {
                plain(Ptr.of("/dataset/maintainer"), d.dataset().maintainer(), false);
            }
            for (int i = 0; i < d.agencies().size(); i++) {
                Agency a = d.agencies().get(i);
                Ptr p = Ptr.of("/agencies/", i);
                name(p.then("/name"), a.name());
                name(p.then("/short"), a.shortName());
                aliases(p.then("/aliases"), a.aliases());
            }
            for (int i = 0; i < d.sources().size(); i++) {
                source(Ptr.of("/sources/", i), d.sources().get(i));
            }
            if (entryProblems != null) {
                problems.addAll(entryProblems);
            } else {
                entries();
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

        void source(Ptr p, Source s) {
            if (s.url() != null && s.url().chars().anyMatch(c -> c <= ' ')) {
                add(p.then("/url"), "is not a web address: it contains a space or a line break.");
            }
            if (s.url() == null && s.kind() != SourceKind.ARTICLE_UNDER_REVIEW) {
                add(p.then("/url"), "a source needs a web address (http:// or https://); only the article under review may have none.");
            }
            if (s.url() != null) {
                LocalAddress.of(s.url()).ifPresent(host -> add(p.then("/url"), "points to a local or private network address ("
                        + (host.length() > 80 ? host.substring(0, 80) + "…" : host)
                        + "), not to a public web page; cite the page's public address."));
            }
            if (s.outlet() != null) {
                plain(p.then("/outlet"), s.outlet(), false);
            }
            if (s.published() != null) {
                date(p.then("/published"), s.published());
            }
            if (s.note() != null) {
                text(p.then("/note"), s.note());
            }
        }

        void entry(Ptr p, Entry e) {
            name(p.then("/name"), e.name());
            aliases(p.then("/aliases"), e.aliases());
            if (!agencies.contains(e.agency())) {
                add(p.then("/agency"), "the agency \"" + e.agency() + "\" is not in the agencies table; add it there or use a known id.");
            }
            if (e.added() != null && e.added().isAfter(today)) {
                add(p.then("/added"), "the date this entry was added is in the future.");
            }
            if (e.confidenceNote() != null) {
                text(p.then("/confidence_note"), e.confidenceNote());
            }
            fact(p.then("/departure"), e.departure(), (Checker<Departure>) (vp, v) -> { });
            fact(p.then("/office"), e.office(), this::text);
            fact(p.then("/title"), e.title(), this::text);
            fact(p.then("/announced"), e.announced(), this::date);
            if (e.effective() != null) {
                fact(p.then("/effective"), e.effective(), this::date);
            }
            fact(p.then("/stated_reason"), e.statedReason(), this::text);
            fact(p.then("/reported_reason"), e.reportedReason(), this::text);
            for (int i = 0; i < e.notes().size(); i++) {
                Note n = e.notes().get(i);
                text(p.then("/notes/", i).then("/text"), n.text());
                cites(p.then("/notes/", i).then("/sources"), n.sources());
                if (n.correctsArticle() && (!citesTheArticle(n.sources()) || onlyTheArticle(n.sources()))) {
                    add(p.then("/notes/", i).then("/sources"), "a note that corrects the article under review must cite"
                            + " the article and at least one other source (the one for what is right).");
                }
            }
        }

        /** Checks one value's content at its pointer. */
        interface Checker<T> {
            void check(Ptr pointer, T value);
        }

        <T> void fact(Ptr p, Fact<T> f, Checker<T> valueCheck) {
            if (f.note() != null) {
                text(p.then("/note"), f.note());
            }
            int preferred = 0;
            int alternatives = 0;
            for (int i = 0; i < f.values().size(); i++) {
                Attested<T> a = f.values().get(i);
                Ptr vp = p.then("/values/", i);
                valueCheck.check(vp.then("/value"), a.value());
                cites(vp.then("/sources"), a.sources());
                if (a.note() != null) {
                    text(vp.then("/note"), a.note());
                }
                if (a.part() != null && a.value() instanceof PartialDate pd
                        && pd.precision() != PartialDate.Precision.MONTH) {
                    add(vp.then("/part"), "\"early\", \"mid\" or \"late\" only goes with a month (YYYY-MM), not with "
                            + (pd.precision() == PartialDate.Precision.DAY ? "a full date." : "a year alone."));
                }
                switch (a.standing()) {
                    case PREFERRED -> preferred++;
                    case ALTERNATIVE -> alternatives++;
                    case REJECTED -> {
                        if (a.note() == null) {
                            add(vp.then("/note"), "a rejected value needs a note saying why the dataset rejects it.");
                        }
                    }
                }
                if (a.standing() != Standing.REJECTED && !a.sources().isEmpty() && onlyTheArticle(a.sources())) {
                    add(vp.then("/sources"), "a value the dataset states as fact must cite at least one source other than the article under review.");
                }
            }
            if (preferred > 1) {
                add(p.then("/values"), "more than one value is marked preferred; the dataset can stand behind only one.");
            }
            if (preferred == 0 && alternatives < 2) {
                add(p.then("/values"), "no value is marked preferred; mark the one the dataset stands behind, or give at least two alternatives if the point is contested.");
            }
        }

        /** True when one cited source is the article under review. */
        boolean citesTheArticle(List<String> ids) {
            for (String id : ids) {
                Source s = sources.get(id);
                if (s != null && s.kind() == SourceKind.ARTICLE_UNDER_REVIEW) {
                    return true;
                }
            }
            return false;
        }

        /** True when no cited source is anything but the article under review (or unknown). */
        boolean onlyTheArticle(List<String> ids) {
            for (String id : ids) {
                Source s = sources.get(id);
                if (s != null && s.kind() != SourceKind.ARTICLE_UNDER_REVIEW) {
                    return false;
                }
            }
            return true;
        }

        void cites(Ptr p, List<String> ids) {
            for (int i = 0; i < ids.size(); i++) {
                if (!EntryShape.id(ids.get(i))) {
                    add(p.then("/", i), "is not a valid source id.");
                } else if (!sources.containsKey(ids.get(i))) {
                    add(p.then("/", i), "cites the source \"" + ids.get(i) + "\", which is not in the sources table.");
                }
            }
        }

        void date(Ptr p, PartialDate date) {
            if (!date.isValid()) {
                add(p, "\"" + date + "\" is not a real calendar date.");
            } else if (date.earliestDay().isAfter(today)) {
                add(p, "\"" + date + "\" is in the future.");
            }
        }

        void text(Ptr p, Text t) {
            text(p, t, true);
        }

        /** A name (of a person or an agency): one line, and never starting like a spreadsheet formula. */
        void name(Ptr p, Text t) {
            text(p, t, false);
            formula(p.then("/en"), t.en());
            formula(p.then("/ar"), t.ar());
        }

        void text(Ptr p, Text t, boolean lines) {
            if (t.en().isBlank()) {
                add(p.then("/en"), "the English text is empty.");
            } else if (!hasLatinLetterOrDigit(t.en())) {
                add(p.then("/en"), "the English text contains no English words.");
            }
            if (t.ar().isBlank()) {
                add(p.then("/ar"), "the Arabic translation is empty.");
            } else if (!hasArabicLetter(t.ar())) {
                add(p.then("/ar"), "the Arabic translation contains no Arabic letters.");
            }
            plain(p.then("/en"), t.en(), lines);
            plain(p.then("/ar"), t.ar(), lines);
        }

        /** No control character (a line break only where {@code lines}) and no half of a surrogate pair. */
        void plain(Ptr p, String s, boolean lines) {
            int bad = TextChars.badChar(s, lines);
            if (bad >= 0) {
                add(p, TextChars.describe(s.charAt(bad), bad));
            }
        }

        /** Opened in a spreadsheet, a cell starting with = + - or @ is a formula: refused in names. */
        void formula(Ptr p, String s) {
            if (TextChars.startsLikeFormula(s)) {
                add(p, "starts with \"" + s.charAt(0) + "\", which a spreadsheet reads as a formula; "
                        + "a name starts with a letter.");
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

        /** A Latin letter or a digit: tatweel, though a "letter" to Java, is not one. */
        private static boolean hasLatinLetterOrDigit(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x80 ? Character.isLetterOrDigit(c) : Scripts.isLatinLetter(c)) {
                    return true;
                }
            }
            return false;
        }

        void aliases(Ptr p, List<String> aliases) {
            for (int i = 0; i < aliases.size(); i++) {
                String a = aliases.get(i);
                if (a.isBlank()) {
                    add(p.then("/", i), "an alias is blank.");
                } else if (!TextChars.hasLetterOrDigit(a)) {
                    add(p.then("/", i), "an alias has no letter or digit (only spaces, punctuation or invisible "
                            + "characters such as a zero-width space); write the spelling a reader would type.");
                }
                plain(p.then("/", i), a, false);
                formula(p.then("/", i), a);
            }
        }
    }

    /**
     * A JSON pointer, put together only when a problem is reported: the checks visit every value
     * of every entry, and building each pointer as a string up front cost a tenth of a load.
     */
    private record Ptr(Ptr parent, String segment, int index) {
        static Ptr of(String segment) {
            return new Ptr(null, segment, -1);
        }

        static Ptr of(String segment, int index) {
            return new Ptr(null, segment, index);
        }

        Ptr then(String segment) {
            return new Ptr(this, segment, -1);
        }

        Ptr then(String segment, int index) {
            return new Ptr(this, segment, index);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            append(b);
            return b.toString();
        }

        private void append(StringBuilder b) {
            if (parent != null) {
                parent.append(b);
            }
            b.append(segment);
            if (index >= 0) {
                b.append(index);
            }
        }
    }
}
