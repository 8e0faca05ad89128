package io.lyncaudit.policy;

/**
 * Where a rule or diagnostic comes from: a file and 1-based line for text configs; for
 * spreadsheets also the sheet and cell (line is then the 1-based row number).
 */
public record SourceRef(String file, int line, String sheet, String cell, String text) {

    public static SourceRef line(String file, int line, String text) {
        return new SourceRef(file, line, null, null, text);
    }

    public static SourceRef cell(String file, String sheet, String cell, int row, String text) {
        return new SourceRef(file, row, sheet, cell, text);
    }

    /** "file:line" or "file [Sheet!A5]" for messages. */
    public String where() {
        if (sheet != null) {
            return file + " [" + sheet + "!" + (cell != null ? cell : "row " + line) + "]";
        }
        return line > 0 ? file + ":" + line : file;
    }
}
