package io.lyncaudit.importer.sheet;

import java.util.Map;

/**
 * One row as read from the file, before any interpretation.
 *
 * <p>A class, not a record: it holds an array, and two rows are never compared as values.
 */
final class RawRow {
    private static final String[] NONE = new String[0];

    private final int number;
    private final int last;
    private final String[] cells;
    private final String raw;
    private final Map<Integer, String> unreadable;

    /**
     * @param number     1-based row number (XLSX) or line number where the record starts (CSV)
     * @param last       the line where a CSV record ends (a quoted line break makes one record span
     *                   lines); {@code number} for XLSX
     * @param cells      cell texts by column index (null or blank for a blank cell); stripped here
     * @param raw        the raw text of a CSV record; null for XLSX rows
     * @param unreadable columns whose value the file does not hold (a formula saved without its value,
     *                   a cached error value), with why; their cell text is what the file shows
     *                   instead (the formula, the error); empty for most rows
     */
    RawRow(int number, int last, String[] cells, String raw, Map<Integer, String> unreadable) {
        this.number = number;
        this.last = Math.max(number, last);
        this.cells = cells == null ? NONE : cells;
        for (int i = 0; i < this.cells.length; i++) this.cells[i] = this.cells[i] == null ? "" : this.cells[i].strip();
        this.raw = raw;
        this.unreadable = unreadable == null ? Map.of() : Map.copyOf(unreadable);
    }

    RawRow(int number, String[] cells, String raw) {
        this(number, number, cells, raw, null);
    }

    int number() {
        return number;
    }

    /** The last line the row spans (CSV); its number for XLSX. */
    int last() {
        return last;
    }

    String raw() {
        return raw;
    }

    int width() {
        return cells.length;
    }

    /** The stripped text of a cell; "" for a blank cell or one beyond the row. */
    String cell(int column) {
        return column >= 0 && column < cells.length ? cells[column] : "";
    }

    /** Why the file holds no value for the cell, or null when it holds one. */
    String unreadable(int column) {
        return unreadable.isEmpty() ? null : unreadable.get(column);
    }

    boolean isBlank() {
        for (String c : cells) {
            if (!c.isEmpty()) return false;
        }
        return true;
    }

    int firstNonBlank() {
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) return i;
        }
        return -1;
    }

    int lastNonBlank() {
        for (int i = cells.length - 1; i >= 0; i--) {
            if (!cells[i].isEmpty()) return i;
        }
        return -1;
    }
}
