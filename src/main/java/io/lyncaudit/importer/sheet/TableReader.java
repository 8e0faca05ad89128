package io.lyncaudit.importer.sheet;

import io.lyncaudit.importer.LineLedger;
import io.lyncaudit.importer.LineLedger.Verdict;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the header row of each table among its first {@link Header#SEARCH_ROWS} rows, then hands
 * every row on, and gives every row of the table exactly one verdict in a {@link LineLedger} (one
 * per table, since row numbers repeat across sheets): title and note rows above the header are
 * ignored with a diagnostic, the header and blank rows quietly, and what a row below the header
 * becomes is the subclass's call. Blank rows after a table's last non-blank row are not rows of it.
 *
 * @param <H> the header of the sheet kind
 */
abstract class TableReader<H> implements RowSink {
    protected final String file;
    protected Table table;
    protected LineLedger ledger;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int total, used, ignored, unsupported, unrecognized;
    private List<RawRow> buffer;
    private H header;
    private boolean noHeader;
    /** The last row number with a verdict: the rows between it and the next non-blank row are blank. */
    private int accounted;
    private boolean anyContent;

    TableReader(String file) {
        this.file = file;
    }

    /** The header {@code r} is, or null. */
    protected abstract H header(RawRow r) throws HeaderRoles.Ambiguous;

    /** The header of the current table was found in row {@code r}. */
    protected abstract void headerFound(H header, RawRow r) throws BadInputException;

    /** A non-blank row below the header: the subclass gives it its verdict. */
    protected abstract void body(H header, RawRow r) throws BadInputException;

    /** Why the current table, which has no header among its first rows, is not imported. */
    protected abstract String noHeaderMessage();

    /** Said of each row of a table without a header row but its first (which says why). */
    private static final String NOT_READ = "not read: the table has no header row (see its first row)";

    /** The current table ended (after its last row). */
    protected void finished(H header) throws BadInputException {}

    @Override
    public void start(Table t) {
        table = t;
        ledger = new LineLedger(file);
        buffer = new ArrayList<>();
        header = null;
        noHeader = false;
        accounted = 0;
    }

    @Override
    public void row(RawRow r) throws BadInputException {
        if (r.isBlank()) return; // counted when the next non-blank row shows it lies inside the table
        anyContent = true;
        // blank rows count nowhere, as blank lines of a text export do
        accounted = Math.max(accounted, r.last());
        if (header == null && !noHeader) {
            if (r.number() <= Header.SEARCH_ROWS) {
                H h;
                try {
                    h = header(r);
                } catch (HeaderRoles.Ambiguous e) {
                    throw new BadInputException(file, table.where(file, Math.max(0, r.firstNonBlank()), r.number()),
                            "the header row (row " + r.number() + (table.isCsv() ? "" : " of sheet " + Excerpt.quote(table.sheet()))
                                    + ") is ambiguous: " + e.getMessage(), null);
                }
                if (h == null) {
                    buffer.add(r);
                    return;
                }
                header = h;
                for (RawRow above : buffer) {
                    ledger.mark(above.number(), RowConverter.text(above, 0), Verdict.IGNORED,
                            rowMessage(above, "above the header row (a title or a note)"));
                }
                buffer = null;
                // the header row is used: it says what every column of the rows below means
                ledger.used(r.number(), RowConverter.text(r, 0));
                headerFound(h, r);
                return;
            }
            noHeader();
        }
        if (noHeader) {
            ledger.mark(r.number(), RowConverter.text(r, 0), Verdict.IGNORED, rowMessage(r, NOT_READ));
            return;
        }
        body(header, r);
    }

    private void noHeader() {
        noHeader = true;
        boolean first = true;
        for (RawRow b : buffer) {
            if (first) ledger.mark(b.number(), RowConverter.text(b, 0), Verdict.IGNORED, rowMessage(b, noHeaderMessage()));
            else ledger.mark(b.number(), RowConverter.text(b, 0), Verdict.IGNORED, rowMessage(b, NOT_READ));
            first = false;
        }
        buffer = null;
    }

    @Override
    public void end() throws BadInputException {
        if (header == null && !noHeader && !buffer.isEmpty()) noHeader();
        if (header != null) finished(header);
        diagnostics.addAll(ledger.diagnostics());
        LineCounts c = ledger.counts();
        total += c.total();
        used += c.used();
        ignored += c.ignored();
        unsupported += c.unsupported();
        unrecognized += c.unrecognized();
        table = null;
    }

    /** For XLSX the message names the sheet and row, since a row number alone is ambiguous across sheets. */
    protected String rowMessage(RawRow r, String message) {
        return table.isCsv() ? message : table.ref(Math.max(0, r.firstNonBlank()), r.number()) + ": " + message;
    }

    /** True when some table had a non-blank row. */
    boolean anyContent() {
        return anyContent;
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    LineCounts counts() {
        return new LineCounts(total, used, ignored, unsupported, unrecognized);
    }
}
