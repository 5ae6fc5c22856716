package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** {@code validate --report}: the source lint's per-entry view, as a plain-text table or as JSON. */
public final class SourceReport {

    private SourceReport() {
    }

    /** One block per entry: a table of its sources, then the facts resting on one source and the copies still cited. */
    public static String table(List<SourceLint.EntryReport> entries) {
        StringBuilder b = new StringBuilder();
        for (SourceLint.EntryReport e : entries) {
            b.append(e.entryId()).append('\n');
            int idW = "source".length();
            int outletW = "outlet".length();
            int hostW = "host".length();
            for (SourceLint.SourceRow r : e.sources()) {
                idW = Math.max(idW, r.id().length());
                outletW = Math.max(outletW, String.valueOf(r.outlet()).length());
                hostW = Math.max(hostW, String.valueOf(r.host()).length());
            }
            String fmt = "  %-" + idW + "s  %-" + outletW + "s  %-" + hostW + "s  %s%n";
            b.append(String.format(fmt, "source", "outlet", "host", "read on"));
            for (SourceLint.SourceRow r : e.sources()) {
                b.append(String.format(fmt, r.id(), r.outlet(), r.host() == null ? "-" : r.host(), r.standing()));
            }
            b.append("  facts resting on one source: ")
                    .append(e.singleSourced().isEmpty() ? "none" : String.join(", ", e.singleSourced())).append('\n');
            b.append("  copies still cited: ").append(e.copies().isEmpty() ? "none" : String.join(", ", e.copies()))
                    .append("\n\n");
        }
        return b.toString();
    }

    /** The same report as JSON: findings and entries, for a CI job to read. */
    public static String json(String file, List<SourceLint.Finding> findings, List<SourceLint.EntryReport> entries) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("file", file);
        ArrayNode f = root.putArray("findings");
        for (SourceLint.Finding x : findings) {
            ObjectNode n = f.addObject();
            n.put("level", x.level().name().toLowerCase(Locale.ROOT));
            n.put("pointer", x.pointer());
            if (x.sourceId() != null) {
                n.put("source", x.sourceId());
            }
            n.put("message", x.message());
        }
        ArrayNode es = root.putArray("entries");
        for (SourceLint.EntryReport e : entries) {
            ObjectNode n = es.addObject();
            n.put("id", e.entryId());
            ArrayNode ss = n.putArray("sources");
            for (SourceLint.SourceRow r : e.sources()) {
                ObjectNode s = ss.addObject();
                s.put("id", r.id());
                s.put("outlet", r.outlet());
                if (r.host() != null) {
                    s.put("host", r.host());
                }
                s.put("read_on", r.standing());
            }
            e.singleSourced().forEach(n.putArray("single_source_facts")::add);
            e.copies().forEach(n.putArray("copies")::add);
        }
        try {
            return m.writeValueAsString(root);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
