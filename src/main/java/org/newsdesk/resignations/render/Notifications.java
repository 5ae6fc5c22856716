package org.newsdesk.resignations.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.PartialDate;

/**
 * The messages sent to subscribed channels: a new entry, a correction (what changed, field by
 * field, before and after), a test message, and notes to the admin channel. Entries come as
 * their canonical JSON trees (what the ledger keeps), so an old version can be shown after the
 * dataset has moved on. Text from the dataset is escaped for markdown; nothing pings.
 */
public final class Notifications {

    /** Discord's limits on an embed field; more changed fields than this are counted, not shown. */
    static final int MAX_FIELDS = 20;
    static final int FIELD_VALUE = 1024;
    static final int SIDE = 480;

    private final Templates t;
    private final Dates dates;

    public Notifications(Templates templates) {
        this.t = templates;
        this.dates = new Dates(templates);
    }

    public Card newEntry(JsonNode entry, Lang lang) {
        String name = name(entry, lang);
        List<Card.Field> fields = new ArrayList<>();
        for (String f : List.of("title", "agency", "departure", "announced")) {
            JsonNode v = entry.path(f);
            if (!v.isMissingNode() && !v.isNull()) {
                fields.add(new Card.Field(label(f, lang), Fit.shorten(value(f, v, lang), FIELD_VALUE), false));
            }
        }
        // an entry a second editor approved from Discord says so: readers know the desk checked it
        JsonNode reviewed = entry.path("reviewed_by");
        if (reviewed.isObject()) {
            String day = reviewed.path("at").asText("").length() >= 10 ? reviewed.path("at").asText().substring(0, 10) : "";
            String when = PartialDate.tryParse(day).filter(PartialDate::isValid).map(d -> dates.format(d, lang)).orElse(day);
            return new Card(Fit.shorten(t.get(lang, "notify.new.reviewed.title", "name", name), Limits.TITLE),
                    t.get(lang, "notify.new.reviewed.body", "name", name, "date", when), fields, footer(entry, lang));
        }
        return new Card(Fit.shorten(t.get(lang, "notify.new.title", "name", name), Limits.TITLE),
                t.get(lang, "notify.new.body", "name", name), fields, footer(entry, lang));
    }

    public Card correction(JsonNode before, JsonNode after, Lang lang) {
        String name = name(after, lang);
        List<FieldDiff.Change> changes = FieldDiff.between(before, after);
        List<Card.Field> fields = new ArrayList<>();
        for (FieldDiff.Change c : changes.subList(0, Math.min(MAX_FIELDS, changes.size()))) {
            String was = Fit.shorten(value(c.field(), c.before(), lang), SIDE);
            String now = Fit.shorten(value(c.field(), c.after(), lang), SIDE);
            fields.add(new Card.Field(label(c.field(), lang),
                    Fit.shorten(t.get(lang, "notify.correction.change", "before", was, "after", now), FIELD_VALUE), false));
        }
        String body = t.get(lang, "notify.correction.body", "count", number(changes.size(), lang));
        if (changes.size() > MAX_FIELDS) {
            body += "\n" + t.get(lang, "notify.correction.more", "count", number(changes.size() - MAX_FIELDS, lang));
        }
        return new Card(Fit.shorten(t.get(lang, "notify.correction.title", "name", name), Limits.TITLE), body, fields,
                footer(after, lang));
    }

    /** An entry taken out of the dataset: what it said, so a reader knows what not to cite. */
    public Card removed(JsonNode last, Lang lang) {
        String name = name(last, lang);
        List<Card.Field> fields = new ArrayList<>();
        for (String f : List.of("title", "agency")) {
            JsonNode v = last.path(f);
            if (!v.isMissingNode() && !v.isNull()) {
                fields.add(new Card.Field(label(f, lang), Fit.shorten(value(f, v, lang), FIELD_VALUE), false));
            }
        }
        return new Card(Fit.shorten(t.get(lang, "notify.removed.title", "name", name), Limits.TITLE),
                t.get(lang, "notify.removed.body", "name", name), fields, footer(last, lang));
    }

    public Card test(Lang lang) {
        return new Card(t.get(lang, "notify.test.title"), t.get(lang, "notify.test.body"), List.of(), "");
    }

    public Card note(String text) {
        return new Card("", Fit.shorten(text, Limits.DESCRIPTION), List.of(), "");
    }

    private String footer(JsonNode entry, Lang lang) {
        return t.get(lang, "notify.footer", "id", entry.path("id").asText(""));
    }

    private String name(JsonNode entry, Lang lang) {
        JsonNode n = entry.path("name");
        String s = n.path(lang.code()).asText(n.path("en").asText(entry.path("id").asText("")));
        return Markdown.escape(s);
    }

    private String label(String field, Lang lang) {
        String key = "notify.field." + field;
        return t.has(lang, key) ? t.get(lang, key) : field;
    }

    private static String number(int n, Lang lang) {
        return Integer.toString(n);   // the rest of the bot writes numbers with Latin digits in both languages
    }

    /** One value as a reader sees it, in the language; "—" when absent. */
    String value(String field, JsonNode v, Lang lang) {
        if (v == null || v.isMissingNode() || v.isNull() || (v.isContainerNode() && v.isEmpty())) {
            return t.get(lang, "notify.value.none");
        }
        if (v.isBoolean()) {
            return t.get(lang, v.asBoolean() ? "notify.value.yes" : "notify.value.no");
        }
        if (v.isTextual()) {
            String s = v.asText();
            if (field.equals("departure") && t.has(lang, "departure." + s)) {
                return t.get(lang, "departure." + s);
            }
            if (field.equals("confidence") && t.has(lang, "notify.confidence." + s)) {
                return t.get(lang, "notify.confidence." + s);
            }
            Optional<PartialDate> d = s.matches("\\d{4}(-\\d{2}){0,2}") ? PartialDate.tryParse(s).filter(PartialDate::isValid)
                    : Optional.empty();
            if (d.isPresent()) {
                return dates.format(d.get(), lang);
            }
            return Markdown.escape(s);
        }
        if (v.isNumber()) {
            return v.asText();
        }
        if (field.equals("reviewed_by") && v.isObject()) {
            return t.get(lang, "notify.value.reviewed", "reviewer", Markdown.escape(v.path("reviewer").asText("")),
                    "at", Markdown.escape(v.path("at").asText("").replace('T', ' ').replace("Z", " UTC")));
        }
        if (v.isObject() && v.has("en") && v.has("ar") && v.size() <= 2) {
            return Markdown.escape(v.path(lang.code()).asText());
        }
        if (v.isObject() && v.has("values")) {   // a sourced fact: each value, marked when not preferred
            List<String> parts = new ArrayList<>();
            for (JsonNode a : v.path("values")) {
                String s = value(field, a.path("value"), lang);
                String standing = a.path("standing").asText("preferred");
                if (!standing.equals("preferred") && t.has(lang, "notify.standing." + standing)) {
                    s += " " + t.get(lang, "notify.standing." + standing);
                }
                parts.add(s);
            }
            return String.join(t.get(lang, "notify.value.separator"), parts);
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode a : v) {
                parts.add(a.isObject() && a.has("text") ? value(field, a.path("text"), lang) : value(field, a, lang));
            }
            return String.join(t.get(lang, "notify.value.separator"), parts);
        }
        return Markdown.escape(v.toString());
    }
}
