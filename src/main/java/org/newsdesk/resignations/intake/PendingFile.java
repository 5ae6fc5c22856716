package org.newsdesk.resignations.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsdesk.resignations.dataset.Departure;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.SourceKind;

/**
 * Entries waiting for review, in {@code pending.json} on the {@link Shelf} next to the additions
 * file (the data directory, or the database a fleet shares): each with its form, authors, times
 * and status. Written like the additions file (a compare-and-set on the version read; on disk a
 * temporary file, fsync, atomic rename), so a crash leaves the old list or the new one. A file that
 * cannot be read is never overwritten: every operation fails with what is wrong, until someone
 * fixes it.
 */
public final class PendingFile implements PendingStore {

    public static final String NAME = "pending.json";
    /** Far beyond what a desk keeps waiting; a bigger file is not ours. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final Shelf shelf;
    private final ObjectMapper json = new ObjectMapper();

    /** The file at {@code path}, on a {@link FileShelf} of its directory. */
    public PendingFile(Path path) {
        this(new FileShelf(Optional.ofNullable(path.getParent()).orElse(Path.of(""))));
    }

    public PendingFile(Shelf shelf) {
        this.shelf = shelf;
    }

    /** The list as read, and the version a write of it must start from. */
    private record Read(List<Pending> list, Optional<String> version) {
    }

    @Override
    public synchronized List<Pending> all() throws IOException {
        return read().list();
    }

    private Read read() throws IOException {
        String where = shelf.where(NAME);
        Optional<byte[]> bytes = shelf.read(NAME, MAX_BYTES);
        if (bytes.isEmpty()) {
            return new Read(List.of(), Optional.empty());
        }
        JsonNode root;
        try {
            root = json.readTree(bytes.get());
        } catch (JsonProcessingException e) {
            throw new IOException(where + " is not valid JSON (line " + e.getLocation().getLineNr() + "); fix or remove it", e);
        }
        List<Pending> out = new ArrayList<>();
        JsonNode list = root == null ? null : root.path("pending");
        if (list == null || !list.isArray()) {
            throw new IOException(where + " has no \"pending\" list; fix or remove it");
        }
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(read(list.get(i)));
            } catch (RuntimeException e) {
                throw new IOException(where + ": /pending/" + i + " cannot be read (" + e.getMessage() + "); fix or remove it", e);
            }
        }
        return new Read(out, Optional.of(Shelf.version(bytes.get())));
    }

    @Override
    public synchronized void put(Pending p) throws IOException {
        Read now = read();
        List<Pending> all = new ArrayList<>(now.list());
        boolean replaced = false;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(p.id())) {
                all.set(i, p);
                replaced = true;
            }
        }
        if (!replaced) {
            all.add(p);
        }
        write(all, now.version());
    }

    @Override
    public synchronized void remove(List<String> ids) throws IOException {
        Set<String> gone = new HashSet<>(ids);
        Read now = read();
        List<Pending> all = new ArrayList<>(now.list());
        if (all.removeIf(p -> gone.contains(p.id()))) {
            write(all, now.version());
        }
    }

    private void write(List<Pending> all, Optional<String> base) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("format", 1);
        ArrayNode list = root.putArray("pending");
        all.forEach(p -> list.add(write(p)));
        shelf.write(NAME, base, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private ObjectNode write(Pending p) {
        Draft d = p.draft();
        ObjectNode o = json.createObjectNode();
        o.put("id", d.id());
        d.target().ifPresent(t -> o.put("target", t));
        o.put("status", p.status().name().toLowerCase(Locale.ROOT));
        ArrayNode authors = o.putArray("authors");
        p.authors().forEach(a -> authors.add(Long.toUnsignedString(a)));
        o.put("editor", Long.toUnsignedString(d.owner()));
        o.put("submitted", p.submitted().toString());
        o.put("updated", p.updated().toString());
        o.put("reminded", p.reminded());
        o.put("lang", d.lang().code());
        o.put("departure", d.departure().name().toLowerCase(Locale.ROOT));
        o.put("source_kind", d.sourceKind().name().toLowerCase(Locale.ROOT));
        d.sourceLanguage().ifPresent(l -> o.put("source_language", l));
        ObjectNode values = o.putObject("values");
        for (Field f : Field.values()) {
            if (d.values().containsKey(f)) {
                values.put(f.id(), d.value(f));
            }
        }
        p.rejection().ifPresent(r -> {
            ObjectNode x = o.putObject("rejection");
            x.put("reviewer", Long.toUnsignedString(r.reviewer()));
            x.put("at", r.at().toString());
            x.put("reason", r.reason());
        });
        return o;
    }

    private static Pending read(JsonNode o) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        o.path("values").fields().forEachRemaining(e -> Field.byId(e.getKey())
                .ifPresent(f -> values.put(f, e.getValue().asText())));
        Lang lang = Lang.parse(text(o, "lang")).orElseThrow(() -> new IllegalArgumentException("unknown lang"));
        Draft d = new Draft(text(o, "id"), Long.parseUnsignedLong(text(o, "editor")), lang,
                Departure.valueOf(text(o, "departure").toUpperCase(Locale.ROOT)),
                SourceKind.valueOf(text(o, "source_kind").toUpperCase(Locale.ROOT)),
                optional(o, "source_language"), values, optional(o, "target"));
        List<Long> authors = new ArrayList<>();
        o.path("authors").forEach(a -> authors.add(Long.parseUnsignedLong(a.asText())));
        Optional<Pending.Rejection> rejection = Optional.empty();
        JsonNode r = o.path("rejection");
        if (r.isObject()) {
            rejection = Optional.of(new Pending.Rejection(Long.parseUnsignedLong(text(r, "reviewer")), instant(r, "at"),
                    text(r, "reason")));
        }
        return new Pending(d, authors, instant(o, "submitted"), instant(o, "updated"),
                Pending.Status.valueOf(text(o, "status").toUpperCase(Locale.ROOT)), o.path("reminded").asBoolean(false),
                rejection);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return v.asText();
    }

    private static Optional<String> optional(JsonNode o, String field) {
        return o.path(field).isTextual() ? Optional.of(o.path(field).asText()) : Optional.empty();
    }

    private static Instant instant(JsonNode o, String field) {
        try {
            return Instant.parse(text(o, field));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + field + "\" is not a time", e);
        }
    }
}
