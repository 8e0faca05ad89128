package io.lyncaudit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.SourceRow;
import io.lyncaudit.finding.Witness;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Renders the JSON report of {@code contracts/report.example.json}: the same keys in the same order,
 * pretty-printed with two spaces and {@code \n}, whatever the platform.
 *
 * <p>Fields beyond the example are appended after the example's keys of the same object, so the
 * example's keys always keep their relative order: {@code requirement.sources},
 * {@code requirement.decision} (when set), finding {@code waiver} (reason, owner, expires, file; when
 * waived by a waiver file), finding {@code uncertain} (when true), finding {@code baseline}
 * ({@code new} or {@code unchanged}, with --baseline), finding {@code requirements} (every requirement
 * the finding cites, {@code requirement} first, each with its own {@code severity}, {@code status}
 * (unless the finding is IPSEC_EXTRA) and {@code flow}; on every finding that has a requirement, more than one when requirements share
 * the opening), the top-level {@code resolved} findings (last, with --baseline), evidence
 * {@code cell} (when set), diagnostic {@code category}, and the top-level {@code requirements} matrix
 * between {@code findings} and {@code diagnostics}, whose entries end with {@code finding}, the id of
 * the finding that explains a status other than SATISFIED.
 */
public final class JsonReportRenderer implements ReportRenderer {

    // Jackson's default pretty printer writes "key" : value and arrays on one line; the contract
    // writes "key": value with every array element on its own line.
    private static final DefaultIndenter INDENTER = new DefaultIndenter("  ", "\n");
    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");

    // the caller owns the stream (ReportRenderer contract)
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public boolean binary() {
        return false;
    }

