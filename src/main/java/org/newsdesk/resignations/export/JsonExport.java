package org.newsdesk.resignations.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import org.newsdesk.resignations.dataset.Snapshot;

/**
 * The dataset as validated, written with the loader's own mapper (snake_case, dates as text) so
 * the file passes {@code validate} and loads back to the same entries, sources and agencies.
 * The bytes may differ from the bundled file (layout, key order), so its version hash may too.
 */
public final class JsonExport {

    public static final String CONTENT_TYPE = "application/json";

    private final ObjectWriter writer;

    /** @param loaderMapper {@code DatasetLoader.mapper()} */
    public JsonExport(ObjectMapper loaderMapper) {
        this.writer = loaderMapper.writer()
                .without(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .withDefaultPrettyPrinter();
    }

    public byte[] write(Snapshot s) {
        try {
            return writer.writeValueAsBytes(s.dataset());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
