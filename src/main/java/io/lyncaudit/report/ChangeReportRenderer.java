package io.lyncaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes a {@link ChangeReport} as plain text (for a terminal) or JSON. */
public final class ChangeReportRenderer {
    private ChangeReportRenderer() {}

    public static void text(ChangeReport c, OutputStream out) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("lyncaudit diff: firewall ").append(ConsoleText.clean(c.firewall())).append('\n')
                .append("  before: ").append(ConsoleText.clean(c.before())).append('\n')
                .append("  after:  ").append(ConsoleText.clean(c.after())).append('\n')
                .append("gate ").append(c.gate()).append(" (fail on ").append(c.failOn()).append("): ")
                .append(c.introduced().size()).append(" introduced, ").append(c.resolved().size()).append(" resolved, ")
                .append(c.unchanged().size()).append(" unchanged finding(s); ").append(c.rules().size()).append(" rule change(s); ")
                .append(c.statuses().size()).append(" required flow(s) changed status\n");
        findings(s, "Introduced findings", c.introduced());
        findings(s, "Resolved findings", c.resolved());
        findings(s, "Unchanged findings", c.unchanged());
        if (!c.statuses().isEmpty()) {
            s.append("\nRequired flows whose status changed:\n");
            for (ChangeReport.StatusChange st : c.statuses()) {
                s.append("  ").append(st.requirement() == null ? "?" : ConsoleText.clean(st.requirement().id())).append(' ')
                        .append(ConsoleText.clean(String.valueOf(st.flow()))).append(": ").append(st.before()).append(" -> ")
                        .append(st.after()).append('\n');
            }
        }
        if (!c.rules().isEmpty()) {
            s.append("\nRules:\n");
            for (ChangeReport.RuleChange r : c.rules()) {
                switch (r.kind()) {
                    case "added" -> s.append("  + line ").append(r.afterLine()).append(": ").append(ConsoleText.clean(r.afterText()));
                    case "removed" -> s.append("  - line ").append(r.beforeLine()).append(": ").append(ConsoleText.clean(r.beforeText()));
                    default -> s.append("  ~ ").append(ConsoleText.clean(r.name())).append(" line ").append(r.beforeLine()).append(": ")
                            .append(ConsoleText.clean(r.beforeText())).append("\n      -> line ").append(r.afterLine()).append(": ")
                            .append(ConsoleText.clean(r.afterText()));
                }
                s.append('\n');
            }
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void findings(StringBuilder s, String title, List<Finding> list) {
        if (list.isEmpty()) return;
        s.append('\n').append(title).append(":\n");
        for (Finding f : list) {
            s.append("  ").append(f.severity() == null ? "" : f.severity().json()).append(' ').append(f.type()).append(' ')
                    .append(f.requirement() == null ? "" : ConsoleText.clean(String.join(", ", f.requirementIds())) + " ")
                    .append(ConsoleText.clean(String.valueOf(f.flow()))).append(" (").append(f.id()).append(")\n");
            if (f.message() != null) s.append("    ").append(ConsoleText.clean(f.message())).append('\n');
            for (Evidence e : f.evidence()) {
                s.append("    ").append(ConsoleText.clean(e.file())).append(':').append(e.line()).append(' ').append(ConsoleText.clean(e.text()))
                        .append('\n');
            }
        }
    }

    public static void json(ChangeReport c, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonReportRenderer.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 1);
            g.writeStringField("firewall", c.firewall());
            g.writeStringField("before", c.before());
            g.writeStringField("after", c.after());
            g.writeStringField("failOn", c.failOn());
            g.writeStringField("gate", c.gate());
            ids(g, "introduced", c.introduced());
            ids(g, "resolved", c.resolved());
            ids(g, "unchanged", c.unchanged());
            g.writeArrayFieldStart("rules");
            for (ChangeReport.RuleChange r : c.rules()) {
                g.writeStartObject();
                g.writeStringField("change", r.kind());
                if (r.name() != null) g.writeStringField("name", r.name());
                if (r.beforeLine() > 0 || r.beforeText() != null) {
                    g.writeNumberField("beforeLine", r.beforeLine());
                    g.writeStringField("beforeText", r.beforeText());
                }
                if (r.afterLine() > 0 || r.afterText() != null) {
                    g.writeNumberField("afterLine", r.afterLine());
                    g.writeStringField("afterText", r.afterText());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("requirements");
            for (ChangeReport.StatusChange st : c.statuses()) {
                g.writeStartObject();
                g.writeStringField("id", st.requirement() == null ? null : st.requirement().id());
                g.writeStringField("flow", String.valueOf(st.flow()));
                g.writeStringField("before", st.before());
                g.writeStringField("after", st.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void ids(JsonGenerator g, String field, List<Finding> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (Finding f : list) {
            g.writeStartObject();
            g.writeStringField("id", f.id());
            g.writeStringField("type", f.type().name());
            g.writeStringField("severity", f.severity() == null ? null : f.severity().json());
            g.writeStringField("requirement", f.requirement() == null ? null : f.requirement().id());
            if (f.shared()) {
                g.writeArrayFieldStart("requirements");
                for (String id : f.requirementIds()) g.writeString(id);
                g.writeEndArray();
            }
            g.writeStringField("flow", String.valueOf(f.flow()));
            g.writeStringField("message", f.message());
            if (!f.evidence().isEmpty()) {
                g.writeStringField("file", f.evidence().get(0).file());
                g.writeNumberField("line", f.evidence().get(0).line());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
