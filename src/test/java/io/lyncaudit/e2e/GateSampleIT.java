package io.lyncaudit.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar on samples/contoso-waivers: waivers (valid, expired, unused), baseline, the CI formats and diff. */
class GateSampleIT {
    private static final String DEPLOYMENT = "samples/contoso-single-edge-nat/deployment.yaml";
    private static final String WAIVERS = "samples/contoso-waivers/waivers.yaml";

    @Test
    void waiversOnTheSample(@TempDir Path out) throws Exception {
        SampleAuditIT.Run r = SampleAuditIT.run("audit", DEPLOYMENT, "--waivers", WAIVERS, "--today", "2026-11-24",
                "--format", "json", "--format", "sarif", "--format", "junit", "--format", "md", "--out", out.toString());
        assertEquals(1, r.exit(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("lyncaudit.json").toFile());
        List<String> waived = new ArrayList<>();
        for (JsonNode f : report.get("findings")) if (f.get("waived").asBoolean()) waived.add(f.get("type").asText());
        assertEquals(List.of("EXTRA"), waived);
        List<String> notes = new ArrayList<>();
        for (JsonNode d : report.get("diagnostics")) {
            if (d.get("category").asText().startsWith("waiver-")) notes.add(d.get("category").asText() + "@" + d.get("line").asInt());
        }
        assertEquals(List.of("waiver-expired@13", "waiver-unused@19"), notes);
        assertTrue(Files.readString(out.resolve("lyncaudit.md")).startsWith("## lyncaudit: gate ❌ **FAIL**"));
        assertTrue(Files.readString(out.resolve("lyncaudit.xml")).contains("<skipped message=\"waived: Vendor remote support"));
        assertTrue(Files.readString(out.resolve("lyncaudit.sarif")).contains("\"kind\": \"external\""));

        SampleAuditIT.Run expired = SampleAuditIT.run("audit", DEPLOYMENT, "--waivers", WAIVERS, "--today", "2026-11-24",
                "--fail-on", "none", "--fail-on-expired-waivers", "--format", "json");
        assertEquals(1, expired.exit(), expired.err());
    }

    @Test
    void baselineMakesTheGatePassUntilSomethingNewAppears(@TempDir Path out) throws Exception {
        SampleAuditIT.Run base = SampleAuditIT.run("audit", DEPLOYMENT, "--format", "json", "--out", out.toString(), "--fail-on", "none");
        assertEquals(0, base.exit(), base.err());
        SampleAuditIT.Run again = SampleAuditIT.run("audit", DEPLOYMENT, "--baseline", out.resolve("lyncaudit.json").toString());
        assertEquals(0, again.exit(), again.out() + again.err());
    }

    @Test
    void diffOnTheBeforeAfterPair() throws Exception {
        SampleAuditIT.Run r = SampleAuditIT.run("diff", DEPLOYMENT, "--firewall", "edge-internal",
                "--before", "samples/contoso-waivers/edge-internal-before.csv", "--after", "samples/contoso-waivers/edge-internal-after.csv",
                "--fail-on", "medium");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("1 introduced, 1 resolved"), r.out());
    }
}
