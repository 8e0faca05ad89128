package io.lyncaudit.report;

import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.Witness;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a plain-text summary for a terminal: header, inputs, the gate verdict, counts per type,
 * the findings with their evidence and witness, then the diagnostics. A finding that several
 * requirements share shows its primary requirement and {@code +N}, and one {@code also} line per
 * other requirement.
 *
 * <p>Every line fits the configured width (long cells end in an ellipsis), lines end in
 * {@code \n} on every platform, and ANSI colours appear only when asked for.
 */
public final class ConsoleReportRenderer implements ReportRenderer {
    /** The width used when the caller does not know the terminal's. */
    public static final int DEFAULT_WIDTH = 120;
    /** Below this the tables cannot show anything useful. */
    public static final int MIN_WIDTH = 40;
    /** How many diagnostic lines are listed; the counts cover all of them. */
    public static final int DIAGNOSTIC_LINES = 20;

    private static final String DETAIL_INDENT = "      ";

    private static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(f -> f.firewall() == null ? "" : f.firewall())
            .thenComparing(f -> f.requirement() == null ? null : f.requirement().id(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            // the rest only makes the order total, so equal-looking findings never swap between runs
            .thenComparing(Finding::type, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Finding::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final int width;
    private final boolean color;

    /** No colours, {@link #DEFAULT_WIDTH} columns. */
    public ConsoleReportRenderer() {
        this(DEFAULT_WIDTH, false);
    }

    /**
     * @param width terminal columns; raised to {@link #MIN_WIDTH} if smaller
     * @param color true to add ANSI colours (only for a real terminal)
     */
    public ConsoleReportRenderer(int width, boolean color) {
        this.width = Math.max(MIN_WIDTH, width);
        this.color = color;
    }

    @Override
    public String format() {
        return "console";
    }

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public boolean binary() {
        return false;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        List<String> lines = new ArrayList<>();
        header(report, lines);
        inputs(report, lines);
        verdict(report, lines);
        findings(report, lines);
        diagnostics(report, lines);
        // not closed: the caller owns the stream
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : lines) {
            w.write(line);
            w.write('\n');
        }
        w.flush();
    }

    private void header(Report r, List<String> out) {
        String tool = r.tool() == null ? "lyncaudit" : ConsoleText.clean(r.tool().name()) + " " + ConsoleText.clean(r.tool().version());
        out.add(fit(tool + " audit report, generated " + ConsoleText.clean(r.generatedAt())));
        Report.DeploymentInfo d = r.deployment();
        if (d != null) {
            out.add(fit("Deployment  " + ConsoleText.clean(d.name()) + " (" + ConsoleText.clean(d.file()) + ")"));
            out.add(fit("Scenario    " + ConsoleText.clean(d.scenario())));
            out.add(fit("Catalog     " + ConsoleText.clean(d.catalog())));
        }
        out.add("");
    }

    private void inputs(Report r, List<String> out) {
        out.add("Inputs (" + r.inputs().size() + ")");
        if (r.inputs().isEmpty()) {
            out.add("  none");
        } else {
            TextTable t = new TextTable(List.of("FIREWALL", "FILE", "FORMAT", "RULES", "UNPARSED"),
                    new boolean[] {false, false, false, true, true}, new int[] {4, 4, 4, 3, 3}, new int[] {2, 3, 2, 2, 2});
            for (Report.Input in : r.inputs()) {
                t.add(in.firewall(), in.file(), in.format(), Integer.toString(in.rules()),
                        Integer.toString(in.unparsedLines()));
            }
            table(t, out);
        }
        out.add("");
    }

    private void verdict(Report r, List<String> out) {
        Report.Summary s = r.summary();
        if (s == null) return;
        String gate = ConsoleText.clean(s.gate());
        String coloured = "PASS".equals(s.gate()) ? paint(gate, Ansi.GREEN) : "FAIL".equals(s.gate()) ? paint(gate, Ansi.RED) : gate;
        out.add("Gate: " + coloured + " (fail-on " + ConsoleText.clean(s.failOn()) + ")");
        // requirements that share an opening share its finding: say so, or "5 unmet, 3 findings" puzzles
        long shared = r.findings().stream().filter(Finding::shared).count();
        out.add(fit("Requirements: " + s.requirements() + " checked, " + s.satisfied() + " satisfied; "
                + r.findings().size() + " findings, " + s.waived() + " waived"));
        if (shared > 0) {
            out.add(fit("  " + shared + (shared == 1 ? " finding cites" : " findings cite") + " several requirements that name one opening"));
        }
        int w = 0;
        for (FindingType t : FindingType.values()) w = Math.max(w, t.name().length());
        for (FindingType t : FindingType.values()) {
            Integer n = s.findings() == null ? null : s.findings().get(t);
            out.add("  " + ConsoleText.pad(t.name(), w, false) + "  " + ConsoleText.pad(String.valueOf(n == null ? 0 : n), 5, true));
        }
        out.add("");
    }

    private void findings(Report r, List<String> out) {
        out.add("Findings (" + r.findings().size() + ")");
        if (r.findings().isEmpty()) {
            out.add("  none");
            out.add("");
            return;
        }
        List<Finding> sorted = new ArrayList<>(r.findings());
        sorted.sort(ORDER);
        TextTable t = new TextTable(List.of("SEVERITY", "TYPE", "REQUIREMENT", "FIREWALL", "FLOW", "MESSAGE"),
                new boolean[6], new int[] {4, 4, 4, 4, 4, 4},
                // a cut message is repeated in full below its row, a cut flow is not: the flow keeps more room
                new int[] {2, 2, 2, 2, 5, 2});
        for (Finding f : sorted) {
            t.add(f.severity() == null ? null : f.severity().json(), f.type() == null ? null : f.type().name(),
                    requirement(f), f.firewall(), flow(f.flow()), message(f));
        }
        // the minimums add up to less than MIN_WIDTH, so a padded row always fits and needs no cut
        // (a cut could split the colour codes of the severity cell)
        int[] widths = t.layout(width, 2);
        out.add(fit("  " + t.headerLine(widths)));
        for (int i = 0; i < sorted.size(); i++) {
            Finding f = sorted.get(i);
            String[] cells = t.padded(t.rows().get(i), widths);
            cells[0] = paint(cells[0], severityColour(f.severity()));
            out.add("  " + TextTable.join(cells));
            String message = t.rows().get(i)[5];
            if (ConsoleText.width(message) > widths[5]) {
                // a cut message hides what the finding is about: repeat it in full below the row
                for (String part : ConsoleText.wrap(message, width - DETAIL_INDENT.length())) out.add(DETAIL_INDENT + part);
            }
            if (f.uncovered() != null) out.add(fit(DETAIL_INDENT + "uncovered: " + ConsoleText.clean(flow(f.uncovered()))));
            // requirements that share the finding's opening: each with its own status and title
            for (CitedRequirement c : f.requirements().subList(Math.min(1, f.requirements().size()), f.requirements().size())) {
                RequirementRef q = c.requirement();
                out.add(fit(DETAIL_INDENT + "also " + ConsoleText.clean(q == null ? "?" : q.id())
                        + (c.status() == null ? "" : " (" + c.status().name() + ")")
                        + (q == null || q.title() == null ? "" : ": " + ConsoleText.clean(q.title()))));
            }
            for (Evidence e : f.evidence()) out.add(evidence(e));
            if (f.witness() != null) out.add(fit(DETAIL_INDENT + "witness: " + ConsoleText.clean(witness(f.witness()))));
        }
        out.add("");
    }

    private void diagnostics(Report r, List<String> out) {
        List<Report.ReportDiagnostic> ds = r.diagnostics();
        out.add("Diagnostics (" + ds.size() + ")");
        if (ds.isEmpty()) {
            out.add("  none");
            return;
        }
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Report.ReportDiagnostic d : ds) {
            counts.computeIfAbsent(ConsoleText.clean(d.file()), k -> new TreeMap<>())
                    .merge(ConsoleText.clean(d.category()), 1, Integer::sum);
        }
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            List<String> parts = new ArrayList<>();
            e.getValue().forEach((category, n) -> parts.add(category + " " + n));
            out.add(fit("  " + e.getKey() + ": " + String.join(", ", parts)));
        }
        out.add("");
        TextTable t = new TextTable(List.of("LOCATION", "SEVERITY", "CATEGORY", "TEXT", "MESSAGE"),
                new boolean[5], new int[] {4, 4, 4, 4, 4}, new int[] {3, 2, 2, 3, 3});
        int shown = Math.min(DIAGNOSTIC_LINES, ds.size());
        for (Report.ReportDiagnostic d : ds.subList(0, shown)) {
            t.add(location(d.file(), d.line()), d.severity(), d.category(), d.text(), d.message());
        }
        table(t, out);
        if (ds.size() > shown) {
            out.add(fit("  ... and " + (ds.size() - shown) + " more; the json and xlsx reports list them all"));
        }
    }

