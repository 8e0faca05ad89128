package io.lyncaudit.importer.sheet;

import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.SourceRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads a spreadsheet (XLSX or CSV) of Windows connection-security rules into an {@link IpsecPolicy}.
 * It shares the spreadsheet importer's file reading and cell parsing (addresses, protocols, ports,
 * enabled flags) and has its own loose headers ({@link IpsecColumn}).
 *
 * <p>The authentication cell decides: "Do not authenticate", "Exempt", "None" exempt the rule's
 * packets; "Request ..." and "Require ..." do not. A blank protocol or port cell means any.
 * Disabled rows, title rows and rows with a bad cell become diagnostics naming the cell
 * ({@code "C7: ..."}, {@code "Sheet1!C7: ..."}); only a file that is not such a sheet at all is
 * {@link BadInputException}.
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
        List<RawTable> tables = tables(file, displayName, encoding);
        List<IpsecRule> rules = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int total = 0;
        boolean anyHeader = false;
        for (RawTable t : tables) {
            int h = IpsecColumn.find(t.rows());
            if (h < 0) {
                if (t.rows().stream().anyMatch(r -> !r.isBlank())) {
                    total++;
                    diagnostics.add(new Diagnostic(displayName, 0, Diagnostic.Category.IGNORED, "sheet " + t.sheet(),
                            "sheet '" + t.sheet() + "' has no IPsec rule header row; not imported"));
                }
                continue;
            }
            anyHeader = true;
            Map<IpsecColumn, Integer> cols = IpsecColumn.header(t.rows().get(h));
            for (RawRow r : t.rows().subList(h + 1, t.rows().size())) {
                if (r.isBlank()) continue;
                String auth = value(r, cols, IpsecColumn.AUTHENTICATION).toLowerCase(Locale.ROOT);
                if (FIREWALL_ACTIONS.contains(auth)) {
                    // "Source, Destination, Action" also names a firewall sheet: not the input the deployment means
                    throw new BadInputException(displayName, r.number(), "cell " + ref(t, r, cols.get(IpsecColumn.AUTHENTICATION)) + " says '"
                            + auth + "': this is a firewall rule sheet, not IPsec connection-security rules (expected 'Do not authenticate', "
                            + "'Request' or 'Require')");
                }
                total++;
                Object o = convert(displayName, t, cols, r, rules.size() + 1);
                if (o instanceof IpsecRule rule) rules.add(rule);
                else diagnostics.add((Diagnostic) o);
            }
        }
        if (!anyHeader) {
            throw new BadInputException(displayName, 0, "no IPsec rule header row in the first " + Header.SEARCH_ROWS
                    + " rows of any sheet; expected " + IpsecColumn.expected());
        }
        LineCounts lines = new LineCounts(total, rules.size(), count(diagnostics, Diagnostic.Category.IGNORED),
                count(diagnostics, Diagnostic.Category.UNSUPPORTED), count(diagnostics, Diagnostic.Category.UNRECOGNIZED));
        return new IpsecPolicy(displayName, FORMAT, rules, diagnostics, lines);
    }

    /** A rule, or the diagnostic saying why the row is not one. */
    private static Object convert(String file, RawTable t, Map<IpsecColumn, Integer> cols, RawRow row, int index) {
        String text = text(row);
        if (IpsecColumn.header(row) != null) return new Diagnostic(file, row.number(), Diagnostic.Category.IGNORED, text, "repeated header row");
        if (row.firstNonBlank() == row.lastNonBlank() || blank(row, cols, IpsecColumn.ENDPOINT1) && blank(row, cols, IpsecColumn.ENDPOINT2)
                && blank(row, cols, IpsecColumn.AUTHENTICATION)) {
            return new Diagnostic(file, row.number(), Diagnostic.Category.IGNORED, text, "not a rule row");
        }
        List<String> problems = new ArrayList<>();
        if (cols.containsKey(IpsecColumn.ENABLED)) {
            Boolean on = cell(t, cols, row, IpsecColumn.ENABLED, problems, () -> Cells.enabled(value(row, cols, IpsecColumn.ENABLED)));
            if (Boolean.FALSE.equals(on)) return new Diagnostic(file, row.number(), Diagnostic.Category.IGNORED, text, "rule disabled");
        }
        IntervalSet e1 = cell(t, cols, row, IpsecColumn.ENDPOINT1, problems,
                () -> Cells.addresses(value(row, cols, IpsecColumn.ENDPOINT1), "endpoint 1"));
        IntervalSet e2 = cell(t, cols, row, IpsecColumn.ENDPOINT2, problems,
                () -> Cells.addresses(value(row, cols, IpsecColumn.ENDPOINT2), "endpoint 2"));
        IntervalSet protocols = cell(t, cols, row, IpsecColumn.PROTOCOL, problems, () -> {
            IntervalSet p = Cells.protocols(value(row, cols, IpsecColumn.PROTOCOL));
            return p == null ? Protocols.ALL : p;
        });
        IntervalSet p1 = cell(t, cols, row, IpsecColumn.PORT1, problems, () -> Cells.ports(value(row, cols, IpsecColumn.PORT1)));
        IntervalSet p2 = cell(t, cols, row, IpsecColumn.PORT2, problems, () -> Cells.ports(value(row, cols, IpsecColumn.PORT2)));
        String auth = value(row, cols, IpsecColumn.AUTHENTICATION);
        Boolean exempt = cell(t, cols, row, IpsecColumn.AUTHENTICATION, problems, () -> exempt(auth));
        if (problems.isEmpty() && protocols.intersect(Protocols.TCP_UDP.union(IntervalSet.point(132))).isEmpty()
                && !(p1.equals(Ports.ALL) && p2.equals(Ports.ALL))) {
            problems.add(ref(t, row, cols.getOrDefault(IpsecColumn.PORT2, cols.getOrDefault(IpsecColumn.PORT1, 0)))
                    + ": ports are given, but " + Protocols.format(protocols) + " has no ports");
        }
        if (!problems.isEmpty()) return new Diagnostic(file, row.number(), Diagnostic.Category.UNRECOGNIZED, text, String.join("; ", problems));
        PacketSet match = IpsecRule.between(protocols, e1, e2, p1, p2);
        String name = value(row, cols, IpsecColumn.NAME);
        return new IpsecRule(index, name.isEmpty() ? null : name, exempt, auth, match, source(file, t, row, text));
    }

    /** True for an exemption, false for an authentication requirement; throws for anything else. */
    static boolean exempt(String cell) {
        String n = cell.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.isEmpty()) throw new CellException("authentication is empty (write 'Do not authenticate', 'Request' or 'Require')");
        if (EXEMPT.contains(n)) return true;
        if (n.startsWith("request") || n.startsWith("require")) return false;
        throw new CellException("'" + cell + "' is not an authentication requirement ('Do not authenticate', 'Exempt'; 'Request', 'Require')");
    }

    private static <T> T cell(RawTable t, Map<IpsecColumn, Integer> cols, RawRow row, IpsecColumn c, List<String> problems, Supplier<T> reader) {
        if (!cols.containsKey(c)) {
            // an absent optional column reads as a blank cell
            try {
                return reader.get();
            } catch (CellException | IllegalArgumentException e) {
                problems.add(e.getMessage());
                return null;
            }
        }
        String v = value(row, cols, c);
        if (v.startsWith("=")) {
            problems.add(ref(t, row, cols.get(c)) + ": '" + v + "' is a formula; formulas are not evaluated, enter the value");
            return null;
        }
        try {
            return reader.get();
        } catch (CellException | IllegalArgumentException e) {
            problems.add(ref(t, row, cols.get(c)) + ": " + e.getMessage());
            return null;
        }
    }

    private static String value(RawRow row, Map<IpsecColumn, Integer> cols, IpsecColumn c) {
        return row.cell(cols.getOrDefault(c, -1));
    }

    private static boolean blank(RawRow row, Map<IpsecColumn, Integer> cols, IpsecColumn c) {
        return value(row, cols, c).isEmpty();
    }

    /** "Sheet1!C7" for XLSX, "C7" for CSV. */
    private static String ref(RawTable t, RawRow row, int column) {
        String r = CellReference.convertNumToColString(column) + row.number();
        return t.isCsv() ? r : t.sheet() + "!" + r;
    }

    private static String text(RawRow row) {
        if (row.raw() != null) return row.raw();
        List<String> cells = new ArrayList<>();
        for (int c = Math.max(0, row.firstNonBlank()); c <= row.lastNonBlank(); c++) cells.add(row.cell(c));
        return String.join(" | ", cells);
    }

    private static SourceRef source(String file, RawTable t, RawRow row, String text) {
        if (t.isCsv()) return SourceRef.line(file, row.number(), text);
        String first = CellReference.convertNumToColString(Math.max(0, row.firstNonBlank())) + row.number();
        return SourceRef.cell(file, t.sheet(), first, row.number(), text);
    }

    private static List<RawTable> tables(Path file, String displayName, String encoding) throws BadInputException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, "cannot read the file: " + e.getMessage());
        }
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XlsxReader.read(file, displayName);
        }
        byte[] bytes = InputText.readBytes(file, displayName, CsvReader.MAX_BYTES, "a CSV sheet of IPsec rules");
        return List.of(CsvReader.read(bytes, displayName, "ipsec", rows -> IpsecColumn.find(rows) >= 0, IpsecColumn.expected(), encoding));
    }

    private static int count(List<Diagnostic> ds, Diagnostic.Category c) {
        return (int) ds.stream().filter(d -> d.category() == c).count();
    }
}
