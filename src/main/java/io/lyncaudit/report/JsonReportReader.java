package io.lyncaudit.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.FindingWaiver;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import io.lyncaudit.finding.Witness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a JSON report written by {@link JsonReportRenderer} (or by hand, following the contract)
 * back into a {@link Report}, for {@code --baseline} and for tests.
 *
 * <p>Keys the contract marks as additions may be absent: {@code requirements} becomes empty,
 * {@code sources} becomes the single {@code source}, {@code uncertain} false, a finding's
 * {@code requirements} its one {@code requirement}, a matrix entry's {@code finding} null. Unknown keys are
 * ignored, so reports of later versions with the same {@code schemaVersion} still read. Anything
 * that does not fit throws an {@link IOException} naming the file and the JSON path.
 */
public final class JsonReportReader {
    /** The only schema version this reader understands. */
    public static final int SCHEMA_VERSION = 1;

    // the caller owns the stream; a second JSON value after the report means the file is not one report
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;

    private JsonReportReader(String file) {
        this.file = file;
    }

    /** Reads a report file. */
    public static Report read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads a report from a stream, which stays open.
     *
     * @param displayName the name error messages use for the input
     */
    public static Report read(InputStream in, String displayName) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new IOException(displayName + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new JsonReportReader(displayName).report(root);
    }

