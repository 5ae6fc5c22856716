package org.newsdesk.resignations.dataset;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Keeps one instance of equal values met while one file is loaded: a sourced fact, a text, a
 * list of source ids. Entries repeat them a lot (a title, a stated reason, the same source
 * cited for every fact of an entry), and each bound copy is otherwise kept for as long as the
 * snapshot is served: at 100,000 generated entries that was over half of the 200 MB a snapshot
 * held, which left a 300 MB heap collecting garbage for a quarter of a load (docs/PERFORMANCE.md).
 *
 * <p>Equal means equal as records (every field: an English text is never merged with an Arabic
 * one, nor two texts that differ in one language only). The values are immutable, so sharing one
 * cannot be seen by a reader. Each table is a fixed array indexed by hash whose slot holds the
 * last value that landed there: no nodes, no growth, and a value that repeats stays; one that
 * lost its slot is only kept twice. Belongs to one load (one thread).
 */
final class Interner {
    private static final int SLOTS = 1 << 14;

    private final Object[] facts = new Object[SLOTS];
    private final Object[] attested = new Object[SLOTS];
    private final Object[] texts = new Object[SLOTS];
    private final Object[] lists = new Object[SLOTS];
    // The hash of what each slot holds: a value met once (a name, an office) is told apart from
    // the slot's holder by an int in a small array, without reading the holder from wherever it
    // sits in the heap (those reads were most of the interning's cost).
    private final int[] factHashes = new int[SLOTS];
    private final int[] attestedHashes = new int[SLOTS];
    private final int[] textHashes = new int[SLOTS];
    private final int[] listHashes = new int[SLOTS];

    /** The entry with its facts, texts and lists replaced by instances met before, where equal. */
    Entry entry(Entry e) {
        Text name = e.name();   // a person's name is theirs alone: not looked up
        List<String> aliases = e.aliasesPresent() ? list(e.aliases()) : null;
        Text confidenceNote = text(e.confidenceNote());
        Fact<Departure> departure = fact(e.departure());
        Fact<Text> office = fact(e.office());
        Fact<Text> title = fact(e.title());
        Fact<PartialDate> announced = fact(e.announced());
        Fact<PartialDate> effective = fact(e.effective());
        Fact<Text> statedReason = fact(e.statedReason());
        Fact<Text> reportedReason = fact(e.reportedReason());
        List<Note> notes = notes(e.notes());
        if (name == e.name() && aliases == e.aliases() && confidenceNote == e.confidenceNote()
                && departure == e.departure() && office == e.office() && title == e.title()
                && announced == e.announced() && effective == e.effective() && statedReason == e.statedReason()
                && reportedReason == e.reportedReason() && notes == e.notes()) {
            return e;
        }
        return new Entry(e.id(), e.added(), name, aliases, e.agency(), e.inArticle(), e.confidence(), confidenceNote,
                departure, office, title, announced, effective, statedReason, reportedReason, notes, e.reviewedBy());
    }

    @SuppressWarnings("unchecked")
    <T> @Nullable Fact<T> fact(@Nullable Fact<T> f) {
        if (f == null) {
            return null;
        }
        int hash = hash(f);
        int slot = slot(hash);
        Object known = facts[slot];
        if (known != null && factHashes[slot] == hash && same((Fact<?>) known, f)) {
            return (Fact<T>) known;
        }
        List<Attested<T>> values = f.values();
        List<Attested<T>> shared = null;
        for (int i = 0; i < values.size(); i++) {
            Attested<T> a = values.get(i);
            Attested<T> s = attested(a);
            if (s != a && shared == null) {
                shared = new ArrayList<>(values.size());
                shared.addAll(values.subList(0, i));
            }
            if (shared != null) {
                shared.add(s);
            }
        }
        Text note = text(f.note());
        Fact<T> kept = shared == null && note == f.note() ? f : new Fact<>(shared == null ? values : shared, note);
        facts[slot] = kept;
        factHashes[slot] = hash;
        return kept;
    }

