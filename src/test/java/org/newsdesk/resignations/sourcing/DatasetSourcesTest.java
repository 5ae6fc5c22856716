package org.newsdesk.resignations.sourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;

class DatasetSourcesTest {

    static final String ID = "andrew-miller";

    @TempDir
    Path dir;
    DatasetLoader loader = DatasetLoader.standard();

    Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void laterFilesWinByIdAndAddWhatIsNew() throws Exception {
        Path a = write("a.json", Datasets.bytes(Datasets.without(ID)));
        Path b = write("b.json", Datasets.bytes(Datasets.changed(ID, Datasets.title("Deputy Assistant Secretary", "نائب مساعد الوزير"))));
        Reloader.Source s = DatasetSources.of(loader, List.of(a, b), DatasetSources.Mode.REPLACE, Clock.systemUTC());
        Snapshot merged = s.load();
        assertThat(merged.entries()).hasSize(14);
        assertThat(merged.entry(ID).orElseThrow().title().primary().orElseThrow().value().in(Lang.EN))
                .isEqualTo("Deputy Assistant Secretary");
        assertThat(s.load().version()).isEqualTo(merged.version());
    }

    @Test
    void mergeModePutsTheFilesOnTopOfTheBundledDataset() throws Exception {
        Path a = write("a.json", Datasets.bytes(Datasets.without(ID)));
        assertThat(DatasetSources.of(loader, List.of(a), DatasetSources.Mode.MERGE, Clock.systemUTC()).load().entries()).hasSize(14);
        assertThat(DatasetSources.of(loader, List.of(a), DatasetSources.Mode.REPLACE, Clock.systemUTC()).load().entries()).hasSize(13);
    }

    @Test
    void oneBadFileLoadsNothingAndEveryProblemIsSaid() throws Exception {
        Path good = write("good.json", Datasets.bytes(Datasets.bundled()));
        Path bad = write("bad.json", "{\"entries\": [".getBytes());
        Reloader.Source s = DatasetSources.of(loader, List.of(good, bad), DatasetSources.Mode.REPLACE, Clock.systemUTC());
        assertThatThrownBy(s::load).isInstanceOfSatisfying(InvalidDatasetException.class,
                e -> assertThat(e.problems()).allSatisfy(p -> assertThat(p.describe()).contains("bad.json")));
    }
}
