package io.lyncaudit.e2e;

import static io.lyncaudit.e2e.SampleAuditIT.findings;
import static io.lyncaudit.e2e.SampleAuditIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.e2e.SampleAuditIT.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample whose inputs are native exports (ASA, iptables-save, Windows Firewall, netsh consec):
 * the shaded jar must detect each format, find exactly the planted findings of its README, and
 * mark the one that rests on a time-range as uncertain.
 */
class VendorSampleIT {
    private static final String DIR = "samples/contoso-scaled-dns-nat/";

    @Test
    void nativeExportsYieldExactlyThePlantedFindings(@TempDir Path out) throws Exception {
        Run r = run("audit", DIR + "deployment.yaml", "--format", "json", "--format", "sarif", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("lyncaudit.json").toFile());
        assertEquals(new TreeSet<>(List.of(
                "PARTIAL L13-EDGE-EXT-015 edge-external " + DIR + "edge-external.asa:89",
                "MISDIRECTED L13-EDGE-EXT-013 edge-external " + DIR + "edge-external.asa:100",
                "EXTRA - edge-external " + DIR + "edge-external.asa:91",
                "MISSING L13-EDGE-INT-004 edge-internal " + DIR + "edge-internal.rules:30",
                "SHADOWED L13-EDGE-INT-008 edge-internal " + DIR + "edge-internal.rules:32",
                "MISSING L13-EDGE-INT-003 fe01-host " + DIR + "fe01-firewall.csv:11",
                "IPSEC_MISSING L13-IPSEC-002 " + DIR + "ipsec-rules.txt " + DIR + "ipsec-rules.txt:17",
                "IPSEC_MISSING L13-IPSEC-004 " + DIR + "ipsec-rules.txt " + DIR + "ipsec-rules.txt:17",
                "IPSEC_EXTRA L13-IPSEC-009 " + DIR + "ipsec-rules.txt " + DIR + "ipsec-rules.txt:69")), findings(report));

        // only the EXTRA rests on something not modelled (the time-range), and it says so
        for (JsonNode f : report.get("findings")) {
            boolean uncertain = f.path("uncertain").asBoolean(false);
            assertEquals(f.get("type").asText().equals("EXTRA"), uncertain, f.toString());
            if (uncertain) assertTrue(f.get("message").asText().contains("time-range MAINT_WINDOW"), f.get("message").asText());
            // the internet, cut to the IPv4 of the Edge addresses, still reads as "any"
            if (f.get("type").asText().equals("EXTRA")) assertEquals("any", f.get("flow").get("source").asText(), f.toString());
        }
        // each input detected as its vendor format, every line accounted for, none unrecognized
        TreeSet<String> formats = new TreeSet<>();
        for (JsonNode in : report.get("inputs")) {
            formats.add(in.get("format").asText());
        }
        assertEquals(new TreeSet<>(List.of("cisco-asa", "iptables", "windows-firewall", "windows-ipsec")), formats);
        assertFalse(report.get("diagnostics").toString().contains("\"unrecognized\""), "no unrecognized lines in the sample");
        assertFalse(report.get("diagnostics").toString().contains("unknown-zone"), "every interface the configs name is in the deployment");
        JsonNode sarif = new ObjectMapper().readTree(out.resolve("lyncaudit.sarif").toFile());
        int uncertainResults = 0;
        for (JsonNode res : sarif.get("runs").get(0).get("results")) {
            if (res.get("properties").path("uncertain").asBoolean(false)) {
                uncertainResults++;
                assertEquals("EXTRA", res.get("properties").get("type").asText());
            }
        }
        assertEquals(1, uncertainResults, "the SARIF result of the uncertain finding says so");
    }

    @Test
    void unsupportedLinesFailTheGateOnlyWhenAsked() throws Exception {
        assertEquals(0, run("audit", DIR + "deployment.yaml", "--fail-on", "none").exit());
        Run strict = run("audit", DIR + "deployment.yaml", "--fail-on", "none", "--fail-on-unparsed");
        assertEquals(1, strict.exit(), strict.out() + strict.err());
    }

    @ParameterizedTest
    @CsvSource({"edge-external.asa, cisco-asa", "edge-internal.rules, iptables", "fe01-firewall.csv, windows-firewall",
            "ipsec-rules.txt, windows-ipsec"})
    void parseShowsWhatTheToolUnderstood(String file, String format) throws Exception {
        Run r = run("parse", DIR + file, "--format", "json");
        assertEquals(0, r.exit(), r.err());
        JsonNode p = new ObjectMapper().readTree(r.out());
        assertEquals(format, p.get("format").asText());
        JsonNode lines = p.get("lines");
        assertEquals(lines.get("total").asInt(), lines.get("used").asInt() + lines.get("ignored").asInt()
                + lines.get("unsupported").asInt() + lines.get("unrecognized").asInt(), "every line in one category");
        assertEquals(0, lines.get("unrecognized").asInt(), p.get("diagnostics").toString());
        assertTrue(p.has("policies") ? p.get("policies").size() > 0 : p.get("rules").size() > 0, r.out());
    }
}
