package org.newsdesk.resignations.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A dataset of n generated entries in the real format, with the bundled file's agencies and
 * sources. Names are random syllables with a matching Arabic spelling, so the index meets a
 * large vocabulary as it would with real names, not n copies of a few. Entries carry one sourced
 * value per fact with short texts (real entries carry several values and longer notes), and the
 * file is written as a stream so that generating it does not itself need a large heap.
 */
public final class SyntheticDataset {

    static final String[][] SYLLABLES = {
            {"ka", "كا"}, {"ri", "ري"}, {"mo", "مو"}, {"sa", "سا"}, {"li", "لي"}, {"na", "نا"}, {"to", "تو"},
            {"ber", "بير"}, {"dan", "دان"}, {"mil", "ميل"}, {"son", "سون"}, {"ha", "ها"}, {"fa", "فا"},
            {"ro", "رو"}, {"vin", "فين"}, {"ler", "لر"}, {"zu", "زو"}, {"qi", "كي"}, {"wel", "ويل"}, {"do", "دو"},
            {"gar", "غار"}, {"ti", "تي"}, {"ne", "ني"}, {"shi", "شي"}, {"bu", "بو"}, {"lam", "لام"}, {"pe", "بي"},
            {"jo", "جو"}, {"mar", "مار"}, {"es", "إس"}, {"al", "آل"}, {"ur", "أور"}};

    private SyntheticDataset() {
    }

    public record Person(String en, String ar) {
    }

    /** The people in the generated file (for queries). */
    public record Generated(List<Person> people) {
    }

    public static byte[] bytes(int n, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(n, seed, out);
        return out.toByteArray();
    }

    public static Generated file(int n, long seed, Path path) {
        try (OutputStream out = Files.newOutputStream(path)) {
            return write(n, seed, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Generated write(int n, long seed, OutputStream out) {
        return write(n, seed, out, 0);
    }

    /** The same file as {@link #file(int, long, Path)}, with the office of every {@code changedEvery}-th entry corrected (0: none). */
    public static Generated file(int n, long seed, Path path, int changedEvery) {
        try (OutputStream out = Files.newOutputStream(path)) {
            return write(n, seed, out, changedEvery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Generated write(int n, long seed, OutputStream out, int changedEvery) {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode base;
        try (InputStream in = SyntheticDataset.class.getResourceAsStream("/dataset/resignations.json")) {
            base = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode agencies = base.get("agencies");
        JsonNode sources = base.get("sources");
        List<Person> people = new ArrayList<>(n);
        List<String> citable = new ArrayList<>();
        sources.forEach(src -> {
            if (!"article_under_review".equals(src.get("kind").asText())) {
                citable.add(src.get("id").asText());
            }
        });
        Random r = new Random(seed);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema_version", 1);
            g.writeFieldName("dataset");
            mapper.writeTree(g, base.get("dataset"));
            g.writeFieldName("agencies");
            mapper.writeTree(g, agencies);
            g.writeFieldName("sources");
            mapper.writeTree(g, sources);
            g.writeArrayFieldStart("entries");
            for (int i = 0; i < n; i++) {
                Person p = person(r);
                people.add(p);
                String src = citable.get(r.nextInt(citable.size()));
                g.writeStartObject();
                g.writeStringField("id", "synthetic-" + i);
                g.writeStringField("added", "2026-01-01");
                text(g, "name", p.en(), p.ar());
                g.writeArrayFieldStart("aliases");
                g.writeString(p.en().substring(p.en().indexOf(' ') + 1));
                g.writeString(p.ar().substring(p.ar().indexOf(' ') + 1));
                g.writeEndArray();
                g.writeStringField("agency", agencies.get(r.nextInt(agencies.size())).get("id").asText());
                g.writeBooleanField("in_article", false);
                g.writeStringField("confidence", "medium");
                fact(g, "departure", "resigned", null, null, src, null);
                boolean changed = changedEvery > 0 && i % changedEvery == 0;
                fact(g, "office", null, "Office of Policy " + i + (changed ? " and Planning" : ""),
                        "مكتب السياسات " + i + (changed ? " والتخطيط" : ""), src, null);
                fact(g, "title", null, "Special Assistant", "مساعد خاص", src, null);
                fact(g, "announced", String.format("2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)), null, null, src, null);
                fact(g, "stated_reason", null, "Said the administration's Gaza policy made staying impossible.",
                        "قال إن سياسة الإدارة في غزة جعلت بقاءه مستحيلاً.", src, "gaza-policy");
                fact(g, "reported_reason", null, "Reported as stated.", "نُقل السبب كما صرّح به.", src, null);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Generated(people);
    }

    private static void text(JsonGenerator g, String field, String en, String ar) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("en", en);
        g.writeStringField("ar", ar);
        g.writeEndObject();
    }

    /** A fact with one preferred value: a plain string when {@code plain} is set, else an en/ar text. */
    private static void fact(JsonGenerator g, String field, String plain, String en, String ar, String source, String tag)
            throws IOException {
        g.writeObjectFieldStart(field);
        g.writeArrayFieldStart("values");
        g.writeStartObject();
        if (plain != null) {
            g.writeStringField("value", plain);
        } else {
            text(g, "value", en, ar);
        }
        g.writeArrayFieldStart("sources");
        g.writeString(source);
        g.writeEndArray();
        g.writeStringField("standing", "preferred");
        if (tag != null) {
            g.writeArrayFieldStart("tags");
            g.writeString(tag);
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static Person person(Random r) {
        StringBuilder en = new StringBuilder();
        StringBuilder ar = new StringBuilder();
        for (int w = 0; w < 2; w++) {
            if (w > 0) {
                en.append(' ');
                ar.append(' ');
            }
            int syllables = 2 + r.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                String[] syl = SYLLABLES[r.nextInt(SYLLABLES.length)];
                en.append(s == 0 ? Character.toUpperCase(syl[0].charAt(0)) + syl[0].substring(1) : syl[0]);
                ar.append(syl[1]);
            }
        }
        return new Person(en.toString(), ar.toString());
    }

    /** The name with one typo (a letter doubled, dropped or swapped), as reporters type. */
    public static String typo(String name, Random r) {
        int i = 1 + r.nextInt(Math.max(1, name.length() - 2));
        return switch (r.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.charAt(i) + name.substring(i);
            case 1 -> name.substring(0, i) + name.substring(i + 1);
            default -> i + 1 < name.length() && name.charAt(i + 1) != ' ' && name.charAt(i) != ' '
                    ? name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2)
                    : name.substring(0, i) + name.substring(i + 1);
        };
    }
}
