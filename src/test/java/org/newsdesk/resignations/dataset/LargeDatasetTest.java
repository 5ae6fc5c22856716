package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;

/**
 * A dataset large enough for the load's second core (the semantic rules of the second half of
 * the entries) loads exactly as a small one: the same version (SHA-256 of every byte, from a
 * file or from bytes) and every problem, in file order.
 */
class LargeDatasetTest {

    private static final int ENTRIES = 6_000;

    private static ObjectNode large() {
        ObjectNode tree = Fixtures.minimalTree();
        ArrayNode entries = (ArrayNode) tree.get("entries");
        ObjectNode template = (ObjectNode) entries.get(1);
        for (int i = 0; i < ENTRIES; i++) {
            ObjectNode e = template.deepCopy();
            e.put("id", "person-" + i);
            e.putObject("name").put("en", "Person Number" + i).put("ar", "شخص رقم" + i);
            e.putArray("aliases");
            entries.add(e);
        }
        return tree;
    }

    @Test
    void theVersionIsTheDigestOfEveryByte(@TempDir Path dir) throws Exception {
        byte[] bytes = Fixtures.bytes(large());
        assertThat(bytes.length).isGreaterThan(2 << 20);
        Path file = dir.resolve("large.json");
        Files.write(file, bytes);
        Snapshot fromFile = Fixtures.loader().load(file);
        Snapshot fromBytes = Fixtures.loader().load("large.json", bytes);
        assertThat(fromFile.version()).isEqualTo(DatasetLoader.version(bytes)).isEqualTo(fromBytes.version());
        assertThat(fromFile.entries()).hasSize(ENTRIES + 2);
    }

    @Test
    void problemsInBothHalvesAreAllReportedInFileOrder() {
        ObjectNode tree = large();
        int[] broken = {5, 2_000, 3_100, 5_999};
        for (int i : broken) {
            ((ObjectNode) tree.at("/entries/" + i)).put("agency", "nowhere-" + i);
        }
        assertThatThrownBy(() -> Fixtures.loader().load("broken.json", Fixtures.bytes(tree)))
                .isInstanceOfSatisfying(InvalidDatasetException.class, e -> assertThat(e.problems())
                        .extracting(Problem::pointer)
                        .containsExactly("/entries/5/agency", "/entries/2000/agency", "/entries/3100/agency",
                                "/entries/5999/agency"));
    }
}