    /** A generator in the report's style (two spaces, {@code \n}) that leaves {@code out} open; shared with SARIF. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setPrettyPrinter(new DefaultPrettyPrinter(SEPARATORS).withObjectIndenter(INDENTER).withArrayIndenter(INDENTER));
        return g;
    }

    @Override
    public void render(Report report, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            writeReport(g, report);
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void writeReport(JsonGenerator g, Report r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schemaVersion", r.schemaVersion());
        g.writeFieldName("tool");
        if (r.tool() == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeStringField("name", r.tool().name());
            g.writeStringField("version", r.tool().version());
            g.writeEndObject();
        }
        g.writeStringField("generatedAt", r.generatedAt());
        writeDeployment(g, r.deployment());
        g.writeArrayFieldStart("inputs");
        for (Report.Input in : r.inputs()) writeInput(g, in);
        g.writeEndArray();
        writeSummary(g, r.summary());
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) writeFinding(g, f);
        g.writeEndArray();
        g.writeArrayFieldStart("requirements");
        for (Report.RequirementStatus s : r.requirements()) writeRequirementStatus(g, s);
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Report.ReportDiagnostic d : r.diagnostics()) writeDiagnostic(g, d);
        g.writeEndArray();
        if (!r.resolved().isEmpty() || r.findings().stream().anyMatch(f -> f.baseline() != null)) {
            g.writeArrayFieldStart("resolved");
            for (Finding f : r.resolved()) writeFinding(g, f);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeDeployment(JsonGenerator g, Report.DeploymentInfo d) throws IOException {
        g.writeFieldName("deployment");
        if (d == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("name", d.name());
        g.writeStringField("file", d.file());
        g.writeStringField("catalog", d.catalog());
        g.writeStringField("scenario", d.scenario());
        g.writeEndObject();
    }

    private static void writeInput(JsonGenerator g, Report.Input in) throws IOException {
        g.writeStartObject();
        g.writeStringField("firewall", in.firewall());
        g.writeStringField("file", in.file());
        g.writeStringField("format", in.format());
        g.writeStringField("sha256", in.sha256());
        g.writeNumberField("rules", in.rules());
        g.writeNumberField("lines", in.lines());
        g.writeNumberField("unparsedLines", in.unparsedLines());
        g.writeEndObject();
    }

    private static void writeSummary(JsonGenerator g, Report.Summary s) throws IOException {
        g.writeFieldName("summary");
        if (s == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("requirements", s.requirements());
        g.writeNumberField("satisfied", s.satisfied());
        g.writeObjectFieldStart("findings");
        // every type, in enum order, so consumers never meet a missing key
        for (FindingType t : FindingType.values()) {
            Integer n = s.findings() == null ? null : s.findings().get(t);
            g.writeNumberField(t.name(), n == null ? 0 : n);
        }
        g.writeEndObject();
        g.writeNumberField("waived", s.waived());
        g.writeStringField("failOn", s.failOn());
        g.writeStringField("gate", s.gate());
        g.writeEndObject();
    }

    private static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("type", f.type() == null ? null : f.type().name());
        g.writeStringField("severity", f.severity() == null ? null : f.severity().json());
        g.writeFieldName("requirement");
        writeRequirement(g, f.requirement());
        g.writeStringField("firewall", f.firewall());
        writeFlow(g, "flow", f.flow());
        // the contract shows "uncovered" on PARTIAL findings only; other types never carry the key
        if (f.type() == FindingType.PARTIAL) writeFlow(g, "uncovered", f.uncovered());
        g.writeStringField("message", f.message());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : f.evidence()) writeEvidence(g, e);
        g.writeEndArray();
        writeWitness(g, f.witness());
        g.writeBooleanField("waived", f.waived());
        if (f.waiver() != null) {
            g.writeObjectFieldStart("waiver");
            g.writeStringField("reason", f.waiver().reason());
            g.writeStringField("owner", f.waiver().owner());
            g.writeStringField("expires", f.waiver().expires());
            if (f.waiver().file() != null) g.writeStringField("file", f.waiver().file());
            g.writeEndObject();
        }
        if (f.uncertain()) g.writeBooleanField("uncertain", true);
        if (f.baseline() != null) g.writeStringField("baseline", f.baseline());
        if (!f.requirements().isEmpty()) {
            g.writeArrayFieldStart("requirements");
            for (CitedRequirement c : f.requirements()) {
                g.writeStartObject();
                writeRequirementFields(g, c.requirement());
                g.writeStringField("severity", c.severity() == null ? null : c.severity().json());
                if (c.status() != null) g.writeStringField("status", c.status().name());
                writeFlow(g, "flow", c.flow());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void writeRequirement(JsonGenerator g, RequirementRef req) throws IOException {
        if (req == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        writeRequirementFields(g, req);
        g.writeEndObject();
    }

    private static void writeRequirementFields(JsonGenerator g, RequirementRef req) throws IOException {
        if (req == null) return;
        g.writeStringField("id", req.id());
        g.writeStringField("title", req.title());
        g.writeFieldName("source");
        writeSourceRow(g, req.source());
        g.writeArrayFieldStart("sources");
        for (SourceRow row : req.sources()) writeSourceRow(g, row);
        g.writeEndArray();
        if (req.decision() != null) g.writeStringField("decision", req.decision());
    }

    private static void writeSourceRow(JsonGenerator g, SourceRow row) throws IOException {
        if (row == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("file", row.file());
        g.writeNumberField("table", row.table());
        g.writeNumberField("row", row.row());
        g.writeEndObject();
    }

    private static void writeFlow(JsonGenerator g, String field, Flow flow) throws IOException {
        g.writeFieldName(field);
        if (flow == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("protocol", flow.protocol());
        g.writeStringField("ports", flow.ports());
        g.writeStringField("source", flow.source());
        g.writeStringField("destination", flow.destination());
        g.writeEndObject();
    }

    private static void writeEvidence(JsonGenerator g, Evidence e) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", e.file());
        g.writeNumberField("line", e.line());
        g.writeStringField("text", e.text());
        g.writeStringField("role", e.role());
        if (e.cell() != null) g.writeStringField("cell", e.cell());
        g.writeEndObject();
    }

    private static void writeWitness(JsonGenerator g, Witness w) throws IOException {
        g.writeFieldName("witness");
        if (w == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("protocol", w.protocol());
        g.writeStringField("source", w.source());
        g.writeNumberField("sourcePort", w.sourcePort());
        g.writeStringField("destination", w.destination());
        g.writeNumberField("destinationPort", w.destinationPort());
        g.writeEndObject();
    }

    private static void writeRequirementStatus(JsonGenerator g, Report.RequirementStatus s) throws IOException {
        g.writeStartObject();
        g.writeFieldName("requirement");
        writeRequirement(g, s.requirement());
        g.writeStringField("firewall", s.firewall());
        writeFlow(g, "flow", s.flow());
        g.writeStringField("status", s.status());
        g.writeStringField("severity", s.severity());
        g.writeArrayFieldStart("evidence");
        for (Evidence e : s.evidence()) writeEvidence(g, e);
        g.writeEndArray();
        if (s.finding() != null) g.writeStringField("finding", s.finding());
        g.writeEndObject();
    }

    private static void writeDiagnostic(JsonGenerator g, Report.ReportDiagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", d.file());
        g.writeNumberField("line", d.line());
        g.writeStringField("severity", d.severity());
        g.writeStringField("text", d.text());
        g.writeStringField("message", d.message());
        g.writeStringField("category", d.category());
        g.writeEndObject();
    }
}
