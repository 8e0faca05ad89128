package io.lyncaudit.model;

/**
 * Input that cannot be used at all (missing file, not the claimed format, invalid deployment). The
 * CLI turns it into one clear paragraph and exit code 2, never a stack trace.
 *
 * <p>The message is built from input text more often than not (a value, a file name), so it is
 * made safe here, in the one place every such message passes: see {@link Excerpt#message}.
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
        super(Excerpt.message(where + ": " + message), cause);
        this.file = file;
        this.where = where;
    }

    public String file() {
        return file;
    }

    public String where() {
        return where;
    }

    /**
     * Any text made safe to print as a message ({@link Excerpt#message}): for the command line's
     * own messages, which quote arguments and exceptions rather than input files.
     */
    public static String printable(String text) {
        return Excerpt.message(text);
    }
}
