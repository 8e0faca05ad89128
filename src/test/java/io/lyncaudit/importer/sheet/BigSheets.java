package io.lyncaudit.importer.sheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Large rule sheets made at test time: with SXSSF (as Excel-like files are), or as raw sheet XML for
 * files POI would not write (more rows than Excel allows, one enormous cell).
 */
final class BigSheets {
    private BigSheets() {}

    static final String HEADER = "Name,Source,Destination,Protocol,Port,Action,Comment";

    /** Row {@code i} (0-based) of a big rule table: varied addresses, ports, protocols and actions. */
    static String[] row(int i) {
        String proto = i % 3 == 0 ? "UDP" : "TCP";
        String port = i % 7 == 0 ? (1024 + i % 50000) + "-" + (1100 + i % 50000) : Integer.toString(1 + i % 65000);
        return new String[] {"rule-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255),
                "172.16." + (i % 200) + ".0/24", proto, port, i % 5 == 0 ? "deny" : "permit", "row " + i + " of the big sheet"};
    }

    /** An XLSX with one sheet "Rules": the header and {@code rows} rule rows, written by SXSSF. */
    static Path xlsx(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            Sheet s = wb.createSheet("Rules");
            String[] h = HEADER.split(",");
            Row hr = s.createRow(0);
            for (int c = 0; c < h.length; c++) hr.createCell(c).setCellValue(h[c]);
            for (int i = 0; i < rows; i++) {
                Row r = s.createRow(i + 1);
                String[] v = row(i);
                for (int c = 0; c < v.length; c++) {
                    if (c == 4 && v[c].indexOf('-') < 0) r.createCell(c).setCellValue(Integer.parseInt(v[c]));
                    else r.createCell(c).setCellValue(v[c]);
                }
            }
            wb.write(out);
            wb.dispose();
        }
        return file;
    }

    /** The same table as CSV. */
    static Path csv(Path file, int rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                w.write(String.join(",", row(i)));
                w.write('\n');
            }
        }
        return file;
    }

    /**
     * A minimal XLSX written by hand, with {@code sheetXml} as its one sheet (the part's rows go
     * between {@code <sheetData>} and {@code </sheetData>}); {@code sharedStrings} is the body of the
     * shared strings part, or null for none.
     */
    static Path rawXlsx(Path file, RowsWriter sheetRows, String sharedStrings) throws IOException {
        return rawXlsx(file, sheetRows, sharedStrings, StandardCharsets.UTF_8);
    }

    /** As {@link #rawXlsx(Path, RowsWriter, String)}, with the sheet's XML in {@code charset} (UTF-16 has a byte order mark). */
    static Path rawXlsx(Path file, RowsWriter sheetRows, String sharedStrings, java.nio.charset.Charset charset) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(z, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" "
                            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>");
            entry(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                    + "Target=\"xl/workbook.xml\"/></Relationships>");
            entry(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"Rules\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(z, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" "
                            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>");
            if (sharedStrings != null) {
                entry(z, "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + sharedStrings + "</sst>");
            }
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(z, charset), 1 << 16);
            if (charset.name().startsWith("UTF-16")) w.write('\uFEFF');
            w.write("<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheetRows.write(w);
            w.write("</sheetData></worksheet>");
            w.flush();
            z.closeEntry();
        }
        return file;
    }

    /** Writes the rows of a raw sheet. */
    @FunctionalInterface
    interface RowsWriter {
        void write(java.io.Writer w) throws IOException;
    }

    /** One row of inline-string cells, as sheet XML. */
    static String xmlRow(int number, String... cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int c = 0; c < cells.length; c++) {
            b.append("<c r=\"").append((char) ('A' + c)).append(number).append("\" t=\"inlineStr\"><is><t>")
                    .append(cells[c].replace("&", "&amp;").replace("<", "&lt;")).append("</t></is></c>");
        }
        return b.append("</row>").toString();
    }

    private static void entry(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
