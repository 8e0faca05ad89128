package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * Reads every sheet of a workbook into raw rows. POI's zip-bomb limits stay at their defaults;
 * formulas are never evaluated: a formula cell yields its cached value, or its formula text when
 * the file holds no cached value.
 */
final class XlsxReader {
    private XlsxReader() {}

    /** Columns beyond this are not read: rule tables are narrow, and a stray cell at XFD1 must not cost 16k cells a row. */
    static final int MAX_COLUMNS = 256;

    static List<RawTable> read(Path path, String file) throws BadInputException {
        List<RawTable> tables = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(path.toFile(), null, true)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                tables.add(new RawTable(sheet.getSheetName(), sheet.getSheetName(), rows(sheet)));
            }
        } catch (IOException | RuntimeException e) {
            // POI reports a non-workbook, a zip bomb, an encrypted file ... with many exception types
            throw new BadInputException(file, file, "not a readable XLSX workbook: " + message(e), e);
        }
        return tables;
    }

    /** The first line of the exception's message, plus its root cause's (POI wraps e.g. "Zip bomb detected!"). */
    private static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String top = firstLine(e);
        String deep = firstLine(root);
        return root == e || top.contains(deep) ? top : top + " (" + deep + ")";
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        // wrapped exceptions repeat "org.apache...SomeException: " in front of the text a user should read
        return m.lines().findFirst().orElse(m).strip().replaceFirst("^([a-z][\\w$]*\\.)+\\w*(Exception|Error): ", "");
    }

    private static List<RawRow> rows(Sheet sheet) {
        List<RawRow> rows = new ArrayList<>();
        List<String[]> raw = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (Row r : sheet) {
            int last = Math.min(Math.max(r.getLastCellNum(), 0), MAX_COLUMNS);
            String[] cells = new String[last];
            Arrays.fill(cells, "");
            for (Cell c : r) {
                if (c.getColumnIndex() < last) cells[c.getColumnIndex()] = text(c);
            }
            raw.add(cells);
            numbers.add(r.getRowNum() + 1);
        }
        fillMerged(sheet, raw, numbers);
        for (int i = 0; i < raw.size(); i++) rows.add(new RawRow(numbers.get(i), List.of(raw.get(i)), null));
        return rows;
    }

    /**
     * A merged cell holds its value only in the top-left cell; rule sheets merge a destination
     * over several rows, and each of those rows means that destination.
     */
    private static void fillMerged(Sheet sheet, List<String[]> raw, List<Integer> numbers) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            int top = numbers.indexOf(m.getFirstRow() + 1);
            if (top < 0 || m.getFirstColumn() >= raw.get(top).length) continue;
            String v = raw.get(top)[m.getFirstColumn()];
            int width = Math.min(m.getLastColumn() + 1, MAX_COLUMNS);
            for (int i = top; i < raw.size() && numbers.get(i) <= m.getLastRow() + 1; i++) {
                String[] cells = raw.get(i);
                if (cells.length < width) {
                    int old = cells.length;
                    cells = Arrays.copyOf(cells, width);
                    Arrays.fill(cells, old, width, "");
                    raw.set(i, cells);
                }
                for (int c = m.getFirstColumn(); c < width; c++) {
                    if (cells[c].isEmpty()) cells[c] = v;
                }
            }
        }
    }

    static String text(Cell c) {
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) {
            if (c instanceof XSSFCell x && !x.getCTCell().isSetV()) return "=" + c.getCellFormula();
            t = c.getCachedFormulaResultType();
        }
        return switch (t) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> number(c.getNumericCellValue());
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(c.getErrorCellValue());
            default -> "";
        };
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    /** 443.0 is "443": cell number formats (e.g. "#,##0.00") are not applied to ports. */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
