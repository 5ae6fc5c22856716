package org.newsdesk.resignations.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validateWithoutArgumentsChecksTheBundledDataset() {
        assertThat(run("validate")).isZero();
        assertThat(out()).contains("bundled:resignations.json: valid (14 entries");
    }

    @Test
    void validateReportsEveryProblemAndExitsOne(@TempDir Path dir) throws Exception {
        var tree = Fixtures.minimalTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/entries/0")).put("agency", "nowhere");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/sources/0")).put("url", "ftp://x");
        Path bad = dir.resolve("bad.json");
        Files.write(bad, Fixtures.bytes(tree));
        Path good = dir.resolve("good.json");
        Files.write(good, Fixtures.bytes(Fixtures.minimalTree()));
        assertThat(run("validate", good.toString(), bad.toString())).isEqualTo(1);
        assertThat(out()).contains(good + ": valid")
                .contains(bad + ": /entries/0/agency: the agency \"nowhere\" is not in the agencies table")
                .contains(bad + ": /sources/0/url: is not a web address")
                .contains(bad + ": INVALID, 2 problem(s)");
    }

    @Test
    void validateOfBrokenJsonGivesLineAndColumn(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"a\": [1,,2]\n}");
        assertThat(run("validate", broken.toString())).isEqualTo(1);
        assertThat(out()).contains(broken + ":2:");
    }

    @Test
    void validateOfAMissingFileIsAClearProblem() {
        assertThat(run("validate", "no/such/file.json")).isEqualTo(1);
        assertThat(out()).contains("no/such/file.json: /: no such file.");
    }

    @Test
    void anUnknownSubcommandIsAUsageErrorNotAStackTrace() {
        assertThat(run("frobnicate")).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception");
    }
}
