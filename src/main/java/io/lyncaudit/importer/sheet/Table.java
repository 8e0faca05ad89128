package io.lyncaudit.importer.sheet;

import org.apache.poi.ss.util.CellReference;

/**
 * One table of a file: a sheet of a workbook, or a CSV file.
 *
 * @param sheet the sheet name, or null for CSV (cell references then carry no sheet)
 * @param name  the policy name: the sheet name, or the CSV file name without extension
 */
record Table(String sheet, String name) {

    boolean isCsv() {
        return sheet == null;
    }

    /** "Sheet1!C7" for XLSX, "C7" for CSV. */
    String ref(int column, int row) {
        String r = CellReference.convertNumToColString(Math.max(0, column)) + row;
        return sheet == null ? r : sheet + "!" + r;
    }

    /** Where a message about a row points: "rules.csv:7" for CSV, "rules.xlsx [Sheet1!A7]" for XLSX. */
    String where(String file, int column, int row) {
        return sheet == null ? (row > 0 ? file + ":" + row : file) : file + " [" + ref(column, row) + "]";
    }
}
