package org.newsdesk.resignations.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.newsdesk.resignations.Fixtures;

/**
 * The loader on generated hostile input (issue 10): mutations of the bundled dataset (cut short,
 * bytes flipped, nested deep, a huge string, random Unicode, values of the wrong type, keys
 * given twice). Whatever the bytes, the result is a valid snapshot or an InvalidDatasetException
 * with at least one problem that has a sentence: never another exception, an error, or a hang.
 * Sizes are bounded (at most a few MB per try) so a try cannot exhaust the test heap.
 */
class HostileDatasetPropertyTest {

    private static final byte[] BUNDLED = bundled();
    private static final String RAW = "__raw_number__:";
    private static final JsonNode TREE = tree(BUNDLED);
    /** Runs each load, so that a hang is a failure (after a minute) rather than a stuck build. */
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hostile-load");
        t.setDaemon(true);
        return t;
    });

    private final DatasetLoader loader = Fixtures.loader();

    @AfterContainer
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Property(tries = 150)
    void bytesMutatedAnyWayGiveASnapshotOrProblems(@ForAll("byteMutations") byte[] bytes) {
        loadsOrSaysWhy(bytes);
    }

    @Property(tries = 150)
    void treesWithValuesOfTheWrongKindGiveASnapshotOrProblems(@ForAll("treeMutations") byte[] bytes) {
        loadsOrSaysWhy(bytes);
    }

    private void loadsOrSaysWhy(byte[] bytes) {
        Future<Object> result = RUNNER.submit(() -> {
            try {
                return loader.load("fuzz.json", bytes);
            } catch (InvalidDatasetException e) {
                return e;
            }
        });
        Object outcome;
        try {
            outcome = result.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            fail("the loader did not finish on %d bytes within a minute (a hang)", bytes.length);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the loader crashed instead of reporting problems: " + e.getCause(), e.getCause());
        }
        if (outcome instanceof InvalidDatasetException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.message()).isNotBlank().doesNotContain("Exception");
                assertThat(p.describe()).hasSizeLessThan(1000);
            });
        } else {
            assertThat(((Snapshot) outcome).version()).isNotBlank();
        }
    }

    // ---- byte-level mutations of the bundled file

    @Provide
    Arbitrary<byte[]> byteMutations() {
        int n = BUNDLED.length;
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, n).map(k -> java.util.Arrays.copyOf(BUNDLED, k));
        Arbitrary<byte[]> flipped = Arbitraries.integers().between(0, n - 1).list().ofMinSize(1).ofMaxSize(20)
                .flatMap(at -> Arbitraries.bytes().list().ofSize(at.size()).map(values -> {
                    byte[] b = BUNDLED.clone();
                    for (int i = 0; i < at.size(); i++) {
                        b[at.get(i)] = values.get(i);
                    }
                    return b;
                }));
        Arbitrary<byte[]> deep = Combinators.combine(Arbitraries.integers().between(0, n),
                        Arbitraries.integers().between(50, 5000), Arbitraries.of("[", "{\"a\":", "[{\"k\":"))
                .as((at, depth, open) -> insert(BUNDLED, at, open.repeat(depth).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> hugeString = Combinators.combine(Arbitraries.integers().between(0, n),
                        Arbitraries.integers().between(50_000, 400_000), Arbitraries.chars().all())
                .as((at, length, c) -> insert(BUNDLED, at, ("\"" + String.valueOf(c).repeat(length) + "\"")
                        .getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> unicode = Combinators.combine(Arbitraries.integers().between(0, n),
                        Arbitraries.strings().all().ofMaxLength(200))
                .as((at, s) -> insert(BUNDLED, at, s.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> repeatedKey = Combinators.combine(Arbitraries.integers().between(0, n - 1),
                        Arbitraries.of("\"id\": \"x\", ", "\"en\": \"x\", ", "\"values\": [], ", "\"agency\": 1, "))
                .as((at, key) -> {
                    int brace = indexOf(BUNDLED, (byte) '{', at);
                    return brace < 0 ? BUNDLED : insert(BUNDLED, brace + 1, key.getBytes(StandardCharsets.UTF_8));
                });
        Arbitrary<byte[]> numbers = Combinators.combine(Arbitraries.integers().between(0, n),
                        Arbitraries.of("1e999999999", "-1e999999999", "1" + "0".repeat(150), "0.0000001e-999", "NaN", "-0"))
                .as((at, num) -> insert(BUNDLED, at, num.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(truncated, flipped, deep, hugeString, unicode, randomBytes, repeatedKey, numbers);
    }

    // ---- tree-level mutations: a value replaced by one of another kind

    @Provide
    Arbitrary<byte[]> treeMutations() {
        List<String> pointers = pointers(TREE);
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(JsonNodeFactory.instance::textNode),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\ud800', '\udfff', '\u200b', '\u0640', '=', '+', '@')
                        .ofMaxLength(20).map(JsonNodeFactory.instance::textNode),
                Arbitraries.integers().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.of(true, false).map(JsonNodeFactory.instance::booleanNode),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()),
                Arbitraries.just(JsonNodeFactory.instance.arrayNode()),
                Arbitraries.just(JsonNodeFactory.instance.objectNode()),
                // written out as bare numbers after serialisation (a tree cannot hold 1e999999999)
                Arbitraries.of("1e999999999", "-1e999999999", "1" + "0".repeat(150), "1e-999999999")
                        .map(num -> JsonNodeFactory.instance.textNode(RAW + num)),
                Arbitraries.integers().between(1, 300).map(HostileDatasetPropertyTest::nested),
                Arbitraries.of("2024-02-30", "2024-13", "0000", "2999-01-01", "2024-5-1", "http://127.0.0.1/",
                        "https://[::1]/", "ftp://x.org").map(JsonNodeFactory.instance::textNode));
        Arbitrary<String> where = Arbitraries.of(pointers);
        return Combinators.combine(where.list().ofMinSize(1).ofMaxSize(4), values.list().ofSize(4))
                .as((at, with) -> {
                    JsonNode copy = TREE.deepCopy();
                    for (int i = 0; i < at.size(); i++) {
                        replace(copy, at.get(i), with.get(i));
                    }
                    String json = new String(Fixtures.bytes(copy), StandardCharsets.UTF_8);
                    return json.replaceAll("\"" + RAW + "([^\"]*)\"", "$1").getBytes(StandardCharsets.UTF_8);
                });
    }

    /** Arrays inside arrays, {@code depth} deep. */
    private static JsonNode nested(int depth) {
        ArrayNode root = JsonNodeFactory.instance.arrayNode();
        ArrayNode at = root;
        for (int i = 1; i < depth; i++) {
            at = at.addArray();
        }
        return root;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i < a.size()) {
                a.set(i, value);
            }
        }
    }

    private static List<String> pointers(JsonNode root) {
        List<String> out = new ArrayList<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String at, List<String> out) {
        if (!at.isEmpty()) {
            out.add(at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), at + "/" + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, out);
            }
        }
    }

    private static byte[] insert(byte[] base, int at, byte[] what) {
        byte[] out = new byte[base.length + what.length];
        System.arraycopy(base, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(base, at, out, at + what.length, base.length - at);
        return out;
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bundled() {
        try (InputStream in = DatasetLoader.class.getResourceAsStream(DatasetLoader.BUNDLED_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return Fixtures.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
