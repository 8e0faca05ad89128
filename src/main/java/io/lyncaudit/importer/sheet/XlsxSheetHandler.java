package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads one worksheet's XML (sheetN.xml) with SAX, in one of two passes over the same part: the
 * scan finds the merged regions (which the XML lists after the rows) and the last row, the read
 * streams each row to a {@link RowSink} with the merged values filled in. Nothing but the current
 * row is held, and every cell and row is checked against the {@link Limits} as it goes.
 *
 * <p>Values are the file's own: a shared or inline string, a number as written (443, not 443.0,
 * and no number format applied), TRUE/FALSE, and for a formula cell its saved value. A formula
 * saved without its value, or whose value is an error (#N/A), is unreadable: the row keeps the
 * formula or error as its text and says why. A text cell that starts with '=' is text.
 */
final class XlsxSheetHandler extends DefaultHandler {

    /** Stops the parse with bad input; the reader unwraps it. */
    static final class Stop extends SAXException {
        private static final long serialVersionUID = 1L;
        final transient BadInputException reason;

        Stop(BadInputException reason) {
            super(reason.getMessage());
            this.reason = reason;
        }
    }

    /** A merged region: its value, once its top row is read, fills the blank cells it covers. */
    private static final class Merge {
        final int firstRow, lastRow, firstCol, lastCol;
        String value;
        String unreadable;

        Merge(int firstRow, int lastRow, int firstCol, int lastCol) {
            this.firstRow = firstRow;
            this.lastRow = lastRow;
            this.firstCol = firstCol;
            this.lastCol = lastCol;
        }
    }

    private static final int MAX_FORMULA_CHARS = 1000;

    private final boolean scan;
    private final String file;
    private final Table table;
    private final XlsxSharedStrings strings;
    private final RowSink sink;
    /** Rows of the file before this sheet, for the row limit. */
    private final long rowsBefore;

    // scan results
    private final List<Merge> merges = new ArrayList<>();
    private int lastRow;

    // read state
    private Iterator<Merge> pending;
    private Merge next;
    private final List<Merge> active = new ArrayList<>();
    private int rowNumber, column, cellsInRow, width;
    private String[] cells = new String[16];
    private Map<Integer, String> unreadable;
    private String type;
    private boolean inValue, inFormula, inInline, hasFormula, hasValue;
    private int phonetic;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private long valueLength;

    private XlsxSheetHandler(boolean scan, String file, Table table, XlsxSharedStrings strings, RowSink sink, long rowsBefore,
                             List<Merge> merges) {
        this.scan = scan;
        this.file = file;
        this.table = table;
        this.strings = strings;
        this.sink = sink;
        this.rowsBefore = rowsBefore;
        if (merges != null) {
            List<Merge> sorted = new ArrayList<>(merges);
            sorted.sort(Comparator.comparingInt(m -> m.firstRow));
            pending = sorted.iterator();
            next = pending.hasNext() ? pending.next() : null;
        }
    }

    /**
     * The first pass, for XML that {@link XlsxMergeScan} cannot scan (UTF-16): the merged regions
     * and the last row; refuses a sheet beyond the row or merge limits.
     */
    static XlsxSheetHandler scanner(String file, Table table, long rowsBefore) {
        return new XlsxSheetHandler(true, file, table, null, null, rowsBefore, null);
    }

    /** The first pass's result from the refs {@link XlsxMergeScan} found; refuses more than the merge limit. */
    static XlsxSheetHandler scanned(String file, Table table, long rowsBefore, List<String> mergeRefs) throws BadInputException {
        XlsxSheetHandler h = scanner(file, table, rowsBefore);
        try {
            for (String ref : mergeRefs) h.merge(ref);
        } catch (Stop e) {
            throw e.reason;
        } catch (SAXException e) {
            throw new BadInputException(file, file + " [" + table.sheet() + "]", "a merged region cannot be read: " + e.getMessage(), null);
        }
        return h;
    }

    /** The second pass: every row to {@code sink}, merged values filled in from what {@code scanned} found. */
    static XlsxSheetHandler reader(String file, Table table, XlsxSharedStrings strings, RowSink sink, XlsxSheetHandler scanned) {
        return new XlsxSheetHandler(false, file, table, strings, sink, scanned.rowsBefore, scanned.merges);
    }

    /** The last row number the sheet's XML names (after the pass). */
    int lastRow() {
        return lastRow;
    }

    static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) return localName;
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        String name = local(localName, qName);
        switch (name) {
            case "row" -> startRow(atts.getValue("r"));
            case "c" -> {
                if (!scan) startCell(atts.getValue("r"), atts.getValue("t"));
            }
            case "v" -> inValue = !scan;
            case "f" -> {
                inFormula = !scan;
                hasFormula = true;
            }
            case "is" -> inInline = !scan;
            case "rPh" -> phonetic++;
            case "mergeCell" -> {
                if (scan) merge(atts.getValue("ref"));
            }
            default -> { }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (local(localName, qName)) {
            case "row" -> {
                if (!scan) endRow();
            }
            case "c" -> {
                if (!scan) endCell();
            }
            case "v" -> inValue = false;
            case "f" -> inFormula = false;
            case "is" -> inInline = false;
            case "rPh" -> phonetic--;
            default -> { }
        }
    }

    @Override
    public void characters(char[] ch, int start, int len) throws SAXException {
        if (scan || column >= Limits.MAX_COLUMNS) return;
        if (inFormula) {
            formula.append(ch, start, Math.max(0, Math.min(len, MAX_FORMULA_CHARS - formula.length())));
            return;
        }
        if (!inValue && !(inInline && phonetic == 0)) return;
        if (inValue) hasValue = true;
        valueLength += len;
        if (valueLength > Limits.MAX_CELL_CHARS) {
            throw stop(table.where(file, column, rowNumber), "the cell holds more than " + Excerpt.count(Limits.MAX_CELL_CHARS)
                    + " characters (Excel's own limit for a cell), starting " + Excerpt.quote(value + new String(ch, start, Math.min(len, 100))));
        }
        value.append(ch, start, len);
    }

    /** The refusal of a workbook whose rows, up to row {@code n} of this sheet, pass the row limit. */
    static BadInputException tooManyRows(String file, Table table, int n) {
        return new BadInputException(file, table.where(file, 0, n), "the workbook has more than " + Excerpt.count(Limits.MAX_ROWS)
                + " rows, the most a spreadsheet import reads (docs/importer-spreadsheet.md); split it, or remove the sheets that hold no rules", null);
    }

    private Stop stop(String where, String message) {
        return new Stop(new BadInputException(file, where, message, null));
    }

    private void startRow(String r) throws SAXException {
        int n = r == null ? rowNumber + 1 : parseInt(r);
        if (n <= rowNumber || n > 1_048_576 * 16) {
            throw stop(table.where(file, 0, Math.max(1, rowNumber)), "row numbers are out of order or out of range after row " + rowNumber
                    + "; the sheet's XML is damaged");
        }
        rowNumber = n;
        if (rowsBefore + n > Limits.MAX_ROWS) throw new Stop(tooManyRows(file, table, n));
        lastRow = n;
        column = -1;
        cellsInRow = 0;
        width = 0;
        unreadable = null;
    }

    private void startCell(String ref, String t) throws SAXException {
        if (++cellsInRow > Limits.MAX_CELLS_PER_ROW) {
            throw stop(table.where(file, 0, rowNumber), "the row has more cells than a sheet has columns; the sheet's XML is damaged");
        }
        column = ref == null ? column + 1 : columnOf(ref);
        type = t;
        value.setLength(0);
        formula.setLength(0);
        valueLength = 0;
        hasFormula = false;
        hasValue = false;
    }

    private void endCell() throws SAXException {
        if (column >= Limits.MAX_COLUMNS || column < 0) return;
        String text;
        String why = null;
        String v = value.toString();
        if (hasFormula && !hasValue) {
            text = "=" + formula;
            why = "a formula saved without its value (" + Excerpt.quote(text) + "): formulas are not evaluated; open and save the "
                    + "workbook in Excel, which stores the value, or enter the value";
        } else if ("s".equals(type)) {
            int i = v.isEmpty() ? -1 : parseIntOrMinus(v.strip());
            if (i < 0 || i >= strings.size()) {
                text = "";
                why = "the cell refers to shared string " + Excerpt.quote(v) + ", which the workbook does not have";
            } else {
                int tooLong = strings.tooLong(i);
                if (tooLong >= 0) {
                    throw stop(table.where(file, column, rowNumber), "the cell holds " + Excerpt.count(tooLong) + " characters, more than "
                            + Excerpt.count(Limits.MAX_CELL_CHARS) + " (Excel's own limit for a cell), starting " + Excerpt.quote(strings.get(i)));
                }
                text = strings.get(i);
            }
        } else if ("b".equals(type)) {
            text = "1".equals(v.strip()) ? "TRUE" : "FALSE";
        } else if ("e".equals(type)) {
            text = v;
            why = (hasFormula ? "the formula's saved value is the error " : "the cell holds the error ") + Excerpt.quote(v);
        } else if ("inlineStr".equals(type) || "str".equals(type) || "d".equals(type)) {
            text = v;
        } else {
            text = number(v.strip());
        }
        if (text.isEmpty() && why == null) return;
        if (column >= cells.length) cells = Arrays.copyOf(cells, Math.min(Limits.MAX_COLUMNS, Math.max(column + 1, cells.length * 2)));
        cells[column] = text;
        width = Math.max(width, column + 1);
        if (why != null) {
            if (unreadable == null) unreadable = new HashMap<>();
            unreadable.put(column, why);
        }
    }

    private void endRow() throws SAXException {
        String[] row = Arrays.copyOf(cells, width);
        Arrays.fill(cells, 0, width, null);
        row = fillMerged(row);
        try {
            sink.row(new RawRow(rowNumber, rowNumber, row, null, unreadable));
        } catch (BadInputException e) {
            throw new Stop(e);
        }
    }

    /** Merged regions hold their value in the top-left cell; each row they cover means that value. */
    private String[] fillMerged(String[] row) {
        if (next == null && active.isEmpty()) return row;
        active.removeIf(m -> m.lastRow < rowNumber);
        while (next != null && next.firstRow <= rowNumber) {
            if (next.lastRow >= rowNumber) {
                if (next.firstRow == rowNumber && next.firstCol < row.length) {
                    next.value = row[next.firstCol];
                    next.unreadable = unreadable == null ? null : unreadable.get(next.firstCol);
                }
                active.add(next);
            }
            next = pending.hasNext() ? pending.next() : null;
        }
        for (Merge m : active) {
            if (m.firstRow == rowNumber || m.value == null && m.unreadable == null) continue;
            int end = Math.min(m.lastCol + 1, Limits.MAX_COLUMNS);
            if (row.length < end) row = Arrays.copyOf(row, end);
            for (int c = m.firstCol; c < end; c++) {
                if (row[c] != null && !row[c].isEmpty()) continue;
                row[c] = m.value;
                if (m.unreadable != null) {
                    if (unreadable == null) unreadable = new HashMap<>();
                    unreadable.put(c, m.unreadable);
                }
            }
        }
        return row;
    }

    private void merge(String ref) throws SAXException {
        if (ref == null) return;
        int colon = ref.indexOf(':');
        String a = colon < 0 ? ref : ref.substring(0, colon), b = colon < 0 ? ref : ref.substring(colon + 1);
        int r1 = rowOf(a), r2 = rowOf(b), c1 = columnOf(a), c2 = columnOf(b);
        if (r1 <= 0 || r2 < r1 || c2 < c1) return; // a damaged region merges nothing
        if (merges.size() >= Limits.MAX_MERGED_REGIONS) {
            throw stop(table.where(file, 0, 1), "the sheet has more than " + Excerpt.count(Limits.MAX_MERGED_REGIONS)
                    + " merged cell regions, the most a spreadsheet import reads (docs/importer-spreadsheet.md)");
        }
        merges.add(new Merge(r1, r2, c1, c2));
    }

    /** "B5" is column 1; letters beyond XFD are refused. */
    private int columnOf(String ref) throws SAXException {
        int c = 0, i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (++i > 3) break;
        }
        if (i == 0 || i > 3 || c > Limits.MAX_CELLS_PER_ROW) {
            throw stop(table.where(file, 0, Math.max(1, rowNumber)), "cell reference " + Excerpt.quote(ref) + " is not one; the sheet's XML is damaged");
        }
        return c - 1;
    }

    private static int rowOf(String ref) {
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) i++;
        return parseIntOrMinus(ref.substring(i));
    }

    private int parseInt(String s) throws SAXException {
        int n = parseIntOrMinus(s.strip());
        if (n <= 0) throw stop(table.where(file, 0, Math.max(1, rowNumber)), "row number " + Excerpt.quote(s) + " is not one; the sheet's XML is damaged");
        return n;
    }

    private static int parseIntOrMinus(String s) {
        if (s.isEmpty() || s.length() > 9) return -1;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** 443 stays "443", 443.0 and 4.43E2 become "443": number formats are not applied to ports. */
    static String number(String v) {
        if (v.isEmpty()) return v;
        boolean digits = true;
        for (int i = 0; i < v.length() && digits; i++) digits = Character.isDigit(v.charAt(i));
        if (digits) return v;
        try {
            double d = Double.parseDouble(v);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
