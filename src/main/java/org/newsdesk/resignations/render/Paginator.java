package org.newsdesk.resignations.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Packs a title, a description and fields into as many cards as Discord's limits require:
 * long values continue in a second field without a heading of their own (never "Sources (2)"), a
 * full card continues on the next page. Nothing is cut.
 */
public final class Paginator {

    /** The name of a field that goes on with the value of the one before: shown as no heading. */
    static final String CONTINUED = "\u200B";

    private Paginator() {
    }

    /** @param footer builds the footer from (page number, page count), both 1-based */
    public static List<Card> pack(String title, String description, List<Card.Field> fields,
                           BiFunction<Integer, Integer, String> footer) {
        String t = Fit.shorten(title, Limits.TITLE);
        List<Card.Field> split = new ArrayList<>();
        for (Card.Field f : fields) {
            List<String> parts = Fit.split(f.value(), Limits.FIELD_VALUE);
            String name = Fit.shorten(f.name(), Limits.FIELD_NAME);
            for (int i = 0; i < parts.size(); i++) {
                split.add(new Card.Field(i == 0 ? name : CONTINUED, parts.get(i), f.inline()));
            }
        }
        List<String> descriptions = Fit.split(description, Limits.DESCRIPTION);
        // Room left for fields on a page: the embed total less title, footer (with page marks) and description.
        int footerRoom = footer.apply(99, 99).length();
        List<List<Card.Field>> pageFields = new ArrayList<>();
        List<String> pageDescriptions = new ArrayList<>();
        int d = 0;
        List<Card.Field> current = new ArrayList<>();
        String currentDescription = descriptions.get(d++);
        int used = t.length() + footerRoom + currentDescription.length();
        for (String extra; d < descriptions.size(); ) {
            extra = descriptions.get(d++);
            pageFields.add(current);
            pageDescriptions.add(currentDescription);
            current = new ArrayList<>();
            currentDescription = extra;
            used = t.length() + footerRoom + currentDescription.length();
        }
        for (Card.Field f : split) {
            int size = f.name().length() + f.value().length();
            if (current.size() == Limits.FIELDS || used + size > Limits.EMBED_TOTAL) {
                pageFields.add(current);
                pageDescriptions.add(currentDescription);
                current = new ArrayList<>();
                currentDescription = "";
                used = t.length() + footerRoom;
            }
            current.add(f);
            used += size;
        }
        pageFields.add(current);
        pageDescriptions.add(currentDescription);
        int pages = pageFields.size();
        List<Card> cards = new ArrayList<>(pages);
        for (int p = 0; p < pages; p++) {
            String foot = Fit.shorten(footer.apply(p + 1, pages), Limits.FOOTER);
            cards.add(new Card(t, pageDescriptions.get(p), pageFields.get(p), foot));
        }
        return cards;
    }
}
