package io.lyncaudit.report.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of the report, created once per workbook (Excel caps a workbook at 64,000). */
record XlsxStyles(CellStyle header, CellStyle text, CellStyle wrapped, CellStyle number, CellStyle title) {

    static XlsxStyles create(Workbook wb) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);

        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle text = wb.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle wrapped = wb.createCellStyle();
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        wrapped.setWrapText(true);

        CellStyle number = wb.createCellStyle();
        number.setVerticalAlignment(VerticalAlignment.TOP);

        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        return new XlsxStyles(header, text, wrapped, number, title);
    }
}
