package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;

/**
 * What a load does to go faster must not show: equal values are kept once but values that differ
 * (in one language only, or with equal hashes) stay apart; the timeline's order is the order by
 * date then name; the entries' rules run during the read yet every problem is still reported, in
 * file order, as when they run after it; and the thread that runs them ends whatever happens.
 */
class LoadSharingTest {

    private static ObjectNode withEntries(int n, Random random) {
        ObjectNode tree = Fixtures.minimalTree();
        ArrayNode entries = (ArrayNode) tree.get("entries");
        ObjectNode template = (ObjectNode) entries.get(1);
        for (int i = 0; i < n; i++) {
            ObjectNode e = template.deepCopy();
            e.put("id", "person-" + i);
            e.putObject("name").put("en", "Person Number" + i).put("ar", "شخص رقم" + i);
            e.putArray("aliases");
            ((ObjectNode) e.at("/announced/values/0")).put("value",
                    String.format("2024-%02d-%02d", 1 + random.nextInt(3), 1 + random.nextInt(3))).remove("part");
            entries.add(e);
        }
        return tree;
    }

    private static ObjectNode title(ObjectNode tree, int entry) {
        return (ObjectNode) tree.at("/entries/" + entry + "/title/values/0/value");
    }

    @Test
    void equalFactsTextsAndSourceListsAreKeptOnce() throws Exception {
        ObjectNode tree = withEntries(3, new Random(1));
        Snapshot s = Fixtures.loader().load("shared.json", Fixtures.bytes(tree));
        Entry a = s.entry("person-0").orElseThrow();
        Entry b = s.entry("person-2").orElseThrow();
        assertThat(a.title()).isSameAs(b.title());
        assertThat(a.statedReason()).isSameAs(b.statedReason());
        assertThat(a.office().values().get(0).value()).isSameAs(b.office().values().get(0).value());
        assertThat(a.title().values().get(0).sources()).isSameAs(a.office().values().get(0).sources());
        // what was shared reads as what the file says
        assertThat(a.title().values().get(0).value()).isEqualTo(new Text("Deputy", "نائب"));
    }

    @Test
    void textsThatDifferInOneLanguageOrOnlyShareAHashStayApart() throws Exception {
        ObjectNode tree = withEntries(6, new Random(2));
        title(tree, 2).put("en", "Adviser").put("ar", "مستشار");
        title(tree, 3).put("en", "Adviser").put("ar", "مستشارة");   // the Arabic differs (feminine)
        title(tree, 4).put("en", "Advisor").put("ar", "مستشار");    // the English differs
        // "Aa" and "BB" have the same String.hashCode: they land in the same slot of the table
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        title(tree, 5).put("en", "Aa").put("ar", "مستشار");
        title(tree, 6).put("en", "BB").put("ar", "مستشار");
        title(tree, 7).put("en", "Adviser").put("ar", "مستشار");
        Snapshot s = Fixtures.loader().load("apart.json", Fixtures.bytes(tree));
        JsonNode entries = tree.get("entries");
        for (int i = 2; i < entries.size(); i++) {
            JsonNode t = title(tree, i);
            Entry e = s.entry(entries.get(i).get("id").asText()).orElseThrow();
            assertThat(e.title().values().get(0).value())
                    .as("entry %d", i).isEqualTo(new Text(t.get("en").asText(), t.get("ar").asText()));
        }
        assertThat(s.entry("person-0").orElseThrow().title()).isSameAs(s.entry("person-5").orElseThrow().title());
    }

    @Test
    void theTimelineIsOrderedByDateThenNameWithTiesInFileOrder() throws Exception {
        Random random = new Random(3);
        ObjectNode tree = withEntries(9_000, random);   // past 8,192, where the sort takes both cores
        String[] names = {"Al", "Ala", "Al Amin", "Alaa", "Alab", "Alaa Zed", "Alaa Aziz", "Zed", "Ümit", "Ωmega", "ali", "Al"};
        JsonNode entries = tree.get("entries");
        for (int i = 2; i < entries.size(); i++) {
            ((ObjectNode) entries.get(i).get("name")).put("en", names[random.nextInt(names.length)]);
        }
        Snapshot s = Fixtures.loader().load("timeline.json", Fixtures.bytes(tree));
        List<Entry> expected = new ArrayList<>(s.entries());
        expected.sort(Comparator.comparing(Entry::sortDate).thenComparing(e -> e.name().en()));   // stable
        assertThat(s.chronological()).containsExactlyElementsOf(expected);
    }

