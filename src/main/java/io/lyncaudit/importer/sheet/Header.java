package io.lyncaudit.importer.sheet;

import java.util.Map;

/**
 * The header row of a firewall-rule table: which column plays which role ({@link Column}).
 *
 * @param row         the header row as read
 * @param columns     the column index of each role the header names
 * @param firstColumn index of the header's first non-blank cell (the table's left edge)
 */
record Header(RawRow row, Map<Column, Integer> columns, int firstColumn) {

    /** How many rows from the top may hold the header (title rows and notes may come first). */
    static final int SEARCH_ROWS = 20;

    Header {
        columns = Map.copyOf(columns);
    }

    /**
     * The header {@code r} is, or null when it does not name a source, a destination and a service
     * or port column.
     *
     * @param sheet the sheet, for cell references in messages (null for CSV)
     * @throws HeaderRoles.Ambiguous when it does, but names a role twice or a port range by one end
     */
    static Header of(RawRow r, String sheet) throws HeaderRoles.Ambiguous {
        HeaderRoles<Column> roles = HeaderRoles.of(r, Column.class, Column::strong, Column::weak);
        boolean ports = roles.has(Column.SERVICE) || roles.has(Column.PORT_FROM) || roles.has(Column.PORT_TO);
        if (!roles.has(Column.SOURCE) || !roles.has(Column.DESTINATION) || !ports) return null;
        Map<Column, Integer> cols = roles.settle(Column.class, Column::informational, Column::meaning, sheet);
        Integer from = cols.get(Column.PORT_FROM), to = cols.get(Column.PORT_TO), service = cols.get(Column.SERVICE);
        if ((from == null) != (to == null)) {
            int one = from != null ? from : to;
            throw new HeaderRoles.Ambiguous(roles.name(one, sheet) + " names one end of a port range and no column names the other "
                    + "(a 'From Port' column needs its 'To Port', as AWS-style listings write them); rename it if it means something else");
        }
        if (service != null && from != null) {
            throw new HeaderRoles.Ambiguous(roles.name(service, sheet) + " and " + roles.name(from, sheet) + " and " + roles.name(to, sheet)
                    + " could all be the destination ports; rename the columns that mean something else");
        }
        if (cols.containsKey(Column.ENABLED) && cols.containsKey(Column.DISABLED)) {
            throw new HeaderRoles.Ambiguous(roles.name(cols.get(Column.ENABLED), sheet) + " and " + roles.name(cols.get(Column.DISABLED), sheet)
                    + " could both say whether the rule is on; rename the column that means something else");
        }
        return new Header(r, cols, r.firstNonBlank());
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
