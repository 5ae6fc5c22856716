package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/** A full date only as the string "YYYY-MM-DD", as the schema says; no arrays, no epoch numbers. */
final class StrictLocalDate extends StdDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    StrictLocalDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        String t = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : null;
        // "YYYY-MM-DD" checked by hand, not with a regex and a formatter: this runs for every entry
        if (t == null || t.length() != 10 || !PartialDate.digits(t, 0, 4) || t.charAt(4) != '-'
                || !PartialDate.digits(t, 5, 7) || t.charAt(7) != '-' || !PartialDate.digits(t, 8, 10)) {
            return (LocalDate) ctx.handleUnexpectedToken(LocalDate.class, p);
        }
        try {
            return LocalDate.of(PartialDate.number(t, 0, 4), PartialDate.number(t, 5, 7), PartialDate.number(t, 8, 10));
        } catch (DateTimeException e) {
            return (LocalDate) ctx.handleWeirdStringValue(LocalDate.class, t, "not a calendar date");
        }
    }
}
