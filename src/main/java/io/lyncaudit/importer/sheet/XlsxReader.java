package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.BadInputException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams every sheet of a workbook to a {@link RowSink}. An XLSX is read with POI's event API
 * ({@link XSSFReader}: the package, its workbook and the parts), its shared strings and sheets with
 * SAX ({@link XlsxSharedStrings}, {@link XlsxSheetHandler}): memory holds the shared strings and
 * one row, never the sheet. POI's zip-bomb limits stay as POI sets them (the minimum inflate ratio
 * and the largest entry), and each part is also capped in bytes here ({@link Limits}).
 * {@code IOUtils.setByteArrayMaxOverride} is left unset: the override replaces every per-record
 * maximum of POI, the stricter ones too, and nothing here asks POI for a part as one byte array.
 *
 * <p>A legacy .xls (OLE2) can only be read whole by POI; it is refused beyond
 * {@link Limits#MAX_XLS_BYTES} (the format itself ends at 65,536 rows).
 */
final class XlsxReader {
    private XlsxReader() {}

    private static final String LIMIT_DOC = " (docs/importer-spreadsheet.md)";

    static void read(Path path, String file, boolean legacy, RowSink sink) throws BadInputException {
        if (legacy) {
            readLegacy(path, file, sink);
            return;
        }
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XlsxSharedStrings strings = sharedStrings(reader, file);
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            long rows = 0;
            long[] xmlBytes = {0}; // every sheet's XML so far, against MAX_WORKBOOK_XML_BYTES
            while (it.hasNext()) {
                InputStream first = it.next();
                String name = Excerpt.visible(it.getSheetName(), true);
                PackagePart part = it.getSheetPart();
                Table table = new Table(name, name);
                XlsxSheetHandler scan = mergedRegions(first, file, table, rows, xmlBytes);
                sink.start(table);
                XlsxSheetHandler read = XlsxSheetHandler.reader(file, table, strings, sink, scan);
                try (InputStream again = part.getInputStream()) {
                    parse(again, read, file, table);
                }
                sink.end();
                rows += read.lastRow();
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | SAXException | RuntimeException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            // POI reports a non-workbook, a zip bomb, an encrypted file ... with many exception types
            throw new BadInputException(file, file, "not a readable XLSX workbook: " + message(e), e);
        }
    }

    private static XlsxSharedStrings sharedStrings(XSSFReader reader, String file) throws BadInputException, IOException, SAXException {
        InputStream in;
        try {
            in = reader.getSharedStringsData();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            return XlsxSharedStrings.NONE; // a workbook without text cells has no shared strings part
        }
        if (in == null) return XlsxSharedStrings.NONE;
        try (InputStream limited = new Limited(in, Limits.MAX_SHARED_STRINGS_BYTES)) {
            return XlsxSharedStrings.read(limited);
        } catch (Limited.Exceeded e) {
            throw new BadInputException(file, file, "the workbook's shared strings are more than " + mib(Limits.MAX_SHARED_STRINGS_BYTES)
                    + " unpacked, the most a spreadsheet import reads" + LIMIT_DOC, null);
        }
    }

    /**
     * The first pass over a sheet: its merged regions, by a scan of its bytes (UTF-8, as Excel and
     * POI write it) or, for other XML, a SAX parse.
     */
    private static XlsxSheetHandler mergedRegions(InputStream in, String file, Table table, long rowsBefore, long[] xmlBytes)
            throws BadInputException, IOException {
        long left = Limits.MAX_WORKBOOK_XML_BYTES - xmlBytes[0];
        Limited limited = new Limited(in, Math.min(Limits.MAX_SHEET_XML_BYTES, left));
        try (limited) {
            java.io.PushbackInputStream head = new java.io.PushbackInputStream(limited, 64);
            byte[] start = new byte[64];
            int n = Math.max(0, head.readNBytes(start, 0, start.length));
            head.unread(start, 0, n);
            if (!XlsxMergeScan.utf8(start, n)) {
                XlsxSheetHandler scan = XlsxSheetHandler.scanner(file, table, rowsBefore);
                parse(head, scan, file, table);
                return scan;
            }
            int cap = (int) Math.max(0, Limits.MAX_ROWS - rowsBefore);
            XlsxMergeScan.Scan s = XlsxMergeScan.scan(head, Limits.MAX_MERGED_REGIONS, cap);
            if (s.lastRow() > cap) throw XlsxSheetHandler.tooManyRows(file, table, s.lastRow());
            return XlsxSheetHandler.scanned(file, table, rowsBefore, s.refs());
        } catch (Limited.Exceeded e) {
            throw tooBig(file, table, left < Limits.MAX_SHEET_XML_BYTES);
        } catch (BadInputException e) {
            // the SAX pass of a UTF-16 sheet reports the limit as a sheet that is too big; it may be the workbook
            if (limited.count() > Math.min(Limits.MAX_SHEET_XML_BYTES, left)) throw tooBig(file, table, left < Limits.MAX_SHEET_XML_BYTES);
            throw e;
        } finally {
            xmlBytes[0] += limited.count();
        }
    }

    private static BadInputException tooBig(String file, Table table, boolean workbook) {
        return new BadInputException(file, file + " [" + table.sheet() + "]", (workbook
                ? "the workbook's sheets are more than " + mib(Limits.MAX_WORKBOOK_XML_BYTES)
                : "the sheet is more than " + mib(Limits.MAX_SHEET_XML_BYTES)) + " of XML unpacked, the most a spreadsheet import reads" + LIMIT_DOC, null);
    }

    /** Parses one sheet part with a fresh, secure SAX reader, within the byte limit. */
    private static void parse(InputStream in, XlsxSheetHandler handler, String file, Table table) throws BadInputException, IOException {
        try (InputStream limited = new Limited(in, Limits.MAX_SHEET_XML_BYTES)) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(limited));
        } catch (XlsxSheetHandler.Stop e) {
            throw e.reason;
        } catch (Limited.Exceeded e) {
            throw tooBig(file, table, false);
        } catch (SAXException e) {
            if (e.getException() instanceof Limited.Exceeded) throw tooBig(file, table, false);
            throw new BadInputException(file, file + " [" + table.sheet() + "]", "the sheet's XML cannot be read: " + message(e), e);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }

    private static String mib(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    /** An input stream that fails once more than its limit has been read from it. */
    private static final class Limited extends FilterInputStream {
        /** The limit was passed. */
        static final class Exceeded extends IOException {
            private static final long serialVersionUID = 1L;

            Exceeded() {
                super("limit exceeded", null);
            }
        }

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        /** The bytes read so far. */
        long count() {
            return read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > limit) throw new Exceeded();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > limit) throw new Exceeded();
            return n;
        }
    }

    /** The first line of the exception's message, plus its root cause's (POI wraps e.g. "Zip bomb detected!"). */
    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String top = firstLine(e);
        String deep = firstLine(root);
        return Excerpt.visible(root == e || top.contains(deep) ? top : top + " (" + deep + ")", true);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        // wrapped exceptions repeat "org.apache...SomeException: " in front of the text a user should read
        String line = m.lines().findFirst().orElse(m).strip().replaceFirst("^([a-z][\\w$]*\\.)+\\w*(Exception|Error): ", "");
        return line.length() > 300 ? line.substring(0, 300) + "\u2026" : line;
    }

    // ---- legacy .xls -----------------------------------------------------------------------------

    private static void readLegacy(Path path, String file, RowSink sink) throws BadInputException {
        try {
            if (Files.size(path) > Limits.MAX_XLS_BYTES) {
                throw new BadInputException(file, 0, "a legacy .xls workbook larger than " + mib(Limits.MAX_XLS_BYTES)
                        + ", the most a spreadsheet import reads" + LIMIT_DOC + "; save it as .xlsx, which is read as a stream");
            }
        } catch (IOException e) {
            throw new BadInputException(file, file, "cannot read the file: " + message(e), e);
        }
        try (Workbook wb = WorkbookFactory.create(path.toFile(), null, true)) {
            long rows = 0;
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                Sheet sheet = wb.getSheetAt(s);
                String name = Excerpt.visible(sheet.getSheetName(), true);
                Table table = new Table(name, name);
                rows += sheet.getLastRowNum() + 1;
                if (rows > Limits.MAX_ROWS) {
                    throw new BadInputException(file, 0, "the workbook has more than " + Excerpt.count(Limits.MAX_ROWS) + " rows" + LIMIT_DOC);
                }
                sink.start(table);
                legacyRows(sheet, file, table, sink);
                sink.end();
            }
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(file, file, "not a readable XLSX workbook: " + message(e), e);
        }
    }

    private static void legacyRows(Sheet sheet, String file, Table table, RowSink sink) throws BadInputException {
        Map<Integer, String[]> merged = new HashMap<>();
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            Row top = sheet.getRow(m.getFirstRow());
            Cell c = top == null ? null : top.getCell(m.getFirstColumn());
            if (c == null) continue;
            String v = legacyText(c, file, table);
            for (int r = m.getFirstRow() + 1; r <= m.getLastRow(); r++) {
                String[] fill = merged.computeIfAbsent(r + 1, k -> new String[Limits.MAX_COLUMNS]);
                for (int col = m.getFirstColumn(); col <= Math.min(m.getLastColumn(), Limits.MAX_COLUMNS - 1); col++) fill[col] = v;
            }
        }
        for (Row r : sheet) {
            int last = Math.min(Math.max(r.getLastCellNum(), 0), Limits.MAX_COLUMNS);
            String[] cells = new String[last];
            for (Cell c : r) {
                if (c.getColumnIndex() < last) cells[c.getColumnIndex()] = legacyText(c, file, table);
            }
            String[] fill = merged.get(r.getRowNum() + 1);
            if (fill != null) {
                int width = last;
                for (int i = 0; i < fill.length; i++) if (fill[i] != null) width = Math.max(width, i + 1);
                cells = Arrays.copyOf(cells, width);
                for (int i = 0; i < width; i++) if ((cells[i] == null || cells[i].isBlank()) && fill[i] != null) cells[i] = fill[i];
            }
            sink.row(new RawRow(r.getRowNum() + 1, cells, null));
        }
    }

    private static String legacyText(Cell c, String file, Table table) throws BadInputException {
        CellType t = c.getCellType();
        if (t == CellType.FORMULA) t = c.getCachedFormulaResultType();
        String s = switch (t) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> legacyNumber(c.getNumericCellValue());
            case BOOLEAN -> c.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> errorText(c.getErrorCellValue());
            default -> "";
        };
        if (s.length() > Limits.MAX_CELL_CHARS) {
            throw new BadInputException(file, table.where(file, c.getColumnIndex(), c.getRowIndex() + 1), "the cell holds "
                    + Excerpt.count(s.length()) + " characters, more than " + Excerpt.count(Limits.MAX_CELL_CHARS)
                    + " (Excel's own limit for a cell)", null);
        }
        return s;
    }

    private static String errorText(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }

    private static String legacyNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
