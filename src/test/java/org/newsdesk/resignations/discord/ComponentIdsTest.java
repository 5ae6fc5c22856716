package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComponentIdsTest {

    final ComponentIds ids = new ComponentIds();

    @Test
    void pagerIdsCarryPageOwnerAndReplay() {
        String id = ids.pager('n', 3, 900000000000000301L, "list|agency=state|from=|to=|lang=ar");
        assertThat(id).isEqualTo("pn:3:" + Long.toString(900000000000000301L, 36) + ":list|agency=state|lang=ar");
        assertThat(ids.decode(id)).isEqualTo(new ComponentIds.Pager(3, 900000000000000301L, "list|agency=state|lang=ar"));
        assertThat(ids.decode(ids.pager('f', 0, 0, "timeline|lang=en"))).isEqualTo(new ComponentIds.Pager(0, 0, "timeline|lang=en"));
        // the largest snowflakes still round-trip (unsigned)
        assertThat(ids.decode(ids.pager('l', 1, -1L, "x"))).isEqualTo(new ComponentIds.Pager(1, -1L, "x"));
    }

    @Test
    void suggestionsAndPicks() {
        assertThat(ids.decode(ids.suggestion("who|name=andrew-miller|lang=en")))
                .isEqualTo(new ComponentIds.Suggestion("who|name=andrew-miller|lang=en"));
        ComponentIds.Decoded pick = ids.decode(ids.pick("agency", "list|from=2024|lang=ar"));
        assertThat(pick).isEqualTo(new ComponentIds.Pick("agency", "list|from=2024|lang=ar"));
        assertThat(((ComponentIds.Pick) pick).with("state")).isEqualTo("list|from=2024|lang=ar|agency=state");
    }

    @Test
    void tooLongIdsAreKeptInMemoryAndExpireOnRestart() {
        String replay = "list|agency=" + "a".repeat(80) + "|from=2024-05-01|to=2024-06-30|lang=ar";
        String id = ids.pager('n', 1, 900000000000000301L, replay);
        assertThat(id).startsWith("k:").hasSizeLessThanOrEqualTo(100);
        assertThat(ids.decode(id)).isEqualTo(new ComponentIds.Pager(1, 900000000000000301L, replay));
        assertThat(new ComponentIds().decode(id)).isInstanceOf(ComponentIds.Expired.class);
    }

    @Test
    void garbageIsInvalidNotAnException() {
        for (String s : new String[] {null, "", "p", "pn:", "pn:x:0:list", "pn:1:!!:list", "zz:1", "m:noreplay"}) {
            assertThat(ids.decode(s)).as(s).isInstanceOfAny(ComponentIds.Invalid.class, ComponentIds.Expired.class);
        }
    }
}
