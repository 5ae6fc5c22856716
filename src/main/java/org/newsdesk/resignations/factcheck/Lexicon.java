package org.newsdesk.resignations.factcheck;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsdesk.resignations.dataset.DatePart;
import org.newsdesk.resignations.search.Normalizer;

/**
 * The words the checker reads, in English and Arabic. Arabic is written here as a reporter would
 * type it; every phrase goes through the same {@link Normalizer} as the claim, so hamza, ta marbuta
 * and alef variants need no separate entries. Display names of outlets, roles and reason tags
 * live in {@code responses/}, not here.
 */
final class Lexicon {

    private Lexicon() {
    }

    static final Set<String> PERSONAL = Set.of("family", "burnout", "not-protest");
    static final Set<String> POLICY = Set.of("gaza-policy", "arms-to-israel", "civilian-toll", "aid-report",
            "presentation-cancelled", "humanitarian-law", "genocide-complicity", "policy-frustration");

    /** Roles that cannot both hold: a contractor is not an employee of the agency. */
    static final Map<String, String> ROLE_CONFLICTS = Map.of("employee", "contractor", "contractor", "employee");

    /** Agencies that sit inside another (the Air Force is part of the Defense Department). */
    static final Map<String, String> PARENT_AGENCY = Map.of("air-force", "defense");

    /** Outlet keys and the names they appear under, in both scripts. */
    static final Map<String, List<String>> OUTLETS = outlets();

