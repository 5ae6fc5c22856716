package org.newsdesk.resignations.dataset;

/**
 * One thing wrong with a dataset file, said so a journalist can fix it.
 *
 * @param pointer JSON pointer to the offending value ("" for the whole document), or null when
 *                the file could not be parsed and only a line and column are known
 */
public record Problem(String file, String pointer, int line, int column, String message) {

    public static Problem at(String file, String pointer, String message) {
        return new Problem(file, pointer, 0, 0, message);
    }

    public static Problem atLine(String file, int line, int column, String message) {
        return new Problem(file, null, line, column, message);
    }

    /** "file: /entries/3/name/ar: message" or "file:12:5: message". */
    public String describe() {
        if (pointer != null) {
            return file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
        if (line > 0) {
            return file + ":" + line + ":" + column + ": " + message;
        }
        return file + ": " + message;
    }
}
