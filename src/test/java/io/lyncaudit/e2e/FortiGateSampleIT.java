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
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample of one multi-VDOM FortiGate backup read as two firewalls: the shaded jar finds
 * exactly the five problems planted where FortiOS's reading differs from a quick look (list order
 * over ids, a VIP's service compared with the mapped port, an opening through a VIP, a predefined
 * service), shows the VIP
 * translation behind the satisfied inbound flows, and traces and parses the export by VDOM.
 */
class FortiGateSampleIT {
    private static final String DIR = "samples/woodgrove-fortigate-edge/";
    private static final String FILE = DIR + "fgt-edge-backup.conf";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsExactlyThePlantedProblems(@TempDir Path out) throws Exception {
        Run r = run("audit", DIR + "deployment.yaml", "--format", "json", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = JSON.readTree(out.resolve("lyncaudit.json").toFile());
        assertEquals(new TreeSet<>(List.of(
                "SHADOWED L13-EDGE-EXT-014 edge-external " + FILE + ":185",
                "MISSING L13-RP-EXT-002 edge-external " + FILE + ":0",
                "EXTRA - edge-external " + FILE + ":205",
                "SHADOWED L13-EDGE-INT-004 edge-internal " + FILE + ":323",
                "EXTRA - edge-internal " + FILE + ":363")), findings(report));
        for (JsonNode f : report.get("findings")) assertFalse(f.path("uncertain").asBoolean(false), "every verdict is exact: " + f);
        // the Access Edge's TCP 5061 is open through the VIP, and the requirement matrix shows the translation
        boolean translated = false;
        for (JsonNode m : report.get("requirements")) {
            if (m.get("requirement").get("id").asText().equals("L13-EDGE-EXT-006")) {
                assertEquals("SATISFIED", m.get("status").asText(), m.toString());
                translated = m.get("evidence").toString().contains("\"translates\"");
            }
        }
        assertTrue(translated, "the federation flow is permitted by the VIP policy, which translates");
        String diagnostics = report.get("diagnostics").toString();
        assertFalse(diagnostics.contains("\"unrecognized\"") || diagnostics.contains("\"unsupported\""), diagnostics);
        assertFalse(diagnostics.contains("unknown-zone"), diagnostics);
        assertFalse(diagnostics.contains("\"nat\""), "the VIPs translate every Edge address as the deployment says: " + diagnostics);
    }

    @Test
    void aDenyWithoutMatchVipDoesNotSeeVipTrafficAndTraceShowsTheTranslation() throws Exception {
        Run r = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "tcp 198.51.100.7:40000 -> 131.107.155.11:5061");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = JSON.readTree(r.out().strip());
        assertEquals("permit", t.get("verdict").asText(), t.toString());
        assertEquals("tcp 198.51.100.7:40000 -> 172.25.33.11:5061", t.get("translated").asText());
        assertEquals("dmz-ext", t.get("out").asText());
    }

    @Test
    void aMultiVdomExportNeedsItsVdomNamed() throws Exception {
        Run refused = run("parse", FILE);
        assertEquals(2, refused.exit(), refused.out());
        assertTrue(refused.err().contains("3 VDOMs (root, perimeter-out, perimeter-in)"), refused.err());
        Run in = run("parse", FILE, "--vdom", "perimeter-in");
        assertEquals(0, in.exit(), in.err());
        JsonNode p = JSON.readTree(in.out());
        assertEquals("fortigate", p.get("format").asText());
        assertEquals(6, p.get("policies").get(0).get("rules").size());
        Run trace = run("trace", FILE, "--vdom", "perimeter-in", "--packet", "tcp 10.0.1.12:40000 -> 172.25.34.5:8057",
                "--in", "port4", "--out", "port3");
        assertEquals(0, trace.exit(), trace.err());
        assertTrue(trace.out().contains("verdict: deny") && trace.out().contains("psom-fe02-hold"), trace.out());
    }
}
