package org.newsdesk.resignations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.SchemaCheck;
import org.newsdesk.resignations.dataset.Snapshot;

/** Shared test data: the bundled dataset, a small fixture, and a fixed clock. */
public final class Fixtures {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaCheck SCHEMA = new SchemaCheck();
    private static Snapshot bundled;

    private Fixtures() {
    }

    public static DatasetLoader loader() {
        return new DatasetLoader(SCHEMA, CLOCK);
    }

    public static synchronized Snapshot bundled() {
        if (bundled == null) {
            try {
                bundled = loader().loadBundled();
            } catch (InvalidDatasetException e) {
                throw new AssertionError(e.problems().toString(), e);
            }
        }
        return bundled;
    }

    public static Application bundledApp() {
        return Application.standalone(bundled(), Lang.EN);
    }

    public static ObjectNode minimalTree() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/valid-minimal.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Snapshot minimal() {
        try {
            return loader().load("minimal.json", bytes(minimalTree()));
        } catch (InvalidDatasetException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }

    /** The minimal dataset with andrew-test's title contested: two alternatives, no preferred value. */
    public static Snapshot contestedTitle() throws InvalidDatasetException {
        ObjectNode tree = minimalTree();
        ArrayNode values = (ArrayNode) tree.at("/entries/1/title/values");
        ((ObjectNode) values.get(0)).put("standing", "alternative");
        ObjectNode other = values.addObject();
        other.putObject("value").put("en", "Director").put("ar", "مدير");
        other.putArray("sources").add("letter");
        other.put("standing", "alternative");
        return loader().load("contested.json", bytes(tree));
    }
}
