package org.newsdesk.resignations.render;

import java.util.List;

/** One page of a reply; the shape of a Discord embed, but no Discord type. */
public record Card(String title, String description, List<Field> fields, String footer) {

    public record Field(String name, String value, boolean inline) {
    }

    public Card {
        fields = List.copyOf(fields);
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        footer = footer == null ? "" : footer;
    }

    /** Characters Discord counts against its 6,000 per-message embed budget. */
    public int length() {
        int n = title.length() + description.length() + footer.length();
        for (Field f : fields) {
            n += f.name().length() + f.value().length();
        }
        return n;
    }
}