    private void table(TextTable t, List<String> out) {
        int[] widths = t.layout(width, 2);
        out.add(fit("  " + t.headerLine(widths)));
        for (String[] row : t.rows()) out.add(fit("  " + t.line(row, widths)));
    }

    /** {@code file:line  text  [role]}, shortening the text first so the role stays visible. */
    private String evidence(Evidence e) {
        String where = DETAIL_INDENT + ConsoleText.clean(location(e.file(), e.line()))
                + (e.cell() == null ? "" : " (" + ConsoleText.clean(e.cell()) + ")") + "  ";
        String role = "  [" + ConsoleText.clean(e.role()) + "]";
        int room = width - ConsoleText.width(where) - ConsoleText.width(role);
        if (room < 10) return fit(where + ConsoleText.clean(e.text()) + role);
        return where + ConsoleText.fit(ConsoleText.clean(e.text()), room) + role;
    }

    private static String location(String file, int line) {
        String f = file == null ? "-" : file;
        // line 0 is an implicit default action, which has no line to point at
        return line > 0 ? f + ":" + line : f;
    }

    /** The primary requirement, and how many others share the finding: "L13-INT-SRV-015 +2". */
    private static String requirement(Finding f) {
        if (f.requirement() == null) return null;
        int others = f.requirements().size() - 1;
        return others > 0 ? f.requirement().id() + " +" + others : f.requirement().id();
    }

