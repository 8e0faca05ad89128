package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.finding.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON renderer against its golden file, plus the contract's key order and the round trip through the reader. */
class JsonReportRendererTest extends RendererContractTest {

    @Override
    protected ReportRenderer renderer() {
        return new JsonReportRenderer();
    }

    @Override
    protected ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    protected void assertMatchesExpected(byte[] rendered) throws IOException {
        Golden.assertText("report.json", new String(rendered, StandardCharsets.UTF_8));
    }

    private static JsonNode tree(Report r) throws IOException {
        return new ObjectMapper().readTree(render(new JsonReportRenderer(), r));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void keysFollowTheContractOrder() throws IOException {
        JsonNode root = tree(ReportFixtures.sample());
        assertEquals(List.of("schemaVersion", "tool", "generatedAt", "deployment", "inputs", "summary", "findings",
                "requirements", "diagnostics"), keys(root));
        assertEquals(List.of("MISSING", "PARTIAL", "EXTRA", "MISDIRECTED", "SHADOWED", "IPSEC_MISSING", "IPSEC_EXTRA"),
                keys(root.get("summary").get("findings")));
        JsonNode partial = root.get("findings").get(0);
        assertEquals(List.of("id", "type", "severity", "requirement", "firewall", "flow", "uncovered", "message", "evidence",
                "witness", "waived", "requirements"), keys(partial));
        assertEquals(List.of("id", "title", "source", "sources"), keys(partial.get("requirement")));
        assertEquals(List.of("id", "title", "source", "sources", "severity", "status", "flow"),
                keys(partial.get("requirements").get(0)));
        assertEquals(List.of("requirement", "firewall", "flow", "status", "severity", "evidence", "finding"),
                keys(root.get("requirements").get(1)));
        assertFalse(root.get("requirements").get(0).has("finding"), "a satisfied requirement links no finding");
        assertEquals(List.of("file", "line", "severity", "text", "message", "category"), keys(root.get("diagnostics").get(0)));
    }

    @Test
    void optionalFieldsAppearOnlyWhenTheyMeanSomething() throws IOException {
        JsonNode findings = tree(ReportFixtures.sample()).get("findings");
        for (JsonNode f : findings) {
            assertEquals("PARTIAL".equals(f.get("type").asText()), f.has("uncovered"), f.get("id").asText());
            assertEquals("f-9a8b7c6d".equals(f.get("id").asText()), f.has("uncertain"), f.get("id").asText());
        }
        JsonNode extra = findings.get(2);
        assertEquals("EXTRA", extra.get("type").asText());
        assertTrue(extra.get("requirement").isNull(), "EXTRA findings have requirement: null");
        assertEquals("Rules!A7", extra.get("evidence").get(0).get("cell").asText());
        assertFalse(findings.get(0).get("evidence").get(0).has("cell"));
        assertEquals("high", findings.get(0).get("severity").asText());
        JsonNode ipsec = findings.get(5).get("requirement");
        assertEquals(2, ipsec.get("sources").size());
        assertTrue(ipsec.has("decision"));
    }

    @Test
    void emptyCollectionsAreCompact() throws IOException {
        String json = new String(render(new JsonReportRenderer(), ReportFixtures.empty()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"inputs\": [],"), json);
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("\r"));
    }

    @Test
    void roundTripsThroughTheReader() throws IOException {
        Report sample = ReportFixtures.sample();
        byte[] json = render(new JsonReportRenderer(), sample);
        Report back = JsonReportReader.read(new ByteArrayInputStream(json), "report.json");
        assertEquals(sample, back);
        assertEquals(new String(json, StandardCharsets.UTF_8),
                new String(render(new JsonReportRenderer(), back), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsAnEmptyReport() throws IOException {
        Report empty = ReportFixtures.empty();
        assertEquals(empty, JsonReportReader.read(new ByteArrayInputStream(render(new JsonReportRenderer(), empty)), "e.json"));
    }

    @Test
    void aSharedFindingCitesEveryRequirementAndTheMatrixLinksEachToIt() throws IOException {
        JsonNode root = tree(ReportFixtures.sample());
        JsonNode missing = root.get("findings").get(1);
        assertEquals("L13-EDGE-EXT-003", missing.get("requirement").get("id").asText(), "the contract's field: the primary requirement");
        JsonNode cited = missing.get("requirements");
        assertEquals(2, cited.size());
        assertEquals("L13-EDGE-EXT-003", cited.get(0).get("id").asText());
        assertEquals("L13-EDGE-EXT-006", cited.get(1).get("id").asText());
        assertEquals("high", cited.get(1).get("severity").asText());
        assertEquals("MISSING", cited.get(1).get("status").asText());
        assertEquals(2, cited.get(1).get("sources").size(), "every source row of every requirement");
        assertEquals(1, root.get("findings").get(2).get("requirements") == null ? 1 : 0, "EXTRA cites no requirement");
        int linked = 0;
        for (JsonNode m : root.get("requirements")) if ("f-19c0aa01".equals(m.path("finding").asText())) linked++;
        assertEquals(2, linked, "one matrix line per requirement, both pointing at the shared finding");
    }

    @Test
    void uncoveredIsDroppedForTypesOtherThanPartial() throws IOException {
        Finding missing = ReportFixtures.sample().findings().get(1);
        Finding withUncovered = new Finding(missing.id(), missing.type(), missing.severity(), missing.requirement(),
                missing.firewall(), missing.flow(), missing.flow(), missing.message(), missing.evidence(), missing.witness(),
                false, false);
        Report r = ReportFixtures.with(ReportFixtures.sample(), List.of(withUncovered), List.of());
        assertFalse(tree(r).get("findings").get(0).has("uncovered"));
    }

    @Test
    void waiverBaselineAndResolvedRoundTrip() throws IOException {
        Report s = ReportFixtures.sample();
        List<Finding> findings = new ArrayList<>();
        for (Finding f : s.findings()) findings.add(f.withBaseline(Finding.UNCHANGED));
        findings.set(0, findings.get(0).waivedBy(new io.lyncaudit.finding.FindingWaiver("CHG-2231", "netsec@contoso.com",
                "2027-03-31", "waivers.yaml:4")).withBaseline(Finding.NEW));
        Report r = new Report(s.schemaVersion(), s.tool(), s.generatedAt(), s.deployment(), s.inputs(), s.summary(), findings,
                s.requirements(), s.diagnostics(), List.of(s.findings().get(1)));
        JsonNode root = tree(r);
        assertEquals(List.of("schemaVersion", "tool", "generatedAt", "deployment", "inputs", "summary", "findings",
                "requirements", "diagnostics", "resolved"), keys(root));
        JsonNode first = root.get("findings").get(0);
        assertEquals(List.of("id", "type", "severity", "requirement", "firewall", "flow", "uncovered", "message", "evidence",
                "witness", "waived", "waiver", "baseline", "requirements"), keys(first));
        assertEquals("netsec@contoso.com", first.get("waiver").get("owner").asText());
        assertEquals("new", first.get("baseline").asText());
        Report back = JsonReportReader.read(new ByteArrayInputStream(render(new JsonReportRenderer(), r)), "r.json");
        assertEquals(r, back);
    }
}
