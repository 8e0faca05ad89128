package io.lyncaudit.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that looks like a formula is stored quoted, as a string, with a quote-prefixed style. */
class SafeCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"x\")", "=cmd|' /C calc'!A0"})
    void dangerousTextIsQuoted(String s) throws IOException {
        assertTrue(SafeCells.needsQuote(s));
        assertEquals("'" + s, SafeCells.safeText(s));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle base = wb.createCellStyle();
            base.setWrapText(true);
            Cell c = wb.createSheet().createRow(0).createCell(0);
            new SafeCells(wb).text(c, s, base);
            assertEquals(CellType.STRING, c.getCellType());
            assertEquals("'" + s, c.getStringCellValue());
            assertTrue(c.getCellStyle().getQuotePrefixed());
            assertTrue(c.getCellStyle().getWrapText(), "the quoted style keeps the base style");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "permit tcp any any", "50000-59999", " =1", "'already", "a=b"})
    void ordinaryTextIsKept(String s) throws IOException {
        assertFalse(SafeCells.needsQuote(s));
        assertEquals(s, SafeCells.safeText(s));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle base = wb.createCellStyle();
            Cell c = wb.createSheet().createRow(0).createCell(0);
            new SafeCells(wb).text(c, s, base);
            assertSame(base.getIndex(), c.getCellStyle().getIndex());
            assertFalse(c.getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void quotedStylesAreMadeOncePerBaseStyle() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            SafeCells cells = new SafeCells(wb);
            CellStyle a = wb.createCellStyle();
            CellStyle b = wb.createCellStyle();
            assertSame(cells.quoted(a), cells.quoted(a));
            assertNotSame(cells.quoted(a), cells.quoted(b));
            assertTrue(cells.quoted(null).getQuotePrefixed());
        }
    }

    @Test
    void nullLeavesABlankCell() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Cell c = wb.createSheet().createRow(0).createCell(0);
            new SafeCells(wb).text(c, null, null);
            assertEquals(CellType.BLANK, c.getCellType());
        }
    }

    @Test
    void longTextIsCutWithoutSplittingASurrogatePair() {
        assertEquals(SafeCells.MAX_TEXT, SafeCells.safeText("y".repeat(SafeCells.MAX_TEXT)).length());
        String cut = SafeCells.safeText("y".repeat(SafeCells.MAX_TEXT + 1));
        assertEquals(SafeCells.MAX_TEXT, cut.length());
        assertTrue(cut.endsWith(SafeCells.TRUNCATED));
        String emoji = "y".repeat(SafeCells.MAX_TEXT - 3) + "\uD83D\uDE00".repeat(10);
        String cutEmoji = SafeCells.safeText(emoji);
        assertTrue(cutEmoji.length() <= SafeCells.MAX_TEXT);
        assertFalse(Character.isHighSurrogate(cutEmoji.charAt(cutEmoji.length() - 2)));
        assertEquals("'" + "=".repeat(SafeCells.MAX_TEXT - 2) + SafeCells.TRUNCATED, SafeCells.safeText("=".repeat(40_000)));
    }

    @Test
    void ooxmlEscapesSurviveAsLiteralText() throws IOException {
        assertEquals("_x005F_x0041_ and _x005F_X00aF_ but not _x12_ or x0041_", SafeCells.ooxmlEscaped("_x0041_ and _X00aF_ but not _x12_ or x0041_"));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            new SafeCells(wb).text(wb.createSheet().createRow(0).createCell(0), "name_x0041_", null);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            try (XSSFWorkbook back = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
                assertEquals("name_x0041_", back.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
            }
        }
    }
}
