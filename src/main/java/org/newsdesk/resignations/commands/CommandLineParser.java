package org.newsdesk.resignations.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a console line in the syntax a Discord user types: {@code /resignations who name:"Andrew Miller"}.
 * Values with spaces go in double quotes (straight, curly or «guillemets»).
 */
public final class CommandLineParser {

    /** The parsed request, or the key of the error to show. */
    public sealed interface Parsed {
        record Ok(CommandRequest request) implements Parsed {
        }

        record Error(String key, Object[] args) implements Parsed {
        }
    }

    /** Discord's own bound on a string option's value. */
    public static final int MAX_OPTION = 6_000;
    /** The longest line read: room for the longest option and a few short ones. */
    public static final int MAX_LINE = 10_000;

    private final CommandCatalog catalog;

    public CommandLineParser(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Reads one line in time and memory proportional to its length (the command line can be
     * pasted from anywhere). Past {@link #MAX_LINE} characters, or an option past
     * {@link #MAX_OPTION}, it is refused whole.
     */
    public Parsed parse(String line) {
        String s = withoutLeadingMarks(line == null ? "" : line);
        if (s.length() > MAX_LINE) {
            return new Parsed.Error("error.line_too_long", new Object[]{"max", MAX_LINE});
        }
        if (!s.startsWith("/")) {
            return new Parsed.Error("error.not_a_command", new Object[0]);
        }
        List<String> tokens;
        try {
            tokens = tokenize(s.substring(1));
        } catch (IllegalArgumentException e) {
            return new Parsed.Error("error.unclosed_quote", new Object[0]);
        }
        if (tokens.isEmpty()) {
            return new Parsed.Error("error.not_a_command", new Object[0]);
        }
        String command = tokens.get(0);
        int i = 1;
        String sub = null;
        boolean hasSubs = catalog.subcommandsOf(command).stream().anyMatch(c -> c.subcommand() != null);
        if (hasSubs && i < tokens.size() && !tokens.get(i).contains(":")) {
            sub = tokens.get(i++);
        }
        // builders, not strings: appending word after word to a string copies it each time
        Map<String, StringBuilder> options = new LinkedHashMap<>();
        Optional<CommandSpec> spec = catalog.find(command, sub);
        String last = null;
        for (; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            int colon = tok.indexOf(':');
            String key = colon > 0 ? tok.substring(0, colon) : null;
            // "key:" starts an option when the command knows that key (or the command is unknown,
            // so the router can name the mistake); any other word continues the previous value,
            // so name:ليلي جرينبرج works without quotes and a claim may contain colons.
            boolean startsOption = key != null && (spec.isEmpty() || spec.get().option(key).isPresent() || last == null);
            if (!startsOption) {
                if (last == null) {
                    return new Parsed.Error("error.unknown_option", new Object[]{"option", visible(tok), "command",
                            visible(sub == null ? command : command + " " + sub), "options", spec.map(CommandLineParser::optionList).orElse("")});
                }
                options.get(last).append(' ').append(tok);
                continue;
            }
            if (options.containsKey(key)) {
                return new Parsed.Error("error.repeated_option", new Object[]{"option", visible(key)});
            }
            options.put(key, new StringBuilder(tok.substring(colon + 1)));
            last = key;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, StringBuilder> o : options.entrySet()) {
            if (o.getValue().length() > MAX_OPTION) {
                return new Parsed.Error("error.option_too_long", new Object[]{"option", o.getKey(), "max", MAX_OPTION});
            }
            values.put(o.getKey(), o.getValue().toString());
        }
        return new Parsed.Ok(new CommandRequest(command, sub, values));
    }

    /**
     * The text with each control character shown as its symbol (U+0000 as ␀, DEL as ␡, others
     * as �): what the user typed is echoed as typed, not as if the character were not there.
     */
    public static String visible(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append(c < 0x20 ? (char) (0x2400 + c) : c == 0x7F ? '\u2421' : '\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * The line without surrounding blanks and without the invisible marks an editor or a
     * keyboard puts first: a byte order mark (U+FEFF), direction marks (U+200E, U+200F, U+061C),
     * zero-width characters.
     */
    public static String withoutLeadingMarks(String line) {
        int i = 0;
        while (i < line.length() && (Character.getType(line.charAt(i)) == Character.FORMAT
                || Character.isWhitespace(line.charAt(i)) || Character.isSpaceChar(line.charAt(i)))) {
            i++;
        }
        return line.substring(i).strip();
    }

    private static String optionList(CommandSpec spec) {
        return spec.options().stream().map(o -> o.name() + ":").collect(Collectors.joining(", "));
    }

    /** Splits on spaces outside quotes; quotes are removed. An unclosed quote is an error. */
    static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        char close = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (close != 0) {
                if (c == close) {
                    close = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\u201C' || c == '\u00AB') {
                close = c == '"' ? '"' : c == '\u201C' ? '\u201D' : '\u00BB';
                inToken = true;
            } else if (c == '\t' || (Character.isWhitespace(c) && !Character.isISOControl(c))) {
                // other control characters stay in the value, where the router refuses them by name
                if (inToken) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
            } else {
                cur.append(c);
                inToken = true;
            }
        }
        if (close != 0) {
            throw new IllegalArgumentException("unclosed quote");
        }
        if (inToken) {
            out.add(cur.toString());
        }
        return out;
    }
}
