package io.lyncaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the report as SARIF 2.1.0: one run, the requirements of the findings as rules, one
 * result per finding located at its first evidence line, waived findings as external suppressions
 * and the stable finding id as the partial fingerprint, so code-scanning tools track a finding
 * across runs and line shifts.
 *
 * <p>EXTRA findings have no requirement; their rule is the finding type ({@code lyncaudit/EXTRA}).
 * A finding that several requirements share (one opening) has its primary requirement as its
 * rule, lists every requirement in its {@code requirements} property, and each of them is a rule
 * of the run with its source rows in the help text.
 * A finding whose evidence has no line (an implicit default) is located at the file only.
 */
public final class SarifReportRenderer implements ReportRenderer {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT = "lyncauditFindingId/v1";

    @Override
    public String format() {
        return "sarif";
    }

    @Override
    public String extension() {
        return "sarif";
    }

    @Override
    public boolean binary() {
        return false;
    }

    /** critical/high = error, medium = warning, low/info = note. */
    static String level(Severity s) {
        if (s == null) return "warning";
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "note";
        };
    }

    static String ruleId(Finding f) {
        return f.requirement() != null && f.requirement().id() != null ? f.requirement().id() : "lyncaudit/" + f.type().name();
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        // rules in order of first appearance, so the index of each result's rule is stable; the
        // other requirements a finding cites are rules too, so their help (source rows) is there
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            rules.putIfAbsent(ruleId(f), new Rule(f.requirement(), f.type(), f.severity()));
            for (CitedRequirement c : f.requirements()) {
                if (c.requirement() != null && c.requirement().id() != null) {
                    rules.putIfAbsent(c.requirement().id(), new Rule(c.requirement(), f.type(), c.severity()));
                }
            }
        }
        List<String> ruleIds = List.copyOf(rules.keySet());
        try (JsonGenerator g = JsonReportRenderer.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", report.tool() != null ? report.tool().name() : "lyncaudit");
            if (report.tool() != null && report.tool().version() != null) g.writeStringField("version", report.tool().version());
            g.writeArrayFieldStart("rules");
            for (Map.Entry<String, Rule> e : rules.entrySet()) writeRule(g, e.getKey(), e.getValue());
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : report.findings()) writeResult(g, f, ruleIds.indexOf(ruleId(f)));
            g.writeEndArray();
            if (report.summary() != null) {
                g.writeObjectFieldStart("properties");
                g.writeStringField("gate", report.summary().gate());
                g.writeStringField("failOn", report.summary().failOn());
                if (report.deployment() != null) g.writeStringField("deployment", report.deployment().file());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    /** What a rule of the run is made from: a requirement, or for EXTRA the finding type; the level of its first finding. */
    private record Rule(RequirementRef requirement, FindingType type, Severity severity) {
    }

    private static void writeRule(JsonGenerator g, String id, Rule f) throws IOException {
        RequirementRef req = f.requirement();
        g.writeStartObject();
        g.writeStringField("id", id);
        if (req != null) {
            g.writeStringField("name", req.id());
            text(g, "shortDescription", req.title() != null ? req.title() : req.id());
            StringBuilder help = new StringBuilder(req.title() != null ? req.title() : req.id());
            for (SourceRow row : req.sources()) help.append("\nSource: ").append(row);
            if (req.decision() != null) help.append("\nCatalog decision: ").append(req.decision());
            text(g, "help", help.toString());
        } else {
            g.writeStringField("name", f.type().name());
            String what = f.type() == FindingType.EXTRA
                    ? "The firewall permits traffic to or from a Lync address that no requirement of the deployment justifies."
                    : "A " + f.type().name() + " finding without a requirement.";
            text(g, "shortDescription", what);
            text(g, "help", what);
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(f.severity()));
        g.writeEndObject();
        if (req != null && req.source() != null) {
            g.writeObjectFieldStart("properties");
            g.writeStringField("source", req.source().toString());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeResult(JsonGenerator g, Finding f, int ruleIndex) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", ruleId(f));
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        text(g, "message", f.message() == null ? f.type().name() : f.message());
        g.writeArrayFieldStart("locations");
        Evidence first = f.evidence().stream().filter(e -> e.file() != null).findFirst().orElse(null);
        if (first != null) writeLocation(g, first);
        g.writeEndArray();
        if (f.evidence().size() > 1) {
            g.writeArrayFieldStart("relatedLocations");
            int id = 0;
            for (Evidence e : f.evidence()) {
                if (e == first || e.file() == null) continue;
                g.writeStartObject();
                g.writeNumberField("id", id++);
                writePhysical(g, e);
                text(g, "message", e.role() + ": " + (e.text() == null ? "" : e.text()));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, f.id());
        g.writeEndObject();
        if (f.waived()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            String reason = f.waiver() != null ? f.waiver().reason() : "waived";
            g.writeStringField("justification", reason == null ? "waived" : reason);
            if (f.waiver() != null) {
                g.writeObjectFieldStart("properties");
                g.writeStringField("owner", f.waiver().owner());
                g.writeStringField("expires", f.waiver().expires());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndArray();
        }
        if (f.baseline() != null) g.writeStringField("baselineState", f.inBaseline() ? "unchanged" : "new");
        g.writeObjectFieldStart("properties");
        g.writeStringField("findingId", f.id());
        g.writeStringField("type", f.type().name());
        g.writeStringField("severity", f.severity() == null ? null : f.severity().json());
        g.writeStringField("firewall", f.firewall());
        if (f.flow() != null) g.writeStringField("flow", f.flow().toString());
        if (f.shared()) {
            // several requirements share the finding's opening; ruleId is the primary one
            g.writeArrayFieldStart("requirements");
            for (String id : f.requirementIds()) g.writeString(id);
            g.writeEndArray();
        }
        if (first != null && first.cell() != null) g.writeStringField("cell", first.cell());
        if (first != null) g.writeStringField("evidenceText", first.text());
        if (f.uncertain()) g.writeBooleanField("uncertain", true);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeLocation(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        writePhysical(g, e);
        g.writeEndObject();
    }

    private static void writePhysical(JsonGenerator g, Evidence e) throws IOException {
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(e.file()));
        g.writeEndObject();
        // SARIF lines start at 1; an implicit default (line 0) is located at the file only
        if (e.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", e.line());
            g.writeEndObject();
        }
        if (e.cell() != null) {
            g.writeObjectFieldStart("properties");
            g.writeStringField("cell", e.cell());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** A relative URI reference: forward slashes, spaces and other unsafe characters percent-encoded. */
    static String uri(String file) {
        String f = file.replace('\\', '/');
        StringBuilder s = new StringBuilder();
        for (byte b : f.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/:".indexOf(c) >= 0) {
                s.append((char) c);
            } else {
                s.append('%').append(String.format("%02X", c));
            }
        }
        return s.toString();
    }

    private static void text(JsonGenerator g, String field, String text) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("text", text);
        g.writeEndObject();
    }
}
