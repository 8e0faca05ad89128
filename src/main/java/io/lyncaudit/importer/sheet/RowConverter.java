package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.util.CellReference;

/** Turns one row of a rule table into a rule or a diagnostic, never throwing for a bad cell. */
final class RowConverter {

    /** Protocols whose packets carry ports; port columns restrict only these. */
    private static final IntervalSet PORTED = Protocols.TCP_UDP.union(IntervalSet.point(132));

    private final String file;
    private final RawTable table;
    private final Header header;

    RowConverter(String file, RawTable table, Header header) {
        this.file = file;
        this.table = table;
        this.header = header;
    }

    RowOutcome convert(RawRow row, int nextIndex) {
        if (row.isBlank()) return new RowOutcome.Blank();
        if (Header.of(0, row) != null) return skipped(row, Diagnostic.Category.IGNORED, "repeated header row");
        // a title or section row: one lone cell (wherever it sits), or nothing in the columns that make a rule
        boolean lone = row.firstNonBlank() == row.lastNonBlank();
        if (lone || blank(row, Column.SOURCE) && blank(row, Column.DESTINATION) && blank(row, Column.SERVICE)
                && blank(row, Column.PROTOCOL)) {
            return skipped(row, Diagnostic.Category.IGNORED, "not a rule row");
        }
        List<String> problems = new ArrayList<>();
        if (header.has(Column.ENABLED)) {
            Boolean on = read(row, Column.ENABLED, problems, () -> Cells.enabled(header.value(row, Column.ENABLED)));
            if (Boolean.FALSE.equals(on)) return skipped(row, Diagnostic.Category.IGNORED, "rule disabled");
        }
        Action action = header.has(Column.ACTION)
                ? read(row, Column.ACTION, problems, () -> Cells.action(header.value(row, Column.ACTION)))
                : Action.PERMIT; // a sheet without an action column lists what is allowed
        IntervalSet src = read(row, Column.SOURCE, problems, () -> Cells.addresses(header.value(row, Column.SOURCE), "source"));
        IntervalSet dst = read(row, Column.DESTINATION, problems,
                () -> Cells.addresses(header.value(row, Column.DESTINATION), "destination"));
        IntervalSet protocols = read(row, Column.PROTOCOL, problems, () -> Cells.protocols(header.value(row, Column.PROTOCOL)));
        IntervalSet sports = header.has(Column.SOURCE_PORT)
                ? read(row, Column.SOURCE_PORT, problems, () -> Cells.ports(header.value(row, Column.SOURCE_PORT)))
                : Ports.ALL;
        List<ServiceItem> services = read(row, Column.SERVICE, problems, () -> ServiceParser.parse(header.value(row, Column.SERVICE)));
        Set<String> from = header.has(Column.FROM_ZONE) ? Cells.zones(header.value(row, Column.FROM_ZONE)) : Set.of();
        Set<String> to = header.has(Column.TO_ZONE) ? Cells.zones(header.value(row, Column.TO_ZONE)) : Set.of();
        PacketSet match = null;
        if (problems.isEmpty()) {
            match = read(row, Column.SERVICE, problems, () -> match(services, protocols, src, dst, sports));
        }
        if (!problems.isEmpty()) {
            return skipped(row, Diagnostic.Category.UNRECOGNIZED, String.join("; ", problems));
        }
        String name = header.has(Column.NAME) ? header.value(row, Column.NAME) : "";
        return new RowOutcome.Used(new Rule(nextIndex, name.isEmpty() ? null : name, action, match, from, to, source(row)));
    }

