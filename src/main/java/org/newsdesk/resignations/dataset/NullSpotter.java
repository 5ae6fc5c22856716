package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;

/**
 * Watches every token of the first pass: notes an explicit null (no value in an entry may be
 * null, and binding cannot tell a null from an absent field; reset before each entry) and
 * refuses a key given twice in one object, as the parser's strict duplicate detection does,
 * but without a hash set per object (which was a quarter of what a load allocated).
 */
final class NullSpotter extends JsonParserDelegate {
    boolean seen;
    /** Keys seen so far in each object still open, by depth (0: the document itself). */
    private String[][] names = new String[8][16];
    private int[] counts = new int[8];
    private int depth;

    NullSpotter(JsonParser p) {
        super(p);
        depth = -1;   // outside the document
    }

    private JsonToken note(JsonToken t) throws IOException {
        if (t == null) {
            return null;
        }
        switch (t) {
            case VALUE_NULL -> seen = true;
            case START_OBJECT -> open();
            case END_OBJECT -> depth--;
            case FIELD_NAME -> key(delegate.currentName());
            default -> {
                // values and arrays carry no keys
            }
        }
        return t;
    }

    private void open() {
        depth++;
        if (depth >= counts.length) {
            names = Arrays.copyOf(names, depth * 2);
            counts = Arrays.copyOf(counts, depth * 2);
        }
        if (names[depth] == null) {
            names[depth] = new String[16];
        }
        counts[depth] = 0;
    }

    private void key(String name) throws IOException {
        if (depth < 0) {
            return;
        }
        String[] here = names[depth];
        int n = counts[depth];
        // the parser hands out one instance per name (its symbol table), whose hash is cached:
        // an int comparison rules out nearly every pair before equals is called
        int hash = name.hashCode();
        for (int k = 0; k < n; k++) {
            String seenName = here[k];
            if (seenName == name || (seenName.hashCode() == hash && seenName.equals(name))) {
                throw new JsonParseException(delegate, "Duplicate field '" + name + "'");
            }
        }
        if (n == here.length) {
            here = names[depth] = Arrays.copyOf(here, n * 2);
        }
        here[n] = name;
        counts[depth] = n + 1;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return note(delegate.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    @Override
    public String nextFieldName() throws IOException {
        String name = delegate.nextFieldName();
        note(delegate.currentToken());
        return name;
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
        boolean match = delegate.nextFieldName(str);
        note(delegate.currentToken());
        return match;
    }

    @Override
    public String nextTextValue() throws IOException {
        String v = delegate.nextTextValue();
        note(delegate.currentToken());
        return v;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        int v = delegate.nextIntValue(defaultValue);
        note(delegate.currentToken());
        return v;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        long v = delegate.nextLongValue(defaultValue);
        note(delegate.currentToken());
        return v;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        Boolean v = delegate.nextBooleanValue();
        note(delegate.currentToken());
        return v;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        // skipped whole: a null or a repeated key inside is not seen here, so count it as suspect
        JsonToken t = delegate.currentToken();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            delegate.skipChildren();
            seen = true;
            if (t == JsonToken.START_OBJECT) {
                depth--;
            }
        }
        return this;
    }
}
