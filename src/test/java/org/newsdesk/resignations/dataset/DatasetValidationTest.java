package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsdesk.resignations.Fixtures;

/** Every kind of bad dataset is rejected whole, with a pointer and a sentence a journalist understands. */
class DatasetValidationTest {

    private final DatasetLoader loader = Fixtures.loader();

    @Test
    void theBundledDatasetIsValid() {
        Snapshot s = Fixtures.bundled();
        assertThat(s.entries()).hasSizeGreaterThanOrEqualTo(14);
        assertThat(s.version()).hasSize(12);
    }

    @Test
    void theFixtureIsValidAndItsVersionIsAContentHash() throws Exception {
        byte[] bytes = Fixtures.bytes(Fixtures.minimalTree());
        Snapshot a = loader.load("a.json", bytes);
        Snapshot b = loader.load("b.json", bytes);
        assertThat(a.version()).isEqualTo(b.version());
        ObjectNode changed = Fixtures.minimalTree();
        ((ObjectNode) changed.at("/entries/0/name")).put("en", "Lily Changed");
        assertThat(loader.load("c.json", Fixtures.bytes(changed)).version()).isNotEqualTo(a.version());
    }

    static Stream<Arguments> badTrees() {
        return Stream.of(
                bad("wrong type", t -> obj(t, "/entries/0").put("in_article", "yes"),
                        "/entries/0/in_article", "wrong type"),
                bad("missing required field", t -> obj(t, "/entries/0").remove("agency"),
                        "/entries/0", "\"agency\" is missing"),
                bad("duplicate entry id", t -> obj(t, "/entries/1").put("id", "lily-test"),
                        "/entries/1/id", "used twice"),
                bad("duplicate source id", t -> obj(t, "/sources/1").put("id", "ap-2024-05-15"),
                        "/sources/1/id", "used twice"),
                bad("unknown source cited", t -> arr(t, "/entries/0/title/values/0/sources").add("no-such-source"),
                        "/entries/0/title/values/0/sources/1", "not in the sources table"),
                bad("impossible date", t -> obj(t, "/entries/0/announced/values/0").put("value", "2024-02-30"),
                        "/entries/0/announced/values/0/value", "not a real calendar date"),
                bad("month 13", t -> obj(t, "/entries/0/announced/values/0").put("value", "2024-13"),
                        "/entries/0/announced/values/0/value", "YYYY-MM-DD"),
                bad("date in the future", t -> obj(t, "/entries/0/announced/values/0").put("value", "2031-01-01"),
                        "/entries/0/announced/values/0/value", "in the future"),
                bad("malformed date", t -> obj(t, "/entries/0/announced/values/0").put("value", "15 May 2024"),
                        "/entries/0/announced/values/0/value", "YYYY-MM-DD"),
                bad("unknown agency", t -> obj(t, "/entries/0").put("agency", "pentagon"),
                        "/entries/0/agency", "not in the agencies table"),
                bad("ftp url", t -> obj(t, "/sources/0").put("url", "ftp://example.org/x"),
                        "/sources/0/url", "http:// or https://"),
                bad("javascript url", t -> obj(t, "/sources/0").put("url", "javascript:alert(1)"),
                        "/sources/0/url", "http:// or https://"),
                bad("null url on a press report", t -> obj(t, "/sources/0").putNull("url"),
                        "/sources/0/url", "needs a web address"),
                bad("empty Arabic translation", t -> obj(t, "/entries/0/name").put("ar", ""),
                        "/entries/0/name/ar", "empty"),
                bad("blank Arabic translation", t -> obj(t, "/entries/0/title/values/0/value").put("ar", "   "),
                        "/entries/0/title/values/0/value/ar", "empty"),
                bad("Arabic field in English", t -> obj(t, "/entries/0/office/values/0/value").put("ar", "Office"),
                        "/entries/0/office/values/0/value/ar", "no Arabic letters"),
                bad("empty English", t -> obj(t, "/agencies/0/name").put("en", ""),
                        "/agencies/0/name/en", "empty"),
                bad("two preferred values", t -> obj(t, "/entries/0/announced/values/1").put("standing", "preferred"),
                        "/entries/0/announced/values", "more than one value is marked preferred"),
                bad("rejected value without a note", t -> obj(t, "/entries/0/announced/values/1").remove("note"),
                        "/entries/0/announced/values/1/note", "needs a note"),
                bad("fact resting on the article alone",
                        t -> obj(t, "/entries/0/title/values/0").set("sources", arrOf(t, "article")),
                        "/entries/0/title/values/0/sources", "other than the article"),
                bad("single alternative and no preferred",
                        t -> obj(t, "/entries/0/departure/values/0").put("standing", "alternative"),
                        "/entries/0/departure/values", "no value is marked preferred"),
                bad("part on a full date", t -> obj(t, "/entries/0/announced/values/0").put("part", "late"),
                        "/entries/0/announced/values/0/part", "only goes with a month"),
                bad("unknown field", t -> obj(t, "/entries/0").put("nickname", "x"),
                        "/entries/0/nickname", "not part of the format"),
                bad("fact without sources", t -> obj(t, "/entries/0/title/values/0").set("sources", arrOf(t)),
                        "/entries/0/title/values/0/sources", "at least 1"),
                bad("unknown standing", t -> obj(t, "/entries/0/title/values/0").put("standing", "maybe"),
                        "/entries/0/title/values/0/standing", "not one of the allowed values"),
                bad("bad id", t -> obj(t, "/entries/0").put("id", "Lily Test!"),
                        "/entries/0/id", "not a valid id"),
                bad("missing aliases", t -> obj(t, "/entries/0").remove("aliases"),
                        "/entries/0", "\"aliases\" is missing"),
                bad("null entry", t -> arr(t, "/entries").addNull(),
                        "/entries/2", "wrong type"),
                bad("date padded with spaces", t -> obj(t, "/entries/0/announced/values/0").put("value", " 2024-05-15 "),
                        "/entries/0/announced/values/0/value", "YYYY-MM-DD"),
                bad("entry id with a trailing line break", t -> obj(t, "/entries/0").put("id", "lily-test\n"),
                        "/entries/0/id", "not a valid id"),
                bad("cited id with a trailing line break",
                        t -> obj(t, "/entries/0/title/values/0").set("sources", arrOf(t, "ap-2024-05-15\n")),
                        "/entries/0/title/values/0/sources/0", "not a valid source id"),
                bad("url with a trailing line break", t -> obj(t, "/sources/0").put("url", "https://example.org/ap\n"),
                        "/sources/0/url", "line break"),
                bad("ten megabyte string", t -> obj(t, "/entries/0/name").put("en", "x".repeat(10 * 1024 * 1024)),
                        "/entries/0/name/en", "longer than 100,000 characters"),
                // hostile values a JSON escape can carry (issue 10, item 16)
                bad("NUL in a name", t -> obj(t, "/entries/0/name").put("en", "Lily\u0000Test"),
                        "/entries/0/name/en", "control character (U+0000, NUL)"),
                bad("escape character in a title", t -> obj(t, "/entries/0/title/values/0/value").put("ar", "مديرة\u001b"),
                        "/entries/0/title/values/0/value/ar", "control character (U+001B)"),
                bad("line break in a name", t -> obj(t, "/entries/0/name").put("en", "Lily\nTest"),
                        "/entries/0/name/en", "contains a line break"),
                bad("lone high surrogate", t -> obj(t, "/entries/0/name").put("en", "Lily \ud800Test"),
                        "/entries/0/name/en", "unpaired surrogate"),
                bad("lone low surrogate in an alias", t -> arr(t, "/entries/0/aliases").add("Lily\udc00"),
                        "/entries/0/aliases/1", "unpaired surrogate"),
                bad("alias of a zero-width space", t -> arr(t, "/entries/0/aliases").add("\u200b"),
                        "/entries/0/aliases/1", "no letter or digit"),
                bad("alias of direction marks and a soft hyphen", t -> arr(t, "/entries/0/aliases").add("\u200e\u200f\u00ad\u2060"),
                        "/entries/0/aliases/1", "no letter or digit"),
                bad("English name of tatweel only", t -> obj(t, "/entries/0/name").put("en", "\u0640\u0640\u0640"),
                        "/entries/0/name/en", "no English words"),
                bad("Arabic name of tatweel only", t -> obj(t, "/entries/0/name").put("ar", "\u0640\u0640"),
                        "/entries/0/name/ar", "no Arabic letters"),
                bad("loopback url", t -> obj(t, "/sources/0").put("url", "http://127.0.0.1/x"),
                        "/sources/0/url", "local or private network address (127.0.0.1)"),
                bad("cloud metadata url", t -> obj(t, "/sources/0").put("url", "http://169.254.169.254/latest/meta-data/"),
                        "/sources/0/url", "local or private network address (169.254.169.254)"),
                bad("IPv6 loopback url", t -> obj(t, "/sources/0").put("url", "https://[::1]:8443/x"),
                        "/sources/0/url", "local or private network address ([::1])"),
                bad("localhost url", t -> obj(t, "/sources/0").put("url", "https://LOCALHOST./x"),
                        "/sources/0/url", "local or private network address"),
                bad("private range url", t -> obj(t, "/sources/0").put("url", "https://user@192.168.1.20:80/x"),
                        "/sources/0/url", "local or private network address (192.168.1.20)"),
                bad("loopback as one number", t -> obj(t, "/sources/0").put("url", "http://2130706433/x"),
                        "/sources/0/url", "local or private network address"),
                bad("loopback in hex and octal", t -> obj(t, "/sources/0").put("url", "http://0x7f.0.0.01/x"),
                        "/sources/0/url", "local or private network address"),
                bad("unique-local IPv6 url", t -> obj(t, "/sources/0").put("url", "http://[fd00::1]/x"),
                        "/sources/0/url", "local or private network address"),
                bad("IPv4-mapped IPv6 url", t -> obj(t, "/sources/0").put("url", "http://[::ffff:10.0.0.1]/x"),
                        "/sources/0/url", "local or private network address"),
                // a name a spreadsheet would run as a formula (issue 10, item 15)
                bad("formula as a name", t -> obj(t, "/entries/0/name").put("en", "=HYPERLINK(\"http://evil.example\",\"x\")"),
                        "/entries/0/name/en", "reads as a formula"),
                bad("formula as an alias", t -> arr(t, "/entries/0/aliases").add("+cmd|' /C calc'!A0"),
                        "/entries/0/aliases/1", "reads as a formula"),
                bad("formula as an agency name", t -> obj(t, "/agencies/0/short").put("ar", "@SUM(1)"),
                        "/agencies/0/short/ar", "reads as a formula"),
                // one message, not three (one of them "expected null")
                bad("publication date as a number", t -> obj(t, "/sources/0").put("published", 20240515),
                        "/sources/0/published", "must be a date written as text, like \"2024-05-15\""),
                // a note that corrects the article says what it said (the article) and what is right (another source)
                bad("correction note without the article", t -> obj(t, "/entries/1/notes/0").put("corrects_article", true),
                        "/entries/1/notes/0/sources", "must cite the article and at least one other source"),
                bad("correction note citing only the article", t -> obj(t, "/entries/1/notes/1").set("sources", arrOf(t, "article")),
                        "/entries/1/notes/1/sources", "must cite the article and at least one other source"),
                bad("correction marker that is not a boolean", t -> obj(t, "/entries/1/notes/1").put("corrects_article", "yes"),
                        "/entries/1/notes/1/corrects_article", "wrong type"),
                bad("announced date as a number", t -> obj(t, "/entries/0/announced/values/0").put("value", 20240515),
                        "/entries/0/announced/values/0/value", "must be a date written as text, like \"2024-05-15\""),
                // the second editor who approved an entry from Discord, and when (issue 14)
                bad("reviewed_by without a time", t -> obj(t, "/entries/0").putObject("reviewed_by").put("reviewer", "43"),
                        "/entries/0/reviewed_by", "at"),
                bad("reviewed_by with a loose time", t -> obj(t, "/entries/0").putObject("reviewed_by").put("reviewer", "43")
                        .put("at", "2 December 2026"), "/entries/0/reviewed_by/at", ""),
                bad("reviewed_by with an empty reviewer", t -> obj(t, "/entries/0").putObject("reviewed_by").put("reviewer", "")
                        .put("at", "2026-12-02T08:15:00Z"), "/entries/0/reviewed_by/reviewer", ""),
                bad("reviewed_by with another field", t -> obj(t, "/entries/0").putObject("reviewed_by").put("reviewer", "43")
                        .put("at", "2026-12-02T08:15:00Z").put("by", "x"), "/entries/0/reviewed_by/by", "not part of the format"));
    }

