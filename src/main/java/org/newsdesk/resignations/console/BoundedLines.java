package org.newsdesk.resignations.console;

import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a reader (ended by \n, \r or \r\n) of which at most {@code max} characters are kept:
 * the rest of a longer line is read and dropped, so one endless line never fills the heap.
 */
final class BoundedLines {

    /** @param cut the line was longer than the bound; text holds only its first characters */
    record Line(String text, boolean cut) {
    }

    private final Reader in;
    private final int max;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private boolean skipLf;

    BoundedLines(Reader in, int max) {
        this.in = in;
        this.max = max;
    }

    /** The next line, or null at the end of input. */
    Line next() throws IOException {
        StringBuilder b = new StringBuilder();
        boolean cut = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? new Line(b.toString(), cut) : null;
                }
            }
            char c = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                skipLf = c == '\r';
                return new Line(b.toString(), cut);
            }
            any = true;
            if (b.length() < max) {
                b.append(c);
            } else {
                cut = true;
            }
        }
    }
}
