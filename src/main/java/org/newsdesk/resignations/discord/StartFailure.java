package org.newsdesk.resignations.discord;

import net.dv8tion.jda.api.exceptions.ContextException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;

/**
 * The bot could not start, in words the caller can print without knowing JDA: Discord refused
 * the token, or could not be reached (with the deepest cause that says something).
 */
public final class StartFailure extends Exception {

    public enum Kind { TOKEN_REFUSED, UNREACHABLE }

    private final Kind kind;
    private final String cause;

    StartFailure(Kind kind, String cause, Throwable original) {
        super(kind + ": " + cause, original, false, false);
        this.kind = kind;
        this.cause = cause;
    }

    public Kind kind() {
        return kind;
    }

    /** The root cause's class and message (which may quote what was sent: redact before printing). */
    public String rootCause() {
        return cause;
    }

    /** Sorts what JDA threw: a refused token, or the deepest cause below JDA's context-only wrappers. */
    static StartFailure of(RuntimeException e) {
        if (e instanceof InvalidTokenException) {
            return new StartFailure(Kind.TOKEN_REFUSED, "the token was refused", e);
        }
        Throwable root = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (!(t instanceof ContextException)) {
                root = t;
            }
        }
        return new StartFailure(Kind.UNREACHABLE, root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()), e);
    }
}
