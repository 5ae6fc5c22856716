package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.discord.ComponentId.Feature;

class ComponentIdsTest {

    final ComponentIds ids = new ComponentIds();

    static ComponentId found(ComponentId.Decoded d) {
        assertThat(d).isInstanceOf(ComponentId.Found.class);
        return ((ComponentId.Found) d).id();
    }

    static Optional<ComponentIds.Action> action(ComponentIds ids, String id) {
        return ComponentIds.action(found(ids.decode(id)));
    }

    @Test
    void everyFeatureRoundTripsIncludingArabicAndSeparatorsInsideElements() {
        List<ComponentId> all = List.of(
                ComponentId.of(Feature.REPLY, "pn", "3", "0", "list|agency=state|lang=ar"),
                ComponentId.of(Feature.REPLY, "s", "who|name=أندرو ميلر|lang=ar"),
                ComponentId.of(Feature.REPLY, "m", "na:me", "who|name=a:b%3A|lang=en"),
                ComponentId.of(Feature.FACT_CHECK, "gn", "0123456789abcdef", "2"),
                ComponentId.of(Feature.ADD_ENTRY, "who", "draft1"),
                ComponentId.of(Feature.ADD_ENTRY, ":", "%", "%25", "", "::%%"));
        for (ComponentId id : all) {
            String encoded = id.encode();
            assertThat(ComponentId.decode(encoded)).as(encoded).isEqualTo(new ComponentId.Found(id));
            assertThat(found(ids.decode(ids.id(id)))).isEqualTo(id);
        }
        // a colon inside an element is escaped: the element count is kept
        assertThat(ComponentId.of(Feature.REPLY, "m", "a:b", "c").encode()).isEqualTo("r:m:a%3Ab:c");
        assertThat(found(ComponentId.decode("a:who:أبجد")).elements()).containsExactly("who", "أبجد");
    }

    @Test
    void pagerIdsCarryPageOwnerAndReplay() {
        String id = ids.pager('n', 3, 900000000000000301L, "list|agency=state|from=|to=|lang=ar");
        assertThat(id).isEqualTo("r:pn:3:" + Long.toString(900000000000000301L, 36) + ":list|agency=state|lang=ar");
        assertThat(action(ids, id)).contains(new ComponentIds.Pager(3, 900000000000000301L, "list|agency=state|lang=ar"));
        assertThat(action(ids, ids.pager('f', 0, 0, "timeline|lang=en"))).contains(new ComponentIds.Pager(0, 0, "timeline|lang=en"));
        // the largest snowflakes still round-trip (unsigned)
        assertThat(action(ids, ids.pager('l', 1, -1L, "x"))).contains(new ComponentIds.Pager(1, -1L, "x"));
    }

    @Test
    void suggestionsAndPicks() {
        assertThat(action(ids, ids.suggestion("who|name=andrew-miller|lang=en")))
                .contains(new ComponentIds.Suggestion("who|name=andrew-miller|lang=en"));
        ComponentIds.Action pick = action(ids, ids.pick("agency", "list|from=2024|lang=ar")).orElseThrow();
        assertThat(pick).isEqualTo(new ComponentIds.Pick("agency", "list|from=2024|lang=ar"));
        assertThat(((ComponentIds.Pick) pick).with("state")).isEqualTo("list|from=2024|lang=ar|agency=state");
    }

    @Test
    void idsAreAtMostOneHundredCharactersAndLongOnesExpireOnRestart() {
        String fits = "list|agency=" + "a".repeat(100 - "r:pn:1:0:list|agency=".length());
        assertThat(ids.pager('n', 1, 0, fits)).hasSize(100).startsWith("r:pn:");
        String replay = "list|agency=" + "ب".repeat(80) + "|from=2024-05-01|to=2024-06-30|lang=ar";
        String id = ids.pager('n', 1, 900000000000000301L, replay);
        assertThat(id).startsWith("k:").hasSizeLessThanOrEqualTo(100);
        assertThat(action(ids, id)).contains(new ComponentIds.Pager(1, 900000000000000301L, replay));
        assertThat(new ComponentIds().decode(id)).isInstanceOf(ComponentId.Expired.class);
        // escaping counts: an element of colons triples in length and is kept too
        String colons = ids.id(ComponentId.of(Feature.REPLY, "s", ":".repeat(40)));
        assertThat(colons).startsWith("k:").hasSizeLessThanOrEqualTo(100);
        assertThat(found(ids.decode(colons)).element(1)).isEqualTo(":".repeat(40));
    }

    @Test
    void garbageAndOldFormatsAreInvalidNotAnException() {
        for (String s : new String[] {null, "", "p", "pn:", "r", "x:1", ":", "r%3A:s", "r:s:%", "r:s:%2", "r:s:%zz",
                "r:s:%3a", "pn:1:0:list|lang=en", "s:who|name=a|lang=en", "m:agency:list|lang=ar", "fc:gn:abc:1", "zz:1"}) {
            assertThat(ids.decode(s)).as(s).isInstanceOf(ComponentId.Invalid.class);
        }
        assertThat(ids.decode("k:doesnotexist")).isInstanceOf(ComponentId.Expired.class);
        // well-formed ids whose elements do not make a reply's action
        for (String s : new String[] {"r:", "r:pn:x:0:list", "r:pn:1:!!:list", "r:m:noreplay", "r:s", "r:zz:1", "r:pn:1:0", "a:who:d"}) {
            assertThat(ComponentIds.action(found(ids.decode(s)))).as(s).isEmpty();
        }
        Random random = new Random(11);
        String alphabet = "rfak:%3A25ب|=p\u0000";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertThatCode(() -> {
                ComponentId.Decoded d = ids.decode(s);
                if (d instanceof ComponentId.Found f) {
                    ComponentIds.action(f.id());
                    assertThat(ComponentId.decode(f.id().encode())).isEqualTo(d);
                }
            }).as(s).doesNotThrowAnyException();
        }
    }
}
