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
 * The sample of two Linux Edge firewalls (an iptables-save that translates the Edge addresses
 * itself, and an /etc/nftables.conf with defines and an include): the shaded jar finds exactly the
 * three problems planted outside the filter table's forward chain, shows the translation behind
 * the satisfied and partial flows, and traces a packet through the whole path.
 */
class LinuxSampleIT {
    private static final String DIR = "samples/litware-linux-edge/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsExactlyTheDropsPlantedOutsideTheForwardChain(@TempDir Path out) throws Exception {
        Run r = run("audit", DIR + "deployment.yaml", "--format", "json", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = JSON.readTree(out.resolve("lyncaudit.json").toFile());
        assertEquals(new TreeSet<>(List.of(
                "MISSING L13-EDGE-EXT-014 edge-external " + DIR + "edge-external.rules:5",
                "PARTIAL L13-EDGE-EXT-006 edge-external " + DIR + "edge-external.rules:15",
                "MISSING L13-EDGE-INT-004 edge-internal " + DIR + "edge-internal.conf:44")), findings(report));
        for (JsonNode f : report.get("findings")) assertFalse(f.path("uncertain").asBoolean(false), "every verdict is exact: " + f);
        // the partial flow is asked at the public address and walks through the box's own DNAT
        JsonNode partial = null;
        for (JsonNode f : report.get("findings")) if (f.get("type").asText().equals("PARTIAL")) partial = f;
        List<String> roles = new ArrayList<>();
        partial.get("evidence").forEach(e -> roles.add(e.get("role").asText() + " " + e.get("line").asInt()));
        // the lines that decide first (denies, permits), then the translation the permitted part went through
        assertEquals(List.of("denies 15", "permits 52", "translates 25"), roles);
        assertEquals("131.107.155.11", partial.get("flow").get("destination").asText());
        // a satisfied inbound flow names the translation in the requirement matrix too
        boolean translated = false;
        for (JsonNode m : report.get("requirements")) {
            if (m.get("requirement").get("id").asText().equals("L13-EDGE-EXT-005")) {
                assertEquals("SATISFIED", m.get("status").asText());
                translated = m.get("evidence").toString().contains("\"translates\"");
            }
        }
        assertTrue(translated, "the Access Edge's TCP 443 is open through the DNAT");
        // every input read: no unrecognized or unsupported line, no interface the deployment does not know
        String diagnostics = report.get("diagnostics").toString();
        assertFalse(diagnostics.contains("\"unrecognized\"") || diagnostics.contains("\"unsupported\""), diagnostics);
        assertFalse(diagnostics.contains("unknown-zone"), diagnostics);
        assertFalse(diagnostics.contains("\"nat\""), "the box translates every Edge address as the deployment says: " + diagnostics);
    }

    @Test
    void traceWalksTheExternalBoxThroughItsTranslation() throws Exception {
        Run r = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "tcp 203.0.113.9:40000 -> 131.107.155.11:5061");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = JSON.readTree(r.out().strip());
        assertEquals("permit", t.get("verdict").asText());
        assertEquals("wan0", t.get("in").asText());
        assertEquals("dmz0", t.get("out").asText());
        assertEquals("tcp 203.0.113.9:40000 -> 172.25.33.11:5061", t.get("translated").asText());
        Run dropped = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "udp 203.0.113.9:40000 -> 131.107.155.31:3478");
        JsonNode d = JSON.readTree(dropped.out().strip());
        assertEquals("deny", d.get("verdict").asText());
        assertEquals("raw PREROUTING", d.get("stages").get(d.get("stages").size() - 1).get("stage").asText());
        Run nft = run("trace", DIR + "deployment.yaml", "--firewall", "edge-internal", "--format", "json",
                "--packet", "tcp 10.0.1.11:40000 -> 172.25.34.5:8057");
        JsonNode n = JSON.readTree(nft.out().strip());
        assertEquals("deny", n.get("verdict").asText());
        assertEquals(44, n.get("stages").get(n.get("stages").size() - 1).get("line").get("line").asInt());
    }
}
