package org.newsdesk.resignations.bench;

import java.util.List;
import java.util.Locale;
import org.newsdesk.resignations.search.Directory;
import org.newsdesk.resignations.search.FuzzyIndex;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Top-1 accuracy of our index and of Lucene on the same generated names and typo queries: how
 * often the person meant comes first, how often nothing is found, and, for ours, how often the
 * bot would show a confident card of somebody else (the rule of {@link Directory#person}).
 * Run alone: {@code java ... LookupAccuracy [people] [queries per script]} (default 100,000 people
 * and 10,000 queries per script, about 10 minutes, nearly all of it Lucene's; with as many queries
 * as people, every person is asked once). {@code -Dmisses=true} lists the first misses.
 */
public final class LookupAccuracy {

    private LookupAccuracy() {
    }

    /** Counts for one engine on one set of queries. */
    public record Score(int queries, int first, int none, int confidentWrong) {
        String percent(int n) {
            return String.format(Locale.ROOT, "%.2f %%", 100.0 * n / queries);
        }
    }

    public static Score ours(FuzzyIndex<Integer> index, NameCorpus.Queries q) {
        int first = 0;
        int none = 0;
        int wrong = 0;
        for (int k = 0; k < q.text().length; k++) {
            List<FuzzyIndex.Match<Integer>> found = index.search(q.text()[k], 5, false);
            if (found.isEmpty()) {
                none++;
                continue;
            }
            if (found.get(0).value() == q.who()[k]) {
                first++;
            } else if (confident(q.text()[k], found)) {
                wrong++;
            }
        }
        return new Score(q.text().length, first, none, wrong);
    }

    /** What Directory.person does with the matches: a card only for a clear, confident best match. */
    static boolean confident(String query, List<FuzzyIndex.Match<Integer>> found) {
        FuzzyIndex.Match<Integer> best = found.get(0);
        if (Normalizer.tokens(query).length < 2 && Normalizer.tokens(best.key()).length > 1) {
            return false;
        }
        if (best.score() < Directory.CONFIDENT) {
            return false;
        }
        return found.size() < 2 || found.get(1).value().equals(best.value())
                || best.score() - found.get(1).score() >= 0.05;
    }

    public static Score lucene(LuceneNames lucene, NameCorpus.Queries q) {
        int first = 0;
        int none = 0;
        for (int k = 0; k < q.text().length; k++) {
            int top = lucene.top(lucene.fuzzy(q.text()[k], 5));
            if (top < 0) {
                none++;
            } else if (top == q.who()[k]) {
                first++;
            }
        }
        return new Score(q.text().length, first, none, -1);
    }

    /** The table printed with the benchmark figures. */
    public static String report(NameCorpus corpus, FuzzyIndex<Integer> ours, LuceneNames lucene, int queries, boolean misses) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Top-1 accuracy, %,d people, %,d queries with one typo each (space included)%n",
                corpus.people().size(), queries));
        b.append("| script | engine | intended person first | nothing found | confident card of someone else |\n");
        b.append("| --- | --- | ---: | ---: | ---: |\n");
        for (NameCorpus.Script script : NameCorpus.Script.values()) {
            NameCorpus.Queries q = corpus.typos(queries, script, script == NameCorpus.Script.EN ? 11 : 13);
            Score o = ours(ours, q);
            Score l = lucene(lucene, q);
            b.append(String.format(Locale.ROOT, "| %s | ours | %s (%,d) | %s | %s (%,d) |%n", script,
                    o.percent(o.first()), o.first(), o.percent(o.none()), o.percent(o.confidentWrong()), o.confidentWrong()));
            b.append(String.format(Locale.ROOT, "| %s | Lucene FuzzyQuery | %s (%,d) | %s | |%n", script,
                    l.percent(l.first()), l.first(), l.percent(l.none())));
            if (misses) {
                int shown = 0;
                for (int k = 0; k < q.text().length && shown < 15; k++) {
                    List<FuzzyIndex.Match<Integer>> found = ours.search(q.text()[k], 5, false);
                    boolean ok = !found.isEmpty() && found.get(0).value() == q.who()[k];
                    boolean luceneOk = lucene.top(lucene.fuzzy(q.text()[k], 5)) == q.who()[k];
                    if (!ok) {
                        shown++;
                        b.append(String.format(Locale.ROOT, "  miss: %s for %s (ours: %s; Lucene %s)%n", q.text()[k],
                                corpus.name(q.who()[k], script),
                                found.isEmpty() ? "nothing" : found.get(0).key() + " " + String.format(Locale.ROOT, "%.3f", found.get(0).score())
                                        + (found.size() > 1 ? " / " + found.get(1).key() + " " + String.format(Locale.ROOT, "%.3f", found.get(1).score()) : ""),
                                luceneOk ? "right" : "wrong"));
                    }
                }
            }
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : Math.min(people, 10_000);
        NameCorpus corpus = new NameCorpus(people, 42);
        FuzzyIndex<Integer> ours = corpus.index();
        try (LuceneNames lucene = new LuceneNames(corpus.people())) {
            System.out.print(report(corpus, ours, lucene, queries, Boolean.getBoolean("misses")));
        }
    }
}
