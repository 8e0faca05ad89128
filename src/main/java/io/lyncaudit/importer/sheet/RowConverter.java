package io.lyncaudit.importer.sheet;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one row of a rule table into a rule, a stand-in, or the reason it is neither, never
 * throwing for a bad cell.
 *
 * <p>Each cell is read into what it surely names and whether it also names something the sheet does
 * not define (an object or host name, a service object, an ICMP type, a formula saved without its
 * value, a status word that is neither on nor off). A row with such a cell becomes an uncertain rule
 * matching the sure part (the product of the sure parts of its cells) and possibly the wide part
 * (each unknown widened to everything it could be). A value malformed as written (port 70000, a
 * /33, "53,123", an action that is not one, a service that contradicts the protocol column) makes
 * the row invalid instead: no firewall holds such a value, so the sheet must be fixed.
 */
final class RowConverter {

    /** Protocols whose packets carry ports; port columns restrict only these. */
    private static final IntervalSet PORTED = Protocols.PORTED;
    /** An IPv4 or IPv6 literal as written, valid or not (a name has other letters). */
    private static final Pattern LITERAL = Pattern.compile("[0-9./-]*[0-9][0-9./-]*|[0-9a-fA-F:./-]*:[0-9a-fA-F:./-]*");
    private static final int CACHE = 4096;

    private final String file;
    private final Table table;
    private final Header header;
    private final Action rowAction;
    /** Address cells repeat ("any", the Edge's address): reading each text once saves time and shares the sets. */
    private final Map<String, Part<IntervalSet>> addressCache = new HashMap<>();

    /**
     * @param rowAction what every row means when the header has no action column; null when it has one
     */
    RowConverter(String file, Table table, Header header, Action rowAction) {
        this.file = file;
        this.table = table;
        this.header = header;
        this.rowAction = rowAction;
    }

    /** A cell's reading: what it surely names, and whether it may name more (then everything of its kind). */
    private record Part<T>(T known, boolean unknown) {}

    /** The problems of one row, by kind, each prefixed with its cell reference. */
    private final class Problems {
        final List<String> errors = new ArrayList<>(1);
        final List<String> unknowns = new ArrayList<>(1);
        String firstWhere, firstWhy;
        final RawRow row;

        Problems(RawRow row) {
            this.row = row;
        }

        void error(int column, String why) {
            if (firstWhere == null) {
                firstWhere = table.where(file, column, row.number());
                firstWhy = table.isCsv() ? "cell " + table.ref(column, row.number()) + ": " + why : why;
            }
            errors.add(table.ref(column, row.number()) + ": " + why);
        }

        void unknown(int column, String why) {
            unknowns.add(table.ref(column, row.number()) + ": " + why);
        }
    }

