package org.newsdesk.resignations.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The log format and level chosen in the configuration ({@code log.format}, {@code log.level}),
 * applied to Logback as it was set up by {@code logback.xml} (or by the operator's own file, given
 * with {@code -Dlogback.configurationFile}): JSON lines through Logback's own {@link JsonEncoder}
 * on the root logger's console and file appenders, and the root level.
 */
public final class Logs {

    /** The levels {@code log.level} takes. */
    public static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public enum Format {
        /** One line per event as logback.xml's pattern writes it (a stack trace follows on its own lines). */
        TEXT,
        /** One JSON object per line, the stack trace inside it: for log shippers. */
        JSON;

        public static Optional<Format> parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "text" -> Optional.of(TEXT);
                case "json" -> Optional.of(JSON);
                default -> Optional.empty();
            };
        }
    }

    private Logs() {
    }

    /** @param level one of {@link #LEVELS}, for the root logger; empty leaves the configured one */
    public static void apply(Format format, Optional<String> level) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext ctx)) {
            return;   // another SLF4J binding: its own configuration decides
        }
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level.ifPresent(l -> root.setLevel(Level.toLevel(l.toUpperCase(Locale.ROOT), Level.INFO)));
        if (format == Format.JSON) {
            for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof OutputStreamAppender<ILoggingEvent> out) {
                    json(ctx, out);
                }
            }
        }
    }

    private static void json(LoggerContext ctx, OutputStreamAppender<ILoggingEvent> out) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(ctx);
        // the message as written, not its {} pattern and arguments apart; no context block on every line
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.setWithNanoseconds(false);
        encoder.start();
        out.stop();
        out.setEncoder(encoder);
        out.start();
    }
}
