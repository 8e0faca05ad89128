package io.lyncaudit.importer.sheet;

import java.util.List;

/**
 * One row as read from the file, before any interpretation.
 *
 * @param number 1-based row number (XLSX) or line number where the record starts (CSV)
 * @param cells  cell texts by column index, never null (blank cells are "")
 * @param raw    the raw text of a CSV record; null for XLSX rows
 */
record RawRow(int number, List<String> cells, String raw) {

    RawRow {
        cells = List.copyOf(cells);
    }

    String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
    }

    boolean isBlank() {
        for (String c : cells) {
            if (!c.isBlank()) return false;
        }
        return true;
    }

    int firstNonBlank() {
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) return i;
        }
        return -1;
    }

    int lastNonBlank() {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isBlank()) return i;
        }
        return -1;
    }
}
