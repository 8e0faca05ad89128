package io.lyncaudit.report.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A readable, stable text dump of a workbook (sheets, panes, filters, widths, every cell with its
 * type and the style flags that matter), so XLSX output can be compared with a golden file without
 * comparing zip bytes.
 */
final class XlsxDump {
    private XlsxDump() {}

    static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }

    static String dump(byte[] xlsx) throws IOException {
        StringBuilder b = new StringBuilder();
        try (XSSFWorkbook wb = open(xlsx)) {
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                XSSFSheet sheet = wb.getSheetAt(s);
                PaneInformation pane = sheet.getPaneInformation();
                b.append("== ").append(sheet.getSheetName())
                        .append(" rows=").append(sheet.getPhysicalNumberOfRows())
                        .append(" freeze=").append(pane == null ? "none" : pane.getHorizontalSplitPosition() + "," + pane.getVerticalSplitPosition())
                        .append(" autofilter=").append(sheet.getCTWorksheet().isSetAutoFilter() ? sheet.getCTWorksheet().getAutoFilter().getRef() : "none")
                        .append(" conditionalFormats=").append(sheet.getSheetConditionalFormatting().getNumConditionalFormattings())
                        .append('\n');
                b.append("widths");
                int maxCol = 0;
                for (Row row : sheet) maxCol = Math.max(maxCol, row.getLastCellNum());
                for (int c = 0; c < maxCol; c++) b.append(' ').append(sheet.getColumnWidth(c) / 256);
                b.append('\n');
                for (Row row : sheet) {
                    for (Cell cell : row) b.append(cell(cell)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String cell(Cell c) {
        XSSFCellStyle st = (XSSFCellStyle) c.getCellStyle();
        String flags = (st.getFont().getBold() ? "b" : "") + (st.getQuotePrefixed() ? "q" : "") + (st.getWrapText() ? "w" : "");
        String ref = new CellReference(c).formatAsString(false);
        String value = switch (c.getCellType()) {
            case STRING -> "\"" + c.getStringCellValue().replace("\\", "\\\\").replace("\n", "\\n").replace("\u001b", "\\e") + "\"";
            case NUMERIC -> Double.toString(c.getNumericCellValue());
            case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
            case BLANK -> "";
            default -> "!" + c.getCellType() + " " + c;
        };
        return ref + " " + c.getCellType().name().charAt(0) + (flags.isEmpty() ? "" : "[" + flags + "]") + " " + value;
    }

    static boolean isFormula(Cell c) {
        return c.getCellType() == CellType.FORMULA;
    }
}
