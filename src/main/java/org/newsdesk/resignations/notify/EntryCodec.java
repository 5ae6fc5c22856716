package org.newsdesk.resignations.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.newsdesk.resignations.dataset.Entry;

/**
 * The canonical JSON of an entry (the loader's mapper, map keys sorted, no indentation) and its
 * SHA-256: two loads of the same entry give the same hash wherever they run.
 */
public final class EntryCodec {

    private final ObjectMapper mapper;

    public EntryCodec(ObjectMapper loaderMapper) {
        this.mapper = loaderMapper.copy()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.INDENT_OUTPUT, false);
    }

    public String canonical(Entry e) {
        try {
            return mapper.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("entry " + e.id() + " cannot be written as JSON", ex);
        }
    }

    public static String hash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public JsonNode tree(String canonical) {
        try {
            return mapper.readTree(canonical);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored entry JSON is unreadable", ex);
        }
    }
}
