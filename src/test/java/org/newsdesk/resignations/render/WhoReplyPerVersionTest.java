package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.Fixtures;
import org.newsdesk.resignations.app.Application;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Entry;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.dataset.Snapshot;

/**
 * Who replies are rendered once per dataset version (when it is loaded), and a reload starts
 * again from the new version: a correction is served at once, never the card from before it.
 */
class WhoReplyPerVersionTest {

    private static Snapshot withTitle(String en, String ar) throws Exception {
        ObjectNode tree = Fixtures.minimalTree();
        ObjectNode value = (ObjectNode) tree.at("/entries/1/title/values/0/value");
        value.put("en", en).put("ar", ar);
        return Fixtures.loader().load("titled.json", Fixtures.bytes(tree));
    }

    private static String who(Application app, String name, String lang) {
        Reply r = app.router().handle(new CommandRequest("resignations", "who", Map.of("name", name, "lang", lang)),
                RequestContext.CONSOLE);
        return r.pages().get(0).description();
    }

    @Test
    void aReloadServesTheCorrectedTextInBothLanguages() throws Exception {
        Application app = Application.standalone(withTitle("Deputy Director", "نائب المدير"), Lang.EN);
        assertThat(who(app, "Andrew Test", "en")).contains("Deputy Director");
        assertThat(who(app, "Andrew Test", "ar")).contains("نائب المدير");

        app.replace(withTitle("Senior Adviser", "مستشار أول"));

        assertThat(who(app, "Andrew Test", "en")).contains("Senior Adviser").doesNotContain("Deputy Director");
        assertThat(who(app, "Andrew Test", "ar")).contains("مستشار أول").doesNotContain("نائب المدير");
    }

    @Test
    void aReplyIsRenderedOncePerVersionAndAgainForTheNext() throws Exception {
        Replies replies = new Replies(Templates.bundled());
        Snapshot first = withTitle("Deputy Director", "نائب المدير");
        replies.prepare(first);
        Entry e = first.entry("andrew-test").orElseThrow();
        Card card = replies.who(first, e, Lang.EN).pages().get(0);
        // the same rendering, not a second one: the work is done once for the version
        assertThat(replies.who(first, e, Lang.EN).pages().get(0)).isSameAs(card);

        Snapshot second = withTitle("Senior Adviser", "مستشار أول");
        replies.prepare(second);
        Card again = replies.who(second, second.entry("andrew-test").orElseThrow(), Lang.EN).pages().get(0);
        assertThat(again.description()).contains("Senior Adviser").doesNotContain("Deputy Director");
        // a request still running on the old version gets the old version's facts, rendered for it
        assertThat(replies.who(first, e, Lang.EN).pages().get(0).description()).contains("Deputy Director");
        assertThat(replies.who(second, second.entry("andrew-test").orElseThrow(), Lang.EN).pages().get(0)).isSameAs(again);
    }

    @Test
    void aCachedReplyIsTheReplyRenderedFresh() throws Exception {
        Snapshot s = Fixtures.bundled();
        Replies cached = new Replies(Templates.bundled());
        cached.prepare(s);
        for (Entry e : s.entries()) {
            for (Lang lang : Lang.values()) {
                Replies fresh = new Replies(Templates.bundled());
                assertThat(cached.who(s, e, lang)).as(e.id() + " " + lang).isEqualTo(fresh.who(s, e, lang));
            }
        }
    }
}
