package org.newsdesk.resignations.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Says what a path is when it is not a file the loader can read, without ever opening it. */
final class PathKind {

    private PathKind() {
    }

    /** For a path that is not a regular file (after following links). */
    static String notAFile(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "no such file.";
        }
        if (Files.isSymbolicLink(p)) {
            try {
                Path real = p.toRealPath();
                if (Files.isDirectory(real)) {
                    return "is a link to a directory, not to a file; give the dataset file itself.";
                }
                return "is a link to something that is not a file (a pipe or a device); give the dataset file itself.";
            } catch (NoSuchFileException e) {
                return "is a symbolic link to something that does not exist; fix the link or give the file itself.";
            } catch (IOException e) {
                return "is a symbolic link that cannot be followed (a loop of links?); fix the link or give the file itself.";
            }
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "is a directory, not a file; give the dataset file inside it.";
        }
        return "is not a regular file (a pipe, a socket or a device) and is not read; give a dataset file.";
    }

    /** Why a file could not be opened or read, in a sentence. */
    static String cannotRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot be read: permission denied; the bot's user needs read access to this file.";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file (it was removed while being read?).";
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            reason = e.getClass().getSimpleName();
        }
        if (reason.length() > 160) {
            reason = reason.substring(0, 160) + "…";
        }
        return "cannot be read: " + reason + ".";
    }
}
