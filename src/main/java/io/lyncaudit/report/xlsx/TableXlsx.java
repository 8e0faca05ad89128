package io.lyncaudit.report.xlsx;

import io.lyncaudit.report.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a plain {@link Table} (e.g. the requirements listing) as a one-sheet workbook, formula-safe. */
public final class TableXlsx {
    private TableXlsx() {}

    @SuppressWarnings("deprecation")
    public static void write(Table t, OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(100);
        wb.setCompressTempFiles(true);
        try {
            XlsxStyles styles = XlsxStyles.create(wb);
            SafeCells cells = new SafeCells(wb);
            List<Column<List<String>>> cols = new ArrayList<>();
            for (int i = 0; i < t.headers().size(); i++) {
                final int c = i;
                int width = Math.min(60, Math.max(10, t.headers().get(i).length() + 2));
                cols.add(Column.of(t.headers().get(i), width, row -> c < row.size() ? row.get(c) : ""));
            }
            Sheet sheet = wb.createSheet("Requirements");
            sheet.createFreezePane(0, 1);
            new SheetTable<>(cols, styles, cells).write(sheet, 0, t.rows());
            wb.write(out);
            out.flush();
        } finally {
            wb.dispose();
            wb.close();
        }
    }
}
