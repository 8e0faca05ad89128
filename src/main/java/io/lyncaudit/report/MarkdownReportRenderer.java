package io.lyncaudit.report;

import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A short Markdown summary fit for a merge-request comment: the gate verdict first, the counts,
 * then the top findings (unwaived before waived, most severe first, at most {@value #MAX_FINDINGS}),
 * each with every requirement it cites (several share one finding when they name the same opening).
 *
 * <p>Every text that came from an input goes through {@link #escape}, so a rule comment cannot
 * break the table, open a link or inject HTML.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
    static final int MAX_FINDINGS = 20;

    @Override
    public String format() {
        return "md";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public boolean binary() {
        return false;
    }

    @Override
    public void render(Report r, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        Report.Summary sum = r.summary();
        String gate = sum == null ? "?" : sum.gate();
        s.append("## lyncaudit: gate ").append("PASS".equals(gate) ? "✅ **PASS**" : "❌ **" + escape(gate) + "**");
        if (sum != null) s.append(" (fail on ").append(escape(sum.failOn())).append(')');
        s.append("\n\n");
        if (r.deployment() != null) {
            s.append(escape(r.deployment().name())).append(" (").append(escape(r.deployment().file())).append("), catalog ")
                    .append(escape(r.deployment().catalog())).append(", scenario ").append(escape(r.deployment().scenario())).append("\n\n");
        }
        if (sum != null) {
            s.append("| required flows | satisfied |");
            for (FindingType t : FindingType.values()) s.append(' ').append(escape(t.name())).append(" |");
            s.append(" waived |");
            if (hasBaseline(r)) s.append(" new | resolved |");
            s.append("\n|");
            int cols = 3 + FindingType.values().length + (hasBaseline(r) ? 2 : 0);
            for (int i = 0; i < cols; i++) s.append("---:|");
            s.append("\n| ").append(sum.requirements()).append(" | ").append(sum.satisfied()).append(" |");
            for (FindingType t : FindingType.values()) {
                Integer n = sum.findings() == null ? null : sum.findings().get(t);
                s.append(' ').append(n == null ? 0 : n).append(" |");
            }
            s.append(' ').append(sum.waived()).append(" |");
            if (hasBaseline(r)) {
                s.append(' ').append(r.findings().stream().filter(f -> Finding.NEW.equals(f.baseline())).count()).append(" | ")
                        .append(r.resolved().size()).append(" |");
            }
            s.append("\n\n");
        }
        List<Finding> top = new ArrayList<>(r.findings());
        // unwaived first, then most severe; stable, so the report's own order breaks ties
        top.sort(Comparator.comparing(Finding::waived)
                .thenComparing(f -> f.severity() == null ? 0 : -f.severity().ordinal()));
        if (top.isEmpty()) {
            s.append("No findings.\n");
        } else {
            int shown = Math.min(MAX_FINDINGS, top.size());
            s.append("### Top findings (").append(shown).append(" of ").append(top.size()).append(")\n\n");
            s.append("| severity | type | requirement | firewall | flow | evidence | status |\n");
            s.append("|---|---|---|---|---|---|---|\n");
            for (Finding f : top.subList(0, shown)) {
                s.append("| ").append(f.severity() == null ? "" : f.severity().json())
                        .append(" | ").append(f.type() == null ? "" : f.type().name())
                        .append(" | ").append(f.requirement() == null ? "–" : escape(String.join(", ", f.requirementIds())))
                        .append(" | ").append(escape(f.firewall()))
                        .append(" | ").append(f.flow() == null ? "" : escape(f.flow().toString()))
                        .append(" | ").append(evidence(f))
                        .append(" | ").append(status(f)).append(" |\n");
            }
        }
        List<Report.ReportDiagnostic> waiverNotes = r.diagnostics().stream()
                .filter(d -> d.category() != null && d.category().startsWith("waiver-")).toList();
        if (!waiverNotes.isEmpty()) {
            s.append("\n### Waivers\n\n");
            for (Report.ReportDiagnostic d : waiverNotes) {
                s.append("- ").append(escape(d.file())).append(':').append(d.line()).append(": ").append(escape(d.message())).append('\n');
            }
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static boolean hasBaseline(Report r) {
        return !r.resolved().isEmpty() || r.findings().stream().anyMatch(f -> f.baseline() != null);
    }

    private static String evidence(Finding f) {
        for (Evidence e : f.evidence()) {
            if (e.file() == null) continue;
            return escape(e.file() + ":" + e.line() + (e.cell() != null ? " (" + e.cell() + ")" : ""));
        }
        return "";
    }

    private static String status(Finding f) {
        List<String> parts = new ArrayList<>();
        if (f.waived()) parts.add("waived" + (f.waiver() != null ? " until " + escape(f.waiver().expires()) + " (" + escape(f.waiver().owner()) + ")" : ""));
        if (f.baseline() != null) parts.add(escape(f.baseline()));
        if (f.uncertain()) parts.add("uncertain");
        return String.join(", ", parts);
    }

    /**
     * Input-derived text made inert in GitHub/GitLab Markdown and inside a table cell: newlines become
     * spaces, HTML specials become entities, and Markdown punctuation is backslash-escaped.
     */
    static String escape(String text) {
        if (text == null) return "";
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\n' -> b.append(' ');
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~', '(', ')', '{', '}' -> b.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04X", (int) c).replace("\\", "\\\\"));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