    RowOutcome convert(RawRow row, int nextIndex) {
        if (repeatsHeader(row)) return new RowOutcome.Ignored(rowMessage(row, header.firstColumn(), "repeated header row"));
        // a title or section row: one lone cell (wherever it sits), or nothing in the columns that make a rule
        boolean lone = row.firstNonBlank() == row.lastNonBlank();
        if (lone || blank(row, Column.SOURCE) && blank(row, Column.DESTINATION) && blank(row, Column.SERVICE)
                && blank(row, Column.PROTOCOL) && blank(row, Column.PORT_FROM) && blank(row, Column.PORT_TO)) {
            return new RowOutcome.Ignored(rowMessage(row, Math.max(0, row.firstNonBlank()), "not a rule row"));
        }
        Problems p = new Problems(row);
        Boolean on = enabled(row, p);
        if (Boolean.FALSE.equals(on)) {
            Column c = header.has(Column.ENABLED) ? Column.ENABLED : Column.DISABLED;
            return new RowOutcome.Ignored(rowMessage(row, header.index(c), "rule disabled"));
        }
        Action action = action(row, p);
        Part<IntervalSet> src = addresses(row, Column.SOURCE, "the source", p);
        Part<IntervalSet> dst = addresses(row, Column.DESTINATION, "the destination", p);
        Part<IntervalSet> protocols = protocols(row, p);
        Part<IntervalSet> sports = sourcePorts(row, p);
        List<ServiceItem> services = services(row, p);
        Set<String> from = header.has(Column.FROM_ZONE) ? Cells.zones(header.value(row, Column.FROM_ZONE)) : Set.of();
        Set<String> to = header.has(Column.TO_ZONE) ? Cells.zones(header.value(row, Column.TO_ZONE)) : Set.of();

        PacketSet sure = PacketSet.EMPTY, wide = PacketSet.EMPTY;
        if (p.errors.isEmpty() && services != null) {
            int serviceColumn = serviceColumn();
            try {
                // read even when the rule may be off, so a contradiction in it is still reported
                PacketSet exact = protocols.unknown() ? PacketSet.EMPTY
                        : match(services, protocols.known(), false, src.known(), dst.known(), sports.known(), false);
                sure = on == null ? PacketSet.EMPTY : exact;
            } catch (CellException e) {
                p.error(serviceColumn, e.getMessage());
            }
            if (p.errors.isEmpty() && !p.unknowns.isEmpty()) {
                wide = match(services, protocols.known(), protocols.unknown(), src.unknown() ? Addresses.ALL : src.known(),
                        dst.unknown() ? Addresses.ALL : dst.known(), sports.unknown() ? Ports.ALL : sports.known(), true).union(sure);
            }
        }
        if (!p.errors.isEmpty()) {
            List<String> all = new ArrayList<>(p.errors);
            all.addAll(p.unknowns);
            return new RowOutcome.Invalid(String.join("; ", all), p.firstWhere, p.firstWhy);
        }
        Rule rule = new Rule(nextIndex, name(row), action, sure, from, to, source(row));
        if (p.unknowns.isEmpty()) return new RowOutcome.Used(rule);
        String why = String.join("; ", p.unknowns);
        String reading = sure.isEmpty()
                ? "the row stays in its place as an uncertain rule: it surely matches nothing, and may match whatever the unknown values could be"
                : "the row stays in its place as an uncertain rule: it surely matches what its readable values give, and may match more";
        return new RowOutcome.StandIn(rule.withUncertainty(why, wide), why + "; " + reading);
    }

    /** A repeated header: quick to rule out, since its source cell must read like the header's. */
    private boolean repeatsHeader(RawRow row) {
        String s = header.value(row, Column.SOURCE);
        if (!Column.normalize(s).equals(Column.normalize(header.value(header.row(), Column.SOURCE)))) return false;
        return SpreadsheetImporter.isHeader(row);
    }

    /** True, false, or null when the enabled cell says neither. */
    private Boolean enabled(RawRow row, Problems p) {
        Column c = header.has(Column.ENABLED) ? Column.ENABLED : header.has(Column.DISABLED) ? Column.DISABLED : null;
        if (c == null) return true;
        int col = header.index(c);
        String why = row.unreadable(col);
        if (why != null) {
            p.unknown(col, why + "; the rule may or may not be on");
            return null;
        }
        try {
            return Cells.enabled(row.cell(col), c == Column.DISABLED);
        } catch (CellException e) {
            p.unknown(col, e.getMessage() + "; the rule may or may not be on");
            return null;
        }
    }

    private Action action(RawRow row, Problems p) {
        if (!header.has(Column.ACTION)) return rowAction;
        int col = header.index(Column.ACTION);
        String why = row.unreadable(col);
        if (why != null) {
            p.error(col, why + "; the action is what the row means, so it must be given");
            return null;
        }
        try {
            return Cells.action(row.cell(col));
        } catch (CellException e) {
            p.error(col, e.getMessage());
            return null;
        }
    }

