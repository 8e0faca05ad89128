package io.lyncaudit.importer.sheet;

import io.lyncaudit.importer.Importer;
import io.lyncaudit.io.InputText;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports firewall-rule spreadsheets, XLSX or CSV, into one first-match policy per rule sheet.
 *
 * <p>Semantics: a spreadsheet lists what is allowed, so every policy's default action (and the
 * unbound default) is DENY and a sheet without an action column permits each row. Rows are rules
 * in sheet order. The header row is the first of the first 20 rows that names a source, a
 * destination and a service/port column, spelled loosely ("Src", "Dst Port", "Source_Address",
 * ...). Each sheet with such a header becomes a {@link Policy} named after the sheet (a CSV file
 * becomes one named after the file); sheets without one are reported as ignored.
 *
 * <p>Rows are never dropped silently: a disabled row, a title or section row, or a row with a bad
 * cell (port 70000, CIDR 10.0.0.0/33, unknown protocol or service name) becomes a diagnostic that
 * names the cell, e.g. {@code "Sheet1!C7: port 70000 is outside 0-65535"} ({@code "C7: ..."} for
 * CSV, whose diagnostic line is the line the record starts on). Formulas are never evaluated.
 */
public final class SpreadsheetImporter implements Importer {

    /** The format name in deployment files. */
    public static final String FORMAT = "spreadsheet";

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String name = fileName(file.toString()).toLowerCase(Locale.ROOT);
        if (startsWith(head, ZIP)) return name.endsWith(".xlsx") || name.endsWith(".xlsm");
        if (startsWith(head, OLE2)) return name.endsWith(".xls");
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) return false;
        for (char d : CsvReader.DELIMITERS) {
            if (Header.find(CsvReader.parseLenient(text, d, Header.SEARCH_ROWS)) != null) return true;
        }
        return false;
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        List<RawTable> tables = read(file, displayName, encoding);
        List<Policy> policies = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int total = 0, used = 0;
        boolean anyRows = false;
        for (RawTable t : tables) {
            boolean hasContent = t.rows().stream().anyMatch(r -> !r.isBlank());
            anyRows |= hasContent;
            Header h = Header.find(t.rows());
            if (h == null) {
                if (hasContent) {
                    // a notes or lookup sheet: one diagnostic for the sheet, so it is not dropped silently
                    total++;
                    diagnostics.add(new Diagnostic(displayName, 0, Diagnostic.Category.IGNORED, "sheet " + t.sheet(),
                            "sheet '" + t.sheet() + "' has no rule header row in its first " + Header.SEARCH_ROWS
                                    + " rows; not imported"));
                }
                continue;
            }
            RowConverter conv = new RowConverter(displayName, t, h);
            List<Rule> rules = new ArrayList<>();
            for (RawRow r : t.rows().subList(h.row() + 1, t.rows().size())) {
                RowOutcome o = conv.convert(r, rules.size() + 1);
                if (o instanceof RowOutcome.Used u) {
                    rules.add(u.rule());
                } else if (o instanceof RowOutcome.Skipped s) {
                    diagnostics.add(s.diagnostic());
                }
                if (!(o instanceof RowOutcome.Blank)) total++;
            }
            used += rules.size();
            policies.add(new Policy(t.name(), PolicyKind.FIRST_MATCH, null, Action.DENY, rules));
        }
        if (!anyRows) {
            throw new BadInputException(displayName, 0, tables.isEmpty() ? "the workbook has no sheets" : "empty: no rows to import");
        }
        if (policies.isEmpty()) {
            throw new BadInputException(displayName, 0, "no recognisable header row in the first " + Header.SEARCH_ROWS
                    + " rows of any sheet; expected " + Column.expected());
        }
        LineCounts lines = new LineCounts(total, used, count(diagnostics, Diagnostic.Category.IGNORED),
                count(diagnostics, Diagnostic.Category.UNSUPPORTED), count(diagnostics, Diagnostic.Category.UNRECOGNIZED));
        return new ImportResult(displayName, FORMAT, policies, List.of(), diagnostics, lines, Action.DENY);
    }

    private static final Pattern CELL_PROBLEM = Pattern.compile("(?:(?<sheet>.+)!)?(?<cell>[A-Z]{1,3}[0-9]+): (?<why>.+)");
    private static final Pattern VALUE_ERROR = Pattern.compile(
            "port -?\\d+ is outside 0-65535|.* is not a port or port range|port range .* ends before it starts|.* is not a valid address: .*");

    /**
     * Makes bad cell values fatal, for callers that must stop on them (exit code 2): throws a
     * {@link BadInputException} naming the file and the cell for the first UNRECOGNIZED diagnostic
     * that reports a value error, that is a port outside 0-65535 or not a port, or a bad address or
     * CIDR block. Other diagnostics (unknown service names, disabled rows, ...) are left as they are.
     *
     * @return the result unchanged, when it holds no value error
     */
    public static ImportResult strict(ImportResult result) throws BadInputException {
        for (Diagnostic d : result.diagnostics()) {
            if (d.category() != Diagnostic.Category.UNRECOGNIZED) continue;
            for (String part : d.message().split("; ")) {
                Matcher m = CELL_PROBLEM.matcher(part);
                if (!m.matches() || !VALUE_ERROR.matcher(m.group("why")).matches()) continue;
                String sheet = m.group("sheet");
                if (sheet != null) {
                    throw new BadInputException(d.file(), d.file() + " [" + sheet + "!" + m.group("cell") + "]", m.group("why"), null);
                }
                throw new BadInputException(d.file(), d.line(), "cell " + m.group("cell") + ": " + m.group("why"));
            }
        }
        return result;
    }

    private static List<RawTable> read(Path file, String displayName, String encoding) throws BadInputException {
        byte[] magic = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(magic, 0, magic.length);
        } catch (NoSuchFileException e) {
            throw new BadInputException(displayName, 0, "file not found");
        } catch (IOException e) {
            throw new BadInputException(displayName, displayName, "cannot read the file: " + e.getMessage(), e);
        }
        byte[] head = Arrays.copyOf(magic, n);
        if (startsWith(head, ZIP) || startsWith(head, OLE2)) {
            return XlsxReader.read(file, displayName);
        }
        if (excelName(displayName) || excelName(String.valueOf(file.getFileName()))) {
            throw new BadInputException(displayName, 0, "not a spreadsheet: the name says Excel workbook but the content is not one");
        }
        byte[] bytes = InputText.readBytes(file, displayName, CsvReader.MAX_BYTES, "a CSV rule table");
        return List.of(CsvReader.read(bytes, displayName, baseName(displayName), encoding));
    }

    private static boolean excelName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
    }

    private static int count(List<Diagnostic> ds, Diagnostic.Category c) {
        return (int) ds.stream().filter(d -> d.category() == c).count();
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) return false;
        }
        return true;
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    private static String baseName(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
