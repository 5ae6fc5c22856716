package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What the loader says when a file goes past one of the parser's limits (a string, a field
 * name, a number, the nesting or the whole document), and the one value the parser reads but
 * the schema validator cannot handle: a number too large for a double (1e999999999), which
 * would otherwise surface as a NumberFormatException from inside the validator.
 */
final class ReadLimits {

    /** A pointer longer than this (a deeply nested value) is left out of the message. */
    private static final int MAX_POINTER = 200;

    private ReadLimits() {
    }

    /** The limit passed, with what and where: the line and column, and the JSON pointer when it is short. */
    static Problem problem(String file, JsonParser p, StreamConstraintsException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        // a value's limit is met inside its token, which starts where the token location says; a
        // field name's, before the parser has moved its token location past the previous token
        JsonLocation at = raw.startsWith("Name length") ? p.currentLocation() : p.currentTokenLocation();
        if (at == null || at.getLineNr() <= 0) {
            at = p.currentLocation();
        }
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        String pointer = null;
        String message;
        if (raw.startsWith("String value length")) {
            pointer = pointer(p);
            message = "a text value" + where + " is longer than " + grouped(DatasetLoader.MAX_STRING_CHARS)
                    + " characters; no text in a dataset is nearly that long (is a closing quote missing?).";
        } else if (raw.startsWith("Name length")) {
            message = "a field name" + where + " is longer than " + grouped(DatasetLoader.MAX_NAME_CHARS)
                    + " characters; field names in the dataset are short words like \"name\" (is a closing quote missing?).";
        } else if (raw.startsWith("Document nesting depth")) {
            message = "the data is nested more than " + DatasetLoader.MAX_NESTING + " levels deep" + where
                    + "; a dataset is only a few levels deep (brackets that do not match?).";
        } else if (raw.startsWith("Number value length")) {
            pointer = pointer(p);
            message = "a number" + where + " has more than " + DatasetLoader.MAX_NUMBER_CHARS
                    + " digits; no number in a dataset is that long.";
        } else if (raw.startsWith("Document length")) {
            message = "the file is larger than " + DatasetLoader.MAX_FILE_BYTES / (1024 * 1024)
                    + " MB; this is not a dataset file.";
        } else {
            message = "the file goes past a limit of the reader" + where + " and is not a dataset file.";
        }
        return new Problem(file, pointer, line, column, message);
    }

    /** The JSON pointer of the value being read, or null when it would be too long to be of use. */
    private static @Nullable String pointer(JsonParser p) {
        try {
            String s = p.getParsingContext().pathAsPointer().toString();
            return s.length() > MAX_POINTER ? null : s;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String grouped(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Runs a schema check on a tree after replacing each number too large for a double by 0 and
     * reporting it; the schema's own message at the same place is dropped (it would be about the 0).
     */
    static List<Problem> schemaCheck(String file, JsonNode node, String prefix,
                                     BiFunction<String, JsonNode, List<Problem>> check) {
        List<Problem> problems = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        JsonNode tree = node;
        if (node.isNumber() && !finite(node)) {
            tree = IntNode.valueOf(0);
            replaced.add(prefix);
            problems.add(tooLarge(file, prefix));
        } else {
            walk(file, node, prefix, problems, replaced);
        }
        for (Problem p : check.apply(file, tree)) {
            if (!replaced.contains(p.pointer())) {
                problems.add(p);
            }
        }
        return problems;
    }

    private static void walk(String file, JsonNode node, String pointer, List<Problem> out, Set<String> replaced) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String at = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                if (f.getValue().isNumber() && !finite(f.getValue())) {
                    f.setValue(IntNode.valueOf(0));
                    replaced.add(at);
                    out.add(tooLarge(file, at));
                } else {
                    walk(file, f.getValue(), at, out, replaced);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String at = pointer + "/" + i;
                if (a.get(i).isNumber() && !finite(a.get(i))) {
                    a.set(i, IntNode.valueOf(0));
                    replaced.add(at);
                    out.add(tooLarge(file, at));
                } else {
                    walk(file, a.get(i), at, out, replaced);
                }
            }
        }
    }

    private static boolean finite(JsonNode n) {
        return !(n.isDouble() || n.isFloat()) || Double.isFinite(n.doubleValue());
    }

    private static Problem tooLarge(String file, String pointer) {
        return Problem.at(file, pointer, "is a number too large to be read (such as 1e999999999); "
                + "the only number in a dataset is the schema version, 1.");
    }
}