    private static Map<String, List<String>> outlets() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("washington-post", List.of("Washington Post", "WaPo", "واشنطن بوست", "الواشنطن بوست"));
        m.put("cnn", List.of("CNN", "CNN Arabic", "سي إن إن", "سي ان ان", "سي.إن.إن", "CNN بالعربية"));
        m.put("al-jazeera", List.of("Al Jazeera", "Aljazeera", "Al-Jazeera", "الجزيرة", "قناة الجزيرة", "الجزيرة نت"));
        m.put("reuters", List.of("Reuters", "رويترز", "وكالة رويترز"));
        m.put("ap", List.of("^^AP", "Associated Press", "أسوشيتد برس", "أسوشييتد برس", "اسوشيتدبرس", "وكالة أسوشيتد برس"));
        m.put("guardian", List.of("^Guardian", "The Guardian", "الغارديان", "الجارديان"));
        m.put("times-of-israel", List.of("Times of Israel", "تايمز أوف إسرائيل"));
        m.put("sky-news-arabia", List.of("Sky News Arabia", "Sky News", "سكاي نيوز عربية", "سكاي نيوز"));
        m.put("intercept", List.of("^Intercept", "The Intercept", "ذا إنترسبت", "إنترسبت"));
        m.put("huffpost", List.of("HuffPost", "Huffington Post", "هافينغتون بوست", "هافنغتون بوست", "هاف بوست"));
        m.put("anadolu", List.of("Anadolu", "Anadolu Agency", "الأناضول", "وكالة الأناضول"));
        m.put("al-arabiya", List.of("Al Arabiya", "Al Arabiya English", "قناة العربية"));
        m.put("pbs", List.of("^^PBS", "PBS NewsHour"));
        m.put("democracy-now", List.of("Democracy Now"));
        m.put("the-hill", List.of("^The ^Hill", "ذا هيل"));
        m.put("middle-east-eye", List.of("Middle East Eye", "ميدل إيست آي"));
        m.put("new-york-times", List.of("New York Times", "^^NYT", "نيويورك تايمز"));
        m.put("al-monitor", List.of("Al-Monitor", "Al Monitor", "المونيتور"));
        m.put("newsmax", List.of("Newsmax", "نيوزماكس"));
        m.put("xinhua", List.of("Xinhua", "شينخوا"));
        m.put("time", List.of("^^TIME", "TIME magazine", "مجلة تايم"));
        m.put("daily-beast", List.of("Daily Beast", "ديلي بيست"));
        m.put("common-dreams", List.of("Common Dreams"));
        m.put("new-york-magazine", List.of("New York Magazine", "^Intelligencer"));
        m.put("lawfare", List.of("^Lawfare"));
        m.put("arabkhabar", List.of("arabkhabar", "arabkhabar.com", "عرب خبر"));
        m.put("elnashra", List.of("Elnashra", "النشرة"));
        m.put("rassd", List.of("^Rassd", "شبكة رصد"));
        m.put("pnn", List.of("^^PNN"));
        return m;
    }

    /** Names that often stand near a resignation but are never officials of the dataset. */
    static final Set<String> NOT_OFFICIALS = normalized(List.of("Biden", "Netanyahu", "Blinken", "Obama", "Trump",
            "Harris", "Antony", "Benjamin", "Joe", "Kamala", "Samantha", "Power", "Austin", "Lloyd", "Hamas", "Rafah",
            "بايدن", "نتنياهو", "بلينكن", "أوباما", "ترامب", "هاريس", "أنتوني", "بنيامين", "جو", "حماس", "رفح"));

    /** Common given names written in Arabic; before a lone surname they name someone else. */
    static final Set<String> ARABIC_GIVEN_NAMES = normalized(List.of("ماثيو", "مايكل", "جون", "جيمس", "ديفيد",
            "روبرت", "ويليام", "وليام", "ريتشارد", "توماس", "مارك", "بول", "ستيفن", "جورج", "سارة", "ماري", "جينيفر"));

    private static Set<String> normalized(List<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(Normalizer.normalize(w));
        }
        return out;
    }

    /** Adds every phrase of the lexicon to a matcher. */
    static void addTo(PhraseMatcher<Cue> m) {
        departures(m);
        dates(m);
        reasons(m);
        markers(m);
        roles(m);
        OUTLETS.forEach((key, names) -> names.forEach(n -> m.add(n, new Cue.Outlet(key))));
        stops(m);
    }

    private static void all(PhraseMatcher<Cue> m, Cue cue, String... phrases) {
        for (String p : phrases) {
            m.add(p, cue);
        }
    }

    private static void departures(PhraseMatcher<Cue> m) {
        all(m, new Cue.Departure(Cue.Leave.RESIGNED), "resign", "resigned", "resigns", "resigning", "resignation",
                "resignations", "quit", "quits", "quitting", "stepped down", "steps down", "step down", "stepping down",
                "استقال*", "يستقيل", "تستقيل", "مستقيل", "مستقيلة", "المستقيل", "المستقيلة", "المستقيلين");
        all(m, new Cue.Departure(Cue.Leave.FIRED), "fired", "sacked", "dismissed", "ousted", "let go", "terminated",
                "أقيل", "أقيلت", "إقالة", "إقالته", "إقالتها", "تمت إقالته", "فصله", "فصلها", "تم فصله", "تم فصلها",
                "طرد", "طرده", "طردها", "طردت", "فُصل من");
        all(m, new Cue.Departure(Cue.Leave.RETIRED), "retired", "retire", "retires", "retirement", "retiring",
                "تقاعد*", "أحيل إلى التقاعد", "أحيل على التقاعد");
        all(m, new Cue.Departure(Cue.Leave.CONTRACT_ENDED), "contract ended", "contract was ended", "contract was terminated",
                "contract terminated", "ended his contract", "ended her contract", "contract would end", "contract end",
                "انتهى عقده", "انتهى عقدها", "إنهاء عقده", "إنهاء عقدها", "انتهاء عقده", "انتهاء عقدها", "أنهي عقده");
        all(m, new Cue.Departure(Cue.Leave.PUSHED_OUT), "pushed out", "forced out", "forced to resign", "forced to quit",
                "choice between", "given the choice", "given a choice", "ultimatum", "أجبر على الاستقالة",
                "أجبرت على الاستقالة", "أُرغم على الاستقالة", "تخييره", "تخييرها", "خُيّر بين", "خُيّرت بين", "إجباره",
                "إجبارها", "دفع إلى الاستقالة");
        all(m, new Cue.Departure(Cue.Leave.MILITARY_SEPARATION), "separated from the military", "separated from the air force",
                "separated from the army", "separation from the military", "left the military", "left the air force",
                "left the army", "انفصل عن الخدمة", "انفصل", "انفصاله عن الخدمة", "ترك الخدمة العسكرية", "ترك الجيش");
        all(m, new Cue.Departure(Cue.Leave.LEFT), "left", "leave", "leaves", "leaving", "departed", "departure", "departs",
                "left his post", "left her post", "stepped away", "exit", "غادر", "يغادر", "تغادر", "ستغادر", "سيغادر",
                "مغادرة", "مغادرته", "مغادرتها", "ترك", "تركت", "رحيل", "رحيله", "رحيلها");
    }

    private static void dates(PhraseMatcher<Cue> m) {
        all(m, new Cue.DateWord(Cue.DateKind.ANNOUNCE), "announced", "announcing", "announcement", "announces",
                "made public", "went public", "made it public", "first reported", "reported", "public on",
                "أعلن", "أعلنت", "إعلان", "يعلن", "تعلن", "كشف", "كشفت");
        all(m, new Cue.DateWord(Cue.DateKind.EFFECTIVE), "effective", "take effect", "takes effect", "took effect",
                "taking effect", "last day", "plans to leave", "will leave", "will be leaving", "to leave at",
                "سارية", "ساري", "تسري", "يسري", "سريان", "نافذة", "آخر يوم", "سيغادر", "ستغادر", "يعتزم المغادرة");
        all(m, new Cue.DateWord(Cue.DateKind.SUBMIT), "submitted", "handed in", "tendered", "sent his resignation",
                "sent her resignation", "filed his resignation", "قدم استقالته", "قدمت استقالتها", "تقدم باستقالته",
                "تقدمت باستقالتها", "قدم استقالة", "أرسل استقالته", "أرسلت استقالتها");
        all(m, new Cue.DateWord(Cue.DateKind.OTHER_EVENT), "report", "released", "published", "killed", "strike",
                "attack", "born", "joined", "hired", "appointed", "since", "presentation", "scheduled", "conference",
                "war began", "تقرير", "صدر", "غارة", "هجوم", "قتلت", "ولد", "انضم", "انضمت", "عين", "عينت", "منذ",
                "عرض", "مؤتمر", "اندلاع");
        String[][] months = {
                {"January", "Jan", "يناير", "كانون الثاني", "جانفي"},
                {"February", "Feb", "فبراير", "شباط", "فيفري"},
                {"March", "^Mar", "مارس*loose", "آذار"},
                {"April", "Apr", "أبريل", "ابريل", "إبريل", "نيسان", "أفريل"},
                {"May*loose", "مايو", "أيار", "ماي*loose"},
                {"June", "Jun", "يونيو", "يونية", "حزيران", "جوان"},
                {"July", "Jul", "يوليو", "يولية", "تموز", "جويلية"},
                {"August", "Aug", "أغسطس", "اغسطس", "آب*loose", "أوت"},
                {"September", "Sep", "Sept", "سبتمبر", "أيلول"},
                {"October", "Oct", "أكتوبر", "اكتوبر", "تشرين الأول"},
                {"November", "Nov", "نوفمبر", "تشرين الثاني"},
                {"December", "Dec", "ديسمبر", "كانون الأول"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                boolean loose = name.endsWith("*loose");
                m.add(loose ? name.substring(0, name.length() - 6) : name, new Cue.Month(i + 1, loose));
            }
        }
        String[] en = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                "nineteenth", "twentieth"};
        for (int d = 1; d <= 20; d++) {
            m.add(en[d - 1], new Cue.Ordinal(d));
        }
        for (int d = 1; d <= 9; d++) {
            m.add("twenty " + en[d - 1], new Cue.Ordinal(20 + d));
        }
        m.add("thirtieth", new Cue.Ordinal(30));
        m.add("thirty first", new Cue.Ordinal(31));
        String[] ar = {"الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"};
        String[] arUnit = {"الحادي", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"};
        for (int d = 1; d <= 10; d++) {
            m.add(ar[d - 1], new Cue.Ordinal(d));
        }
        for (int d = 1; d <= 9; d++) {
            m.add(arUnit[d - 1] + " عشر", new Cue.Ordinal(10 + d));
            m.add(arUnit[d - 1] + " والعشرين", new Cue.Ordinal(20 + d));
        }
        m.add("العشرين", new Cue.Ordinal(20));
        m.add("الثلاثين", new Cue.Ordinal(30));
        m.add("الحادي والثلاثين", new Cue.Ordinal(31));
        all(m, new Cue.Part(DatePart.EARLY), "early", "beginning of", "start of", "the start of", "أوائل", "مطلع",
                "بداية", "أول", "أوائل شهر", "مطلع شهر", "بداية شهر");
        all(m, new Cue.Part(DatePart.MID), "mid", "middle of", "the middle of", "منتصف", "أواسط", "منتصف شهر");
        all(m, new Cue.Part(DatePart.LATE), "late", "end of", "the end of", "أواخر", "نهاية", "آخر", "أواخر شهر",
                "نهاية شهر", "أواخر الشهر");
        all(m, new Cue.YearWord(), "year", "عام", "سنة", "العام", "من عام", "من العام");
        all(m, new Cue.MonthIntro(), "in", "during", "since", "until", "by", "of", "on", "في", "خلال", "شهر", "منذ",
                "حتى", "من");
        all(m, new Cue.MonthTail(), "الماضي", "الجاري", "المقبل", "المنصرم", "الفائت");
    }

    private static Cue.Reason topic(String... tags) {
        return new Cue.Reason(Set.of(tags), false, false);
    }

    private static Cue.Reason standalone(String... tags) {
        return new Cue.Reason(Set.of(tags), true, false);
    }

    private static void reasons(PhraseMatcher<Cue> m) {
        all(m, standalone("family"), "family reasons", "family", "families", "his family", "her family", "spend more time",
                "more time with", "wife", "daughter", "أسباب عائلية", "عائلية", "عائلته", "عائلتها", "أسرته", "أسرتها",
                "أسرية", "قضاء وقت أطول", "وقت أطول مع", "زوجته", "ابنته", "ظروف عائلية");
        all(m, standalone("family", "burnout", "personal-loss"), "personal reasons", "for personal reasons",
                "personal", "أسباب شخصية", "شخصية", "ظروف شخصية");
        all(m, standalone("burnout"), "burned out", "burnt out", "burnout", "exhausted", "exhaustion", "منهك", "منهكا",
                "الإنهاك", "الإرهاق", "الاحتراق الوظيفي");
        all(m, new Cue.Reason(Set.of("not-protest"), true, true), "not believed to be leaving because",
                "not leaving because", "not because he is unhappy", "not because she is unhappy", "not in protest",
                "not a protest", "did not resign in protest", "didnt resign in protest", "was not a protest",
                "لا يعتقد أنه يغادر بسبب", "لا يعتقد أنه يستقيل بسبب", "لا يعتقد أنه استقال بسبب", "ليس احتجاجا",
                "لم يستقل احتجاجا", "لم تستقل احتجاجا", "لم تكن احتجاجا", "لم يكن احتجاجا");
        all(m, topic("gaza-policy"), "gaza policy", "policy on gaza", "policy toward gaza", "policy towards gaza",
                "policy in gaza", "gaza war policy", "policy on the war", "handling of the war", "war in gaza", "war on gaza",
                "gaza war", "gaza", "the war", "support for israel", "support of israel", "backing of israel",
                "backing for israel", "policy on israel", "israel policy", "the administration's approach",
                "the administrations approach", "approach to israel", "administration's policy", "administrations policy",
                "us policy", "u s policy", "biden's policy", "bidens policy", "the policy",
                "سياسة", "السياسة", "سياسة واشنطن", "السياسة الأمريكية", "السياسة الأميركية", "موقف الإدارة",
                "موقفها من الحرب", "الحرب على غزة", "حرب غزة", "الحرب في غزة", "غزة", "قطاع غزة", "دعم الاحتلال",
                "دعم إسرائيل", "الدعم الأمريكي لإسرائيل", "الدعم الأمريكي", "الدعم الأميركي", "سياسة بايدن",
                "نهج الإدارة", "الحرب الإسرائيلية");
        all(m, topic("arms-to-israel"), "arms", "weapons", "arms transfers", "arms sales", "lethal assistance",
                "lethal aid", "military aid", "military assistance", "weapons to israel", "bombs", "أسلحة", "الأسلحة",
                "السلاح", "المساعدات العسكرية", "صفقات الأسلحة", "المساعدة الفتاكة", "المساعدات الفتاكة", "شحنات الأسلحة");
        all(m, topic("civilian-toll"), "civilian deaths", "civilian toll", "death toll", "civilians", "civilian",
                "killing of civilians", "kill", "killing", "killings", "slaughter", "dead kids", "dead children",
                "innocent people", "tens of thousands", "starvation", "قتل", "مقتل", "القتلى", "المدنيين", "قتل المدنيين",
                "الأطفال القتلى", "عشرات الآلاف", "الأبرياء", "ذبح", "تجويع", "المجاعة", "الضحايا", "وفيات");
        all(m, new Cue.Reason(Set.of("aid-report"), true, true), "nsm 20", "nsm20", "national security memorandum",
                "report on aid", "report on humanitarian aid", "aid report");
        // A report is the aid report only when aid is mentioned right after it (see ReportWord).
        all(m, new Cue.ReportWord(), "report", "reports", "تقرير", "التقرير", "تقرير رسمي", "تقريرا");
        all(m, new Cue.AidWord(), "aid", "humanitarian", "food", "blocking", "obstruct", "obstructing", "restricting",
                "المساعدات", "مساعدات", "الغذاء", "الإنسانية", "تعرقل", "يعرقل", "عرقلة", "تمنع");
        all(m, new Cue.Reason(Set.of("presentation-cancelled"), true, true), "presentation", "powerpoint", "slide",
                "slides", "عرض تقديمي", "العرض التقديمي", "عرضه التقديمي", "عرضه", "عرضا تقديميا");
        all(m, topic("humanitarian-law"), "humanitarian law", "international law", "international humanitarian law",
                "القانون الدولي الإنساني", "القانون الدولي");
        all(m, standalone("personal-loss"), "his aunt", "her aunt", "aunt", "relatives", "عمته", "عمتها", "خالته",
                "أقاربه", "أقاربها");
        all(m, topic("genocide-complicity"), "genocide", "complicity", "complicit", "الإبادة", "الإبادة الجماعية",
                "للإبادة الجماعية", "التواطؤ", "متواطئة", "متواطئ");
        all(m, topic("policy-frustration"), "unhappy with", "no policy", "do what the israelis want", "ignored",
                "not listened to", "عدم رضا", "عدم رضاه", "عدم رضاها", "لا سياسة");
    }

    private static void markers(PhraseMatcher<Cue> m) {
        all(m, new Cue.Protest(), "in protest", "protest", "protesting", "to protest", "in objection", "objection",
                "objecting", "in opposition", "opposition to", "opposed to", "dissent", "احتجاجا", "احتجاج", "احتجاجه",
                "اعتراضا", "اعتراض", "اعتراضه", "رفضا", "معارضة", "معارضته");
        all(m, new Cue.Cause(true), "over", "because", "because of", "due to", "citing", "cited", "بسبب", "على خلفية",
                "إثر", "جراء", "لأن", "لأنه", "لأنها", "عزا", "عزت", "عازيا");
        all(m, new Cue.Cause(false), "after", "following", "بعد", "بعد أن", "عقب");
        all(m, new Cue.Context(), "amid", "against the background", "against a background", "وسط", "في ظل", "في خضم",
                "في سياق", "frustration", "إحباط");
        all(m, new Cue.Said(), "said", "says", "saying", "told", "tells", "wrote", "writes", "letter", "statement",
                "accusing", "accused", "told colleagues", "قال", "قالت", "يقول", "تقول", "كتب", "كتبت", "رسالته",
                "رسالتها", "رسالة", "بيان", "بيانه", "تدوينة", "منشور", "أكد", "أكدت", "أوضح", "أوضحت", "توضح",
                "قال لزملائه", "متهما", "متهمة");
        all(m, new Cue.Sources(), "sources", "officials said", "مصادر", "المصادر", "مصدر");
        all(m, new Cue.Negation(), "not", "never", "didnt", "doesnt", "isnt", "wasnt", "no", "لم", "لا", "ليس", "ليست", "لن");
        all(m, new Cue.Barrier(), "although", "though", "but", "however", "whereas", "while", "yet", "despite",
                "even though", "رغم", "بالرغم", "بينما", "لكن", "ولكن", "غير أن", "إلا أن", "فإن", "في حين", "بيد أن");
        all(m, new Cue.Pronoun(), "he", "she", "his", "her", "him", "هو", "هي", "إنه", "إنها", "أنه", "أنها", "لأنه",
                "لأنها");
        all(m, new Cue.Conjunction(), "and", "&", "as well as", "و", "كما");
    }

    private static void roles(PhraseMatcher<Cue> m) {
        all(m, new Cue.Role("spokesperson"), "spokesperson", "spokeswoman", "spokesman", "spokespeople",
                "المتحدثة", "المتحدث", "الناطقة", "الناطق", "متحدثة", "متحدث", "ناطقة", "ناطق", "المتحدثة الناطقة");
        all(m, new Cue.Role("special-assistant"), "special assistant", "مساعد خاص", "مساعدة خاصة", "المساعد الخاص",
                "المساعدة الخاصة");
        all(m, new Cue.Role("senior-official"), "senior official", "senior administration official", "top official",
                "high ranking official", "high-ranking official", "المسؤول الكبير", "المسئول الكبير", "مسؤول كبير",
                "مسئول كبير", "المسؤولة الكبيرة", "مسؤول رفيع", "المسؤول الرفيع", "مسئول رفيع", "كبار المسؤولين");
        all(m, new Cue.Role("deputy-assistant-secretary"), "deputy assistant secretary", "نائب مساعد وزير",
                "نائب مساعد الوزير");
        all(m, new Cue.Role("director"), "director", "مدير", "المدير", "مديرة", "المديرة");
        all(m, new Cue.Role("deputy-director"), "deputy director", "نائب المدير", "نائبة المدير", "نائب مدير",
                "نائبة مدير");
        all(m, new Cue.Role("contractor"), "contractor", "contract worker", "مقاول*", "متعاقد*", "بموجب عقد",
                "المقاولين");
        all(m, new Cue.Role("employee"), "employee", "staff member", "staffer", "موظف", "الموظف", "موظفة", "الموظفة",
                "موظفي");
        all(m, new Cue.Role("adviser"), "adviser", "advisor", "مستشار", "مستشارة", "المستشار", "المستشارة",
                "كبير المستشارين");
        all(m, new Cue.Role("major"), "^Major", "^Maj", "رائد", "الرائد");
        all(m, new Cue.Role("engineer"), "engineer", "مهندس", "المهندس");
        all(m, new Cue.Role("analyst"), "analyst", "محلل", "المحلل");
        all(m, new Cue.Role("airman"), "airman", "عنصر في سلاح الجو");
        all(m, new Cue.Role("foreign-affairs-officer"), "foreign affairs officer", "موظفة شؤون خارجية",
                "موظف شؤون خارجية");
    }

    private static void stops(PhraseMatcher<Cue> m) {
        all(m, new Cue.Stop(), "the", "a", "an", "of", "to", "in", "on", "at", "for", "from", "with", "by", "as",
                "that", "this", "who", "which", "was", "is", "has", "had", "have", "been", "be", "after", "before",
                "according", "former", "official", "yesterday", "today", "earlier", "meanwhile", "later", "another", "other", "officials", "president", "secretary", "deputy", "assistant", "us",
                "u", "s", "american", "department", "agency", "office", "bureau", "then", "also", "both",
                "من", "في", "على", "إلى", "عن", "مع", "أن", "إن", "هذا", "هذه", "التي", "الذي", "قبل", "منصبه",
                "منصبها", "منصب", "المسؤول", "المسئول", "المسؤولة", "المسئولة", "مسؤول", "مسئول", "السابق", "السابقة",
                "الأمريكي", "الأمريكية", "الأميركي", "الأميركية", "وزارة", "وزير", "الوزارة", "أيضا", "وفقا", "وفقًا",
                "حسب", "بحسب", "ذكرت", "ذكر", "صحيفة", "شبكة", "وكالة", "قناة", "مجلة", "موقع");
    }
}
