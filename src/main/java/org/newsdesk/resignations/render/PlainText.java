package org.newsdesk.resignations.render;

/** A reply as console text: every page, fields as "name:" blocks, links as "label <url>". */
public final class PlainText {

    private PlainText() {
    }

    public static String render(Reply reply) {
        StringBuilder b = new StringBuilder();
        for (int p = 0; p < reply.pages().size(); p++) {
            Card c = reply.pages().get(p);
            if (p == 0 || !c.title().equals(reply.pages().get(p - 1).title())) {
                line(b, "== " + plain(c.title()) + " ==");
            }
            if (!c.description().isEmpty()) {
                line(b, plain(c.description()));
            }
            for (Card.Field f : c.fields()) {
                if (!f.name().equals(Paginator.CONTINUED)) {
                    line(b, "");
                    line(b, plain(f.name()) + ":");
                }
                line(b, plain(f.value()));
            }
            if (!c.footer().isEmpty()) {
                line(b, "-- " + plain(c.footer()));
            }
        }
        for (Reply.Action a : reply.actions()) {
            line(b, "-> " + plain(a.label()) + ": " + command(a.replay()));
        }
        for (Reply.Attachment a : reply.attachments()) {
            line(b, "[file] " + a.filename());
        }
        return b.toString().stripTrailing();
    }

    /** "who|name=andrew-miller|detail=true|lang=en" → "/resignations who name:andrew-miller detail:true lang:en". */
    static String command(String replay) {
        Replay r = Replay.parse(replay);
        StringBuilder b = new StringBuilder("/resignations ").append(r.subcommand());
        r.options().forEach((name, v) -> b.append(' ').append(name).append(':').append(v.contains(" ") ? "\"" + v + "\"" : v));
        return b.toString();
    }

    private static void line(StringBuilder b, String s) {
        b.append(s).append('\n');
    }

    /** Citation links "[1](url)" become "[1]"; other links "label <url>"; escapes and bold marks go. */
    static String plain(String s) {
        String cites = s.replaceAll("\\[\\\\\\[(\\d+)\\\\]]\\([^)\\s]*\\)", "[$1]");
        return Markdown.toPlain(cites).replace("\u2068", "").replace("\u2069", "").replace("\u200F", "");
    }
}
