package io.lyncaudit.e2e;

import static io.lyncaudit.e2e.SampleAuditIT.findings;
import static io.lyncaudit.e2e.SampleAuditIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.e2e.SampleAuditIT.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample of two Juniper SRX Edge firewalls (a display-set export that translates the Edge
 * addresses itself and inherits a policy from a group, and a hierarchical export with an inactive
 * policy): the shaded jar finds exactly the five planted problems, walks a packet through the NAT
 * stage before the policies, and parses the hierarchical form.
 */
class SrxSampleIT {
    private static final String DIR = "samples/woodgrove-srx-edge/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsExactlyThePlantedProblems(@TempDir Path out) throws Exception {
        Run r = run("audit", DIR + "deployment.yaml", "--format", "json", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = JSON.readTree(out.resolve("lyncaudit.json").toFile());
        assertEquals(new TreeSet<>(List.of(
                "EXTRA - edge-external " + DIR + "edge-external.set:6",
                "MISSING L13-EDGE-EXT-008 edge-external " + DIR + "edge-external.set:67",
                "PARTIAL L13-EDGE-EXT-009 edge-external " + DIR + "edge-external.set:66",
                "MISSING L13-EDGE-INT-004 edge-internal " + DIR + "edge-internal.conf:118",
                "SHADOWED L13-EDGE-INT-003 edge-internal " + DIR + "edge-internal.conf:103")), findings(report));
        for (JsonNode f : report.get("findings")) assertFalse(f.path("uncertain").asBoolean(false), "every verdict is exact: " + f);
        // the shadowed permit names the policy that takes its traffic
        for (JsonNode f : report.get("findings")) {
            if (!f.get("type").asText().equals("SHADOWED")) continue;
            List<String> roles = new ArrayList<>();
            f.get("evidence").forEach(e -> roles.add(e.get("role").asText() + " " + e.get("line").asInt()));
            assertEquals(List.of("shadowed 103", "shadows 93"), roles);
        }
        // the inherited policy is reported at its line in the group, with the text of the statement
        String extra = report.get("findings").toString();
        assertTrue(extra.contains("set security policies from-zone untrust to-zone edge-dmz policy vendor-support then permit"), extra);
        // a satisfied inbound flow is open through the static NAT
        boolean translated = false;
        for (JsonNode m : report.get("requirements")) {
            if (m.get("requirement").get("id").asText().equals("L13-EDGE-EXT-005")) {
                assertEquals("SATISFIED", m.get("status").asText());
                translated = m.get("evidence").toString().contains("\"translates\"");
            }
        }
        assertTrue(translated, "the Access Edge's TCP 443 is open through the static NAT");
        // every line read; the one NAT warning is the deactivated rule, seen from the deployment's side
        String diagnostics = report.get("diagnostics").toString();
        assertFalse(diagnostics.contains("\"unrecognized\"") || diagnostics.contains("\"unsupported\""), diagnostics);
        assertFalse(diagnostics.contains("unknown-zone"), diagnostics);
        int nat = 0;
        for (JsonNode d : report.get("diagnostics")) {
            if (!d.get("category").asText().equals("nat")) continue;
            nat++;
            assertTrue(d.get("message").asText().contains("Web Conferencing Edge"), d.toString());
        }
        assertEquals(1, nat, diagnostics);
    }

    @Test
    void traceWalksThePacketThroughTheNatStageBeforeThePolicies() throws Exception {
        Run r = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "tcp 203.0.113.9:40000 -> 131.107.155.11:5061");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = JSON.readTree(r.out().strip());
        assertEquals("permit", t.get("verdict").asText());
        assertEquals("untrust", t.get("in").asText());
        assertEquals("edge-dmz", t.get("out").asText());
        assertEquals("tcp 203.0.113.9:40000 -> 172.25.33.11:5061", t.get("translated").asText());
        assertEquals("security nat", t.get("stages").get(0).get("stage").asText());
        assertEquals("translate", t.get("stages").get(0).get("action").asText());
        assertEquals("security policies", t.get("stages").get(1).get("stage").asText());
        Run webconf = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "tcp 203.0.113.9:40000 -> 131.107.155.21:443");
        JsonNode w = JSON.readTree(webconf.out().strip());
        assertEquals("deny", w.get("verdict").asText());
        assertEquals(67, w.get("stages").get(1).get("line").get("line").asInt());
    }

    @Test
    void parsePrintsTheHierarchicalExportAsTheNeutralPolicy() throws Exception {
        Run r = run("parse", DIR + "edge-internal.conf", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = JSON.readTree(r.out());
        assertEquals("junos-srx", p.get("format").asText());
        assertEquals(0, p.get("lines").get("unrecognized").asInt());
        assertTrue(r.out().contains("\"inactive: in the export: the device does not apply it\""), r.out());
    }
}