    @SuppressWarnings("unchecked")
    private <T> Attested<T> attested(Attested<T> a) {
        int hash = hash(a);
        int slot = slot(hash);
        Object known = attested[slot];
        if (known != null && attestedHashes[slot] == hash && same((Attested<?>) known, a)) {
            return (Attested<T>) known;
        }
        T value = a.value() instanceof Text t ? (T) text(t) : a.value();
        List<String> sources = list(a.sources());
        Text note = text(a.note());
        List<String> tags = a.tagsPresent() ? list(a.tags()) : null;
        Attested<T> kept = value == a.value() && sources == a.sources() && note == a.note() && tags == (a.tagsPresent() ? a.tags() : null)
                ? a : new Attested<>(value, a.part(), sources, a.standing(), note, tags);
        attested[slot] = kept;
        attestedHashes[slot] = hash;
        return kept;
    }

    private List<Note> notes(List<Note> notes) {
        List<Note> shared = null;
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            Text text = text(n.text());
            List<String> sources = list(n.sources());
            Note s = text == n.text() && sources == n.sources() ? n : new Note(text, sources, n.correctsArticle());
            if (s != n && shared == null) {
                shared = new ArrayList<>(notes.subList(0, i));
            }
            if (shared != null) {
                shared.add(s);
            }
        }
        return shared == null ? notes : List.copyOf(shared);
    }

    @Nullable Text text(@Nullable Text t) {
        if (t == null) {
            return null;
        }
        int hash = hash(t);
        int slot = slot(hash);
        Object known = texts[slot];
        if (known != null && textHashes[slot] == hash && same((Text) known, t)) {
            return (Text) known;
        }
        texts[slot] = t;
        textHashes[slot] = hash;
        return t;
    }

    /** Lists of ids or aliases, as bound (immutable: entries and facts copy what they are given). */
    @SuppressWarnings("unchecked")
    List<String> list(List<String> l) {
        int hash = hash(l);
        int slot = slot(hash);
        Object known = lists[slot];
        if (known != null && listHashes[slot] == hash && same((List<String>) known, l)) {
            return (List<String>) known;
        }
        lists[slot] = l;
        listHashes[slot] = hash;
        return l;
    }

    // Equality and hashes written out field by field: the records' generated equals and
    // hashCode go through method handles that cost more than the rest of a load's binding.
    // Equal here means equal as records (Fact.equals, Attested.equals...).

    private static boolean same(Fact<?> a, Fact<?> b) {
        if (a == b) {
            return true;
        }
        List<? extends Attested<?>> x = a.values();
        List<? extends Attested<?>> y = b.values();
        if (x.size() != y.size() || !same(a.note(), b.note())) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!same(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Attested<?> a, Attested<?> b) {
        if (a == b) {
            return true;
        }
        return a.standing() == b.standing() && a.part() == b.part() && sameValue(a.value(), b.value())
                && same(a.sources(), b.sources()) && same(a.note(), b.note())
                && a.tagsPresent() == b.tagsPresent() && same(a.tags(), b.tags());
    }

    private static boolean sameValue(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Text x) {
            return b instanceof Text y && same(x, y);
        }
        if (a instanceof PartialDate x) {
            return b instanceof PartialDate y && x.year() == y.year() && x.month() == y.month() && x.day() == y.day();
        }
        return a != null && a.equals(b);
    }

    private static boolean same(@Nullable Text a, @Nullable Text b) {
        if (a == b) {
            return true;
        }
        return a != null && b != null && a.en().equals(b.en()) && a.ar().equals(b.ar());
    }

    private static boolean same(List<String> a, List<String> b) {
        if (a == b) {
            return true;
        }
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int hash(Fact<?> f) {
        int h = hash(f.note());
        List<? extends Attested<?>> values = f.values();
        for (int i = 0; i < values.size(); i++) {
            h = 31 * h + hash(values.get(i));
        }
        return h;
    }

    private static int hash(Attested<?> a) {
        Object v = a.value();
        int h = v instanceof Text t ? hash(t)
                : v instanceof PartialDate d ? (d.year() * 13 + d.month()) * 32 + d.day()
                : v == null ? 0 : v.hashCode();
        h = 31 * h + hash(a.sources());
        h = 31 * h + hash(a.note());
        return 31 * h + hash(a.tags());
    }

    private static int hash(@Nullable Text t) {
        return t == null ? 0 : t.en().hashCode() * 31 + t.ar().hashCode();
    }

    private static int hash(List<String> l) {
        int h = 1;
        for (int i = 0; i < l.size(); i++) {
            h = 31 * h + l.get(i).hashCode();
        }
        return h;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
