package org.newsdesk.resignations.sourcing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.newsdesk.resignations.dataset.DatasetLoader;
import org.newsdesk.resignations.dataset.InvalidDatasetException;
import org.newsdesk.resignations.dataset.Snapshot;

/** Variants of the bundled dataset for the notification tests. */
public final class Datasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {
    }

    public static ObjectNode bundled() {
        try (InputStream in = DatasetLoader.class.getResourceAsStream(DatasetLoader.BUNDLED_RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled dataset without one entry (to see it arrive later as new). */
    public static ObjectNode without(String id) {
        ObjectNode root = bundled();
        ArrayNode entries = (ArrayNode) root.get("entries");
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).path("id").asText().equals(id)) {
                entries.remove(i);
                break;
            }
        }
        return root;
    }

    /** The bundled dataset with one entry changed in place. */
    public static ObjectNode changed(String id, Consumer<ObjectNode> change) {
        ObjectNode root = bundled();
        for (var e : root.get("entries")) {
            if (e.path("id").asText().equals(id)) {
                change.accept((ObjectNode) e);
            }
        }
        return root;
    }

    /** Sets the English and Arabic of the preferred title of an entry. */
    public static Consumer<ObjectNode> title(String en, String ar) {
        return e -> {
            ObjectNode v = (ObjectNode) e.get("title").get("values").get(0).get("value");
            v.put("en", en);
            v.put("ar", ar);
        };
    }

    public static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Snapshot load(ObjectNode root) {
        try {
            return DatasetLoader.standard().load("test.json", bytes(root));
        } catch (InvalidDatasetException e) {
            throw new AssertionError(e.problems().toString(), e);
        }
    }
}
