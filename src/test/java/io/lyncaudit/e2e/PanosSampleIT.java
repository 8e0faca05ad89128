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
 * The sample of two PAN-OS Edge firewalls (an XML running configuration whose NAT policy translates
 * the Edge addresses, and a PuTTY log of the set form): the shaded jar finds exactly the six planted
 * problems, marks the one that rests on an application stand-in uncertain and no other, shows the
 * translation behind satisfied inbound flows, and traces a packet through security then NAT.
 */
class PanosSampleIT {
    private static final String DIR = "samples/woodgrove-panos-edge/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsExactlyThePlantedProblems(@TempDir Path out) throws Exception {
        Run r = run("audit", DIR + "deployment.yaml", "--format", "json", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = JSON.readTree(out.resolve("lyncaudit.json").toFile());
        String ext = DIR + "edge-external.xml:", in = DIR + "edge-internal.log:";
        assertEquals(new TreeSet<>(List.of(
                "MISSING L13-EDGE-EXT-008 edge-external " + ext + "1871",
                "MISSING L13-EDGE-EXT-014 edge-external " + ext + "1871",
                "SHADOWED L13-EDGE-EXT-006 edge-external " + ext + "1548",
                "EXTRA - edge-external " + ext + "1674",
                "EXTRA - edge-external " + ext + "1700",
                "MISSING L13-EDGE-INT-004 edge-internal " + in + "108")), findings(report));
        for (JsonNode f : report.get("findings")) {
            boolean stun = f.path("requirement").path("id").asText().equals("L13-EDGE-EXT-014");
            assertEquals(stun, f.path("uncertain").asBoolean(false), "only the STUN finding rests on a stand-in: " + f);
            if (stun) assertTrue(f.toString().contains("application stun"), f.toString());
        }
        // the EXTRA ports: TCP 22 (application ssh on application-default) and TCP 8080 (service-http is 80 and 8080)
        List<String> extra = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("type").asText().equals("EXTRA")) extra.add(f.get("flow").get("protocol").asText() + " " + f.get("flow").get("ports").asText());
        }
        extra.sort(null);
        assertEquals(List.of("TCP 22", "TCP 8080"), extra);
        // a satisfied inbound flow is asked at the public address and shows the NAT rule that translates it
        for (JsonNode m : report.get("requirements")) {
            if (m.get("requirement").get("id").asText().equals("L13-EDGE-EXT-005")) {
                assertEquals("SATISFIED", m.get("status").asText());
                List<String> roles = new ArrayList<>();
                m.get("evidence").forEach(e -> roles.add(e.get("role").asText() + " " + e.get("line").asInt()));
                assertEquals(List.of("permits 1548", "translates 1770"), roles);
            }
        }
        // every line read: one unsupported (the stand-in), nothing unrecognized, no zone the deployment lacks, the NAT as deployed
        String diagnostics = report.get("diagnostics").toString();
        assertFalse(diagnostics.contains("\"unrecognized\""), diagnostics);
        assertFalse(diagnostics.contains("unknown-zone"), diagnostics);
        assertFalse(diagnostics.contains("\"nat\""), "the firewall translates every Edge address as the deployment says: " + diagnostics);
        int unsupported = 0;
        for (JsonNode d : report.get("diagnostics")) if (d.get("category").asText().equals("unsupported")) unsupported++;
        assertEquals(1, unsupported, diagnostics);
    }

    @Test
    void traceGoesThroughTheSecurityPolicyThenTheNatPolicy() throws Exception {
        Run r = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "tcp 203.0.113.9:40000 -> 131.107.155.11:5061");
        assertEquals(0, r.exit(), r.err());
        JsonNode t = JSON.readTree(r.out().strip());
        assertEquals("permit", t.get("verdict").asText());
        assertEquals("untrust", t.get("in").asText());
        assertEquals("dmz", t.get("out").asText());
        assertEquals("tcp 203.0.113.9:40000 -> 172.25.33.11:5061", t.get("translated").asText());
        List<String> stages = new ArrayList<>();
        t.get("stages").forEach(s -> stages.add(s.get("stage").asText()));
        assertEquals(List.of("security", "nat"), stages);
        // the post-NAT address is not what the security policy sees
        Run priv = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json", "--in", "untrust", "--out", "dmz",
                "--packet", "tcp 203.0.113.9:40000 -> 131.107.155.21:443");
        assertEquals("deny", JSON.readTree(priv.out().strip()).get("verdict").asText());
        Run stun = run("trace", DIR + "deployment.yaml", "--firewall", "edge-external", "--format", "json",
                "--packet", "udp 203.0.113.9:40000 -> 131.107.155.31:3478");
        assertEquals("uncertain", JSON.readTree(stun.out().strip()).get("verdict").asText());
    }

    @Test
    void parseReadsThePuttyLogInTheSetForm() throws Exception {
        Run r = run("parse", DIR + "edge-internal.log", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = JSON.readTree(r.out());
        assertEquals("panos", p.get("format").asText());
        assertEquals(0, p.get("lines").get("unrecognized").asInt());
        assertEquals(p.get("lines").get("total").asInt(), p.get("lines").get("used").asInt() + p.get("lines").get("ignored").asInt());
    }
}
