package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsdesk.resignations.Fixtures;

/**
 * Files a careless editor or a hostile one might hand the loader (issue 10, items 8, 16 and 17):
 * each is refused with a sentence that says what is wrong and where, and never with a crash, an
 * out-of-memory error or a hang.
 */
class HostileDatasetTest {

    private final DatasetLoader loader = Fixtures.loader();

    private static String json() {
        return new String(Fixtures.bytes(Fixtures.minimalTree()), StandardCharsets.UTF_8);
    }

    private InvalidDatasetException refused(String name, byte[] bytes) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class, () -> loader.load(name, bytes));
        assertThat(e).as("%s is refused", name).isNotNull();
        return e;
    }

    private InvalidDatasetException refused(Path file) {
        InvalidDatasetException e = catchThrowableOfType(InvalidDatasetException.class, () -> loader.load(file));
        assertThat(e).as("%s is refused", file).isNotNull();
        return e;
    }

    /**
     * A 200 MB string, written to disk by streaming, through {@code validate} in a JVM with a
     * 256 MB heap: the parser stops at its string limit, so the process exits 1 with the
     * sentence instead of dying of an OutOfMemoryError.
     */
    @Test
    void aTwoHundredMegabyteStringIsRefusedInASmallHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.json");
        String json = json();
        int cut = json.indexOf("\"Test desk\"");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(json.substring(0, cut).replace("\n", "").getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.write('"');
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
            out.write(json.substring(cut + "\"Test desk\"".length()).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isGreaterThan(200L * 1024 * 1024);

        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.newsdesk.resignations.app.Main", "validate", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        assertThat(ended).as("validate ended; it printed: %s", out).isTrue();
        assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("Exception");
        assertThat(p.exitValue()).as(out).isEqualTo(1);
        assertThat(out).contains(file + ": /dataset/maintainer: a text value at line 2, column 1 is longer than 100,000 characters")
                .contains("INVALID");
    }

    /** A sparse file of 513 MB (no disk used): refused by its size, before a byte is read. */
    @Test
    void aFileOverTheSizeCapIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(DatasetLoader.MAX_FILE_BYTES + 1024 * 1024);
        }
        assertThat(refused(file).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("the file is larger than 512 MB; this is not a dataset file."));
    }

    @Test
    void onlyUtf8IsRead() throws Exception {
        String json = json();
        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                java.nio.charset.Charset.forName("UTF-32LE"))) {
            assertThat(refused("wide.json", json.getBytes(charset)).problems()).singleElement()
                    .satisfies(p -> assertThat(p.message()).as(charset.name()).contains("saved as UTF-16 or UTF-32")
                            .contains("save it as UTF-8"));
        }
        // with a byte-order mark, UTF-8 is still UTF-8
        assertThat(loader.load("bom.json", ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8)).entries()).isNotEmpty();
    }

    @Test
    void pastTheParsersLimitsTheMessageSaysWhatAndWhere() {
        byte[] deep = ("{\n\"dataset\": " + "[".repeat(1500) + "]".repeat(1500) + "}").getBytes(StandardCharsets.UTF_8);
        assertThat(refused("deep.json", deep).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("nested more than 100 levels deep at line 2");
            assertThat(p.line()).isEqualTo(2);
        });

        byte[] key = ("{\n  \"" + "k".repeat(10 * 1024 * 1024) + "\": 1}").getBytes(StandardCharsets.UTF_8);
        assertThat(refused("key.json", key).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("a field name at line 2").contains("longer than 1,000 characters");
            assertThat(p.line()).isEqualTo(2);
        });

        String json = json();
        byte[] digits = json.replaceFirst("\"schema_version\":1", "\"schema_version\":" + "9".repeat(500))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refused("digits.json", digits).problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("a number at line 1").contains("more than 100 digits");
            assertThat(p.pointer()).isEqualTo("/schema_version");
        });
    }

    @Test
    void aNumberTooLargeForADoubleIsASentenceNotANumberFormatException() {
        String json = json();
        byte[] big = json.replaceFirst("\"schema_version\":1", "\"schema_version\":1e999999999").getBytes(StandardCharsets.UTF_8);
        assertThat(refused("big.json", big).problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/schema_version");
            assertThat(p.message()).contains("a number too large to be read").doesNotContain("Exception");
        });
        // inside an entry too (read a second time, as a tree, for the schema)
        byte[] inEntry = json.replaceFirst("\"in_article\":true", "\"in_article\":-1e999999999").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(inEntry, StandardCharsets.UTF_8)).contains("1e999999999");
        assertThat(refused("entry.json", inEntry).problems()).anySatisfy(p -> {
            assertThat(p.pointer()).isEqualTo("/entries/0/in_article");
            assertThat(p.message()).contains("a number too large to be read");
        }).noneSatisfy(p -> assertThat(p.message()).contains("Exception"));
    }

    @Test
    void anImpossibleAddedDateIsSaidAtItsFieldAndTheRestOfTheEntryIsStillChecked() {
        ObjectNode tree = Fixtures.minimalTree();
        ((ObjectNode) tree.at("/entries/0")).put("added", "2024-02-30").put("agency", "pentagon");
        ((ArrayNode) tree.at("/entries/0/title/values/0/sources")).add("no-such-source");
        assertThat(refused("added.json", Fixtures.bytes(tree)).problems())
                .extracting(Problem::pointer, Problem::message)
                .contains(org.assertj.core.groups.Tuple.tuple("/entries/0/added", "\"2024-02-30\" is not a real calendar date."))
                .extracting(t -> t.toList().get(0))
                .contains("/entries/0/agency", "/entries/0/title/values/0/sources/1")
                .doesNotContain("/entries/0");
    }

    @Test
    void aDateGivenAsANumberIsOneSentence() {
        ObjectNode tree = Fixtures.minimalTree();
        ((ObjectNode) tree.at("/sources/0")).put("published", 20240515);
        assertThat(refused("n.json", Fixtures.bytes(tree)).problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/sources/0/published");
            assertThat(p.message()).isEqualTo("must be a date written as text, like \"2024-05-15\", \"2024-05\" or \"2024\""
                    + " (or null when it is not known), not a number.");
        });
    }

    @Test
    void pastAThousandProblemsItSaysThatItStoppedListing() {
        ObjectNode tree = Fixtures.minimalTree();
        ArrayNode entries = (ArrayNode) tree.at("/entries");
        ObjectNode model = (ObjectNode) entries.get(0);
        for (int i = 0; i < 1500; i++) {
            entries.add(model.deepCopy().put("id", "bad-" + i).put("agency", "pentagon"));
        }
        InvalidDatasetException e = refused("many.json", Fixtures.bytes(tree));
        assertThat(e.problems()).hasSize(1000);
        assertThat(e.moreNotListed()).isTrue();
        assertThat(e.count()).isEqualTo("the first 1000 problems (more were not listed)");
        assertThat(e.getMessage()).startsWith("the first 1000 problems (more were not listed)");

        // and when the schema finds them (entries read a second time): still said
        ObjectNode schemaBad = Fixtures.minimalTree();
        ArrayNode list = (ArrayNode) schemaBad.at("/entries");
        for (int i = 0; i < 1200; i++) {
            list.add(((ObjectNode) list.get(0)).deepCopy().put("id", "s-" + i).put("in_article", "yes"));
        }
        InvalidDatasetException s = refused("schema.json", Fixtures.bytes(schemaBad));
        assertThat(s.moreNotListed()).isTrue();
        assertThat(s.problems()).hasSizeLessThanOrEqualTo(1000);

        // below the limit, the count is exact
        ObjectNode few = Fixtures.minimalTree();
        ((ObjectNode) few.at("/entries/0")).put("agency", "pentagon");
        InvalidDatasetException f = refused("few.json", Fixtures.bytes(few));
        assertThat(f.moreNotListed()).isFalse();
        assertThat(f.count()).isEqualTo("1 problem(s)");
    }

    @Test
    void aDirectoryIsSaidToBeADirectory(@TempDir Path dir) {
        assertThat(refused(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is a directory, not a file"));
    }

    @Test
    void aPipeIsNotOpenedSoNothingHangs(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mk.waitFor(30, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is available");
        // opening a FIFO for reading blocks until a writer comes: if the loader opened it, this would never end
        assertThat(refused(fifo).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("is not a regular file (a pipe"));
    }

    @Test
    void aLoopOfLinksAndADanglingLinkAreSaidAsSuch(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThat(refused(a).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("symbolic link that cannot be followed"));
        Path dangling = dir.resolve("gone.json");
        Files.createSymbolicLink(dangling, dir.resolve("missing.json"));
        assertThat(refused(dangling).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("symbolic link to something that does not exist"));
        Path toDir = dir.resolve("dir.json");
        Files.createSymbolicLink(toDir, Files.createDirectory(dir.resolve("sub")));
        assertThat(refused(toDir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("link to a directory"));
        assertThat(refused(dir.resolve("nothing.json")).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("no such file."));
    }

    @Test
    void aFileWithoutReadPermissionIsSaidToBeUnreadable(@TempDir Path dir) throws Exception {
        assumeFalse(isRoot(), "running as root, which reads any file whatever its mode; "
                + "aFileThatFailsWhenReadIsSaidToBeUnreadable covers the case there");
        Path file = dir.resolve("locked.json");
        Files.write(file, Fixtures.bytes(Fixtures.minimalTree()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertThat(refused(file).problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("cannot be read: permission denied").doesNotContain("UTF-8"));
    }

    /** A file the kernel refuses to read even to root: /proc/self/mem at offset 0 answers EIO. */
    @Test
    void aFileThatFailsWhenReadIsSaidToBeUnreadable() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem), "Linux /proc is mounted");
        assertThat(refused(mem).problems()).singleElement().satisfies(p -> assertThat(p.message())
                .startsWith("cannot be read: ").doesNotContain("UTF-8"));
    }

    private static boolean isRoot() throws IOException {
        try {
            return "0".equals(String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
