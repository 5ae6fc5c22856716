package org.newsdesk.resignations.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.dataset.Lang;

/** The compact form page buttons and suggestions carry, written and read in one place. */
class ReplayTest {

    @Test
    void emptyOptionsAreLeftOutAndTheRestReadBackTheSame() {
        Replay r = Replay.parse("list|agency=|from=2024|to=|lang=ar");
        assertThat(r.encode()).isEqualTo("list|from=2024|lang=ar");
        assertThat(Replay.parse(r.encode())).isEqualTo(r);
        assertThat(r.lang()).contains(Lang.AR);
        assertThat(r.request("resignations"))
                .isEqualTo(new CommandRequest("resignations", "list", Map.of("from", "2024", "lang", "ar")));
    }

    @Test
    void aPickedValueReplacesTheOptionItNames() {
        assertThat(Replay.parse("who|name=miller|lang=en").with("name", "andrew-miller").encode())
                .isEqualTo("who|lang=en|name=andrew-miller");
        assertThat(Replay.parse("who|lang=xx").lang()).isEmpty();
    }

    @Test
    void aKeptReplyIsNoCommand() {
        assertThat(Replay.isKept(Replay.KEPT + "abc")).isTrue();
        assertThat(Replay.isKept("who|name=x")).isFalse();
    }
}
