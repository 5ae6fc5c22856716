package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One official who resigned or was pushed out. {@code effective} is null when no source dates it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Entry(
        String id,
        LocalDate added,
        Text name,
        @Nullable List<String> aliases,
        String agency,
        @Nullable Boolean inArticle,
        Confidence confidence,
        @Nullable Text confidenceNote,
        Fact<Departure> departure,
        Fact<Text> office,
        Fact<Text> title,
        Fact<PartialDate> announced,
        @Nullable Fact<PartialDate> effective,
        Fact<Text> statedReason,
        Fact<Text> reportedReason,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Note> notes,
        @Nullable ReviewedBy reviewedBy) {

    /** An entry nobody has reviewed from Discord (files, tests): no {@code reviewed_by}. */
    public Entry(String id, LocalDate added, Text name, @Nullable List<String> aliases, String agency,
                 @Nullable Boolean inArticle, Confidence confidence, @Nullable Text confidenceNote,
                 Fact<Departure> departure, Fact<Text> office, Fact<Text> title, Fact<PartialDate> announced,
                 @Nullable Fact<PartialDate> effective, Fact<Text> statedReason, Fact<Text> reportedReason,
                 List<Note> notes) {
        this(id, added, name, aliases, agency, inArticle, confidence, confidenceNote, departure, office, title, announced,
                effective, statedReason, reportedReason, notes, null);
    }

    public Entry {
        aliases = aliases == null ? null : List.copyOf(aliases);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Every spelling a user may type; empty when none. */
    @Override
    public List<String> aliases() {
        return aliases == null ? List.of() : aliases;
    }

    /** Whether the file gave the (required) aliases list at all. */
    boolean aliasesPresent() {
        return aliases != null;
    }

    /** Whether the file said if the entry is in the source article (required; checked while loading). */
    boolean inArticlePresent() {
        return inArticle != null;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isInArticle() {
        return Boolean.TRUE.equals(inArticle);
    }

    /** The date the timeline and counts use: the announced date the dataset stands behind. */
    public PartialDate sortDate() {
        return announced.primary().map(Attested::value).orElse(new PartialDate(0, 0, 0));
    }
}