    private Part<IntervalSet> addresses(RawRow row, Column c, String what, Problems p) {
        int col = header.index(c);
        String why = row.unreadable(col);
        if (why != null) {
            p.unknown(col, why);
            return new Part<>(IntervalSet.EMPTY, true);
        }
        String cell = row.cell(col);
        if (Cells.blank(cell)) {
            p.unknown(col, what + " is empty (write 'any' for every address)");
            return new Part<>(IntervalSet.EMPTY, true);
        }
        Part<IntervalSet> cached = addressCache.get(cell);
        if (cached != null && !cached.unknown()) return cached;
        IntervalSet s = IntervalSet.EMPTY;
        boolean unknown = false;
        for (String t : CellText.listTokens(cell)) {
            try {
                s = s.union(Addresses.parse(t));
            } catch (IllegalArgumentException e) {
                if (LITERAL.matcher(beforeControl(t)).matches()) { // an address with escapes after it is no name
                    String m = e.getMessage();
                    int k = m.indexOf(" is not a valid address");
                    p.error(col, k >= 0 ? Excerpt.quote(t) + Excerpt.message(m.substring(k)) : Excerpt.message(m));
                } else {
                    unknown = true;
                    p.unknown(col, Excerpt.quote(t) + " is a name, not an address (an object or host the sheet does not define)");
                }
            }
        }
        Part<IntervalSet> part = new Part<>(s, unknown);
        if (!unknown && addressCache.size() < CACHE) addressCache.put(cell, part);
        return part;
    }

    /** The token up to its first control character (an escape sequence a cell should never hold). */
    private static String beforeControl(String t) {
        for (int i = 0; i < t.length(); i++) if (Character.isISOControl(t.charAt(i))) return t.substring(0, i);
        return t;
    }

    /** The protocol column: null when absent or blank. */
    private Part<IntervalSet> protocols(RawRow row, Problems p) {
        if (!header.has(Column.PROTOCOL)) return new Part<>(null, false);
        int col = header.index(Column.PROTOCOL);
        String why = row.unreadable(col);
        if (why != null) {
            p.unknown(col, why);
            return new Part<>(null, true);
        }
        String cell = row.cell(col);
        if (Cells.blank(cell)) return new Part<>(null, false);
        IntervalSet s = IntervalSet.EMPTY;
        boolean unknown = false;
        for (String t : CellText.protocolTokens(cell)) {
            if (ServiceParser.isAny(t)) {
                s = s.union(Protocols.ALL);
                continue;
            }
            int n = Protocols.number(t);
            if (n >= 0) {
                s = s.union(IntervalSet.point(n));
            } else if (t.chars().allMatch(Character::isDigit)) {
                p.error(col, "protocol number " + Excerpt.quote(t) + " is outside 0-255");
            } else {
                unknown = true;
                p.unknown(col, "unknown protocol " + Excerpt.quote(t));
            }
        }
        return new Part<>(unknown ? null : s, unknown);
    }

    private Part<IntervalSet> sourcePorts(RawRow row, Problems p) {
        if (!header.has(Column.SOURCE_PORT)) return new Part<>(Ports.ALL, false);
        int col = header.index(Column.SOURCE_PORT);
        String why = row.unreadable(col);
        if (why != null) {
            p.unknown(col, why);
            return new Part<>(IntervalSet.EMPTY, true);
        }
        String cell = row.cell(col);
        if (Cells.blank(cell)) return new Part<>(Ports.ALL, false);
        IntervalSet s = IntervalSet.EMPTY;
        boolean unknown = false;
        try {
            for (String t : CellText.serviceTokens(cell)) {
                String lower = t.toLowerCase(Locale.ROOT);
                if (ServiceParser.isAny(lower)) {
                    s = Ports.ALL;
                } else if (Character.isDigit(lower.charAt(0))) {
                    s = s.union(ServiceParser.ports(t));
                } else {
                    unknown = true;
                    p.unknown(col, "source port " + Excerpt.quote(t) + " is not a port or range");
                }
            }
        } catch (CellException | IllegalArgumentException e) {
            p.error(col, Excerpt.message(e.getMessage()));
        }
        return new Part<>(s, unknown);
    }

