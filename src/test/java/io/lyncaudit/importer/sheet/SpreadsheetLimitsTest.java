package io.lyncaudit.importer.sheet;

import static io.lyncaudit.importer.sheet.Packets.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Rule;
import java.io.BufferedWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large and hostile spreadsheets: big sheets import as a stream in seconds, and a file beyond a
 * documented limit (rows, cell length, bytes, cells of a row, merged regions) is refused as bad
 * input with a short message, never an out-of-memory error or a hang. Every import that could
 * take long runs under {@code assertTimeoutPreemptively}.
 */
class SpreadsheetLimitsTest {

    @TempDir
    Path tmp;

    private final SpreadsheetImporter importer = new SpreadsheetImporter();

    /** Two shared cores and other builds beside this one: generous, yet far below what a DOM or a hang would take. */
    private static final Duration BIG = Duration.ofSeconds(60);
    private static final Duration QUICK = Duration.ofSeconds(20);

    private BadInputException refused(Path f, String display) {
        return assertTimeoutPreemptively(QUICK, () -> assertThrows(BadInputException.class, () -> importer.importFile(f, display)));
    }

    @Test
    void aQuarterMillionRowXlsxImportsAsAStreamInSeconds() throws Exception {
        Path f = BigSheets.xlsx(tmp.resolve("big.xlsx"), 250_000);
        long t0 = System.nanoTime();
        ImportResult r = assertTimeoutPreemptively(BIG, () -> importer.importFile(f, "big.xlsx"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("250,000-row XLSX (" + Files.size(f) / 1024 + " KiB) imported in " + ms + " ms");
        assertEquals(250_000, r.ruleCount());
        assertEquals(250_001, r.lines().total());
        assertEquals(250_001, r.lines().used(), "the rows and the header that gives them their meaning");
        Rule x = r.policies().get(0).rules().get(123_456);
        assertEquals("Rules", x.source().sheet());
        assertEquals("A123458", x.source().cell());
        assertEquals(Action.PERMIT, x.action());
        String[] v = BigSheets.row(123_456);
        assertTrue(x.match().contains(packet(v[3].toLowerCase(), v[1], "172.16." + (123_456 % 200) + ".9", Integer.parseInt(v[4]))), x.toString());
        assertFalse(x.match().contains(packet("tcp", v[1], "172.16." + (123_456 % 200) + ".9", Integer.parseInt(v[4]) + 1)));
        assertEquals(Action.DENY, r.policies().get(0).rules().get(5).action());
    }

    @Test
    void aQuarterMillionLineCsvImportsInSeconds() throws Exception {
        Path f = BigSheets.csv(tmp.resolve("big.csv"), 250_000);
        long t0 = System.nanoTime();
        ImportResult r = assertTimeoutPreemptively(BIG, () -> importer.importFile(f, "big.csv"));
        System.out.println("250,000-line CSV (" + Files.size(f) / 1024 + " KiB) imported in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(250_000, r.ruleCount());
        assertEquals(250_001, r.lines().total());
        assertEquals(123_458, r.policies().get(0).rules().get(123_456).source().line());
    }

    @Test
    void aCsvBeyondTheRowLimitIsRefusedAtTheFirstRowTooMany() throws Exception {
        Path f = tmp.resolve("long.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("Source,Destination,Port,Action\n");
            for (int i = 0; i < Limits.MAX_ROWS; i++) w.write("any,10.0.0.1,443,permit\n");
        }
        BadInputException e = refused(f, "long.csv");
        assertEquals("long.csv:500001: more than 500,000 lines, the most a spreadsheet import reads (docs/importer-spreadsheet.md); "
                + "split the file", e.getMessage());
    }

    @Test
    void anXlsxBeyondTheRowLimitIsRefusedBeforeItsRowsAreRead() throws Exception {
        Path f = BigSheets.rawXlsx(tmp.resolve("long.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Source", "Destination", "Port", "Action"));
            w.write(BigSheets.xmlRow(2, "any", "10.0.0.1", "443", "permit"));
            w.write(BigSheets.xmlRow(Limits.MAX_ROWS + 1, "any", "10.0.0.1", "443", "permit"));
        }, null);
        BadInputException e = refused(f, "long.xlsx");
        assertEquals("long.xlsx [Rules!A500001]: the workbook has more than 500,000 rows, the most a spreadsheet import reads "
                + "(docs/importer-spreadsheet.md); split it, or remove the sheets that hold no rules", e.getMessage());
    }

    @Test
    void aFiftyMegabyteCellIsRefusedAndQuotedAsAShortExcerpt() throws Exception {
        // a quoted cell may span lines: each line is short, the cell is not
        Path f = tmp.resolve("fat.csv");
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("Source,Destination,Port,Action\nany,10.0.0.1,\"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, '4');
            for (int k = 1023; k < chunk.length; k += 1024) chunk[k] = '\n';
            for (int i = 0; i < 50; i++) w.write(chunk);
            w.write("\",permit\n");
        }
        String m = refused(f, "fat.csv").getMessage();
        assertEquals("fat.csv:2: cell C2 holds 52,428,800 characters, more than 32,767 (Excel's own limit for a cell): '"
                + "4".repeat(80) + "\u2026 (52428800 characters)'", m);
        // on one line, the line is refused before any cell is read
        Path one = tmp.resolve("one.csv");
        try (BufferedWriter w = Files.newBufferedWriter(one, StandardCharsets.UTF_8)) {
            w.write("Source,Destination,Port,Action\nany,10.0.0.1,\"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, '4');
            for (int i = 0; i < 50; i++) w.write(chunk);
            w.write("\",permit\n");
        }
        assertEquals("one.csv:2: the line is 52428822 characters long; a CSV rule table is read with lines of at most 1048576 characters "
                + "(a limit against hostile input)", refused(one, "one.csv").getMessage());
    }

    @Test
    void anXlsxCellBeyondExcelsLengthIsRefusedInlineOrShared() throws Exception {
        String big = "x".repeat(Limits.MAX_CELL_CHARS + 1);
        Path inline = BigSheets.rawXlsx(tmp.resolve("inline.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Source", "Destination", "Port", "Action"));
            w.write(BigSheets.xmlRow(2, "any", big, "443", "permit"));
        }, null);
        String m = refused(inline, "inline.xlsx").getMessage();
        assertTrue(m.startsWith("inline.xlsx [Rules!B2]: the cell holds more than 32,767 characters (Excel's own limit for a cell), starting 'xxx"), m);
        assertTrue(m.length() < 300, m);

        Path shared = BigSheets.rawXlsx(tmp.resolve("shared.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Source", "Destination", "Port", "Action"));
            w.write("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>");
        }, "<si><t>" + big + "</t></si>");
        m = refused(shared, "shared.xlsx").getMessage();
        assertTrue(m.startsWith("shared.xlsx [Rules!A2]: the cell holds 32,768 characters, more than 32,767 (Excel's own limit for a cell)"), m);
        assertTrue(m.length() < 300, m);
    }

    @Test
    void aRowWithMoreCellsThanASheetHasColumnsIsRefused() throws Exception {
        Path f = BigSheets.rawXlsx(tmp.resolve("wide.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Source", "Destination", "Port", "Action"));
            w.write("<row r=\"2\">");
            java.util.Random rnd = new java.util.Random(1); // values that do not compress like a zip bomb
            for (int i = 0; i <= Limits.MAX_CELLS_PER_ROW; i++) w.write("<c t=\"inlineStr\"><is><t>" + Long.toString(rnd.nextLong(), 36) + "</t></is></c>");
            w.write("</row>");
        }, null);
        assertEquals("wide.xlsx [Rules!A2]: the row has more cells than a sheet has columns; the sheet's XML is damaged",
                refused(f, "wide.xlsx").getMessage());
    }

    @Test
    void tooManyMergedRegionsAreRefused() throws Exception {
        Path f = tmp.resolve("merged.xlsx");
        BigSheets.rawXlsx(f, w -> {
            w.write(BigSheets.xmlRow(1, "Source", "Destination", "Port", "Action"));
            w.write("</sheetData><mergeCells>");
            for (int i = 0; i <= Limits.MAX_MERGED_REGIONS; i++) w.write("<mergeCell ref=\"E" + (i + 2) + ":F" + (i + 2) + "\"/>");
            w.write("</mergeCells><sheetData>");
        }, null);
        assertTrue(refused(f, "merged.xlsx").getMessage().contains("more than 100,000 merged cell regions"));
    }

    @Test
    void filesTooLargeToReadWholeAreRefusedBeforeTheyAreRead() throws Exception {
        Path csv = tmp.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw")) {
            f.write("Source,Destination,Port,Action\n".getBytes(StandardCharsets.UTF_8));
            f.setLength(Limits.MAX_CSV_BYTES + 1); // sparse: nothing is written
        }
        assertEquals("huge.csv: a CSV file of 256 MiB, more than the 256 MiB a spreadsheet import reads (docs/importer-spreadsheet.md); "
                + "split it, or save it as .xlsx, which is read as a stream", refused(csv, "huge.csv").getMessage());
        Path xls = tmp.resolve("huge.xls");
        try (RandomAccessFile f = new RandomAccessFile(xls.toFile(), "rw")) {
            f.write(SheetFiles.OLE2);
            f.setLength(Limits.MAX_XLS_BYTES + 1);
        }
        assertTrue(refused(xls, "huge.xls").getMessage().startsWith("huge.xls: a legacy .xls workbook larger than 64 MiB"));
    }

    @Test
    void poisZipBombLimitsStayAsPoiSetsThem() throws Exception {
        Path f = BigSheets.xlsx(tmp.resolve("small.xlsx"), 10);
        importer.importFile(f, "small.xlsx");
        assertEquals(0.01, ZipSecureFile.getMinInflateRatio(), 1e-9);
        assertEquals(0xFFFFFFFFL, ZipSecureFile.getMaxEntrySize());
        assertEquals(-1, IOUtils.getByteArrayMaxOverride(), "the override would replace POI's stricter per-record maximums too");
    }
}
