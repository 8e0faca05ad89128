package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate end to end, in-process: waivers (the samples/contoso-waivers file: one valid, one
 * expired, one unused), the baseline (a comment line inserted into a config must not make findings
 * new), the new output formats, and one test per exit code.
 */
class GateCliTest {
    static final Path WAIVERS = Path.of("samples/contoso-waivers/waivers.yaml");
    static final String TODAY = "2026-11-24";

    @TempDir
    Path tmp;

    private static JsonNode json(Cli.Result r) throws IOException {
        return new ObjectMapper().readTree(r.out());
    }

    private static JsonNode finding(JsonNode report, String type) {
        for (JsonNode f : report.get("findings")) if (f.get("type").asText().equals(type)) return f;
        throw new AssertionError("no " + type + " finding");
    }

    private static List<String> categories(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : report.get("diagnostics")) if (d.get("category").asText().startsWith("waiver-")) out.add(d.get("category").asText());
        return out;
    }

    @Test
    void waiversMarkFindingsAndReportExpiredAndUnusedOnes() throws IOException {
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--format", "json", "--waivers", WAIVERS, "--today", TODAY);
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString); // MISDIRECTED, PARTIAL and MISSING are not waived
        JsonNode report = json(r);
        JsonNode extra = finding(report, "EXTRA");
        assertTrue(extra.get("waived").asBoolean());
        assertEquals("netsec@contoso.com", extra.get("waiver").get("owner").asText());
        assertEquals("2099-03-31", extra.get("waiver").get("expires").asText());
        assertTrue(extra.get("waiver").get("reason").asText().contains("CHG-2231"));
        JsonNode missing = finding(report, "MISSING");
        assertFalse(missing.get("waived").asBoolean(), "the expired waiver no longer suppresses");
        assertEquals(1, report.get("summary").get("waived").asInt());
        assertEquals(List.of("waiver-expired", "waiver-unused"), categories(report));
        for (JsonNode d : report.get("diagnostics")) {
            if (d.get("category").asText().equals("waiver-expired")) {
                assertEquals("warning", d.get("severity").asText());
                assertEquals(13, d.get("line").asInt());
                assertTrue(d.get("file").asText().endsWith("waivers.yaml"));
            }
        }
    }

    @Test
    void warnDaysAndTheFailOnWaiverOptions() throws IOException {
        // the valid waiver expires 2099-03-31: warned with a window that reaches it
        Cli.Result warned = Cli.run("audit", Cli.PLANTED, "--format", "json", "--waivers", WAIVERS, "--today", "2099-03-01",
                "--waiver-warn-days", "30", "--fail-on", "none");
        assertEquals(ExitCode.PASS.code(), warned.code(), warned::toString);
        assertTrue(categories(json(warned)).contains("waiver-expiring"));

        Cli.Result expired = Cli.run("audit", Cli.PLANTED, "--waivers", WAIVERS, "--today", TODAY, "--fail-on", "none",
                "--fail-on-expired-waivers", "--format", "md");
        assertEquals(ExitCode.FAIL.code(), expired.code(), expired::toString);
        assertTrue(expired.out().startsWith("## lyncaudit: gate ❌ **FAIL**"), expired.out());
        assertTrue(expired.out().contains("### Waivers"), expired.out());

        Cli.Result unused = Cli.run("audit", Cli.PLANTED, "--waivers", WAIVERS, "--today", TODAY, "--fail-on", "none",
                "--fail-on-unused-waivers", "--format", "json");
        assertEquals(ExitCode.FAIL.code(), unused.code(), unused::toString);
        assertEquals("FAIL", json(unused).get("summary").get("gate").asText());
    }

    @Test
    void aMalformedWaiverFileIsBadInputNamingTheLine() {
        Path w = Cli.write(tmp.resolve("waivers.yaml"), "schemaVersion: 1\nwaivers:\n  - type: EXTRA\n    reason: r\n    owner: o\n    expires: soon\n");
        String msg = Cli.badInput(Cli.run("audit", Cli.PLANTED, "--waivers", w));
        assertEquals(Cli.shown(w) + ":6: waivers[0].expires: expected a date as yyyy-mm-dd, found 'soon'", msg);
        assertTrue(Cli.badInput(Cli.run("audit", Cli.PLANTED, "--waivers", tmp.resolve("none.yaml"))).endsWith("file not found"));
    }

    @Test
    void theBaselineSurvivesAnInsertedLineAndOnlyNewFindingsFail() throws IOException {
        Path base = tmp.resolve("base");
        Cli.Result first = Cli.run("audit", Cli.PLANTED, "--format", "json", "--out", base, "--fail-on", "none");
        assertEquals(ExitCode.PASS.code(), first.code(), first::toString);
        Path baseline = base.resolve("lyncaudit.json");

        // the same configs with a comment line inserted above every rule: all lines shift by one
        Path dir = Cli.copy(Cli.PLANTED.getParent(), tmp);
        Cli.edit(dir.resolve("edge-internal-rules.csv"), "Name,Source,Destination,Protocol,Port,Action,Comment\n",
                "Name,Source,Destination,Protocol,Port,Action,Comment\n# reviewed in CHG-1,,,,,,\n");
        Cli.Result shifted = Cli.run("audit", dir.resolve("deployment.yaml"), "--format", "json", "--baseline", baseline);
        assertEquals(ExitCode.PASS.code(), shifted.code(), shifted::toString);
        JsonNode report = json(shifted);
        for (JsonNode f : report.get("findings")) assertEquals("unchanged", f.get("baseline").asText(), f.toString());
        assertEquals(10, finding(report, "MISSING").get("evidence").get(0).get("line").asInt(), "the line did shift");
        assertEquals(0, report.get("resolved").size());

        // open RDP on the internal firewall too (a medium EXTRA) and close the CMS hole: one new finding, one resolved;
        // at --fail-on medium only the new one fails the gate (the baseline's high and critical ones do not)
        Cli.edit(dir.resolve("edge-internal-rules.csv"), "Deny everything else,",
                "CMS replication,\"10.0.1.10-10.0.1.13\",10.0.10.5,TCP,4443,permit,\nRDP,any,10.0.10.5,TCP,3389,permit,\nDeny everything else,");
        Cli.Result changed = Cli.run("audit", dir.resolve("deployment.yaml"), "--format", "json", "--baseline", baseline,
                "--fail-on", "medium");
        assertEquals(ExitCode.FAIL.code(), changed.code(), changed::toString);
        JsonNode c = json(changed);
        long fresh = 0;
        for (JsonNode f : c.get("findings")) if (f.get("baseline").asText().equals("new")) fresh++;
        assertEquals(1, fresh, c.get("findings").toString());
        assertEquals(1, c.get("resolved").size());
        assertEquals("MISSING", c.get("resolved").get(0).get("type").asText());
        assertTrue(changed.err().isEmpty() || !changed.err().contains("Exception"));
    }

    @Test
    void aBadBaselineIsBadInput() {
        Path bad = Cli.write(tmp.resolve("old.json"), "{\"schemaVersion\": 7}");
        String msg = Cli.badInput(Cli.run("audit", Cli.PLANTED, "--baseline", bad));
        assertTrue(msg.startsWith(Cli.shown(bad) + ": not a usable baseline report: "), msg);
        assertTrue(msg.contains("unsupported schema version 7"), msg);
    }

    @Test
    void writesTheCiFormatsIntoADirectory() throws IOException {
        Path out = tmp.resolve("reports");
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--format", "sarif", "--format", "junit", "--format", "md", "--out", out,
                "--waivers", WAIVERS, "--today", TODAY);
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        assertEquals(List.of("lyncaudit.md", "lyncaudit.sarif", "lyncaudit.xml"), Cli.list(out));
        JsonNode sarif = new ObjectMapper().readTree(out.resolve("lyncaudit.sarif").toFile());
        int suppressed = 0;
        for (JsonNode res : sarif.get("runs").get(0).get("results")) if (res.has("suppressions")) suppressed++;
        assertEquals(1, suppressed);
        String xml = Files.readString(out.resolve("lyncaudit.xml"));
        assertTrue(xml.contains("<skipped"), xml);
    }

    // ---- one test per exit code (PRODUCT.md) ------------------------------------------------------

    @Test
    void exit0WhenTheGatePasses() {
        Cli.Result r = Cli.run("audit", Cli.CLEAN, "--format", "md");
        assertEquals(0, r.code(), r::toString);
        assertEquals(ExitCode.PASS.code(), r.code());
    }

    @Test
    void exit1WhenTheGateFails() {
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--format", "junit");
        assertEquals(1, r.code(), r::toString);
        assertEquals(ExitCode.FAIL.code(), r.code());
    }

    @Test
    void exit2OnBadUsageOrInput() {
        assertEquals(2, Cli.run("audit", Cli.PLANTED, "--waiver-warn-days", "-1").code());
        assertEquals(2, Cli.run("audit", Cli.PLANTED, "--today", "tomorrow").code());
        assertEquals(ExitCode.BAD_INPUT.code(), Cli.run("audit", tmp.resolve("missing.yaml")).code());
    }

    @Test
    void exit3OnAnInternalError() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.exitCodeFor(new IllegalStateException("bug"), new java.io.PrintWriter(err), false);
        assertEquals(3, code);
        assertEquals(ExitCode.INTERNAL.code(), code);
    }
}
