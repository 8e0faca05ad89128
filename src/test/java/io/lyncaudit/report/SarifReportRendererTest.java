package io.lyncaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingWaiver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SARIF against its golden file and, above all, against the official SARIF 2.1.0 schema. */
class SarifReportRendererTest extends RendererContractTest {

    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream in = SarifReportRendererTest.class.getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected ReportRenderer renderer() {
        return new SarifReportRenderer();
    }

    @Override
    protected ReportFormat format() {
        return ReportFormat.SARIF;
    }

    @Override
    protected void assertMatchesExpected(byte[] rendered) throws IOException {
        Golden.assertText("report.sarif", new String(rendered, StandardCharsets.UTF_8));
    }

    static JsonNode validated(Report r) throws IOException {
        JsonNode tree = new ObjectMapper().readTree(render(new SarifReportRenderer(), r));
        Set<ValidationMessage> errors = SCHEMA.validate(tree);
        assertTrue(errors.isEmpty(), "not valid SARIF 2.1.0: " + errors);
        return tree;
    }

    private static Report waivedSample() {
        Report s = ReportFixtures.sample();
        List<Finding> findings = new ArrayList<>(s.findings());
        findings.set(0, findings.get(0).waivedBy(new FindingWaiver("Accepted until the migration", "netsec@contoso.com",
                "2027-03-31", "waivers.yaml:3")).withBaseline(Finding.UNCHANGED));
        return ReportFixtures.with(s, findings, s.diagnostics());
    }

    @Test
    void theSampleIsValidSarif() throws IOException {
        validated(ReportFixtures.sample());
        validated(waivedSample());
    }

    @Test
    void anEmptyReportIsValidSarif() throws IOException {
        JsonNode t = validated(ReportFixtures.empty());
        assertEquals(0, t.get("runs").get(0).get("results").size());
    }

    @Test
    void oneResultPerFindingLocatedAtItsLine() throws IOException {
        Report s = ReportFixtures.sample();
        JsonNode run = validated(s).get("runs").get(0);
        JsonNode results = run.get("results");
        assertEquals(s.findings().size(), results.size());
        JsonNode partial = results.get(0);
        assertEquals("L13-EDGE-EXT-009", partial.get("ruleId").asText());
        assertEquals("error", partial.get("level").asText());
        JsonNode loc = partial.get("locations").get(0).get("physicalLocation");
        assertEquals("samples/contoso/edge-external.asa", loc.get("artifactLocation").get("uri").asText());
        assertEquals(87, loc.get("region").get("startLine").asInt());
        assertEquals("f-4be1c07a", partial.get("partialFingerprints").get(SarifReportRenderer.FINGERPRINT).asText());
        // the implicit default has no line: located at the file only
        assertFalse(results.get(1).get("locations").get(0).get("physicalLocation").has("region"));
        // the spreadsheet cell travels as a property
        assertEquals("Rules!A7", results.get(2).get("locations").get(0).get("physicalLocation").get("properties").get("cell").asText());
        assertEquals("lyncaudit/EXTRA", results.get(2).get("ruleId").asText());
        assertEquals("warning", results.get(3).get("level").asText());
        assertEquals("note", results.get(4).get("level").asText());
    }

    @Test
    void rulesCarryTitleAndSourceRow() throws IOException {
        JsonNode rules = validated(ReportFixtures.sample()).get("runs").get(0).get("tool").get("driver").get("rules");
        JsonNode first = rules.get(0);
        assertEquals("L13-EDGE-EXT-009", first.get("id").asText());
        assertEquals("A/V Edge: RTP/TCP 50000-59999 outbound to any", first.get("shortDescription").get("text").asText());
        assertTrue(first.get("help").get("text").asText().contains("table 1 row 9"), first.toString());
        JsonNode ipsec = null;
        for (JsonNode r : rules) if (r.get("id").asText().equals("L13-IPSEC-001")) ipsec = r;
        assertTrue(ipsec.get("help").get("text").asText().contains("Catalog decision: "));
    }

    @Test
    void waivedFindingsAreExternalSuppressionsWithTheReason() throws IOException {
        JsonNode results = validated(waivedSample()).get("runs").get(0).get("results");
        JsonNode s = results.get(0).get("suppressions").get(0);
        assertEquals("external", s.get("kind").asText());
        assertEquals("Accepted until the migration", s.get("justification").asText());
        assertEquals("unchanged", results.get(0).get("baselineState").asText());
        assertFalse(results.get(1).has("suppressions"));
    }

    @Test
    void uriEscapesUnsafeCharacters() {
        assertEquals("dir/my%20fw%23.asa", SarifReportRenderer.uri("dir\\my fw#.asa"));
    }
}