    @Test
    void anEntryMayNameItsReviewerAndTime() throws Exception {
        ObjectNode tree = Fixtures.minimalTree();
        obj(tree, "/entries/0").putObject("reviewed_by").put("reviewer", "43").put("at", "2026-12-02T08:15:00Z");
        Snapshot s = loader.load("ok.json", Fixtures.bytes(tree));
        assertThat(s.entries().get(0).reviewedBy()).isEqualTo(new ReviewedBy("43", "2026-12-02T08:15:00Z"));
        assertThat(s.entries().get(1).reviewedBy()).isNull();
    }

    private static Arguments bad(String name, Consumer<ObjectNode> edit, String pointer, String message) {
        return Arguments.of(name, edit, pointer, message);
    }

    private static ObjectNode obj(ObjectNode t, String pointer) {
        return (ObjectNode) t.at(pointer);
    }

    private static ArrayNode arr(ObjectNode t, String pointer) {
        return (ArrayNode) t.at(pointer);
    }

    private static ArrayNode arrOf(ObjectNode t, String... values) {
        ArrayNode a = t.arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTrees")
    void aBadFileIsRejectedWithItsPointerAndAPlainSentence(String name, Consumer<ObjectNode> edit, String pointer,
                                                            String message) {
        ObjectNode tree = Fixtures.minimalTree();
        edit.accept(tree);
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("bad.json", Fixtures.bytes(tree)));
        assertThat(e).as(name).isNotNull();
        assertThat(e.problems())
                .as("problems: %s", e.problems())
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo("bad.json");
                    assertThat(p.pointer()).isEqualTo(pointer);
                    assertThat(p.message()).contains(message);
                });
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.describe()).hasSizeLessThan(400));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        ObjectNode tree = Fixtures.minimalTree();
        obj(tree, "/entries/0").put("agency", "pentagon");
        obj(tree, "/entries/1/name").put("ar", "");
        obj(tree, "/sources/0").putNull("url");
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("bad.json", Fixtures.bytes(tree)));
        assertThat(e.problems()).extracting(Problem::pointer)
                .contains("/entries/0/agency", "/entries/1/name/ar", "/sources/0/url");
    }

    @Test
    void anEntryThatCannotBeBoundIsSkippedAndTheOnesAfterItAreStillChecked() throws Exception {
        ObjectNode tree = Fixtures.minimalTree();
        // deep inside the first entry: a value of the wrong type, then more fields after it
        arr(tree, "/entries/0/title/values").insertObject(0).put("value", 7).put("standing", "preferred")
                .putArray("sources").add("ap-2024-05-15");
        obj(tree, "/entries/0/announced/values/0").putNull("note");      // an explicit null, after the failure
        obj(tree, "/entries/1").put("agency", "pentagon");               // the entry after it is still checked
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("bad.json", new java.io.ByteArrayInputStream(Fixtures.bytes(tree))));
        assertThat(e.problems()).extracting(Problem::pointer)
                .contains("/entries/0/title/values/0/value", "/entries/1/agency");

        ObjectNode onlyNull = Fixtures.minimalTree();
        obj(onlyNull, "/entries/1/announced/values/0").putNull("note");   // binds like an absent field: still refused
        InvalidDatasetException n = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("null.json", Fixtures.bytes(onlyNull)));
        assertThat(n.problems()).extracting(Problem::pointer).contains("/entries/1/announced/values/0/note");
    }

    @Test
    void aDuplicateKeyInsideAnEntryIsReportedAsSuch() {
        String json = new String(Fixtures.bytes(Fixtures.minimalTree()), StandardCharsets.UTF_8)
                .replaceFirst("(\"name\"\\s*:\\s*\\{\\s*\"en\"\\s*:\\s*\"[^\"]*\")", "$1, \"en\": \"Twice\"");
        assertThat(json).contains("\"en\": \"Twice\"");
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("dup.json", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("appears twice").contains("en"));
    }

    static Stream<Arguments> repeatedKeys() {
        // where in an entry a key is repeated: the entry itself, a fact, a value, a text, a list's object
        return Stream.of(
                Arguments.of("(\"in_article\"\\s*:\\s*\\w+)", "$1, \"in_article\": true", "in_article"),
                Arguments.of("(\"title\"\\s*:\\s*\\{)", "$1 \"note\": {\"en\": \"a\", \"ar\": \"ب\"}, \"note\": {\"en\": \"a\", \"ar\": \"ب\"},", "note"),
                Arguments.of("(\"standing\"\\s*:\\s*\"preferred\")", "$1, \"standing\": \"preferred\"", "standing"),
                Arguments.of("(\"office\"[^\\]]*?\"value\"\\s*:\\s*\\{\\s*\"en\"\\s*:\\s*\"[^\"]*\")", "$1, \"en\": \"x\"", "en"));
    }

    @ParameterizedTest(name = "repeated {2}")
    @MethodSource("repeatedKeys")
    void aKeyRepeatedAnywhereInAnEntryIsRefused(String where, String replacement, String key) {
        String json = new String(Fixtures.bytes(Fixtures.minimalTree()), StandardCharsets.UTF_8).replaceFirst(where, replacement);
        assertThat(json).as("the fixture has the place to repeat a key").isNotEqualTo(
                new String(Fixtures.bytes(Fixtures.minimalTree()), StandardCharsets.UTF_8));
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("dup.json", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("appears twice").contains(key));
    }

    @Test
    void theSameKeyInDifferentObjectsIsFine() throws Exception {
        // every text has "en" and "ar", every value "value" and "sources": only repeats within one object count
        assertThat(loader.load("ok.json", Fixtures.bytes(Fixtures.minimalTree())).entries()).isNotEmpty();
    }

    @Test
    void aFileSavedAgainWhileBeingReadLoadsNothing() {
        ObjectNode broken = Fixtures.minimalTree();
        arr(broken, "/entries/0/title/values/0/sources").removeAll();      // fails the quick path: read twice
        byte[] first = Fixtures.bytes(broken);
        byte[] second = Fixtures.bytes(Fixtures.minimalTree());           // the fixed file, saved in between
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class, () -> loader.load("saving.json",
                () -> new java.io.ByteArrayInputStream(reads.getAndIncrement() == 0 ? first : second)));
        assertThat(reads.get()).isEqualTo(2);
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("changed while it was being read"));

        // caught half-written the second time: still said as a change, not as broken JSON
        byte[] half = java.util.Arrays.copyOf(first, first.length / 2);
        java.util.concurrent.atomic.AtomicInteger again = new java.util.concurrent.atomic.AtomicInteger();
        InvalidDatasetException h = catchThrowableOfType(InvalidDatasetException.class, () -> loader.load("saving.json",
                () -> new java.io.ByteArrayInputStream(again.getAndIncrement() == 0 ? first : half)));
        assertThat(h.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("changed while it was being read"));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("broken JSON", "{\n  \"schema_version\": 1,\n  \"agencies\": [,]\n}".getBytes(StandardCharsets.UTF_8), 3, "not valid JSON"),
                Arguments.of("truncated", "{\n  \"schema_version\": 1,\n  \"agencies\": [".getBytes(StandardCharsets.UTF_8), 3, "ends too early"),
                Arguments.of("duplicate key", "{\n\"schema_version\": 1,\n\"schema_version\": 1}".getBytes(StandardCharsets.UTF_8), 3, "appears twice"),
                Arguments.of("invalid UTF-8", new byte[]{'{', '\n', '"', 'a', '"', ':', ' ', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 2, "not valid UTF-8"),
                Arguments.of("trailing garbage", "{}\n}".getBytes(StandardCharsets.UTF_8), 2, "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aFileThatIsNotJsonIsReportedWithLineAndColumn(String name, byte[] bytes, int line, String message) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load("broken.json", bytes));
        assertThat(e).as(name).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isNull();
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isPositive();
            assertThat(p.message()).contains(message);
            assertThat(p.describe()).startsWith("broken.json:" + line + ":");
        });
    }

    @Test
    void anEmptyFileOrAnArrayIsNotADataset() {
        assertThatThrownBy(() -> loader.load("empty.json", new byte[0])).isInstanceOf(InvalidDatasetException.class);
        assertThatThrownBy(() -> loader.load("array.json", "[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDatasetException.class);
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                () -> loader.load(java.nio.file.Path.of("does/not/exist.json")));
        assertThat(e.problems()).extracting(Problem::message).containsExactly("no such file.");
    }

    @Test
    void aNoteCitingTheArticleAndAnotherSourceMayBeMarkedAsACorrection() {
        Snapshot s = Fixtures.minimal();
        assertThat(s.entry("andrew-test").orElseThrow().notes())
                .extracting(Note::correctsArticle).containsExactly(false, true);
        assertThat(Fixtures.bundled().entry("stacy-gilbert").orElseThrow().notes())
                .filteredOn(Note::correctsArticle).singleElement()
                .satisfies(n -> assertThat(n.sources()).contains("source-article-ar").hasSizeGreaterThan(1));
    }

    @Test
    void factsKnowWhetherTheSourcesSettleThem() {
        Snapshot s = Fixtures.minimal();
        Entry lily = s.entry("lily-test").orElseThrow();
        assertThat(lily.announced().status()).isEqualTo(Fact.Status.SETTLED);
        assertThat(lily.announced().preferred().orElseThrow().value()).isEqualTo(PartialDate.parse("2024-05-15"));
        assertThat(lily.announced().rejected()).extracting(Attested::value).containsExactly(PartialDate.parse("2024-05-08"));
        Entry andrew = s.entry("andrew-test").orElseThrow();
        assertThat(andrew.reportedReason().status()).isEqualTo(Fact.Status.CONTESTED);
        assertThat(andrew.announced().preferred().orElseThrow().part()).isEqualTo(DatePart.LATE);
        assertThat(andrew.announced().preferred().orElseThrow().value().precision()).isEqualTo(PartialDate.Precision.MONTH);
        assertThat(List.of(s.chronological().get(0).id(), s.chronological().get(1).id()))
                .containsExactly("lily-test", "andrew-test");
    }
}
