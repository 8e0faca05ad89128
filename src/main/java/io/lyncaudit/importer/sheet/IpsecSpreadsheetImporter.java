package io.lyncaudit.importer.sheet;

import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.SourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a spreadsheet (XLSX or CSV) of Windows connection-security rules into an {@link IpsecPolicy}.
 * It shares the spreadsheet importer's streaming readers, limits, line accounting and cell parsing
 * (addresses, protocols, ports, enabled flags, excerpts) and has its own loose headers
 * ({@link IpsecColumn}).
 *
 * <p>The authentication cell decides: "Do not authenticate", "Exempt", "None" exempt the rule's
 * packets; "Request ..." and "Require ..." do not. A blank (or "N/A", "-") protocol or port cell
 * means any. Every row gets one verdict: title rows above the header and disabled rows are ignored,
 * rows with a bad cell are unrecognized with a diagnostic naming the cell ({@code "C7: ..."},
 * {@code "Sheet1!C7: ..."}); only a file that is not such a sheet at all is {@link BadInputException}.
 */
public final class IpsecSpreadsheetImporter {

    /** The format name in deployment files. */
    public static final String FORMAT = "spreadsheet";

    private static final Set<String> EXEMPT = Set.of("donotauthenticate", "exempt", "exemption", "authenticationexemption",
            "none", "noauthentication", "bypass");

    private static final Set<String> FIREWALL_ACTIONS = Set.of("permit", "allow", "accept", "deny", "drop", "block", "reject", "pass");

    private IpsecSpreadsheetImporter() {}

    /** Reads the file; {@code displayName} is how reports name it. */
    public static IpsecPolicy read(Path file, String displayName) throws BadInputException {
        return read(file, displayName, null);
    }

    /** Reads the sheet; a CSV file is decoded in {@code encoding} (null: detected). */
    public static IpsecPolicy read(Path file, String displayName, String encoding) throws BadInputException {
        Sheets sheets = new Sheets(displayName);
        SheetFiles.read(file, displayName, IpsecColumn::isHeader, IpsecColumn.expected(), sheets, encoding);
        if (!sheets.anyHeader) {
            throw new BadInputException(displayName, 0, "no IPsec rule header row in the first " + Header.SEARCH_ROWS
                    + " rows of any sheet; expected " + IpsecColumn.expected());
        }
        return new IpsecPolicy(displayName, FORMAT, sheets.rules, sheets.diagnostics(), sheets.counts());
    }

    /** The IPsec rule tables of one file, as they stream in. */
    private static final class Sheets extends TableReader<Map<IpsecColumn, Integer>> {
        final List<IpsecRule> rules = new ArrayList<>();
        boolean anyHeader;

        Sheets(String file) {
            super(file);
        }

        @Override
        protected Map<IpsecColumn, Integer> header(RawRow r) throws HeaderRoles.Ambiguous {
            return IpsecColumn.header(r, table.sheet());
        }

        @Override
        protected void headerFound(Map<IpsecColumn, Integer> cols, RawRow r) {
            anyHeader = true;
        }

        @Override
        protected String noHeaderMessage() {
            return "sheet " + Excerpt.quote(table.sheet() == null ? table.name() : table.sheet()) + " has no IPsec rule header row; not imported";
        }

        @Override
        protected void body(Map<IpsecColumn, Integer> cols, RawRow r) throws BadInputException {
            String auth = value(r, cols, IpsecColumn.AUTHENTICATION).toLowerCase(Locale.ROOT);
            if (FIREWALL_ACTIONS.contains(auth)) {
                // "Source, Destination, Action" also names a firewall sheet: not the input the deployment means
                throw new BadInputException(file, r.number(), "cell " + table.ref(cols.get(IpsecColumn.AUTHENTICATION), r.number()) + " says "
                        + Excerpt.quote(auth) + ": this is a firewall rule sheet, not IPsec connection-security rules (expected "
                        + "'Do not authenticate', 'Request' or 'Require')");
            }
            String text = RowConverter.text(r, 0);
            if (IpsecColumn.isHeader(r)) {
                ledger.mark(r.number(), text, Verdict.IGNORED, rowMessage(r, "repeated header row"));
                return;
            }
            if (r.firstNonBlank() == r.lastNonBlank() || blank(r, cols, IpsecColumn.ENDPOINT1) && blank(r, cols, IpsecColumn.ENDPOINT2)
                    && blank(r, cols, IpsecColumn.AUTHENTICATION)) {
                ledger.mark(r.number(), text, Verdict.IGNORED, rowMessage(r, "not a rule row"));
                return;
            }
            List<String> problems = new ArrayList<>();
            if (cols.containsKey(IpsecColumn.ENABLED)) {
                Boolean on = cell(cols, r, IpsecColumn.ENABLED, problems, () -> Cells.enabled(value(r, cols, IpsecColumn.ENABLED), false));
                if (Boolean.FALSE.equals(on)) {
                    ledger.mark(r.number(), text, Verdict.IGNORED, rowMessage(r, "rule disabled"));
                    return;
                }
            }
            IntervalSet e1 = cell(cols, r, IpsecColumn.ENDPOINT1, problems, () -> addresses(value(r, cols, IpsecColumn.ENDPOINT1), "endpoint 1"));
            IntervalSet e2 = cell(cols, r, IpsecColumn.ENDPOINT2, problems, () -> addresses(value(r, cols, IpsecColumn.ENDPOINT2), "endpoint 2"));
            IntervalSet protocols = cell(cols, r, IpsecColumn.PROTOCOL, problems, () -> protocols(value(r, cols, IpsecColumn.PROTOCOL)));
            IntervalSet p1 = cell(cols, r, IpsecColumn.PORT1, problems, () -> ports(value(r, cols, IpsecColumn.PORT1)));
            IntervalSet p2 = cell(cols, r, IpsecColumn.PORT2, problems, () -> ports(value(r, cols, IpsecColumn.PORT2)));
            String authText = value(r, cols, IpsecColumn.AUTHENTICATION);
            Boolean exempt = cell(cols, r, IpsecColumn.AUTHENTICATION, problems, () -> exempt(authText));
            if (problems.isEmpty() && protocols.intersect(Protocols.PORTED).isEmpty()
                    && !(p1.equals(Ports.ALL) && p2.equals(Ports.ALL))) {
                problems.add(table.ref(cols.getOrDefault(IpsecColumn.PORT2, cols.getOrDefault(IpsecColumn.PORT1, 0)), r.number())
                        + ": ports are given, but " + Protocols.format(protocols) + " has no ports");
            }
            if (!problems.isEmpty()) {
                ledger.mark(r.number(), text, Verdict.UNRECOGNIZED, String.join("; ", problems));
                return;
            }
            PacketSet match = IpsecRule.between(protocols, e1, e2, p1, p2);
            String name = value(r, cols, IpsecColumn.NAME);
            rules.add(new IpsecRule(rules.size() + 1, Cells.blank(name) ? null : Excerpt.row(name), exempt, Excerpt.row(authText), match,
                    source(r, text)));
            ledger.used(r.number(), text);
        }