    private Report report(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) throw fail("$", "not a lyncaudit JSON report (expected an object)");
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.isInt()) throw fail("$", "not a lyncaudit JSON report (no schemaVersion)");
        if (version.intValue() != SCHEMA_VERSION) {
            throw fail("$.schemaVersion", "unsupported schema version " + version.intValue() + " (this version reads "
                    + SCHEMA_VERSION + ")");
        }
        JsonNode tool = object(root, "tool", "$");
        JsonNode dep = object(root, "deployment", "$");
        return new Report(version.intValue(),
                tool == null ? null : new Report.Tool(text(tool, "name", "$.tool"), text(tool, "version", "$.tool")),
                text(root, "generatedAt", "$"),
                dep == null ? null : new Report.DeploymentInfo(text(dep, "name", "$.deployment"),
                        text(dep, "file", "$.deployment"), text(dep, "catalog", "$.deployment"),
                        text(dep, "scenario", "$.deployment")),
                list(root, "inputs", "$", this::input),
                summary(object(root, "summary", "$")),
                list(root, "findings", "$", this::finding),
                list(root, "requirements", "$", this::requirementStatus),
                list(root, "diagnostics", "$", this::diagnostic),
                list(root, "resolved", "$", this::finding));
    }

    private Report.Input input(JsonNode n, String at) throws IOException {
        return new Report.Input(text(n, "firewall", at), text(n, "file", at), text(n, "format", at),
                text(n, "sha256", at), integer(n, "rules", at), integer(n, "lines", at), integer(n, "unparsedLines", at));
    }

    private Report.Summary summary(JsonNode n) throws IOException {
        if (n == null) return null;
        String at = "$.summary";
        Map<FindingType, Integer> counts = new EnumMap<>(FindingType.class);
        for (FindingType t : FindingType.values()) counts.put(t, 0);
        JsonNode byType = object(n, "findings", at);
        if (byType != null) {
            for (Map.Entry<String, JsonNode> e : byType.properties()) {
                FindingType t = findingType(e.getKey(), at + ".findings");
                counts.put(t, integer(byType, e.getKey(), at + ".findings"));
            }
        }
        return new Report.Summary(integer(n, "requirements", at), integer(n, "satisfied", at), counts,
                integer(n, "waived", at), text(n, "failOn", at), text(n, "gate", at));
    }

    private Finding finding(JsonNode n, String at) throws IOException {
        String severity = text(n, "severity", at);
        Severity sev;
        try {
            sev = severity == null ? null : Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw fail(at + ".severity", e.getMessage());
        }
        String type = text(n, "type", at);
        JsonNode w = object(n, "witness", at);
        return new Finding(text(n, "id", at), type == null ? null : findingType(type, at + ".type"), sev,
                requirement(object(n, "requirement", at), at + ".requirement"), text(n, "firewall", at),
                flow(object(n, "flow", at), at + ".flow"), flow(object(n, "uncovered", at), at + ".uncovered"),
                text(n, "message", at), list(n, "evidence", at, this::evidence),
                w == null ? null : new Witness(text(w, "protocol", at + ".witness"), text(w, "source", at + ".witness"),
                        integer(w, "sourcePort", at + ".witness"), text(w, "destination", at + ".witness"),
                        integer(w, "destinationPort", at + ".witness")),
                bool(n, "waived", at), bool(n, "uncertain", at), waiver(object(n, "waiver", at), at + ".waiver"),
                text(n, "baseline", at), n.hasNonNull("requirements") ? list(n, "requirements", at, this::cited) : null);
    }

    private CitedRequirement cited(JsonNode n, String at) throws IOException {
        String severity = text(n, "severity", at), status = text(n, "status", at);
        Severity sev;
        try {
            sev = severity == null ? null : Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw fail(at + ".severity", e.getMessage());
        }
        return new CitedRequirement(requirement(n, at), sev, status == null ? null : findingType(status, at + ".status"),
                flow(object(n, "flow", at), at + ".flow"));
    }

    private FindingWaiver waiver(JsonNode n, String at) throws IOException {
        if (n == null) return null;
        return new FindingWaiver(text(n, "reason", at), text(n, "owner", at), text(n, "expires", at), text(n, "file", at));
    }

    private RequirementRef requirement(JsonNode n, String at) throws IOException {
        if (n == null) return null;
        List<SourceRow> sources;
        if (n.hasNonNull("sources")) {
            sources = list(n, "sources", at, this::sourceRow);
        } else {
            JsonNode source = object(n, "source", at);
            sources = source == null ? List.of() : List.of(sourceRow(source, at + ".source"));
        }
        return new RequirementRef(text(n, "id", at), text(n, "title", at), sources, text(n, "decision", at));
    }

    private SourceRow sourceRow(JsonNode n, String at) throws IOException {
        return new SourceRow(text(n, "file", at), integer(n, "table", at), integer(n, "row", at));
    }

    private Flow flow(JsonNode n, String at) throws IOException {
        if (n == null) return null;
        return new Flow(text(n, "protocol", at), text(n, "ports", at), text(n, "source", at), text(n, "destination", at));
    }

    private Evidence evidence(JsonNode n, String at) throws IOException {
        return new Evidence(text(n, "file", at), integer(n, "line", at), text(n, "text", at), text(n, "role", at),
                text(n, "cell", at));
    }

    private Report.RequirementStatus requirementStatus(JsonNode n, String at) throws IOException {
        return new Report.RequirementStatus(requirement(object(n, "requirement", at), at + ".requirement"),
                text(n, "firewall", at), flow(object(n, "flow", at), at + ".flow"), text(n, "status", at),
                list(n, "evidence", at, this::evidence), text(n, "severity", at), text(n, "finding", at));
    }

    private Report.ReportDiagnostic diagnostic(JsonNode n, String at) throws IOException {
        return new Report.ReportDiagnostic(text(n, "file", at), integer(n, "line", at), text(n, "severity", at),
                text(n, "category", at), text(n, "text", at), text(n, "message", at));
    }

    private FindingType findingType(String name, String at) throws IOException {
        try {
            return FindingType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw fail(at, "unknown finding type '" + name + "'");
        }
    }

    /** An element reader that may fail with a path-bearing message. */
    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode node, String at) throws IOException;
    }

    private <T> List<T> list(JsonNode parent, String field, String at, Element<T> element) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return List.of();
        if (!n.isArray()) throw fail(at + "." + field, "expected an array");
        List<T> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String here = at + "." + field + "[" + i + "]";
            JsonNode e = n.get(i);
            if (!e.isObject()) throw fail(here, "expected an object");
            out.add(element.read(e, here));
        }
        return out;
    }

    private JsonNode object(JsonNode parent, String field, String at) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isObject()) throw fail(at + "." + field, "expected an object");
        return n;
    }

    private String text(JsonNode parent, String field, String at) throws IOException {
        return scalar(parent, field, at, JsonNode::isTextual, JsonNode::textValue, null, "a string");
    }

    private int integer(JsonNode parent, String field, String at) throws IOException {
        return scalar(parent, field, at, JsonNode::canConvertToInt, JsonNode::intValue, 0, "an integer");
    }

    private boolean bool(JsonNode parent, String field, String at) throws IOException {
        return scalar(parent, field, at, JsonNode::isBoolean, JsonNode::booleanValue, false, "true or false");
    }

    private <T> T scalar(JsonNode parent, String field, String at, Predicate<JsonNode> ok,
                         Function<JsonNode, T> value, T absent, String expected) throws IOException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) return absent;
        // canConvertToInt is also true for 1.5; a report never holds fractions
        if (!ok.test(n) || (n.isNumber() && !n.isIntegralNumber())) throw fail(at + "." + field, "expected " + expected);
        return value.apply(n);
    }

    private IOException fail(String at, String message) {
        return new IOException(file + ": " + at + ": " + message);
    }
}
