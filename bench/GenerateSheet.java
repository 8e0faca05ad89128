import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a large firewall-rule sheet for bench/import.sh. Run with the jar on the class path:
 * {@code java -cp target/lyncaudit.jar bench/GenerateSheet.java KIND OUT N}, KIND one of
 * {@code xlsx} (N rule rows, shared strings as Excel writes them, via SXSSF), {@code csv} (the same
 * rows as CSV), {@code ratio} (one sheet of about N MiB of XML, compressed just above POI's minimum
 * inflate ratio of 0.01: the largest a zip-bomb check lets through; rows with 30,000-character
 * comments). Deterministic (seed 42).
 */
public class GenerateSheet {
    static final String HEADER = "Name,Source,Destination,Protocol,Port,Action,Comment";

    static String[] row(int i) {
        String proto = i % 3 == 0 ? "UDP" : "TCP";
        String port = i % 7 == 0 ? (1024 + i % 50000) + "-" + (1100 + i % 50000) : Integer.toString(1 + i % 65000);
        return new String[] {"rule-" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255),
                "172.16." + (i % 200) + ".0/24", proto, port, i % 5 == 0 ? "deny" : "permit", "row " + i + " of the bench sheet"};
    }

    @SuppressWarnings("deprecation") // SXSSFWorkbook.dispose: still the way to remove its temp files
    public static void main(String[] a) throws Exception {
        Path out = Path.of(a[1]);
        int n = Integer.parseInt(a[2]);
        switch (a[0]) {
            case "xlsx" -> {
                try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true); OutputStream o = Files.newOutputStream(out)) {
                    Sheet s = wb.createSheet("Rules");
                    String[] h = HEADER.split(",");
                    Row hr = s.createRow(0);
                    for (int c = 0; c < h.length; c++) hr.createCell(c).setCellValue(h[c]);
                    for (int i = 0; i < n; i++) {
                        Row r = s.createRow(i + 1);
                        String[] v = row(i);
                        for (int c = 0; c < v.length; c++) r.createCell(c).setCellValue(v[c]);
                    }
                    wb.write(o);
                    wb.dispose();
                }
            }
            case "csv" -> {
                try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    w.write(HEADER + "\n");
                    for (int i = 0; i < n; i++) w.write(String.join(",", row(i)) + "\n");
                }
            }
            case "ratio" -> ratio(out, (long) n << 20);
            default -> throw new IllegalArgumentException("kind: xlsx, csv or ratio");
        }
        System.out.println(out + ": " + Files.size(out) + " bytes");
    }

    /** A minimal workbook whose one sheet is about {@code target} bytes of XML. */
    static void ratio(Path out, long target) throws Exception {
        String ns = "http://schemas.openxmlformats.org/";
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            entry(z, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"" + ns + "package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + ns + "package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + ns + "spreadsheetml/2006/main\" xmlns:r=\""
                    + ns + "officeDocument/2006/relationships\"><sheets><sheet name=\"Rules\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(z, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + ns
                    + "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + ns + "officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(z, StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + ns + "spreadsheetml/2006/main\"><sheetData>");
            w.write(xmlRow(1, "Source", "Destination", "Port", "Action", "Comment"));
            Random rnd = new Random(42);
            String filler = "x".repeat(30_000);
            StringBuilder b = new StringBuilder();
            long written = 0;
            for (int i = 2; written < target; i++) {
                b.setLength(0);
                for (int k = 0; k < 700; k++) b.append((char) ('a' + rnd.nextInt(26))); // enough entropy to stay above the ratio
                String r = xmlRow(i, "any", "10.0.0." + (i % 250), Integer.toString(1 + i % 65000), "permit", b + filler);
                w.write(r);
                written += r.length();
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            z.closeEntry();
        }
    }

    static String xmlRow(int n, String... cells) {
        StringBuilder b = new StringBuilder("<row r=\"").append(n).append("\">");
        for (int c = 0; c < cells.length; c++) {
            b.append("<c r=\"").append((char) ('A' + c)).append(n).append("\" t=\"inlineStr\"><is><t>").append(cells[c]).append("</t></is></c>");
        }
        return b.append("</row>").toString();
    }

    static void entry(ZipOutputStream z, String name, String text) throws Exception {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
