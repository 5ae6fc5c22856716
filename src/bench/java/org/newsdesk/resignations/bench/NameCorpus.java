package org.newsdesk.resignations.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.newsdesk.resignations.search.FuzzyIndex;
import org.newsdesk.resignations.search.Normalizer;

/**
 * Generated people for the lookup comparisons: n distinct two-word names (words of one to four
 * syllables, three letters or more, so short words such as "Dan" or "Mann" occur as in real
 * names) with their Arabic spelling; each person is found by both names and by the surname in
 * either script, as the dataset's aliases give. Queries are the names with one typo each.
 */
public final class NameCorpus {

    public record Person(String en, String ar, List<String> keys) {
    }

    public enum Script { EN, AR }

    private final List<Person> people;

    public NameCorpus(int n, long seed) {
        Random r = new Random(seed);
        List<Person> list = new ArrayList<>(n);
        Set<String> seenEn = new HashSet<>();
        Set<String> seenAr = new HashSet<>();
        while (list.size() < n) {
            String[] first = word(r);
            String[] last = word(r);
            String en = first[0] + " " + last[0];
            String ar = first[1] + " " + last[1];
            // distinct in both scripts: two people with one name cannot be told apart by anyone
            if (!seenEn.add(Normalizer.normalize(en))) {
                continue;
            }
            if (!seenAr.add(Normalizer.normalize(ar))) {
                seenEn.remove(Normalizer.normalize(en));
                continue;
            }
            list.add(new Person(en, ar, List.of(en, ar, last[0], last[1])));
        }
        this.people = List.copyOf(list);
    }

    public List<Person> people() {
        return people;
    }

    /** Our index over the people; the value is the person's position. */
    public FuzzyIndex<Integer> index() {
        List<FuzzyIndex.Item<Integer>> items = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            items.add(new FuzzyIndex.Item<>(i, people.get(i).keys()));
        }
        return new FuzzyIndex<>(items);
    }

    public String name(int person, Script script) {
        Person p = people.get(person);
        return script == Script.EN ? p.en() : p.ar();
    }

    private static String[] word(Random r) {
        while (true) {
            int syllables = 1 + r.nextInt(4);
            StringBuilder en = new StringBuilder();
            StringBuilder ar = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                String[] syl = SyntheticDataset.SYLLABLES[r.nextInt(SyntheticDataset.SYLLABLES.length)];
                en.append(s == 0 ? Character.toUpperCase(syl[0].charAt(0)) + syl[0].substring(1) : syl[0]);
                ar.append(syl[1]);
            }
            if (en.length() >= 3 && Normalizer.normalize(ar.toString()).length() >= 3) {
                return new String[] {en.toString(), ar.toString()};
            }
        }
    }

    /**
     * One typo anywhere in the name, the space included, as reporters make them: a letter dropped,
     * doubled, or swapped with its neighbour ("Vul iIsrawabe" for "Vuli Israwabe").
     */
    public static String typo(String name, Random r) {
        while (true) {
            String out = switch (r.nextInt(3)) {
                case 0 -> {
                    int i = r.nextInt(name.length());
                    yield name.substring(0, i) + name.substring(i + 1);
                }
                case 1 -> {
                    int i = r.nextInt(name.length());
                    yield name.substring(0, i + 1) + name.charAt(i) + name.substring(i + 1);
                }
                default -> {
                    int i = r.nextInt(name.length() - 1);
                    yield name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
                }
            };
            // a doubled space or a letter swapped with its twin is no typo once normalized
            if (!Normalizer.normalize(out).equals(Normalizer.normalize(name))) {
                return out;
            }
        }
    }

    /** The queries: {@code count} people drawn at random, each with one typo in the given script. */
    public Queries typos(int count, Script script, long seed) {
        Random r = new Random(seed);
        int[] who = new int[count];
        String[] text = new String[count];
        for (int k = 0; k < count; k++) {
            who[k] = count == people.size() ? k : r.nextInt(people.size());
            text[k] = typo(name(who[k], script), r);
        }
        return new Queries(who, text);
    }

    /** The first 3–7 letters of English names, as typed into autocomplete. */
    public String[] prefixes(int count, long seed) {
        Random r = new Random(seed);
        String[] out = new String[count];
        for (int k = 0; k < count; k++) {
            String en = people.get(r.nextInt(people.size())).en();
            out[k] = en.substring(0, Math.min(en.length(), 3 + r.nextInt(5)));
        }
        return out;
    }

    /** Queries and, for each, the person meant. */
    public record Queries(int[] who, String[] text) {
    }
}