    private static String message(Finding f) {
        String m = f.message() == null ? "" : f.message();
        if (f.uncertain()) m = "(uncertain) " + m;
        if (f.waived()) m = "(waived) " + m;
        return m;
    }

    private static String flow(Flow f) {
        return f == null ? null : f.toString();
    }

    private static String witness(Witness w) {
        return w.protocol() + " " + endpoint(w.source(), w.sourcePort()) + " -> " + endpoint(w.destination(), w.destinationPort());
    }

    private static String endpoint(String address, int port) {
        // IPv6 needs brackets, or the port reads as one more address group
        return address != null && address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    }

    private String fit(String line) {
        return ConsoleText.fit(line, width);
    }

    private String paint(String s, String code) {
        return color && code != null ? code + s + Ansi.RESET : s;
    }

    private static String severityColour(Severity s) {
        if (s == null) return null;
        return switch (s) {
            case CRITICAL, HIGH -> Ansi.RED;
            case MEDIUM -> Ansi.YELLOW;
            case LOW -> Ansi.CYAN;
            case INFO -> null;
        };
    }

    /** The few ANSI SGR sequences used. */
    private static final class Ansi {
        static final String RED = "\u001b[31m";
        static final String GREEN = "\u001b[32m";
        static final String YELLOW = "\u001b[33m";
        static final String CYAN = "\u001b[36m";
        static final String RESET = "\u001b[0m";
    }
}
