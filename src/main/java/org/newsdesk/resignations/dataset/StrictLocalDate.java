package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A full date only as the string "YYYY-MM-DD", as the schema says; no arrays, no epoch numbers. */
final class StrictLocalDate extends StdDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    StrictLocalDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || !p.getText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return (LocalDate) ctx.handleUnexpectedToken(LocalDate.class, p);
        }
        try {
            return LocalDate.parse(p.getText());
        } catch (DateTimeParseException e) {
            return (LocalDate) ctx.handleWeirdStringValue(LocalDate.class, p.getText(), "not a calendar date");
        }
    }
}
