package org.newsdesk.resignations.intake;

import java.util.ArrayList;
import java.util.List;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.Card;
import org.newsdesk.resignations.render.Fit;
import org.newsdesk.resignations.render.Limits;
import org.newsdesk.resignations.render.Markdown;
import org.newsdesk.resignations.render.Reply;
import org.newsdesk.resignations.render.Templates;

/** "Nothing was saved; step N needs: …", one line per flaw: shared by the form and the review. */
final class FixReply {

    private FixReply() {
    }

    static Reply of(Templates t, Lang lang, Field.Step step, List<Flaw> flaws) {
        StringBuilder b = new StringBuilder(t.get(lang, "add.fix.intro", "step", step.number()));
        for (Flaw f : flaws) {
            List<Object> args = new ArrayList<>(f.args());
            for (int i = 1; i < args.size(); i += 2) {
                if ("typed".equals(args.get(i - 1))) {
                    args.set(i, Markdown.userText(String.valueOf(args.get(i)), 200));   // what the editor typed, shown safely
                } else if ("name".equals(args.get(i - 1))) {
                    args.set(i, Markdown.escape(String.valueOf(args.get(i))));
                }
            }
            args.add("field");
            args.add(t.get(lang, "add.field." + f.field().id()));
            b.append("\n• ").append(t.get(lang, f.key(), args.toArray()));
        }
        b.append("\n\n").append(t.get(lang, "add.fix.again"));
        return Reply.userError(new Card(t.get(lang, "add.fix.title"), Fit.shorten(b.toString(), Limits.DESCRIPTION),
                List.of(), ""), List.of());
    }
}
