package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;

/**
 * A reload of a file keeps one copy of what did not change: the new snapshot holds the very entries of the
 * version being served where they are equal, so a reload does not hold two full datasets.
 */
class SharedEntriesTest {

    @Test
    void anUnchangedEntryIsTheSameInstanceInTheNextVersion() throws Exception {
        DatasetLoader loader = Fixtures.loader();
        ObjectNode tree = Fixtures.minimalTree();
        Snapshot first = loader.load("v1.json", Fixtures.bytes(tree));

        ((ObjectNode) tree.at("/entries/1/title/values/0/value")).put("en", "Senior Adviser");
        Snapshot second = loader.load("v1.json", Fixtures.bytes(tree));

        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.entry("lily-test").orElseThrow()).isSameAs(first.entry("lily-test").orElseThrow());
        // the corrected one is the new reading, not the old instance
        Entry corrected = second.entry("andrew-test").orElseThrow();
        assertThat(corrected).isNotSameAs(first.entry("andrew-test").orElseThrow());
        assertThat(corrected.title().preferred().orElseThrow().value().en()).isEqualTo("Senior Adviser");
        assertThat(first.entry("andrew-test").orElseThrow().title().preferred().orElseThrow().value().en()).isEqualTo("Deputy");
    }

    @Test
    void aFailedLoadDoesNotDisturbTheSharing() throws Exception {
        DatasetLoader loader = Fixtures.loader();
        ObjectNode tree = Fixtures.minimalTree();
        Snapshot first = loader.load("v1.json", Fixtures.bytes(tree));
        ObjectNode broken = tree.deepCopy();
        ((ObjectNode) broken.at("/entries/0")).put("agency", "no-such-agency");
        try {
            loader.load("v1.json", Fixtures.bytes(broken));
        } catch (InvalidDatasetException expected) {
            // nothing loaded, as always
        }
        Snapshot again = loader.load("v1.json", Fixtures.bytes(tree));
        assertThat(again.entries()).containsExactlyElementsOf(first.entries());
        assertThat(again.entry("andrew-test").orElseThrow()).isSameAs(first.entry("andrew-test").orElseThrow());
    }
}
