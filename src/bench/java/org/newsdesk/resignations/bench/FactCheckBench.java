package org.newsdesk.resignations.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.factcheck.FactCheckCommands;
import org.newsdesk.resignations.factcheck.FactChecker;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Templates;
import org.newsdesk.resignations.search.Directory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fact-check latency for claims of about 300 characters (English and Arabic, several officials,
 * dates, attributions), at the shipped dataset (14 entries) and at 100,000 entries (the shipped
 * ones plus generated ones). Target (issue #5): p99 under 5 ms at 100,000, far inside Discord's
 * 3-second window. {@code check} is the core check; {@code checkAndRender} adds building the
 * reply; {@code checkUnknownName} names someone the dataset does not hold, with a new random
 * name each time, so the nearest-name search always misses the directory's cache.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench=FactCheck}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class FactCheckBench {

    /** 14 is the shipped dataset alone. */
    @Param({"14", "100000"})
    public int entries;

    private FactChecker checker;
    private FactCheckCommands commands;
    private String[] claims;
    private Lang[] langs;
    private final Random random = new Random(11);
    private int i;

    static final String[] FIXED = {
            "According to The Washington Post, Andrew Miller, the Deputy Assistant Secretary of State for Israeli-Palestinian Affairs, quit in objection to the US allowing Israel to kill tens of thousands of people in Gaza. His resignation takes effect on June 30, and he told colleagues he was leaving for family reasons.",
            "وفي الثامن من مايو أيضا، استقالت لِيلي جرينبرج، وهي مسئولة يهودية شغلت منصب مساعد خاص لرئيس الأركان بوزارة الداخلية الأمريكية، احتجاجا على دعم الاحتلال، بينما أعلنت هالة غريط، المتحدثة الناطقة بالعربية باسم وزارة الخارجية الأمريكية، استقالتها في 26 أبريل الماضي اعتراضا على سياسة واشنطن.",
            "Hala Rharrit, the White House's Arabic spokesperson, announced her resignation on April 26 in opposition to US policy on Gaza, and Tariq Habash, a senior official at the Education Department, resigned in January 2024 saying he could not stay silent about the killing of civilians in Gaza.",
            "وفي أواخر مايو الماضي، اختار ألكسندر سميث، أحد المقاولين لدى الوكالة الأمريكية للتنمية الدولية، الاستقالة بعد أن تم تخييره بينها وبين الفصل بعد إعداد عرض تقديمي حول وفيات الأمهات والأطفال بين الفلسطينيين، وفقا لصحيفة الغارديان التي نشرت رسالته إلى مديرة الوكالة سامانثا باور في الثلاثين من مايو 2024."};

    static String english(String a, String b, String c) {
        return a + ", a special assistant at the State Department, resigned on 8 May 2024 in protest at US support for Israel, "
                + "according to Reuters. " + b + " was fired by the Interior Department in October 2023, while " + c
                + " retired from the Air Force in late June 2024 citing family reasons and exhaustion.";
    }

    static String arabic(String a, String b, String c) {
        return "استقال " + a + "، المساعد الخاص في وزارة الخارجية الأمريكية، في 8 مايو 2024 احتجاجا على دعم الاحتلال، وفقا لوكالة "
                + "رويترز، كما أقيل " + b + " من وزارة الداخلية الأمريكية في أكتوبر 2023، وتقاعد " + c
                + " من سلاح الجو الأمريكي في أواخر يونيو 2024 لأسباب عائلية بعد اثنين وعشرين عاما من الخدمة.";
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        long t0 = System.nanoTime();
        FactCheckSyntheticData.Generated g = FactCheckSyntheticData.build(entries, 42);
        long t1 = System.nanoTime();
        Directory directory = new Directory(g.snapshot());
        long t2 = System.nanoTime();
        commands = new FactCheckCommands(() -> directory, new Replies(Templates.bundled()));
        checker = commands.checker();
        long t3 = System.nanoTime();
        System.out.printf("%n[factcheck bench] %d entries: data %.0f ms, directory %.0f ms, checker %.0f ms%n",
                g.snapshot().entries().size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        List<String> list = new ArrayList<>(List.of(FIXED));
        List<Lang> ls = new ArrayList<>(List.of(Lang.EN, Lang.AR, Lang.EN, Lang.AR));
        Random r = new Random(3);
        for (int k = 0; k < 60; k++) {
            if (g.people().isEmpty()) {
                list.add(english("Josh Paul", "Mike Casey", "Mohammed Abu Hashem"));
                list.add(arabic("جوش بول", "مايك كيسي", "محمد أبو هاشم"));
                ls.add(Lang.EN);
                ls.add(Lang.AR);
                break;
            }
            var a = g.people().get(r.nextInt(g.people().size()));
            var b = g.people().get(r.nextInt(g.people().size()));
            var c = g.people().get(r.nextInt(g.people().size()));
            list.add(k % 2 == 0 ? english(a.en(), b.en(), c.en()) : arabic(a.ar(), b.ar(), c.ar()));
            ls.add(k % 2 == 0 ? Lang.EN : Lang.AR);
        }
        claims = list.toArray(String[]::new);
        langs = ls.toArray(Lang[]::new);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (String c : claims) {
            min = Math.min(min, c.length());
            max = Math.max(max, c.length());
        }
        System.out.printf("[factcheck bench] %d claims of %d to %d characters%n", claims.length, min, max);
    }

    @Benchmark
    public Object check() {
        int k = i++ % claims.length;
        return checker.check(claims[k]);
    }

    @Benchmark
    public Object checkAndRender() {
        int k = i++ % claims.length;
        return commands.check(claims[k], langs[k]);
    }

    @Benchmark
    public Object checkUnknownName() {
        StringBuilder name = new StringBuilder();
        for (int k = 0; k < 2; k++) {
            name.append((char) ('A' + random.nextInt(26)));
            for (int l = 0; l < 5; l++) {
                name.append((char) ('a' + random.nextInt(26)));
            }
            name.append(' ');
        }
        return checker.check(name + "resigned from the State Department on 8 May 2024 in protest at US support for Israel, "
                + "according to Reuters, after a report on aid to Gaza; the resignation took effect in late May 2024 and "
                + "the department said it respected the decision of its special assistant.");
    }
}