    @Test
    void theNameHeadOrdersAsTheWholeNamesOrTies() {
        String[] names = {"", "A", "Al", "Al\u0000", "Ala", "Alaa", "Alaa Zed", "Alab", "Z", "\u00dc", "\u03a9", "\uffff", "ali"};
        for (String a : names) {
            for (String b : names) {
                int byHead = Long.compareUnsigned(Snapshot.head(a), Snapshot.head(b));
                if (byHead != 0) {
                    assertThat(Integer.signum(byHead)).as("%s / %s", a, b).isEqualTo(Integer.signum(a.compareTo(b)));
                }
            }
        }
    }

    /** The same dataset with the entries written before the head: the rules cannot start before the tables are read. */
    private static byte[] entriesFirst(ObjectNode tree) {
        ObjectNode reordered = Fixtures.JSON.createObjectNode();
        reordered.set("entries", tree.get("entries"));
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getKey().equals("entries")) {
                reordered.set(f.getKey(), f.getValue());
            }
        }
        return Fixtures.bytes(reordered);
    }

    private static List<Problem> problems(byte[] bytes) {
        try {
            Fixtures.loader().load("bad.json", bytes);
        } catch (InvalidDatasetException e) {
            return e.problems();
        }
        throw new AssertionError("loaded");
    }

    @Test
    void aLargeFileWithMistakesReportsEveryProblemAsWhenTheRulesRunAfterTheRead() {
        ObjectNode tree = withEntries(5_000, new Random(4));
        int[] unknownAgency = {3, 1_023, 1_024, 2_500, 4_999};
        for (int i : unknownAgency) {
            ((ObjectNode) tree.at("/entries/" + i)).put("agency", "nowhere-" + i);
        }
        ((ObjectNode) tree.at("/entries/1500")).put("added", "2099-01-01");   // in the future
        ((ArrayNode) tree.at("/entries/3000/title/values/0/sources")).set(0, "no-such-source");
        List<Problem> ahead = problems(Fixtures.bytes(tree));
        assertThat(ahead).extracting(Problem::pointer).containsExactly(
                "/entries/3/agency", "/entries/1023/agency", "/entries/1024/agency", "/entries/1500/added",
                "/entries/2500/agency", "/entries/3000/title/values/0/sources/0", "/entries/3000/title/values/0/sources",
                "/entries/4999/agency");
        assertThat(ahead).isEqualTo(problems(entriesFirst(tree)));

        // an entry the schema refuses sends the load back to checking after the read: still every problem
        ((ObjectNode) tree.at("/entries/4000")).put("confidence", "certain");
        List<Problem> withSchema = problems(Fixtures.bytes(tree));
        assertThat(withSchema).extracting(Problem::pointer).contains("/entries/4000/confidence", "/entries/3/agency",
                "/entries/3000/title/values/0/sources/0", "/entries/4999/agency");
        assertThat(withSchema).isEqualTo(problems(entriesFirst(tree)));
    }

    @Test
    void theThreadOfTheEntriesRulesEndsWhenTheFileTurnsOutBroken() throws Exception {
        byte[] good = Fixtures.bytes(withEntries(3_000, new Random(5)));
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 200);   // ends inside the last entries
        assertThatThrownBy(() -> Fixtures.loader().load("cut.json", cut)).isInstanceOf(InvalidDatasetException.class);
        assertThat(Fixtures.loader().load("good.json", good).entries()).hasSize(3_002);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (semanticThreads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(semanticThreads()).isZero();
    }

    private static long semanticThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("semantic-check") && t.isAlive()).count();
    }
}
