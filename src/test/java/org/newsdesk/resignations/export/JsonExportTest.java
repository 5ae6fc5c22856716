package org.newsdesk.resignations.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.Snapshot;

/** The JSON export is the dataset as validated: it passes validation and loads back to the same data. */
class JsonExportTest {

    private final DatasetLoader loader = Fixtures.loader();
    private final JsonExport export = new JsonExport(loader.mapper());

    @Test
    void exportedFilePassesValidateAndLoadsBackToTheSameDataset(@TempDir Path dir) throws Exception {
        Snapshot bundled = Fixtures.bundled();
        Path file = dir.resolve("resignations.json");
        Files.write(file, export.write(bundled));

        Snapshot again = loader.load(file);   // what `validate FILE` runs; throws on any problem

        assertThat(again.dataset()).isEqualTo(bundled.dataset());
        assertThat(again.entries()).hasSize(14);
        assertThat(again.dataset().sources()).isEqualTo(bundled.dataset().sources());
        assertThat(again.dataset().agencies()).isEqualTo(bundled.dataset().agencies());
        // same facts, same order: the timeline is the same
        assertThat(again.chronological()).isEqualTo(bundled.chronological());
    }

    @Test
    void aSecondRoundTripGivesTheSameBytes() throws Exception {
        byte[] once = export.write(Fixtures.bundled());
        byte[] twice = export.write(loader.load("once.json", once));
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void writesTheDatasetsOwnFieldNamesAndDatesAsText() throws Exception {
        JsonNode tree = Fixtures.JSON.readTree(export.write(Fixtures.bundled()));
        assertThat(tree.get("schema_version").asInt()).isEqualTo(1);
        JsonNode call = null;
        for (JsonNode e : tree.get("entries")) {
            if (e.get("id").asText().equals("lily-greenberg-call")) {
                call = e;
            }
        }
        assertThat(call).isNotNull();
        assertThat(call.get("added").asText()).isEqualTo("2026-11-28");
        assertThat(call.get("in_article").asBoolean()).isTrue();
        assertThat(call.at("/announced/values/0/value").asText()).isEqualTo("2024-05-15");
        assertThat(call.at("/announced/values/1/standing").asText()).isEqualTo("rejected");
        assertThat(call.at("/name/ar").asText()).isEqualTo("ليلي غرينبيرغ كول");
        assertThat(tree.toString()).doesNotContain("reportedReason").doesNotContain("\"primary\"");
    }

    @Test
    void theSmallFixtureRoundTripsToo() throws Exception {
        Snapshot minimal = Fixtures.minimal();
        assertThat(loader.load("minimal-again.json", export.write(minimal)).dataset()).isEqualTo(minimal.dataset());
    }
}
