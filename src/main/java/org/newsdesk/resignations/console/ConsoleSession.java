package org.newsdesk.resignations.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.newsdesk.resignations.commands.CommandLineParser;
import org.newsdesk.resignations.commands.CommandRouter;
import org.newsdesk.resignations.commands.LanguagePolicy;
import org.newsdesk.resignations.commands.RequestContext;
import org.newsdesk.resignations.dataset.Lang;
import org.newsdesk.resignations.render.PlainText;
import org.newsdesk.resignations.render.Replies;
import org.newsdesk.resignations.render.Reply;

/**
 * The same commands as in Discord, one per line on standard input; each reply is printed as
 * plain text followed by a blank line. Files a reply carries (charts, exports) are saved in the
 * output directory and their paths printed as "[file] path". Ends at end of input.
 */
public final class ConsoleSession {

    private final CommandLineParser parser;
    private final CommandRouter router;
    private final Replies replies;
    private final LanguagePolicy languages;
    private @Nullable Path outDir;
    private int unsaved;

    /** Files go to a new temporary directory, made on the first file (the command line passes ./out). */
    public ConsoleSession(CommandLineParser parser, CommandRouter router, Replies replies, LanguagePolicy languages) {
        this(parser, router, replies, languages, null);
    }

    /** @param outDir where files are saved; created when needed (null: a temporary directory on first save) */
    public ConsoleSession(CommandLineParser parser, CommandRouter router, Replies replies, LanguagePolicy languages,
                          @Nullable Path outDir) {
        this.parser = parser;
        this.router = router;
        this.replies = replies;
        this.languages = languages;
        this.outDir = outDir;
    }

    public void run(BufferedReader in, PrintStream out) throws IOException {
        BoundedLines lines = new BoundedLines(in, CommandLineParser.MAX_LINE);
        for (BoundedLines.Line read; (read = lines.next()) != null; ) {
            String line = CommandLineParser.withoutLeadingMarks(read.text());
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Reply reply = read.cut()
                    ? replies.userError(languages.choose(Optional.empty(), RequestContext.CONSOLE, line),
                            "error.line_too_long", "max", CommandLineParser.MAX_LINE)
                    : answer(line);
            out.println(PlainText.render(reply.withoutAttachments()));
            for (Reply.Attachment a : reply.attachments()) {
                out.println(save(a));
            }
            out.println();
            out.flush();
        }
    }

    public Reply answer(String line) {
        CommandLineParser.Parsed parsed = parser.parse(line);
        if (parsed instanceof CommandLineParser.Parsed.Ok ok) {
            return router.handle(ok.request(), RequestContext.CONSOLE);
        }
        CommandLineParser.Parsed.Error err = (CommandLineParser.Parsed.Error) parsed;
        return replies.userError(languages.choose(Optional.empty(), RequestContext.CONSOLE, line),
                err.key(), err.args());
    }

    /** Writes the file whole or not at all (temporary file, then rename) and says where it is. */
    String save(Reply.Attachment a) {
        String name = safeName(a.filename());
        try {
            if (outDir == null) {
                outDir = Files.createTempDirectory("resignation-bot-");
            }
            Files.createDirectories(outDir);
            Path target = outDir.resolve(name).toAbsolutePath().normalize();
            // created like any new file (not the owner-only mode of a temporary file)
            Path tmp = outDir.resolve(".part-" + UUID.randomUUID() + "-" + name);
            try {
                Files.write(tmp, a.data(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return "[file] " + target;
        } catch (IOException | RuntimeException e) {
            unsaved++;
            String where = outDir == null ? "a temporary directory" : outDir.toAbsolutePath().toString();
            Lang lang = languages.fallback();
            return "[file] " + replies.templates().get(lang, "console.file_not_saved", "name", name, "dir", where,
                    "reason", why(e, lang));
        }
    }

    /** How many files could not be saved: the console then ends with a non-zero exit code. */
    public int unsaved() {
        return unsaved;
    }

    /** The reason in words: the exception's message alone is often only the path. */
    private String why(Exception e, Lang lang) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String key;
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || "Not a directory".equals(reason)) {
            key = "console.out_not_a_directory";
        } else if (e instanceof AccessDeniedException || "Read-only file system".equals(reason)) {
            key = "console.out_not_writable";
        } else if (reason != null && reason.contains("No space left")) {
            key = "console.out_full";
        } else {
            return replies.templates().get(lang, "console.out_failed", "detail",
                    reason == null ? e.getClass().getSimpleName() : reason);
        }
        return replies.templates().get(lang, key);
    }

    /** Only the last path segment, in letters, digits, dot, dash and underscore: a name never leaves the directory. */
    static String safeName(String filename) {
        String base = filename == null ? "" : filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        return base.isEmpty() ? "attachment" : base;
    }
}