    /** The service items of the row, or null when a value is malformed (already reported). */
    private List<ServiceItem> services(RawRow row, Problems p) {
        if (header.has(Column.PORT_FROM)) return portPair(row, p);
        int col = header.index(Column.SERVICE);
        String why = row.unreadable(col);
        if (why != null) {
            p.unknown(col, why);
            return List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.UNKNOWN, "", why));
        }
        String cell = row.cell(col);
        List<ServiceItem> items;
        if (Cells.blank(cell)) {
            items = List.of();
        } else {
            try {
                items = ServiceParser.parse(cell);
            } catch (CellException | IllegalArgumentException e) {
                p.error(col, Excerpt.message(e.getMessage()));
                return null;
            }
        }
        if (items.isEmpty() && protocolBlank(row)) {
            p.unknown(col, "no service, port or protocol given (write 'any' for every service)");
            return List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.UNKNOWN, "", "no service"));
        }
        for (ServiceItem it : items) {
            if (it.kind() == ServiceItem.Kind.UNKNOWN) p.unknown(col, it.why());
        }
        return items;
    }

    /** "From Port" and "To Port" (AWS style): one range; blank both means every port, -1 any. */
    private List<ServiceItem> portPair(RawRow row, Problems p) {
        int fc = header.index(Column.PORT_FROM), tc = header.index(Column.PORT_TO);
        String fw = row.unreadable(fc), tw = row.unreadable(tc);
        if (fw != null || tw != null) {
            p.unknown(fw != null ? fc : tc, fw != null ? fw : tw);
            return List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.UNKNOWN, "", "unreadable"));
        }
        String f = row.cell(fc), t = row.cell(tc);
        boolean fb = Cells.blank(f), tb = Cells.blank(t);
        if (fb && tb) {
            if (protocolBlank(row)) {
                p.unknown(fc, "no port or protocol given (write 'any' for every service)");
                return List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.UNKNOWN, "", "no service"));
            }
            return List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.ANY, "any"));
        }
        try {
            IntervalSet lo = fb ? null : end(f), hi = tb ? null : end(t);
            if (lo == null || hi == null || lo.equals(Ports.ALL) || hi.equals(Ports.ALL)) {
                IntervalSet one = lo == null ? hi : hi == null ? lo : lo.equals(Ports.ALL) ? lo : hi;
                return List.of(new ServiceItem(null, one, ServiceItem.Kind.BARE, fb ? t : f));
            }
            return List.of(new ServiceItem(null, Ports.parseRange(lo.startLong(0) + "-" + hi.startLong(0)), ServiceItem.Kind.BARE, f + "-" + t));
        } catch (CellException | IllegalArgumentException e) {
            p.error(fc, Excerpt.message(e.getMessage()));
            return null;
        }
    }

    /** One end of a From/To port pair: a single port, or every port for "any" and -1. */
    private static IntervalSet end(String cell) {
        String t = cell.strip().toLowerCase(Locale.ROOT);
        if (ServiceParser.isAny(t)) return Ports.ALL;
        IntervalSet s = ServiceParser.ports(t);
        if (s.intervalCount() != 1 || s.startLong(0) != s.endLong(0)) {
            throw new CellException(Excerpt.quote(cell) + " is not one port (a From Port/To Port column holds one end of the range)");
        }
        return s;
    }

    private boolean protocolBlank(RawRow row) {
        return !header.has(Column.PROTOCOL) || Cells.blank(header.value(row, Column.PROTOCOL));
    }

    private int serviceColumn() {
        return header.has(Column.PORT_FROM) ? header.index(Column.PORT_FROM) : header.index(Column.SERVICE);
    }

    /**
     * The union over the service items of their boxes; the protocol column narrows or supplies
     * protocols. {@code wide}: the reading of what the row may match, where unknown items count with
     * their bounds and a contradiction is not checked; otherwise unknown items are left out.
     * {@code protocolUnknown}: the protocol column names a protocol we do not know, so it may be any.
     */
    private static PacketSet match(List<ServiceItem> services, IntervalSet column, boolean protocolUnknown, IntervalSet src, IntervalSet dst,
                                   IntervalSet sports, boolean wide) {
        if (src.isEmpty() || dst.isEmpty() || sports.isEmpty()) return PacketSet.EMPTY;
        List<ServiceItem> items = services;
        if (items.isEmpty()) items = List.of(new ServiceItem(null, Ports.ALL, ServiceItem.Kind.ANY, "any"));
        boolean columnNarrows = column != null && !column.equals(Protocols.ALL);
        List<PacketBox> boxes = new ArrayList<>();
        for (ServiceItem it : items) {
            IntervalSet proto = switch (it.kind()) {
                case EXPLICIT -> columnNarrows ? it.protocols().intersect(column) : it.protocols();
                case NAMED -> columnNarrows ? column : it.protocols();
                case BARE -> protocolUnknown ? Protocols.ALL : columnNarrows ? column : Protocols.TCP_UDP;
                case ANY -> column != null && !protocolUnknown ? column : Protocols.ALL;
                case UNKNOWN -> {
                    if (!wide) yield IntervalSet.EMPTY;
                    IntervalSet b = it.protocols() != null ? it.protocols() : column != null && !protocolUnknown ? column : Protocols.ALL;
                    yield b.isEmpty() ? Protocols.ALL : b;
                }
            };
            if (proto.isEmpty()) {
                if (it.kind() == ServiceItem.Kind.UNKNOWN || wide) continue;
                throw new CellException("service " + Excerpt.quote(it.token()) + " does not match protocol " + Protocols.format(column));
            }
            IntervalSet dports = it.kind() == ServiceItem.Kind.UNKNOWN ? Ports.ALL : it.ports();
            if (!(sports.equals(Ports.ALL) && dports.equals(Ports.ALL)) && proto.intersect(PORTED).isEmpty()) {
                if (wide) {
                    boxes.add(new PacketBox(proto, src, dst, Ports.ALL, Ports.ALL));
                    continue;
                }
                throw new CellException(Excerpt.quote(it.token()) + " gives ports, but " + Protocols.format(proto) + " has no ports");
            }
            boxes.addAll(boxes(proto, src, dst, sports, dports));
        }
        return PacketSet.union(merge(boxes));
    }

    /** Ports restrict only protocols that have ports; the others keep full port sets (see PacketBox). */
    private static List<PacketBox> boxes(IntervalSet p, IntervalSet src, IntervalSet dst, IntervalSet sports, IntervalSet dports) {
        if (sports.equals(Ports.ALL) && dports.equals(Ports.ALL)) {
            return List.of(new PacketBox(p, src, dst, Ports.ALL, Ports.ALL));
        }
        IntervalSet ported = p.intersect(PORTED);
        IntervalSet portless = p.subtract(PORTED);
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
                if (o.protocols().equals(b.protocols()) && o.sourcePorts().equals(b.sourcePorts()) && o.sources().equals(b.sources())
                        && o.destinations().equals(b.destinations())) {
                    same = i;
                }
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

    private boolean blank(RawRow row, Column c) {
        return !header.has(c) || header.value(row, c).isEmpty();
    }

    /** The rule's name: the name column, else the number column ("#", "ID"); null when neither says one. */
    private String name(RawRow row) {
        for (Column c : List.of(Column.NAME, Column.INDEX)) {
            if (!header.has(c)) continue;
            String v = header.value(row, c);
            if (!Cells.blank(v)) return Excerpt.row(v);
        }
        return null;
    }

    /** A row-level message: for XLSX it names the sheet and cell, since a row number alone is ambiguous across sheets. */
    private String rowMessage(RawRow row, int column, String message) {
        return table.isCsv() ? message : table.ref(column, row.number()) + ": " + message;
    }

    private int firstColumn(RawRow row) {
        int f = row.firstNonBlank();
        return f < 0 ? header.firstColumn() : Math.min(f, header.firstColumn());
    }

    /** The row as a report shows it: the raw CSV line, or the cells from the table's left edge joined with " | ". */
    String text(RawRow row) {
        return text(row, firstColumn(row));
    }

    /** The row's text from column {@code first} on; visible and bounded ({@link Excerpt#row}). */
    static String text(RawRow row, int first) {
        if (row.raw() != null) return Excerpt.row(row.raw());
        StringBuilder b = new StringBuilder();
        int last = row.lastNonBlank();
        for (int c = Math.max(0, first); c <= last; c++) {
            if (c > Math.max(0, first)) b.append(" | ");
            b.append(row.cell(c));
        }
        return Excerpt.row(b.toString());
    }

    SourceRef source(RawRow row) {
        String text = text(row);
        if (table.isCsv()) return SourceRef.line(file, row.number(), text);
        String first = table.ref(firstColumn(row), row.number());
        return SourceRef.cell(file, table.sheet(), first.substring(first.indexOf('!') + 1), row.number(), text);
    }
}
