package io.lyncaudit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a width: each column is as wide as its longest cell, and while the
 * table is too wide the column that is widest relative to its weight gives up one character, down
 * to its minimum.
 */
final class TextTable {
    static final String GAP = "  ";

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final int[] minWidths;
    private final int[] weights;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headers      column titles
     * @param rightAligned per column, true for numbers
     * @param minWidths    per column, the narrowest it may get when the table must shrink
     * @param weights      per column, how much room it keeps relative to the others when shrinking
     *                     (a column of weight 4 ends up about twice as wide as one of weight 2)
     */
    TextTable(List<String> headers, boolean[] rightAligned, int[] minWidths, int[] weights) {
        this.headers = List.copyOf(headers);
        this.rightAligned = rightAligned.clone();
        this.minWidths = minWidths.clone();
        this.weights = weights.clone();
    }

    /** Adds a row; cells are cleaned of control characters here, once. */
    void add(String... cells) {
        String[] clean = new String[cells.length];
        for (int i = 0; i < cells.length; i++) clean[i] = ConsoleText.clean(cells[i]);
        rows.add(clean);
    }

    /** Column widths so that indent plus the columns plus the gaps fit {@code width}, when the minimums allow. */
    int[] layout(int width, int indent) {
        int n = headers.size();
        int[] w = new int[n];
        for (int c = 0; c < n; c++) {
            w[c] = ConsoleText.width(headers.get(c));
            for (String[] r : rows) w[c] = Math.max(w[c], ConsoleText.width(r[c]));
        }
        int available = width - indent - GAP.length() * (n - 1);
        int total = 0;
        for (int x : w) total += x;
        while (total > available) {
            int widest = -1;
            for (int c = 0; c < n; c++) {
                // compare w[c]/weights[c] without division: strictly greater keeps the leftmost on ties
                if (w[c] > minWidths[c] && (widest < 0 || w[c] * weights[widest] > w[widest] * weights[c])) widest = c;
            }
            if (widest < 0) break;
            w[widest]--;
            total--;
        }
        return w;
    }

    String headerLine(int[] widths) {
        return line(headers.toArray(String[]::new), widths);
    }

    List<String[]> rows() {
        return rows;
    }

    /** The cells padded to their widths and joined; trailing spaces removed. */
    String line(String[] cells, int[] widths) {
        return join(padded(cells, widths));
    }

    String[] padded(String[] cells, int[] widths) {
        String[] out = new String[cells.length];
        for (int c = 0; c < cells.length; c++) out[c] = ConsoleText.pad(cells[c], widths[c], rightAligned[c]);
        return out;
    }

    static String join(String[] padded) {
        return String.join(GAP, padded).stripTrailing();
    }
}
