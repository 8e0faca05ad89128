package io.lyncaudit.report.xlsx;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes text cells that can never turn into formulas, whatever the text: config lines and names
 * come from untrusted input, and a line such as {@code =HYPERLINK("...")} must stay text in Excel
 * and in any CSV someone exports from the workbook.
 */
public final class SafeCells {
    /** Excel's limit on the characters of one cell. */
    public static final int MAX_TEXT = 32_767;
    /** Appended when text was cut at {@link #MAX_TEXT}. */
    static final String TRUNCATED = "\u2026";

    // OOXML readers (Excel, POI) decode _xHHHH_ in cell text as the character HHHH, and POI's writers
    // do not escape it, so "_x0041_" in a config line would come back as "A"
    private static final Pattern OOXML_ESCAPE = Pattern.compile("_(?=[xX][0-9A-Fa-f]{4}_)");

    private final Workbook workbook;
    private final Map<Short, CellStyle> quotedStyles = new HashMap<>();

    /** A helper bound to one workbook, whose quote-prefixed styles it creates once and reuses. */
    public SafeCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /**
     * True when a spreadsheet would read the text as a formula or DDE command: it starts with
     * {@code = + - @}, a tab or a carriage return (the OWASP CSV-injection list).
     */
    public static boolean needsQuote(String s) {
        if (s == null || s.isEmpty()) return false;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    /**
     * The text to store: a leading {@code '} when {@link #needsQuote} says so (it survives a CSV
     * export, where the cell style does not), cut to {@link #MAX_TEXT} characters.
     */
    public static String safeText(String s) {
        String t = needsQuote(s) ? "'" + s : s;
        if (t.length() <= MAX_TEXT) return t;
        int end = MAX_TEXT - TRUNCATED.length();
        // never leave half of a surrogate pair at the cut
        if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
        return t.substring(0, end) + TRUNCATED;
    }

    /**
     * Sets {@code cell} to {@code value} as a string cell with {@code style}, or, when the text
     * needed the quote, with a copy of {@code style} that is also quote-prefixed, so Excel shows it
     * as text and keeps it text when edited. A null value leaves the cell blank.
     */
    public void text(Cell cell, String value, CellStyle style) {
        if (value == null) {
            cell.setBlank();
            if (style != null) cell.setCellStyle(style);
            return;
        }
        // setCellValue(String) always makes a string cell; formulas only come from setCellFormula,
        // which this package never calls
        cell.setCellValue(ooxmlEscaped(safeText(value)));
        if (needsQuote(value)) cell.setCellStyle(quoted(style));
        else if (style != null) cell.setCellStyle(style);
    }

    /**
     * {@code text} with the underscore of every {@code _xHHHH_} written as {@code _x005F_}, so that
     * readers decode it back to the literal text instead of to character HHHH.
     */
    static String ooxmlEscaped(String text) {
        return text.indexOf('_') < 0 ? text : OOXML_ESCAPE.matcher(text).replaceAll("_x005F_");
    }

    /** The quote-prefixed twin of {@code base} (the workbook default style when null). */
    public CellStyle quoted(CellStyle base) {
        CellStyle b = base == null ? workbook.getCellStyleAt(0) : base;
        return quotedStyles.computeIfAbsent(b.getIndex(), i -> {
            CellStyle q = workbook.createCellStyle();
            q.cloneStyleFrom(b);
            q.setQuotePrefixed(true);
            return q;
        });
    }
}
