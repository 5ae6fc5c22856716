package org.newsdesk.resignations.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.newsdesk.resignations.dataset.Attested;
import org.newsdesk.resignations.dataset.Confidence;
import org.newsdesk.resignations.dataset.Dataset;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Fact;
import org.newsdesk.resignations.dataset.PartialDate;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.dataset.Source;
import org.newsdesk.resignations.dataset.SourceKind;
import org.newsdesk.resignations.dataset.Standing;
import org.newsdesk.resignations.dataset.Text;

/**
 * The bundled dataset plus generated entries, built in memory for the fact-check benchmark. Names
 * are random syllables with a matching Arabic spelling (a large vocabulary, as with real names);
 * a third of the entries also list their surname alone, so many surnames are shared and ambiguous
 * as they would be at scale. Every generated entry has two sources from real outlet names,
 * sourced reasons with tags, and some disputed dates and rejected values, like the real entries.
 */
public final class FactCheckSyntheticData {

    private static final String[][] SYLLABLES = {
            {"ka", "كا"}, {"ri", "ري"}, {"mo", "مو"}, {"sa", "سا"}, {"li", "لي"}, {"na", "نا"}, {"to", "تو"},
            {"ber", "بير"}, {"dan", "دان"}, {"vel", "فيل"}, {"son", "سون"}, {"ha", "ها"}, {"fa", "فا"},
            {"ro", "رو"}, {"vin", "فين"}, {"ker", "كير"}, {"zu", "زو"}, {"qi", "كي"}, {"wel", "ويل"}, {"do", "دو"},
            {"gar", "غار"}, {"ti", "تي"}, {"ne", "ني"}, {"shi", "شي"}, {"bu", "بو"}, {"lam", "لام"}, {"pe", "بي"},
            {"jo", "جو"}, {"mar", "مار"}, {"es", "إس"}, {"ul", "أول"}, {"tor", "تور"}};
    private static final String[] OUTLETS = {"Reuters", "The Washington Post (syndicated by Regional Daily)",
            "CNN (syndicated on Yahoo News)", "Al Jazeera English", "AP (via KESQ)", "The Guardian", "Anadolu Agency",
            "The Intercept (republished by Write2Rule)", "HuffPost", "Middle East Eye", "Local Tribune", "Evening Courier"};
    private static final String[] AGENCIES = {"state", "usaid", "interior", "education", "defense", "air-force", "white-house"};
    private static final String[][] TITLES = {{"Special Assistant", "مساعد خاص"}, {"Senior Adviser", "كبير المستشارين"},
            {"Foreign Affairs Officer", "موظف شؤون خارجية"}, {"Deputy Director", "نائب المدير"}, {"Spokesperson", "متحدث"},
            {"Analyst", "محلل"}, {"Director of Policy", "مدير السياسات"}};
    private static final String[][] REASONS = {{"gaza-policy"}, {"arms-to-israel"}, {"civilian-toll", "gaza-policy"},
            {"family"}, {"genocide-complicity"}, {"aid-report", "gaza-policy"}, {"burnout", "family"}};

    /** A generated person, by name in both scripts. */
    public record Person(String en, String ar) {
    }

    public record Generated(Snapshot snapshot, List<Person> people) {
    }

    private FactCheckSyntheticData() {
    }