    /** The union over the service items of their boxes; the protocol column narrows or supplies protocols. */
    private static PacketSet match(List<ServiceItem> services, IntervalSet column, IntervalSet src, IntervalSet dst,
                                   IntervalSet sports) {
        List<ServiceItem> items = services;
        if (items.isEmpty()) {
            if (column == null) throw new CellException("no service, port or protocol given (write 'any' for every service)");
            items = List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.ANY, "any"));
        }
        boolean columnNarrows = column != null && !column.equals(Protocols.ALL);
        List<PacketBox> boxes = new ArrayList<>();
        for (ServiceItem it : items) {
            IntervalSet p = switch (it.kind()) {
                case EXPLICIT -> columnNarrows ? it.protocols().intersect(column) : it.protocols();
                case NAMED -> columnNarrows ? column : it.protocols();
                case BARE -> columnNarrows ? column : Protocols.TCP_UDP;
                case ANY -> column != null ? column : Protocols.ALL;
            };
            if (p.isEmpty()) {
                throw new CellException("service '" + it.token() + "' does not match protocol " + Protocols.format(column));
            }
            boxes.addAll(boxes(p, src, dst, sports, it.ports(), it.token()));
        }
        return PacketSet.union(merge(boxes));
    }

    /** Ports restrict only protocols that have ports; the others keep full port sets (see PacketBox). */
    private static List<PacketBox> boxes(IntervalSet p, IntervalSet src, IntervalSet dst, IntervalSet sports, IntervalSet dports,
                                         String token) {
        if (sports.equals(Ports.ALL) && dports.equals(Ports.ALL)) {
            return List.of(new PacketBox(p, src, dst, Ports.ALL, Ports.ALL));
        }
        IntervalSet ported = p.intersect(PORTED);
        IntervalSet portless = p.subtract(PORTED);
        if (ported.isEmpty()) {
            throw new CellException("'" + token + "' gives ports, but " + Protocols.format(p) + " has no ports");
        }
        List<PacketBox> out = new ArrayList<>(2);
        out.add(new PacketBox(ported, src, dst, sports, dports));
        if (!portless.isEmpty()) out.add(new PacketBox(portless, src, dst, Ports.ALL, Ports.ALL));
        return out;
    }

    /** Joins boxes with the same protocols (e.g. "443/tcp, 5061/tcp") so a rule reads as one box where it can. */
    private static List<PacketBox> merge(List<PacketBox> boxes) {
        List<PacketBox> out = new ArrayList<>();
        for (PacketBox b : boxes) {
            int same = -1;
            for (int i = 0; i < out.size(); i++) {
                PacketBox o = out.get(i);
                if (o.protocols().equals(b.protocols()) && o.sourcePorts().equals(b.sourcePorts())) same = i;
            }
            if (same < 0) {
                out.add(b);
            } else {
                PacketBox o = out.get(same);
                out.set(same, new PacketBox(o.protocols(), o.sources(), o.destinations(), o.sourcePorts(),
                        o.destinationPorts().union(b.destinationPorts())));
            }
        }
        return out;
    }

    private <T> T read(RawRow row, Column c, List<String> problems, Supplier<T> reader) {
        String value = header.value(row, c);
        if (value.startsWith("=")) {
            // formula text (or a formula without a cached value): never evaluated, so there is no value to use
            problems.add(cellRef(row, header.index(c)) + ": '" + value + "' is a formula; formulas are not evaluated, enter the value");
            return null;
        }
        try {
            return reader.get();
        } catch (CellException | IllegalArgumentException e) {
            problems.add(cellRef(row, header.index(c)) + ": " + e.getMessage());
            return null;
        }
    }

    private boolean blank(RawRow row, Column c) {
        return !header.has(c) || header.value(row, c).isEmpty();
    }

    /** "Sheet1!C7" for XLSX, "C7" for CSV. */
    private String cellRef(RawRow row, int column) {
        String ref = CellReference.convertNumToColString(column) + row.number();
        return table.isCsv() ? ref : table.sheet() + "!" + ref;
    }

    private int firstColumn(RawRow row) {
        int f = row.firstNonBlank();
        return f < 0 ? header.firstColumn() : Math.min(f, header.firstColumn());
    }

    /** The row as a report shows it: the raw CSV line, or the cells from the table's left edge joined with " | ". */
    String text(RawRow row) {
        if (row.raw() != null) return row.raw();
        List<String> cells = new ArrayList<>();
        for (int c = firstColumn(row); c <= row.lastNonBlank(); c++) cells.add(row.cell(c));
        return String.join(" | ", cells);
    }

    SourceRef source(RawRow row) {
        if (table.isCsv()) return SourceRef.line(file, row.number(), text(row));
        String first = CellReference.convertNumToColString(firstColumn(row)) + row.number();
        return SourceRef.cell(file, table.sheet(), first, row.number(), text(row));
    }

    private RowOutcome skipped(RawRow row, Diagnostic.Category category, String message) {
        return new RowOutcome.Skipped(new Diagnostic(file, row.number(), category, text(row), message));
    }
}
