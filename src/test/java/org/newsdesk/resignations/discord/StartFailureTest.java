package org.newsdesk.resignations.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import net.dv8tion.jda.api.exceptions.ContextException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import org.junit.jupiter.api.Test;

/** What JDA throws at start-up, sorted here so that the app package never sees a JDA type. */
class StartFailureTest {

    @Test
    void aRefusedTokenIsItsOwnKind() {
        assertThat(StartFailure.of(new InvalidTokenException()).kind()).isEqualTo(StartFailure.Kind.TOKEN_REFUSED);
    }

    @Test
    void theDeepestCauseBelowJdasContextWrappersIsReported() {
        ConnectException refused = new ConnectException("Connection refused");
        ContextException context = new ContextException();
        context.initCause(refused);
        StartFailure f = StartFailure.of(new IllegalStateException("request failed", context));
        assertThat(f.kind()).isEqualTo(StartFailure.Kind.UNREACHABLE);
        assertThat(f.rootCause()).isEqualTo("ConnectException: Connection refused");
    }
}