        private <T> T cell(Map<IpsecColumn, Integer> cols, RawRow row, IpsecColumn c, List<String> problems, Supplier<T> reader) {
            Integer col = cols.get(c);
            String why = col == null ? null : row.unreadable(col);
            if (why != null) {
                problems.add(table.ref(col, row.number()) + ": " + why);
                return null;
            }
            try {
                return reader.get();
            } catch (CellException | IllegalArgumentException e) {
                String m = Excerpt.message(e.getMessage());
                problems.add(col == null ? m : table.ref(col, row.number()) + ": " + m);
                return null;
            }
        }

        private SourceRef source(RawRow row, String text) {
            if (table.isCsv()) return SourceRef.line(file, row.number(), text);
            String first = table.ref(Math.max(0, row.firstNonBlank()), row.number());
            return SourceRef.cell(file, table.sheet(), first.substring(first.indexOf('!') + 1), row.number(), text);
        }
    }

    /** The union of every address, CIDR block, range or "any" in the cell; anything else is refused. */
    static IntervalSet addresses(String cell, String what) {
        if (Cells.blank(cell)) throw new CellException(what + " is empty (write 'any' for every address)");
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : CellText.listTokens(cell)) {
            try {
                s = s.union(Addresses.parse(t));
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                int k = m.indexOf(" is not a valid address");
                throw new CellException(k >= 0 ? Excerpt.quote(t) + Excerpt.message(m.substring(k)) : Excerpt.message(m));
            }
        }
        return s;
    }

    /** The protocols of a protocol cell; a blank cell means any. */
    static IntervalSet protocols(String cell) {
        if (Cells.blank(cell)) return Protocols.ALL;
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : CellText.protocolTokens(cell)) {
            if (ServiceParser.isAny(t)) {
                s = s.union(Protocols.ALL);
                continue;
            }
            int p = Protocols.number(t);
            if (p < 0) throw new CellException("unknown protocol " + Excerpt.quote(t));
            s = s.union(IntervalSet.point(p));
        }
        return s;
    }

    /** Ports; a blank cell means any. */
    static IntervalSet ports(String cell) {
        if (Cells.blank(cell)) return Ports.ALL;
        IntervalSet s = IntervalSet.EMPTY;
        for (String t : CellText.serviceTokens(cell)) {
            s = s.union(ServiceParser.isAny(t.toLowerCase(Locale.ROOT)) ? Ports.ALL : ServiceParser.ports(t));
        }
        return s;
    }

    /** True for an exemption, false for an authentication requirement; throws for anything else. */
    static boolean exempt(String cell) {
        String n = cell.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.isEmpty()) throw new CellException("authentication is empty (write 'Do not authenticate', 'Request' or 'Require')");
        if (EXEMPT.contains(n)) return true;
        if (n.startsWith("request") || n.startsWith("require")) return false;
        throw new CellException(Excerpt.quote(cell) + " is not an authentication requirement ('Do not authenticate', 'Exempt'; 'Request', 'Require')");
    }

    private static String value(RawRow row, Map<IpsecColumn, Integer> cols, IpsecColumn c) {
        return row.cell(cols.getOrDefault(c, -1));
    }

    private static boolean blank(RawRow row, Map<IpsecColumn, Integer> cols, IpsecColumn c) {
        return value(row, cols, c).isEmpty();
    }
}
