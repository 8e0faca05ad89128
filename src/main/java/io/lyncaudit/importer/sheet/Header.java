package io.lyncaudit.importer.sheet;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The header row of a rule table: which column index plays which role.
 *
 * @param row         position of the header row in its table's row list
 * @param firstColumn index of the header's first non-blank cell (the table's left edge)
 */
record Header(int row, Map<Column, Integer> columns, int firstColumn) {

    /** How many rows from the top may hold the header (title rows and notes may come first). */
    static final int SEARCH_ROWS = 20;

    Header {
        columns = Map.copyOf(columns);
    }

    /** The first header among the rows numbered 1 to {@link #SEARCH_ROWS}, or null. */
    static Header find(List<RawRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            RawRow r = rows.get(i);
            if (r.number() > SEARCH_ROWS) break;
            Header h = of(i, r);
            if (h != null) return h;
        }
        return null;
    }

    /** The header a row would be, or null when it lacks a source, destination or service column. */
    static Header of(int index, RawRow r) {
        Map<Column, Integer> cols = new EnumMap<>(Column.class);
        for (int c = 0; c < r.cells().size(); c++) {
            Column role = Column.of(r.cells().get(c));
            // the first column of a role wins; a second "Port" column is left unused rather than guessed
            if (role != null) cols.putIfAbsent(role, c);
        }
        if (!cols.containsKey(Column.SOURCE) || !cols.containsKey(Column.DESTINATION) || !cols.containsKey(Column.SERVICE)) {
            return null;
        }
        return new Header(index, cols, r.firstNonBlank());
    }

    boolean has(Column c) {
        return columns.containsKey(c);
    }

    int index(Column c) {
        return columns.getOrDefault(c, -1);
    }

    String value(RawRow r, Column c) {
        return r.cell(index(c));
    }
}
