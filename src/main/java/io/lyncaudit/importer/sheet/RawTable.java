package io.lyncaudit.importer.sheet;

import java.util.List;

/**
 * The rows of one sheet (or of one CSV file).
 *
 * @param sheet the sheet name, or null for CSV (cell references then carry no sheet)
 * @param name  the policy name: the sheet name, or the CSV file name without extension
 */
record RawTable(String sheet, String name, List<RawRow> rows) {

    RawTable {
        rows = List.copyOf(rows);
    }

    boolean isCsv() {
        return sheet == null;
    }
}
