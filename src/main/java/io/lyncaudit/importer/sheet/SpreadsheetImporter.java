package io.lyncaudit.importer.sheet;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.importer.Importer;
import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports firewall-rule spreadsheets, XLSX or CSV, into one first-match policy per rule sheet.
 *
 * <p>Semantics: rows are rules in sheet order and every policy's default action (and the unbound
 * default) is DENY. The header row is the first of the first 20 rows that names a source, a
 * destination and a service/port column, spelled loosely ({@link Column}); a header that names a
 * role twice is bad input naming both columns. A sheet whose header has no action column is bad
 * input too, unless the deployment says what its rows mean ({@link ImportOptions#rowAction()}: a
 * list of openings is {@code action: permit}). Each sheet with a header becomes a {@link Policy}
 * named after the sheet (a CSV file becomes one named after the file); other sheets are ignored.
 *
 * <p>Every row gets one verdict (title rows above the header and blank rows too). A row with a
 * cell that names what the sheet does not define (an object name, an unknown service, a formula
 * saved without its value) stays in its place as an uncertain stand-in rule; a row with a value
 * malformed as written (port 70000, a /33) is unrecognized, and bad input when
 * {@link ImportOptions#badValuesFail()} says so. Messages name the cell ({@code "Sheet1!C7: ..."},
 * {@code "C7: ..."} for CSV) and quote at most a short, visible excerpt of it. Workbooks are read
 * as a stream within the {@link Limits}; formulas are never evaluated (a formula cell's saved value
 * counts).
 */
public final class SpreadsheetImporter implements Importer {

    /** The format name in deployment files. */
    public static final String FORMAT = "spreadsheet";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean detect(Path file, byte[] head) {
        String name = SheetFiles.fileName(file.toString()).toLowerCase(Locale.ROOT);
        if (SheetFiles.startsWith(head, SheetFiles.ZIP)) return name.endsWith(".xlsx") || name.endsWith(".xlsm");
        if (SheetFiles.startsWith(head, SheetFiles.OLE2)) return name.endsWith(".xls");
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) return false;
        for (char d : CsvReader.DELIMITERS) {
            if (CsvReader.anyRow(text, d, Header.SEARCH_ROWS, SpreadsheetImporter::isHeader)) return true;
        }
        return false;
    }

    /** True when the row is a firewall-rule header (an ambiguous one too: it is a header, and the import says why it cannot be read). */
    static boolean isHeader(RawRow r) {
        try {
            return Header.of(r, null) != null;
        } catch (HeaderRoles.Ambiguous e) {
            return true;
        }
    }

    @Override
    public ImportResult importFile(Path file, String displayName, String encoding) throws BadInputException {
        return importFile(file, displayName, ImportOptions.NONE.withEncoding(encoding));
    }

    @Override
    public ImportResult importFile(Path file, String displayName, ImportOptions options) throws BadInputException {
        Rules rules = new Rules(displayName, options);
        SheetFiles.read(file, displayName, SpreadsheetImporter::isHeader, Column.expected(), rules, options.encoding());
        if (!rules.anyContent()) {
            throw new BadInputException(displayName, 0, rules.tables == 0 ? "the workbook has no sheets" : "empty: no rows to import");
        }
        if (rules.policies.isEmpty()) {
            throw new BadInputException(displayName, 0, "no recognisable header row in the first " + Header.SEARCH_ROWS
                    + " rows of any sheet; expected " + Column.expected());
        }
        if (options.badValuesFail() && rules.firstWhere != null) {
            String more = rules.invalid > 1 ? "; " + (rules.invalid - 1) + " more row" + (rules.invalid > 2 ? "s" : "")
                    + " cannot be read either ('lyncaudit parse " + displayName + "' lists them all)" : "";
            throw new BadInputException(displayName, rules.firstWhere, rules.firstWhy + more, null);
        }
        return new ImportResult(displayName, FORMAT, rules.policies, List.of(), rules.diagnostics(), rules.counts(), Action.DENY);
    }

    /** The rule tables of one file, as they stream in. */
    private static final class Rules extends TableReader<Header> {
        final ImportOptions options;
        final List<Policy> policies = new ArrayList<>();
        int tables, invalid;
        String firstWhere, firstWhy;
        private RowConverter converter;
        private List<Rule> rules;

        Rules(String file, ImportOptions options) {
            super(file);
            this.options = options;
        }

        @Override
        public void start(Table t) {
            super.start(t);
            tables++;
        }

        @Override
        protected Header header(RawRow r) throws HeaderRoles.Ambiguous {
            return Header.of(r, table.sheet());
        }

        @Override
        protected void headerFound(Header h, RawRow r) throws BadInputException {
            if (!h.has(Column.ACTION) && options.rowAction() == null) {
                throw new BadInputException(file, table.where(file, Math.max(0, h.firstColumn()), r.number()),
                        "the header row (row " + r.number() + (table.isCsv() ? "" : " of sheet " + Excerpt.quote(table.sheet()))
                                + ") has no action column (" + Column.actionSpellings() + "), so whether its rows permit or deny "
                                + "is not known; add one, or say what every row means: 'action: permit' on this firewall in the "
                                + "deployment file (a list of openings), or --action permit for parse and trace", null);
            }
            converter = new RowConverter(file, table, h, h.has(Column.ACTION) ? null : options.rowAction());
            rules = new ArrayList<>();
        }

        @Override
        protected void body(Header h, RawRow r) {
            RowOutcome o = converter.convert(r, rules.size() + 1);
            if (o instanceof RowOutcome.Used u) {
                rules.add(u.rule());
                ledger.used(r.number(), u.rule().source().text());
            } else if (o instanceof RowOutcome.StandIn s) {
                rules.add(s.rule());
                ledger.mark(r.number(), s.rule().source().text(), Verdict.UNRECOGNIZED, s.message());
            } else if (o instanceof RowOutcome.Ignored i) {
                ledger.mark(r.number(), converter.text(r), Verdict.IGNORED, i.message());
            } else if (o instanceof RowOutcome.Invalid v) {
                ledger.mark(r.number(), converter.text(r), Verdict.UNRECOGNIZED, v.message());
                if (invalid++ == 0) {
                    firstWhere = v.where();
                    firstWhy = v.first();
                }
            }
        }

        @Override
        protected String noHeaderMessage() {
            return "sheet " + Excerpt.quote(table.sheet() == null ? table.name() : table.sheet()) + " has no rule header row in its first "
                    + Header.SEARCH_ROWS + " rows; not imported";
        }

        @Override
        protected void finished(Header h) {
            policies.add(new Policy(table.name(), PolicyKind.FIRST_MATCH, null, Action.DENY, rules));
            rules = null;
            converter = null;
        }
    }
}
