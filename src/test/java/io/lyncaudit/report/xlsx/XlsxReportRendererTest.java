package io.lyncaudit.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.report.Golden;
import io.lyncaudit.report.RendererContractTest;
import io.lyncaudit.report.Report;
import io.lyncaudit.report.ReportFixtures;
import io.lyncaudit.report.ReportFormat;
import io.lyncaudit.report.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The XLSX renderer, checked by reading the cells back with POI rather than by comparing bytes. */
class XlsxReportRendererTest extends RendererContractTest {

    @Override
    protected ReportRenderer renderer() {
        return new XlsxReportRenderer();
    }

    @Override
    protected ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    protected String comparable(byte[] rendered) throws IOException {
        return XlsxDump.dump(rendered);
    }

    @Override
    protected void assertMatchesExpected(byte[] rendered) throws IOException {
        Golden.assertText("xlsx-cells.txt", XlsxDump.dump(rendered));
    }

    private static XSSFWorkbook sample() throws IOException {
        return XlsxDump.open(render(new XlsxReportRenderer(), ReportFixtures.sample()));
    }

    private static List<String> row(Sheet s, int r) {
        List<String> out = new ArrayList<>();
        for (Cell c : s.getRow(r)) out.add(c.toString());
        return out;
    }

    @Test
    void hasTheFourSheetsWithBoldFrozenFilteredHeaders() throws IOException {
        Report report = ReportFixtures.sample();
        try (XSSFWorkbook wb = sample()) {
            assertEquals(List.of("Summary", "Findings", "Requirements", "Diagnostics"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            int[] rows = {report.findings().size(), report.requirements().size(), report.diagnostics().size()};
            String[] filters = {"A1:Z8", "A1:O7", "A1:F6"};
            for (int i = 1; i <= 3; i++) {
                XSSFSheet s = wb.getSheetAt(i);
                assertEquals(rows[i - 1], s.getLastRowNum(), s.getSheetName());
                assertTrue(s.getPaneInformation().isFreezePane(), s.getSheetName());
                assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
                assertEquals(filters[i - 1], s.getCTWorksheet().getAutoFilter().getRef(), s.getSheetName());
                for (Cell c : s.getRow(0)) assertTrue(wb.getFontAt(c.getCellStyle().getFontIndex()).getBold());
                for (int c = 0; c < s.getRow(0).getLastCellNum(); c++) {
                    assertTrue(s.getColumnWidth(c) >= 8 * 256, s.getSheetName() + " column " + c + " has an explicit width");
                }
            }
            assertEquals(List.of("ID", "Type", "Severity", "Requirement", "Requirement title", "Source file", "Source table",
                    "Source row", "Firewall", "Protocol", "Ports", "Source", "Destination", "Uncovered", "Message",
                    "Evidence", "Witness", "Waived", "Waiver reason", "Waiver owner", "Waiver expires", "Baseline", "Uncertain", "Catalog decision",
                    "Requirements", "Sources"), row(wb.getSheet("Findings"), 0));
            assertEquals(List.of("Requirement", "Title", "Source file", "Source table", "Source row", "Firewall", "Protocol",
                    "Ports", "Source", "Destination", "Status", "Severity", "Evidence", "Catalog decision", "Finding"),
                    row(wb.getSheet("Requirements"), 0));
            assertEquals(List.of("File", "Line", "Severity", "Category", "Text", "Message"), row(wb.getSheet("Diagnostics"), 0));
        }
    }

    @Test
    void findingCellsCarryTheReport() throws IOException {
        try (XSSFWorkbook wb = sample()) {
            Sheet s = wb.getSheet("Findings");
            Row partial = s.getRow(1);
            assertEquals("f-4be1c07a", partial.getCell(0).getStringCellValue());
            assertEquals("PARTIAL", partial.getCell(1).getStringCellValue());
            assertEquals("high", partial.getCell(2).getStringCellValue());
            assertEquals(9.0, partial.getCell(7).getNumericCellValue());
            assertEquals("TCP 55000-59999 172.25.33.12 -> any", partial.getCell(13).getStringCellValue());
            assertEquals(2, partial.getCell(15).getStringCellValue().split("\n").length);
            assertTrue(partial.getCell(15).getCellStyle().getWrapText());
            assertEquals("TCP 172.25.33.12:50123 -> 198.51.100.7:55000", partial.getCell(16).getStringCellValue());
            assertEquals(CellType.BOOLEAN, partial.getCell(17).getCellType());
            Row extra = s.getRow(3);
            assertEquals("EXTRA", extra.getCell(1).getStringCellValue());
            assertEquals(CellType.BLANK, extra.getCell(3).getCellType(), "EXTRA has no requirement");
            assertEquals(CellType.STRING, extra.getCell(15).getCellType());
            assertTrue(extra.getCell(15).getStringCellValue().contains(ReportFixtures.FORMULA_TEXT));
            assertEquals("TCP [2001:db8::7]:50000 -> [2001:db8::10]:5060", s.getRow(7).getCell(16).getStringCellValue());
            assertEquals(8, wb.getSheet("Findings").getSheetConditionalFormatting().getNumConditionalFormattings());
        }
    }

    @Test
    void formulaLookingInputStaysQuotedText() throws IOException {
        try (XSSFWorkbook wb = sample()) {
            Sheet d = wb.getSheet("Diagnostics");
            Cell formula = d.getRow(4).getCell(4);
            assertEquals(CellType.STRING, formula.getCellType());
            assertEquals("'" + ReportFixtures.FORMULA_TEXT, formula.getStringCellValue());
            assertTrue(formula.getCellStyle().getQuotePrefixed());
            Cell minus = d.getRow(5).getCell(4);
            assertEquals("'-1", minus.getStringCellValue());
            assertTrue(minus.getCellStyle().getQuotePrefixed());
            assertFalse(d.getRow(1).getCell(4).getCellStyle().getQuotePrefixed(), "plain text is not quoted");
        }
    }

    @Test
    void noFormulaCellAnywhere() throws IOException {
        try (XSSFWorkbook wb = sample()) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) assertFalse(XlsxDump.isFormula(c), s.getSheetName() + "!" + c.getAddress());
                }
            }
        }
    }

    @Test
    void summaryShowsGateCountsAndInputs() throws IOException {
        try (XSSFWorkbook wb = sample()) {
            Sheet s = wb.getSheet("Summary");
            // index = row number: rows that were never created stay ""
            List<String> firstColumn = new ArrayList<>();
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                firstColumn.add(row == null || row.getCell(0) == null ? "" : row.getCell(0).toString());
            }
            int gate = firstColumn.indexOf("Gate");
            assertEquals("FAIL", s.getRow(gate).getCell(1).getStringCellValue());
            int types = firstColumn.indexOf("Finding type");
            assertEquals("MISSING", s.getRow(types + 1).getCell(0).getStringCellValue());
            assertEquals(1.0, s.getRow(types + 1).getCell(1).getNumericCellValue());
            int inputs = firstColumn.indexOf("Firewall");
            assertEquals("edge-internal", s.getRow(inputs + 2).getCell(0).getStringCellValue());
            assertEquals("A" + (inputs + 1) + ":G" + (inputs + 3), ((XSSFSheet) s).getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void longTextIsCutToExcelsLimit() throws IOException {
        Finding f = ReportFixtures.sample().findings().get(0);
        Finding huge = new Finding(f.id(), f.type(), f.severity(), f.requirement(), f.firewall(), f.flow(), f.uncovered(),
                "x".repeat(40_000), f.evidence(), f.witness(), f.waived(), f.uncertain());
        byte[] xlsx = render(new XlsxReportRenderer(), ReportFixtures.with(ReportFixtures.sample(), List.of(huge), List.of()));
        try (XSSFWorkbook wb = XlsxDump.open(xlsx)) {
            String message = wb.getSheet("Findings").getRow(1).getCell(14).getStringCellValue();
            assertEquals(SafeCells.MAX_TEXT, message.length());
            assertTrue(message.endsWith("\u2026"));
        }
    }

    @Test
    void manyRowsStreamAndTempFilesAreDeleted(@org.junit.jupiter.api.io.TempDir Path poiTmp) throws IOException {
        // a private temp directory: the shared /tmp/poifiles also sees other builds on the machine
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(new org.apache.poi.util.DefaultTempFileCreationStrategy(poiTmp.toFile()));
        try {
            streamManyRows(poiTmp);
        } finally {
            org.apache.poi.util.TempFile.setTempFileCreationStrategy(new org.apache.poi.util.DefaultTempFileCreationStrategy());
        }
    }

    private static void streamManyRows(Path poiTmp) throws IOException {
        Set<Path> before = sxssfTempFiles(poiTmp);
        List<Report.ReportDiagnostic> many = new ArrayList<>();
        for (int i = 1; i <= 5_000; i++) many.add(new Report.ReportDiagnostic("big.asa", i, "warning", "ignored", "line " + i, "why"));
        byte[] xlsx = render(new XlsxReportRenderer(), ReportFixtures.with(ReportFixtures.sample(), List.of(), many));
        try (XSSFWorkbook wb = XlsxDump.open(xlsx)) {
            Sheet d = wb.getSheet("Diagnostics");
            assertEquals(5_000, d.getLastRowNum());
            assertEquals("line 5000", d.getRow(5_000).getCell(4).getStringCellValue());
        }
        assertEquals(before, sxssfTempFiles(poiTmp), "SXSSF temp files are disposed");
    }

    private static Set<Path> sxssfTempFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return Set.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("poi-sxssf")).collect(Collectors.toSet());
        }
    }
}
