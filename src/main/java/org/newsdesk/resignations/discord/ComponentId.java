package org.newsdesk.resignations.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a button, select menu or form carries in its id (Discord's custom_id): the feature it
 * belongs to and that feature's elements, written {@code <feature>:<element>:<element>…}. An
 * element may hold anything (a replay string, Arabic text, a colon): {@code %} and {@code :} inside
 * it are written {@code %25} and {@code %3A}, so a separator inside an element never splits it.
 * Encoding and decoding live here and nowhere else; {@link ComponentIds} adds the memory for ids
 * longer than Discord's 100 characters.
 * <p>
 * The features and their elements:
 * <ul>
 *   <li>{@code r} (the core's replies): {@code r:p<slot>:<page>:<owner>:<replay>} turns a page
 *       (slot f, p, n or l keeps the four buttons' ids distinct; owner in base 36, 0 for anyone);
 *       {@code r:s:<replay>} runs a suggested command or a reply's action;
 *       {@code r:m:<option>:<replay>} a select menu whose choice is added as that option.</li>
 *   <li>{@code f} (the fact-check menu): {@code f:g<slot>:<key>:<page>} turns the asker's copy,
 *       {@code f:p:<key>:<page>} posts it.</li>
 *   <li>{@code a} (the add form): {@code a:<step>:<draft>} for the form and the button opening it.</li>
 *   <li>{@code v} (the review of what editors add): {@code v:<action>:<review id>} for the review
 *       card's buttons (approve, reject, edit) and the pending list's (open), {@code v:reason:<review id>}
 *       for the form asking why it is rejected, {@code v:correct:<entry>} for the who card's
 *       "Propose a correction".</li>
 * </ul>
 * Decoding never throws: anything else (including the formats before this one, still on old
 * messages) is {@link Invalid}.
 */
public record ComponentId(Feature feature, List<String> elements) {

    /** What an id decodes to: an id, an id kept in memory that is gone, or not an id of ours. */
    public sealed interface Decoded permits Found, Expired, Invalid {
    }

    public record Found(ComponentId id) implements Decoded {
    }

    /** A long id kept in memory by an earlier run, or forgotten since. */
    public record Expired() implements Decoded {
    }

    public record Invalid(String id) implements Decoded {
    }

    /** Whose id it is; the listener routes by it. */
    public enum Feature {
        REPLY("r"), FACT_CHECK("f"), ADD_ENTRY("a"), REVIEW("v");

        final String code;

        Feature(String code) {
            this.code = code;
        }

        static Optional<Feature> of(String code) {
            for (Feature f : values()) {
                if (f.code.equals(code)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private static final char SEPARATOR = ':';

    public ComponentId {
        if (feature == null || elements == null || elements.isEmpty()) {
            throw new IllegalArgumentException("a component id needs a feature and at least one element");
        }
        elements = List.copyOf(elements);   // throws on a null element
    }

    public static ComponentId of(Feature feature, String... elements) {
        return new ComponentId(feature, List.of(elements));
    }

    public String element(int i) {
        return elements.get(i);
    }

    public int size() {
        return elements.size();
    }

    /** The id as Discord carries it; it may be longer than 100 characters ({@link ComponentIds#id} keeps those). */
    public String encode() {
        StringBuilder b = new StringBuilder(feature.code);
        for (String e : elements) {
            b.append(SEPARATOR);
            for (int i = 0; i < e.length(); i++) {
                char c = e.charAt(i);
                if (c == '%') {
                    b.append("%25");
                } else if (c == SEPARATOR) {
                    b.append("%3A");
                } else {
                    b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** Reads an id written by {@link #encode}; anything else is {@link Invalid}, never an exception. */
    public static Decoded decode(String id) {
        if (id == null) {
            return new Invalid("");
        }
        int first = id.indexOf(SEPARATOR);
        Optional<Feature> feature = first < 0 ? Optional.empty() : Feature.of(id.substring(0, first));
        if (feature.isEmpty()) {
            return new Invalid(id);
        }
        List<String> elements = new ArrayList<>();
        StringBuilder e = new StringBuilder();
        for (int i = first + 1; i <= id.length(); i++) {
            char c = i == id.length() ? SEPARATOR : id.charAt(i);
            if (c == SEPARATOR) {
                elements.add(e.toString());
                e.setLength(0);
            } else if (c == '%') {
                String esc = id.regionMatches(i, "%25", 0, 3) ? "%" : id.regionMatches(i, "%3A", 0, 3) ? ":" : null;
                if (esc == null) {
                    return new Invalid(id);
                }
                e.append(esc);
                i += 2;
            } else {
                e.append(c);
            }
        }
        return new Found(new ComponentId(feature.get(), elements));
    }
}
