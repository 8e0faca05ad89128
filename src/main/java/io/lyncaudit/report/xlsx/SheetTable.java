package io.lyncaudit.report.xlsx;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes a list of objects as a filterable table: bold header row, one row per object, explicit
 * column widths and an autofilter over the whole table.
 */
final class SheetTable<T> {
    // one row is kept free for the "rows left out" note
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;

    private final List<Column<T>> columns;
    private final XlsxStyles styles;
    private final SafeCells cells;

    SheetTable(List<Column<T>> columns, XlsxStyles styles, SafeCells cells) {
        this.columns = List.copyOf(columns);
        this.styles = styles;
        this.cells = cells;
    }

    /**
     * Writes the table with its header at {@code firstRow} and returns the index of the first row
     * after it. Widths are set here because SXSSF cannot auto-size rows it has already flushed.
     */
    int write(Sheet sheet, int firstRow, List<T> items) {
        return write(sheet, firstRow, items, true);
    }

    /** As {@link #write(Sheet, int, List)}; {@code filter} false leaves the sheet's one autofilter to another table. */
    int write(Sheet sheet, int firstRow, List<T> items, boolean filter) {
        Row header = sheet.createRow(firstRow);
        for (int c = 0; c < columns.size(); c++) {
            cells.text(header.createCell(c), columns.get(c).header(), styles.header());
            int current = sheet.getColumnWidth(c);
            int wanted = Math.min(255, columns.get(c).width()) * 256;
            // tables sharing a sheet share columns: keep the wider setting
            if (wanted > current) sheet.setColumnWidth(c, wanted);
        }
        int r = firstRow + 1;
        int shown = Math.min(items.size(), Math.max(0, MAX_DATA_ROWS - firstRow));
        for (T item : items.subList(0, shown)) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Column<T> col = columns.get(c);
                set(row.createCell(c), col.value().apply(item), col.wrap() ? styles.wrapped() : styles.text());
            }
        }
        int last = Math.max(firstRow, r - 1);
        if (filter) sheet.setAutoFilter(new CellRangeAddress(firstRow, last, 0, columns.size() - 1));
        if (shown < items.size()) {
            // Excel stops at 1,048,576 rows; say so instead of failing the whole report
            cells.text(sheet.createRow(r++).createCell(0),
                    (items.size() - shown) + " more rows left out: Excel's row limit; the JSON report has them all", styles.text());
        }
        return r;
    }

    private void set(Cell cell, Object value, CellStyle style) {
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            cell.setCellStyle(styles.number());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
            cell.setCellStyle(style);
        } else {
            cells.text(cell, value == null ? null : value.toString(), style);
        }
    }
}
