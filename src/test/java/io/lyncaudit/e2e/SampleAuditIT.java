package io.lyncaudit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shaded jar on the samples, as the README tells a user to, and checks the findings exactly. */
class SampleAuditIT {
    private static final Path JAR = Path.of(System.getProperty("lyncaudit.jar", "target/lyncaudit.jar"));

    record Run(int exit, String out, String err) {}

    static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jar did not finish");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** "TYPE REQUIREMENT FIREWALL FIRST-EVIDENCE-LINE" for every finding of a JSON report. */
    static TreeSet<String> findings(JsonNode report) {
        TreeSet<String> s = new TreeSet<>();
        for (JsonNode f : report.get("findings")) {
            String req = f.get("requirement").isNull() ? "-" : f.get("requirement").get("id").asText();
            s.add(f.get("type").asText() + " " + req + " " + f.get("firewall").asText() + " "
                    + f.get("evidence").get(0).get("file").asText() + ":" + f.get("evidence").get(0).get("line").asInt());
        }
        return s;
    }

    @Test
    void plantedSampleYieldsExactlyItsFourFindingsAndFailsTheGate(@TempDir Path out) throws Exception {
        Run r = run("audit", "samples/contoso-single-edge-nat/deployment.yaml", "--format", "json", "--format", "xlsx",
                "--format", "console", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("lyncaudit.json").toFile());
        String dir = "samples/contoso-single-edge-nat/";
        assertEquals(new TreeSet<>(List.of(
                "EXTRA - edge-external " + dir + "edge-external-rules.xlsx:11",
                "MISDIRECTED L13-EDGE-EXT-014 edge-external " + dir + "edge-external-rules.xlsx:9",
                "MISSING L13-EDGE-INT-008 edge-internal " + dir + "edge-internal-rules.csv:9",
                "PARTIAL L13-EDGE-EXT-009 edge-external " + dir + "edge-external-rules.xlsx:7")), findings(report));
        assertEquals("FAIL", report.get("summary").get("gate").asText());
        assertEquals("55000-59999", report.get("findings").findValues("uncovered").get(0).get("ports").asText());
        // 22 Edge checks plus the Director's SIP from the Edge (L13-DIR-006) on edge-internal
        assertEquals(23, report.get("summary").get("requirements").asInt());
        assertEquals(20, report.get("summary").get("satisfied").asInt(), "23 checks less the MISSING, PARTIAL and MISDIRECTED ones");
        assertTrue(Files.size(out.resolve("lyncaudit.xlsx")) > 1000);
        assertTrue(Files.readString(out.resolve("lyncaudit.txt")).contains("Gate: FAIL"));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(3, files.count(), "only the three reports, no temp files");
        }
    }

    @Test
    void cleanSampleWithoutTheClientsIpsecExceptionYieldsExactlyOneIpsecMissing(@TempDir Path tmp) throws Exception {
        Path src = Path.of("samples/contoso-clean-public");
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : files.toList()) Files.copy(f, tmp.resolve(f.getFileName()));
        }
        Path csv = tmp.resolve("ipsec-rules.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.removeIf(l -> l.startsWith("Clients,")), "the sample has the Clients exception");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Run r = run("audit", tmp.resolve("deployment.yaml").toString(), "--format", "json", "--fail-on", "medium");
        assertEquals(1, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode findings = report.get("findings");
        assertEquals(1, findings.size(), findings::toString);
        JsonNode f = findings.get(0);
        assertEquals("IPSEC_MISSING", f.get("type").asText());
        assertEquals("L13-IPSEC-015", f.get("requirement").get("id").asText());
        assertEquals("lync-server-2013-ipsec-exceptions.md", f.get("requirement").get("source").get("file").asText());
        assertTrue(f.get("message").asText().contains("is not exempt"), f::toString);
        assertEquals(1, report.get("summary").get("findings").get("IPSEC_MISSING").asInt());
    }

    @Test
    void cleanSamplePassesTheGateWithEveryRequirementSatisfied() throws Exception {
        Run r = run("audit", "samples/contoso-clean-public/deployment.yaml", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), List.copyOf(findings(report)));
        assertEquals("PASS", report.get("summary").get("gate").asText());
        assertEquals(report.get("summary").get("requirements").asInt(), report.get("summary").get("satisfied").asInt());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void scaledHlbSamplePassesTheGateWithTheNodeAndVipRequirementsChecked() throws Exception {
        Run r = run("audit", "samples/fabrikam-scaled-hlb/deployment.yaml", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(List.of(), List.copyOf(findings(report)));
        assertEquals("PASS", report.get("summary").get("gate").asText());
        assertEquals("scaled-hlb", report.get("deployment").get("scenario").asText());
        // 11 Edge Server (node) and 8 VIP checks outside, 8 node and 6 VIP checks inside
        assertEquals(33, report.get("summary").get("requirements").asInt());
        assertEquals(33, report.get("summary").get("satisfied").asInt());
        TreeSet<String> ids = new TreeSet<>();
        for (JsonNode m : report.get("requirements")) ids.add(m.get("requirement").get("id").asText());
        assertEquals(14, ids.stream().filter(id -> id.startsWith("L13-EDGE-HLB-VIP-")).count(), ids.toString());
        assertFalse(ids.contains("L13-EDGE-EXT-005"), "SIP/TLS to the servers is replaced by the VIP requirement in scaled-hlb");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badInputThroughTheJarIsExitTwoWithoutStackTrace(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("deployment.yaml");
        Files.writeString(d, "schemaVersion: 1\nedge:\n  scenario: single-edge\n");
        Run r = run("audit", d.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("deployment.yaml:3: edge.scenario: unknown scenario 'single-edge'"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "no report directory for a failed run");
    }
}
