package io.lyncaudit.model;

/**
 * Input that cannot be used at all (missing file, not the claimed format, invalid deployment). The
 * CLI turns it into one clear paragraph and exit code 2, never a stack trace.
 *
 * @see #getMessage() "FILE:LINE: message" or "FILE [Sheet!B7]: message"
 */
public class BadInputException extends Exception {
    private final String file;
    private final String where;

    public BadInputException(String file, int line, String message) {
        this(file, line > 0 ? file + ":" + line : file, message, null);
    }

    public BadInputException(String file, String where, String message, Throwable cause) {
        super(where + ": " + message, cause);
        this.file = file;
        this.where = where;
    }

    public String file() {
        return file;
    }

    public String where() {
        return where;
    }
}
