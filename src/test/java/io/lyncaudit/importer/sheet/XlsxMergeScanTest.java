package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte scan for merged regions: real tags only, with or without a namespace prefix; UTF-16 is left to SAX. */
class XlsxMergeScanTest {

    @TempDir
    Path tmp;

    private static List<String> refs(String xml) throws Exception {
        return XlsxMergeScan.scan(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 10, Integer.MAX_VALUE).refs();
    }

    @Test
    void findsMergeCellTagsAndNothingElse() throws Exception {
        assertEquals(List.of("B2:B3", "C5:D5", "E1:E9"), refs("<worksheet><sheetData><row r=\"1\"><c><is><t>&lt;mergeCell ref=\"A1:A9\"/&gt;</t></is></c>"
                + "</row></sheetData><!-- <mergeCell ref=\"Z1:Z2\"/> --><![CDATA[<mergeCell ref=\"Y1:Y2\"/>]]>"
                + "<mergeCells count=\"3\"><mergeCell ref=\"B2:B3\"/><x:mergeCell  ref='C5:D5' /><mergeCell\nref=\"E1:E9\"></mergeCell>"
                + "<mergeCellX ref=\"Q1:Q2\"/></mergeCells></worksheet>"));
        assertEquals(11, XlsxMergeScan.scan(new ByteArrayInputStream("<mergeCell ref=\"A1:A2\"/>".repeat(20).getBytes(StandardCharsets.UTF_8)),
                10, Integer.MAX_VALUE).refs().size(), "one more than the most asked for, so the caller can refuse");
        // rows: their r, or one after the last; the scan stops at the first row beyond the cap
        assertEquals(7, XlsxMergeScan.scan(new ByteArrayInputStream("<row r=\"1\"/><row><c/></row><x:row r='6'/><row/><rows/><row r=\"9\"/>"
                .getBytes(StandardCharsets.UTF_8)), 10, 6).lastRow());
    }

    @Test
    void utf16IsNotScanned() {
        byte[] le = "\uFEFF<worksheet/>".getBytes(StandardCharsets.UTF_16LE);
        assertFalse(XlsxMergeScan.utf8(le, le.length));
        byte[] be = "<worksheet/>".getBytes(StandardCharsets.UTF_16BE);
        assertFalse(XlsxMergeScan.utf8(be, be.length));
        byte[] u8 = "<?xml version=\"1.0\"?><worksheet/>".getBytes(StandardCharsets.UTF_8);
        assertTrue(XlsxMergeScan.utf8(u8, u8.length));
    }

    @Test
    void aUtf16SheetIsReadWithItsMergedCellsBySax() throws Exception {
        Path f = BigSheets.rawXlsx(tmp.resolve("utf16.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Source", "Destination", "Port", "Action"));
            w.write(BigSheets.xmlRow(2, "any", "10.0.0.1", "443", "permit"));
            w.write(BigSheets.xmlRow(3, "any", "", "5061", "permit"));
            w.write("</sheetData><mergeCells count=\"1\"><mergeCell ref=\"B2:B3\"/></mergeCells><sheetData>");
        }, null, StandardCharsets.UTF_16LE);
        var r = new SpreadsheetImporter().importFile(f, "utf16.xlsx");
        assertEquals(2, r.ruleCount(), r.diagnostics().toString());
        assertTrue(r.policies().get(0).rules().get(1).match().contains(Packets.packet("tcp", "192.0.2.1", "10.0.0.1", 5061)));
    }
}
