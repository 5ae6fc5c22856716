package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;

/**
 * The loader checks valid-looking entries with a quick shape test and sends only the others to
 * the JSON Schema. Random damage to entries must never slip past: whatever the schema says
 * about a damaged entry, the loader reports.
 */
class FastPathAgreesWithSchemaTest {

    private final SchemaCheck schema = new SchemaCheck();
    private final DatasetLoader loader = Fixtures.loader();

    @Test
    void everySchemaProblemInADamagedEntryIsReported() {
        Random r = new Random(20261128);
        int damaged = 0;
        for (int run = 0; run < 600; run++) {
            ObjectNode tree = Fixtures.minimalTree();
            int which = r.nextInt(2);
            ObjectNode entry = (ObjectNode) tree.at("/entries/" + which);
            List<JsonNode> parents = new ArrayList<>();
            collectContainers(entry, parents);
            JsonNode parent = parents.get(r.nextInt(parents.size()));
            damage(parent, r);
            List<Problem> expected = schema.checkEntry("bad.json", tree.at("/entries/" + which), "/entries/" + which);
            if (expected.isEmpty()) {
                continue;
            }
            damaged++;
            InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class,
                    () -> loader.load("bad.json", Fixtures.bytes(tree)));
            assertThat(e).as("run %d: %s was loaded", run, expected).isNotNull();
            assertThat(e.problems()).as("run %d", run).containsAll(expected);
        }
        assertThat(damaged).as("mutations the schema rejects").isGreaterThan(300);
    }

    private static void collectContainers(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            node.forEach(child -> collectContainers(child, out));
        }
    }

    private static void damage(JsonNode container, Random r) {
        if (container instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String field = names.isEmpty() ? "x" : names.get(r.nextInt(names.size()));
            switch (r.nextInt(9)) {
                case 0 -> o.remove(field);
                case 1 -> o.putNull(field);
                case 2 -> o.put(field, 5);
                case 3 -> o.put(field, "");
                case 4 -> o.put(field, true);
                case 5 -> o.putArray(field);
                case 6 -> o.putObject(field);
                case 7 -> o.put("unexpected_" + r.nextInt(100), "x");
                default -> o.put(field, "z".repeat(3000));
            }
        } else if (container instanceof ArrayNode a) {
            switch (r.nextInt(5)) {
                case 0 -> a.removeAll();
                case 1 -> {
                    if (!a.isEmpty()) {
                        a.add(a.get(0).deepCopy());
                    }
                }
                case 2 -> a.addNull();
                case 3 -> a.add(7);
                default -> a.add("Not An Id!");
            }
        }
    }
}
