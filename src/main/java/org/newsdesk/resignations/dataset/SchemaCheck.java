package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed dataset against the checked-in JSON Schema and turns the validator's messages
 * into sentences a journalist can act on. Values are never echoed back: a 10 MB string must not
 * become a 10 MB error message.
 */
public final class SchemaCheck {

    public static final String SCHEMA_RESOURCE = "/dataset/resignations.schema.json";

    private final JsonSchema schema;
    private final JsonSchema entrySchema;

    public SchemaCheck() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the classpath: " + SCHEMA_RESOURCE);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .pathType(PathType.JSON_POINTER)
                    .build();
            JsonNode document = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            this.schema = factory.getSchema(document, config);
            // The same definitions with the entry as root, to check entries one by one while streaming.
            com.fasterxml.jackson.databind.node.ObjectNode entryRoot = document.deepCopy();
            entryRoot.remove(List.of("$id", "required", "properties", "additionalProperties", "type", "title", "description"));
            entryRoot.put("$ref", "#/$defs/entry");
            this.entrySchema = factory.getSchema(entryRoot, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Problem> check(String file, JsonNode document) {
        return problems(file, schema.validate(document), document, "");
    }

    /** Checks one entry on its own; pointers are reported under {@code prefix} ("/entries/12"). */
    public List<Problem> checkEntry(String file, JsonNode entry, String prefix) {
        return problems(file, entrySchema.validate(entry), entry, prefix);
    }

    private List<Problem> problems(String file, Set<ValidationMessage> messages, JsonNode document, String prefix) {
        // One sentence per pointer and kind; a failed oneOf is explained by its branches.
        Map<String, List<ValidationMessage>> byPointer = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            byPointer.computeIfAbsent(pointerOf(m), k -> new ArrayList<>()).add(m);
        }
        List<Problem> problems = new ArrayList<>();
        byPointer.forEach((pointer, list) -> {
            boolean specific = list.stream().anyMatch(m -> isSpecific(m.getType()));
            if (!specific && list.stream().anyMatch(m -> "type".equals(m.getType()))) {
                // "expected text", "expected null" and "no accepted form" for one value: one sentence
                problems.add(Problem.at(file, prefix + pointer, wrongType(list)));
                return;
            }
            list.stream()
                    .filter(m -> !specific || isSpecific(m.getType()))
                    .map(m -> sentence(m, document))
                    .distinct()
                    .forEach(s -> problems.add(Problem.at(file, prefix + pointer, s)));
        });
        problems.sort(Comparator.comparing(Problem::pointer));
        return problems;
    }

    private static boolean isSpecific(String type) {
        return switch (type) {
            case "pattern", "maxLength", "minLength", "enum", "required", "additionalProperties",
                 "unevaluatedProperties", "minItems", "uniqueItems", "const" -> true;
            default -> false;
        };
    }

    private static String pointerOf(ValidationMessage m) {
        String p = m.getInstanceLocation().toString();
        if (("additionalProperties".equals(m.getType()) || "unevaluatedProperties".equals(m.getType()))
                && m.getProperty() != null) {
            p = p + "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return p;
    }

    private static String sentence(ValidationMessage m, JsonNode document) {
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        String arg0 = args.length > 0 ? String.valueOf(args[0]) : "";
        return switch (m.getType()) {
            case "required" -> "the required field \"" + m.getProperty() + "\" is missing.";
            case "additionalProperties", "unevaluatedProperties" ->
                    "this field is not part of the format (a misspelt name?); remove or rename it.";
            case "type" -> "has the wrong type: expected " + describeType(args.length > 1 ? String.valueOf(args[1]) : arg0)
                    + ", found " + describeType(arg0) + ".";
            case "maxLength" -> "is too long: at most " + arg0 + " characters are allowed.";
            case "minLength" -> "is empty: write some text here.";
            case "pattern" -> patternSentence(m);
            case "enum" -> "is not one of the allowed values: " + arg0 + ".";
            case "const" -> "must be exactly " + arg0 + ".";
            case "minItems" -> "needs at least " + arg0 + " item(s); a fact must cite at least one source.";
            case "uniqueItems" -> "lists the same item twice.";
            case "oneOf", "anyOf" -> "does not have an accepted form here.";
            default -> "does not follow the dataset format (" + m.getType() + ").";
        };
    }

    /** One sentence for a value of the wrong type, naming every type allowed there. */
    private static String wrongType(List<ValidationMessage> list) {
        Set<String> expected = new LinkedHashSet<>();
        String found = "";
        boolean date = false;
        boolean fullDate = false;
        for (ValidationMessage m : list) {
            if (!"type".equals(m.getType())) {
                continue;
            }
            Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
            found = args.length > 0 ? String.valueOf(args[0]) : found;
            String want = args.length > 1 ? String.valueOf(args[1]) : "";
            String location = m.getSchemaLocation() == null ? "" : m.getSchemaLocation().toString();
            if (location.contains("/partialDate/")) {
                date = true;
            } else if (location.contains("/fullDate/")) {
                fullDate = true;
            } else {
                expected.add(describeType(want));
            }
        }
        boolean orNull = expected.remove("null");
        if (date || fullDate) {
            return "must be a date written as text, like \"2024-05-15\"" + (date ? ", \"2024-05\" or \"2024\"" : "")
                    + (orNull ? " (or null when it is not known)" : "") + ", not " + describeType(found) + ".";
        }
        if (orNull) {
            expected.add("null");
        }
        return "has the wrong type: expected " + String.join(" or ", expected) + ", found " + describeType(found) + ".";
    }

    private static String patternSentence(ValidationMessage m) {
        String schemaPattern = m.getSchemaNode() == null ? "" : m.getSchemaNode().asText();
        if (schemaPattern.startsWith("^https?")) {
            return "is not a web address: source URLs must start with http:// or https://.";
        }
        if (schemaPattern.startsWith("^[0-9]{4}")) {
            return "is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.";
        }
        if (schemaPattern.contains("[a-z0-9]")) {
            return "is not a valid id: use lower-case letters, digits and single hyphens (e.g. \"andrew-miller\").";
        }
        return "does not have the expected form.";
    }

    private static String describeType(String t) {
        return switch (t) {
            case "string" -> "text";
            case "integer", "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "an object";
            case "null" -> "null";
            default -> t;
        };
    }
}
