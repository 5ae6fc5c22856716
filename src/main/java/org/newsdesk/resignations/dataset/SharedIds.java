package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads strings, keeping one instance of each id-like value (source and agency ids are cited
 * over and over: at 100,000 entries the copies alone are tens of megabytes). Other text, and the
 * value of an {@code id} field, is read as usual. The table is bounded and belongs to one loader.
 */
final class SharedIds extends StdDeserializer<String> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ID = 80;
    private static final int MAX_TABLE = 200_000;

    private final transient ConcurrentHashMap<String, String> table = new ConcurrentHashMap<>();

    SharedIds() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return StringDeserializer.instance.deserialize(p, ctx);
        }
        String s = p.getText();
        // an "id" field names its own record, once per file (the rules refuse a repeat): kept
        // out of the table, which would otherwise grow by an entry per entry for nothing
        if (s.length() > MAX_ID || "id".equals(p.currentName()) || !EntryShape.id(s)) {
            return s;
        }
        if (table.size() > MAX_TABLE) {
            table.clear();
        }
        String shared = table.putIfAbsent(s, s);
        return shared == null ? s : shared;
    }
}
