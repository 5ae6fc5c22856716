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

    /** The entry with its facts, texts and lists replaced by instances met before, where equal. */
    Entry entry(Entry e) {
        Text name = text(e.name());
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
        int slot = slot(f.hashCode());
        Object known = facts[slot];
        if (known != null && known.equals(f)) {
            return (Fact<T>) known;
        }
        List<Attested<T>> values = f.values();
        List<Attested<T>> shared = null;
        for (int i = 0; i < values.size(); i++) {
            Attested<T> a = values.get(i);
            Attested<T> s = attested(a);
            if (s != a && shared == null) {
                shared = new ArrayList<>(values.subList(0, i));
            }
            if (shared != null) {
                shared.add(s);
            }
        }
        Text note = text(f.note());
        Fact<T> kept = shared == null && note == f.note() ? f : new Fact<>(shared == null ? values : shared, note);
        facts[slot] = kept;
        return kept;
    }

    @SuppressWarnings("unchecked")
    private <T> Attested<T> attested(Attested<T> a) {
        int slot = slot(a.hashCode());
        Object known = attested[slot];
        if (known != null && known.equals(a)) {
            return (Attested<T>) known;
        }
        T value = a.value() instanceof Text t ? (T) text(t) : a.value();
        List<String> sources = list(a.sources());
        Text note = text(a.note());
        List<String> tags = a.tagsPresent() ? list(a.tags()) : null;
        Attested<T> kept = value == a.value() && sources == a.sources() && note == a.note() && tags == (a.tagsPresent() ? a.tags() : null)
                ? a : new Attested<>(value, a.part(), sources, a.standing(), note, tags);
        attested[slot] = kept;
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
        int slot = slot(t.hashCode());
        Object known = texts[slot];
        if (known != null && known.equals(t)) {
            return (Text) known;
        }
        texts[slot] = t;
        return t;
    }

    /** Lists of ids or aliases, as bound (immutable: entries and facts copy what they are given). */
    @SuppressWarnings("unchecked")
    List<String> list(List<String> l) {
        int slot = slot(l.hashCode());
        Object known = lists[slot];
        if (known != null && known.equals(l)) {
            return (List<String>) known;
        }
        lists[slot] = l;
        return l;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
