package org.newsdesk.resignations.export;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;
import org.newsdesk.resignations.render.Bidi;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;

/**
 * /resignations export format:json|csv|claimreview: a short card saying what the file is, with
 * the file attached. The console saves the attachment; Discord uploads it.
 */
public final class ExportCommands {

    public static final String PATH = "resignations export";

    private final Supplier<Snapshot> current;
    private final Replies replies;
    private final Templates t;
    private final JsonExport json;
    private final CsvExport csv;
    private final ClaimReviewExport claims;

    public ExportCommands(Supplier<Snapshot> current, Replies replies, JsonExport json, CsvExport csv,
                          ClaimReviewExport claims) {
        this.current = current;
        this.replies = replies;
        this.t = replies.templates();
        this.json = json;
        this.csv = csv;
        this.claims = claims;
    }

    public void register(CommandRouter router) {
        router.on(PATH, this::export);
    }

    public Reply export(CommandRequest req, Lang lang) {
        String typed = req.option("format").orElse("");
        Optional<ExportFormat> format = ExportFormat.parse(typed);
        if (format.isEmpty()) {
            return replies.userError(lang, "export.bad_format",
                    "value", Markdown.userText(typed, 40),
                    "formats", String.join(", ", ExportFormat.options()));
        }
        Snapshot s = current.get();
        String base = "resignations-" + s.version();
        Reply.Attachment file;
        String about;
        switch (format.get()) {
            case JSON -> {
                file = new Reply.Attachment(base + ".json", JsonExport.CONTENT_TYPE, json.write(s),
                        t.get(lang, "export.json.file"));
                about = t.get(lang, "export.json.about");
            }
            case CSV -> {
                file = new Reply.Attachment(base + ".csv", CsvExport.CONTENT_TYPE, csv.write(s),
                        t.get(lang, "export.csv.file"));
                about = t.get(lang, "export.csv.about");
            }
            default -> {
                var reviews = claims.reviews(s, lang);
                file = new Reply.Attachment(base + "-claimreview-" + lang.code() + ".jsonld", ClaimReviewExport.CONTENT_TYPE,
                        claims.write(reviews), t.get(lang, "export.claimreview.file"));
                about = t.get(lang, "export.claimreview.about", "count", reviews.size());
            }
        }
        String description = t.get(lang, "export.description", "entries", s.entries().size(),
                "version", Bidi.isolate(s.version(), lang), "file", Bidi.isolate(file.filename(), lang)) + "\n" + about;
        Card card = new Card(t.get(lang, "export.title", "format", format.get().label()),
                description, List.of(), t.get(lang, "footer", "version", s.version(), "entries", s.entries().size()));
        return Reply.answer(List.of(card), Optional.empty()).withAttachments(List.of(file));
    }
}
