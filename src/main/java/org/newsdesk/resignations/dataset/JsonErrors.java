package org.newsdesk.resignations.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** What a file that is not JSON, or not UTF-8, is told: one sentence a person can act on. */
final class JsonErrors {

    private JsonErrors() {
    }

    /** The parser's complaint as a sentence, without the bytes of the file. */
    static String sentence(JsonProcessingException e) {
        String raw = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (raw.startsWith("Duplicate field")) {
            return "a field appears twice in the same object (" + raw.replaceAll("^Duplicate field '([^']{0,80}).*$", "$1") + "); keep one.";
        }
        if (raw.contains("Unexpected end-of-input")) {
            return "the file ends too early: a closing bracket or quote is missing.";
        }
        if (raw.contains("Invalid UTF-8") || raw.contains("Invalid UTF8")) {
            return "the file is not valid UTF-8; save it as UTF-8 and try again.";
        }
        if (raw.startsWith("Trailing token")) {
            return "there is text after the end of the JSON document.";
        }
        String firstLine = raw.lines().findFirst().orElse("");
        if (firstLine.length() > 160) {
            firstLine = firstLine.substring(0, 160) + "…";
        }
        return "the file is not valid JSON: " + firstLine + ".";
    }

    /**
     * Only UTF-8 (with or without a byte-order mark, which Jackson skips): the parser would read
     * UTF-16 and UTF-32 as well, but the format is UTF-8 and other tools expect it. JSON starts
     * with an ASCII character, so a zero byte or a UTF-16 byte-order mark among the first two
     * bytes means a wide encoding.
     */
    static InputStream utf8Only(String name, PushbackInputStream in) throws IOException {
        byte[] first = in.readNBytes(4);
        in.unread(first);
        if (first.length >= 2) {
            int a = first[0] & 0xFF;
            int b = first[1] & 0xFF;
            if ((a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE) || a == 0 || b == 0) {
                throw new WrongEncoding();
            }
        }
        return in;
    }

    /** The file is not UTF-8 but a wide encoding. */
    static final class WrongEncoding extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
