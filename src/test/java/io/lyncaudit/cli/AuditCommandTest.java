package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lyncaudit.report.xlsx.XlsxReportRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `lyncaudit audit` on the two samples: the exit code is the gate, and the reports land where they should. */
class AuditCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void cleanSamplePasses() {
        Cli.Result r = Cli.run("audit", Cli.CLEAN);
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("Gate: PASS (fail-on high)"), r::toString);
        assertEquals("", r.err());
        assertEquals("", r.stray());
    }

    @Test
    void plantedSampleFails() {
        Cli.Result r = Cli.run("audit", Cli.PLANTED);
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        assertTrue(r.out().contains("Gate: FAIL (fail-on high)"), r::toString);
        assertEquals("", r.err(), "the report went to stdout, so the gate reason is in it, not on stderr");
        assertEquals("", r.stray(), "nothing printed around the CLI's writers (e.g. POI reading the sample workbook)");
    }

    @Test
    void failOnNoneNeverFails() {
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--fail-on", "none");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("Gate: PASS (fail-on none)"), r::toString);
    }

    @Test
    void failOnCriticalFailsOnTheOneCriticalFinding() throws IOException {
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--fail-on", "critical", "--format", "json");
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        JsonNode report = JSON.readTree(r.out());
        assertEquals("critical", report.at("/summary/failOn").asText());
        // the MISDIRECTED STUN opening is the only critical finding; the three others are high
        List<String> critical = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            if (f.get("severity").asText().equals("critical")) critical.add(f.get("type").asText() + " " + f.at("/requirement/id").asText());
        }
        assertEquals(List.of("MISDIRECTED L13-EDGE-EXT-014"), critical);
    }

    @Test
    void jsonAndXlsxToADirectory() throws IOException {
        Path dir = tmp.resolve("reports/new");
        Cli.Result r = Cli.run("audit", Cli.PLANTED, "--format", "json", "--format", "xlsx", "--out", dir);
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        assertEquals("", r.out());
        Cli.assertNoStackTrace(r);
        assertEquals(List.of("lyncaudit.json", "lyncaudit.xlsx"), Cli.list(dir), "nothing else, no temp file");
        assertEquals(List.of("wrote " + Cli.shown(dir.resolve("lyncaudit.json")), "wrote " + Cli.shown(dir.resolve("lyncaudit.xlsx")),
                "gate FAIL: 4 unwaived findings at or above high"), r.err().strip().lines().toList());

        JsonNode report = JSON.readTree(dir.resolve("lyncaudit.json").toFile());
        assertEquals("FAIL", report.at("/summary/gate").asText());
        List<String> findings = new ArrayList<>();
        for (JsonNode f : report.get("findings")) findings.add(f.get("type").asText() + " " + f.at("/requirement/id").asText("-"));
        assertEquals(List.of("EXTRA -", "MISDIRECTED L13-EDGE-EXT-014", "MISSING L13-EDGE-INT-008", "PARTIAL L13-EDGE-EXT-009"),
                findings.stream().sorted().toList());

        try (InputStream in = Files.newInputStream(dir.resolve("lyncaudit.xlsx")); Workbook wb = new XSSFWorkbook(in)) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertEquals(XlsxReportRenderer.SHEETS, sheets);
            assertEquals(1 + 4, wb.getSheet("Findings").getPhysicalNumberOfRows(), "a header and the 4 findings");
        }

        // a second run replaces the reports and still leaves nothing else behind
        assertEquals(ExitCode.FAIL.code(), Cli.run("audit", Cli.PLANTED, "--format", "json", "--format", "xlsx", "--out", dir).code());
        assertEquals(List.of("lyncaudit.json", "lyncaudit.xlsx"), Cli.list(dir));
    }

    @Test
    void jsonWithoutOutGoesToStdout() throws IOException {
        Cli.Result r = Cli.run("audit", Cli.CLEAN, "--format", "json");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals("", r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals("PASS", report.at("/summary/gate").asText());
        assertEquals(0, report.get("findings").size());
    }
}
