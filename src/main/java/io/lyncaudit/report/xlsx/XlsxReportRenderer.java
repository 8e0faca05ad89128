package io.lyncaudit.report.xlsx;

import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.SourceRow;
import io.lyncaudit.finding.Witness;
import io.lyncaudit.report.Report;
import io.lyncaudit.report.ReportRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Renders the report as an XLSX workbook for auditors: sheets Summary, Findings, Requirements and
 * Diagnostics, each table with a bold header, a frozen header row (except Summary) and an autofilter.
 * A finding lists every requirement it cites and their source rows (several requirements share
 * one finding when they name the same opening); each line of Requirements names its finding.
 *
 * <p>Written with SXSSF so that a report of a million rows needs little memory; every text cell goes
 * through {@link SafeCells}, so nothing taken from the inputs can become a formula.
 */
public final class XlsxReportRenderer implements ReportRenderer {
    /** Sheet names, in workbook order. */
    public static final List<String> SHEETS = List.of("Summary", "Findings", "Requirements", "Diagnostics");

    private static final int WINDOW = 100;

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public boolean binary() {
        return true;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(WINDOW)) {
            try {
                // the temp files hold every input line the report quotes; compressed they are smaller and less readable
                wb.setCompressTempFiles(true);
                XlsxStyles styles = XlsxStyles.create(wb);
                SafeCells cells = new SafeCells(wb);
                new SummarySheet(styles, cells).write(wb.createSheet(SHEETS.get(0)), report);
                writeTable(wb.createSheet(SHEETS.get(1)), findingColumns(), report.findings(), styles, cells, "Type");
                writeTable(wb.createSheet(SHEETS.get(2)), requirementColumns(), report.requirements(), styles, cells, "Status");
                writeTable(wb.createSheet(SHEETS.get(3)), diagnosticColumns(), report.diagnostics(), styles, cells, null);
                wb.write(out);
                out.flush();
            } finally {
                disposeTempFiles(wb);
            }
        }
    }

    /**
     * Deletes SXSSF's temp files (they hold every quoted input line) even when writing failed half-way.
     * POI 5 deprecates dispose() because close() now calls it too; the explicit call stays so that
     * the files go before close() does anything that could fail.
     */
    @SuppressWarnings("deprecation")
    private static void disposeTempFiles(SXSSFWorkbook wb) {
        wb.dispose();
    }

    private static <T> void writeTable(Sheet sheet, List<Column<T>> columns, List<T> items, XlsxStyles styles,
                                       SafeCells cells, String statusHeader) {
        new SheetTable<>(columns, styles, cells).write(sheet, 0, items);
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).header().equals(statusHeader)) StatusFills.apply(sheet, c, items.size());
        }
    }

    static List<Column<Finding>> findingColumns() {
        Function<Finding, RequirementRef> req = Finding::requirement;
        return List.of(
                Column.of("ID", 12, Finding::id),
                Column.of("Type", 14, f -> name(f.type())),
                Column.of("Severity", 10, f -> f.severity() == null ? null : f.severity().json()),
                Column.of("Requirement", 18, f -> req.apply(f) == null ? null : req.apply(f).id()),
                Column.wrapped("Requirement title", 40, f -> req.apply(f) == null ? null : req.apply(f).title()),
                Column.of("Source file", 40, f -> source(req.apply(f), SourceRow::file)),
                Column.of("Source table", 8, f -> source(req.apply(f), SourceRow::table)),
                Column.of("Source row", 8, f -> source(req.apply(f), SourceRow::row)),
                Column.of("Firewall", 16, Finding::firewall),
                Column.of("Protocol", 10, f -> flow(f.flow(), Flow::protocol)),
                Column.of("Ports", 14, f -> flow(f.flow(), Flow::ports)),
                Column.of("Source", 22, f -> flow(f.flow(), Flow::source)),
                Column.of("Destination", 22, f -> flow(f.flow(), Flow::destination)),
                Column.of("Uncovered", 36, f -> f.uncovered() == null ? null : f.uncovered().toString()),
                Column.wrapped("Message", 60, Finding::message),
                Column.wrapped("Evidence", 80, f -> evidence(f.evidence())),
                Column.of("Witness", 44, f -> witness(f.witness())),
                Column.of("Waived", 8, Finding::waived),
                Column.wrapped("Waiver reason", 40, f -> f.waiver() == null ? null : f.waiver().reason()),
                Column.of("Waiver owner", 24, f -> f.waiver() == null ? null : f.waiver().owner()),
                Column.of("Waiver expires", 12, f -> f.waiver() == null ? null : f.waiver().expires()),
                Column.of("Baseline", 10, Finding::baseline),
                Column.of("Uncertain", 10, Finding::uncertain),
                Column.wrapped("Catalog decision", 40, f -> req.apply(f) == null ? null : req.apply(f).decision()),
                // every requirement the finding cites (several share one opening), after the contract's columns
                Column.wrapped("Requirements", 40, f -> cited(f.requirements())),
                Column.wrapped("Sources", 60, f -> sources(f.requirements())));
    }

    static List<Column<Report.RequirementStatus>> requirementColumns() {
        return List.of(
                Column.of("Requirement", 18, s -> s.requirement() == null ? null : s.requirement().id()),
                Column.wrapped("Title", 40, s -> s.requirement() == null ? null : s.requirement().title()),
                Column.of("Source file", 40, s -> source(s.requirement(), SourceRow::file)),
                Column.of("Source table", 8, s -> source(s.requirement(), SourceRow::table)),
                Column.of("Source row", 8, s -> source(s.requirement(), SourceRow::row)),
                Column.of("Firewall", 16, Report.RequirementStatus::firewall),
                Column.of("Protocol", 10, s -> flow(s.flow(), Flow::protocol)),
                Column.of("Ports", 14, s -> flow(s.flow(), Flow::ports)),
                Column.of("Source", 22, s -> flow(s.flow(), Flow::source)),
                Column.of("Destination", 22, s -> flow(s.flow(), Flow::destination)),
                Column.of("Status", 14, Report.RequirementStatus::status),
                Column.of("Severity", 10, Report.RequirementStatus::severity),
                Column.wrapped("Evidence", 80, s -> evidence(s.evidence())),
                Column.wrapped("Catalog decision", 40, s -> s.requirement() == null ? null : s.requirement().decision()),
                Column.of("Finding", 12, Report.RequirementStatus::finding));
    }

    static List<Column<Report.ReportDiagnostic>> diagnosticColumns() {
        return List.of(
                Column.of("File", 40, Report.ReportDiagnostic::file),
                Column.of("Line", 8, Report.ReportDiagnostic::line),
                Column.of("Severity", 10, Report.ReportDiagnostic::severity),
                Column.of("Category", 14, Report.ReportDiagnostic::category),
                Column.of("Text", 60, Report.ReportDiagnostic::text),
                Column.wrapped("Message", 60, Report.ReportDiagnostic::message));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Object source(RequirementRef r, Function<SourceRow, Object> part) {
        return r == null || r.source() == null ? null : part.apply(r.source());
    }

    private static Object flow(Flow f, Function<Flow, String> part) {
        return f == null ? null : part.apply(f);
    }

    /** One line per evidence: {@code file:line (cell)  text  [role]}. */
    static String evidence(List<Evidence> evidence) {
        if (evidence.isEmpty()) return null;
        return evidence.stream().map(e -> (e.file() == null ? "-" : e.file()) + (e.line() > 0 ? ":" + e.line() : "")
                        + (e.cell() == null ? "" : " (" + e.cell() + ")") + "  " + Objects.toString(e.text(), "")
                        + "  [" + Objects.toString(e.role(), "") + "]")
                .collect(Collectors.joining("\n"));
    }

    /** One line per cited requirement: {@code id (STATUS): title}. */
    static String cited(List<CitedRequirement> cited) {
        if (cited.isEmpty()) return null;
        return cited.stream().map(c -> (c.requirement() == null ? "?" : c.requirement().id())
                        + (c.status() == null ? "" : " (" + c.status().name() + ")")
                        + (c.requirement() == null || c.requirement().title() == null ? "" : ": " + c.requirement().title()))
                .collect(Collectors.joining("\n"));
    }

    /** One line per source row of every cited requirement: {@code id: file table T row R}. */
    static String sources(List<CitedRequirement> cited) {
        if (cited.isEmpty()) return null;
        return cited.stream().filter(c -> c.requirement() != null)
                .flatMap(c -> c.requirement().sources().stream().map(row -> c.requirement().id() + ": " + row))
                .collect(Collectors.joining("\n"));
    }

    static String witness(Witness w) {
        if (w == null) return null;
        return w.protocol() + " " + endpoint(w.source(), w.sourcePort()) + " -> " + endpoint(w.destination(), w.destinationPort());
    }

    private static String endpoint(String address, int port) {
        return address != null && address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    }

    /** The Summary sheet: a key/value block, the counts per finding type, then the inputs table. */
    private record SummarySheet(XlsxStyles styles, SafeCells cells) {

        void write(Sheet sheet, Report r) {
            int row = 0;
            cells.text(sheet.createRow(row++).createCell(0), "lyncaudit audit report", styles.title());
            row++;
            Report.DeploymentInfo d = r.deployment();
            Report.Summary s = r.summary();
            Object[][] facts = {
                    {"Deployment", d == null ? null : d.name()},
                    {"Deployment file", d == null ? null : d.file()},
                    {"Scenario", d == null ? null : d.scenario()},
                    {"Catalog", d == null ? null : d.catalog()},
                    {"Generated at", r.generatedAt()},
                    {"Tool", r.tool() == null ? null : r.tool().name() + " " + r.tool().version()},
                    {"Gate", s == null ? null : s.gate()},
                    {"Fail on", s == null ? null : s.failOn()},
                    {"Requirements checked", s == null ? null : s.requirements()},
                    {"Requirements satisfied", s == null ? null : s.satisfied()},
                    {"Findings", r.findings().size()},
                    {"Waived", s == null ? null : s.waived()},
            };
            for (Object[] fact : facts) {
                Row x = sheet.createRow(row++);
                cells.text(x.createCell(0), (String) fact[0], styles.header());
                if (fact[1] instanceof Integer n) {
                    x.createCell(1).setCellValue(n);
                } else {
                    cells.text(x.createCell(1), (String) fact[1], styles.text());
                }
            }
            row++;
            Map<FindingType, Integer> counts = s == null || s.findings() == null ? Map.of() : s.findings();
            List<Map.Entry<String, Integer>> byType = Arrays.stream(FindingType.values())
                    .map(t -> Map.entry(t.name(), counts.getOrDefault(t, 0))).toList();
            row = new SheetTable<Map.Entry<String, Integer>>(List.of(
                    Column.of("Finding type", 22, Map.Entry::getKey),
                    Column.of("Count", 40, Map.Entry::getValue)), styles, cells).write(sheet, row, byType, false);
            row++;
            new SheetTable<Report.Input>(List.of(
                    Column.of("Firewall", 22, Report.Input::firewall),
                    Column.of("File", 40, Report.Input::file),
                    Column.of("Format", 14, Report.Input::format),
                    Column.of("SHA-256", 66, Report.Input::sha256),
                    Column.of("Rules", 8, Report.Input::rules),
                    Column.of("Lines", 8, Report.Input::lines),
                    Column.of("Unparsed lines", 15, Report.Input::unparsedLines)), styles, cells)
                    .write(sheet, row, r.inputs(), true);
        }
    }
}