    /** The bundled entries plus {@code n - 14} generated ones (the bundled dataset alone when n ≤ 14). */
    public static Generated build(int n, long seed) throws Exception {
        Snapshot bundled = DatasetLoader.standard().loadBundled();
        Dataset base = bundled.dataset();
        Random r = new Random(seed);
        List<Entry> entries = new ArrayList<>(Math.max(n, base.entries().size()));
        List<Source> sources = new ArrayList<>(base.sources());
        entries.addAll(base.entries());
        List<Person> people = new ArrayList<>();
        for (int i = entries.size(); i < n; i++) {
            String[] first = name(r, 2);
            String[] last = name(r, 2 + r.nextInt(2));
            Person p = new Person(first[0] + " " + last[0], first[1] + " " + last[1]);
            people.add(p);
            String id = "gen-" + i;
            List<String> aliases = new ArrayList<>(List.of(p.en(), p.ar()));
            if (r.nextInt(3) == 0) {
                aliases.add(last[0]);
                aliases.add(last[1]);
            }
            String s1 = id + "-a";
            String s2 = id + "-b";
            PartialDate announced = new PartialDate(2023 + (r.nextInt(5) == 0 ? 0 : 1), 1 + r.nextInt(12), 1 + r.nextInt(28));
            sources.add(source(s1, OUTLETS[r.nextInt(OUTLETS.length)], announced, r));
            sources.add(source(s2, OUTLETS[r.nextInt(OUTLETS.length)], announced, r));
            String[] title = TITLES[r.nextInt(TITLES.length)];
            String[] reason = REASONS[r.nextInt(REASONS.length)];
            List<Attested<PartialDate>> dates = new ArrayList<>();
            dates.add(new Attested<>(announced, null, List.of(s1, s2), Standing.PREFERRED, null, List.of()));
            if (r.nextInt(10) == 0) {
                PartialDate wrong = new PartialDate(announced.year(), announced.month(), announced.day() == 1 ? 2 : announced.day() - 1);
                dates.add(new Attested<>(wrong, null, List.of(s2), Standing.REJECTED,
                        new Text("A day off in one report.", "يوم مختلف في أحد التقارير."), List.of()));
            }
            Fact<PartialDate> effective = r.nextBoolean() ? null : new Fact<>(List.of(
                    new Attested<>(new PartialDate(announced.year(), announced.month(), 0), DatePart.LATE, List.of(s1),
                            Standing.PREFERRED, null, List.of())), null);
            List<Attested<Text>> reported = new ArrayList<>();
            reported.add(new Attested<>(new Text("Reported as stated.", "نُقل السبب كما صرّح به."), null, List.of(s1, s2),
                    r.nextInt(10) == 0 ? Standing.ALTERNATIVE : Standing.PREFERRED, null, List.of(reason)));
            if (reported.get(0).standing() == Standing.ALTERNATIVE) {
                reported.add(new Attested<>(new Text("Another outlet gave a personal reason.", "نسب منفذ آخر القرار إلى سبب شخصي."),
                        null, List.of(s2), Standing.ALTERNATIVE, null, List.of("family")));
            }
            entries.add(new Entry(id, LocalDate.of(2026, 11, 28), new Text(p.en(), p.ar()), aliases,
                    AGENCIES[r.nextInt(AGENCIES.length)], false, Confidence.MEDIUM, null,
                    new Fact<>(List.of(new Attested<>(r.nextInt(20) == 0 ? Departure.FIRED : Departure.RESIGNED, null,
                            List.of(s1, s2), Standing.PREFERRED, null, List.of())), null),
                    new Fact<>(List.of(new Attested<>(new Text("Office of Policy Planning", "مكتب تخطيط السياسات"), null,
                            List.of(s1), Standing.PREFERRED, null, List.of())), null),
                    new Fact<>(List.of(new Attested<>(new Text(title[0], title[1]), null, List.of(s1, s2), Standing.PREFERRED,
                            null, List.of())), null),
                    new Fact<>(dates, null), effective,
                    new Fact<>(List.of(new Attested<>(new Text("In a letter: the policy.", "في رسالة: السياسة."), null,
                            List.of(s1), Standing.PREFERRED, null, List.of(reason))), null),
                    new Fact<>(reported, null), List.of()));
        }
        Dataset d = new Dataset(base.schemaVersion(), base.dataset(), base.agencies(), sources, entries);
        return new Generated(new Snapshot(d, "synthetic-" + n), people);
    }

    private static Source source(String id, String outlet, PartialDate published, Random r) {
        return new Source(id, outlet, "https://example.org/" + id, published, r.nextBoolean() ? "en" : "ar",
                SourceKind.PRESS_REPORT, null, null, null);
    }

    private static String[] name(Random r, int syllables) {
        StringBuilder en = new StringBuilder();
        StringBuilder ar = new StringBuilder();
        for (int k = 0; k < syllables; k++) {
            String[] s = SYLLABLES[r.nextInt(SYLLABLES.length)];
            en.append(s[0]);
            ar.append(s[1]);
        }
        en.setCharAt(0, Character.toUpperCase(en.charAt(0)));
        return new String[]{en.toString(), ar.toString()};
    }
}
