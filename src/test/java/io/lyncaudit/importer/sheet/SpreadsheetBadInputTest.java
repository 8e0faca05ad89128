package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input that is unusable as a whole: one BadInputException whose message names the file (and line or cell). */
class SpreadsheetBadInputTest {

    @TempDir
    Path tmp;

    private final SpreadsheetImporter importer = new SpreadsheetImporter();

    private BadInputException fails(Path f, String display) {
        BadInputException e = assertThrows(BadInputException.class, () -> importer.importFile(f, display));
        assertEquals(display, e.file());
        assertTrue(e.getMessage().startsWith(display), e.getMessage());
        return e;
    }

    @Test
    void missingFile() {
        assertEquals("fw/missing.xlsx: file not found", fails(tmp.resolve("missing.xlsx"), "fw/missing.xlsx").getMessage());
    }

    @Test
    void binaryJunkNamedXlsx() throws Exception {
        byte[] junk = new byte[2048];
        new Random(7).nextBytes(junk);
        junk[0] = 'X';
        Path f = Files.write(tmp.resolve("junk.xlsx"), junk);
        assertEquals("junk.xlsx: not a spreadsheet: the name says Excel workbook but the content is not one",
                fails(f, "junk.xlsx").getMessage());
    }

    @Test
    void binaryJunkNamedCsv() throws Exception {
        byte[] junk = new byte[2048];
        new Random(8).nextBytes(junk);
        Path f = Files.write(tmp.resolve("junk.csv"), junk);
        assertTrue(fails(f, "junk.csv").getMessage().contains("not a spreadsheet"));
    }

    @Test
    void zipThatIsNotAWorkbook() throws Exception {
        Path f = tmp.resolve("archive.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertTrue(fails(f, "archive.xlsx").getMessage().startsWith("archive.xlsx: not a readable XLSX workbook: "));
    }

    @Test
    void zipBombLimitsStayOn() throws Exception {
        // 20 MB of spaces compress about 1000:1, far past POI's default minimum inflate ratio (0.01)
        Path f = tmp.resolve("bomb.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 20; i++) z.write(spaces);
            z.closeEntry();
        }
        String m = fails(f, "bomb.xlsx").getMessage();
        assertEquals("bomb.xlsx: not a readable XLSX workbook: Can't read content types part ! (Zip bomb detected! The file would "
                + "exceed the max. ratio of compressed file size to the size of the expanded data.)", m);
        assertTrue(m.toLowerCase(java.util.Locale.ROOT).contains("zip bomb"), m);
    }

    @Test
    void csvOfRandomTextWithoutHeader() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.csv"), "Lorem ipsum dolor sit amet,\nconsectetur; adipiscing\telit\n");
        String m = fails(f, "notes.csv").getMessage();
        assertTrue(m.startsWith("notes.csv: no recognisable header row in the first 20 lines"), m);
        assertTrue(m.contains("Source, Src, Source Address"), m);
        assertTrue(m.contains("Destination, Dst"), m);
        assertTrue(m.contains("Service, Port"), m);
    }

    @Test
    void headerBelowRowTwentyIsNotFound() throws Exception {
        Path f = Files.writeString(tmp.resolve("late.csv"), "note\n".repeat(20) + "Source,Destination,Port\nany,any,443\n");
        assertTrue(fails(f, "late.csv").getMessage().contains("no recognisable header row"));
    }

    @Test
    void emptyCsv() throws Exception {
        Path f = Files.writeString(tmp.resolve("empty.csv"), "\n\n");
        assertEquals("empty.csv: the file is empty: no rows to import", fails(f, "empty.csv").getMessage());
        Path g = Files.writeString(tmp.resolve("zero.csv"), "");
        assertTrue(fails(g, "zero.csv").getMessage().contains("empty"));
    }

    @Test
    void emptySheet() throws Exception {
        Path f = tmp.resolve("empty.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("Sheet1");
            wb.write(out);
        }
        assertEquals("empty.xlsx: empty: no rows to import", fails(f, "empty.xlsx").getMessage());
    }

    @Test
    void xlsxWithoutRecognisableHeader() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("nohdr.xlsx"), """
                ### Sheet1
                Host | Address | Owner
                edge1 | 10.0.0.1 | bob
                """);
        String m = fails(f, "nohdr.xlsx").getMessage();
        assertTrue(m.startsWith("nohdr.xlsx: no recognisable header row in the first 20 rows of any sheet; expected a Source column"), m);
    }

    @Test
    void malformedCsvQuoteNamesTheLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("quote.csv"), "Source,Destination,Port,Action\nany,10.0.0.1,443,permit\nany,\"10.0.0.2,443,permit\n");
        String m = fails(f, "quote.csv").getMessage();
        assertTrue(m.matches("quote\\.csv:\\d+: malformed CSV: .*"), m);
    }
}
