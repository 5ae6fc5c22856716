package org.newsdesk.resignations.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.newsdesk.resignations.commands.CommandRequest;
import org.newsdesk.resignations.dataset.Lang;

/** The compact form page buttons and suggestions carry, written and read in one place. */
class ReplayTest {

    @Test
    void emptyOptionsAreLeftOutAndTheRestReadBackTheSame() {
        Replay r = Replay.parse("list|agency=|from=2024|to=|lang=ar");
        assertThat(r.encode()).isEqualTo("list|from=2024|lang=ar");
        assertThat(Replay.parse(r.encode())).isEqualTo(r);
        assertThat(r.lang()).contains(Lang.AR);
        assertThat(CommandRequest.of("resignations", r))
                .isEqualTo(new CommandRequest("resignations", "list", Map.of("from", "2024", "lang", "ar")));
    }

    @Test
    void aPickedValueReplacesTheOptionItNames() {
        assertThat(Replay.parse("who|name=miller|lang=en").with("name", "andrew-miller").encode())
                .isEqualTo("who|lang=en|name=andrew-miller");
        assertThat(Replay.parse("who|lang=xx").lang()).isEmpty();
    }

    @Test
    void builtFromPairsInOrderWithEmptyValuesLeftOut() {
        assertThat(Replay.of("list", "agency", "", "from", "2024-05", "to", "", "lang", "ar").encode())
                .isEqualTo("list|from=2024-05|lang=ar");
        assertThat(Replay.of("who", "name", "andrew-miller", "detail", "true", "lang", "en").encode())
                .isEqualTo("who|name=andrew-miller|detail=true|lang=en");
    }

    @Test
    void aKeptReplyIsNoCommand() {
        assertThat(Replay.isKept(Replay.KEPT + "abc")).isTrue();
        assertThat(Replay.isKept("who|name=x")).isFalse();
    }
}
