package io.lyncaudit.e2e;

import static io.lyncaudit.e2e.SampleAuditIT.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XLSX report opens in a spreadsheet program other than POI: LibreOffice Calc, headless,
 * converts every sheet to CSV, and text from the inputs that looks like a formula stays text.
 * Runs where {@code soffice} is installed (`apt-get install libreoffice-calc-nogui`); skipped elsewhere.
 */
class XlsxInLibreOfficeIT {
    private static final Path SOFFICE = Path.of("/usr/bin/soffice");

    @Test
    void theReportOpensAndFormulaLikeTextStaysText(@TempDir Path tmp) throws Exception {
        assumeTrue(Files.isExecutable(SOFFICE), "LibreOffice is not installed");
        Path sample = tmp.resolve("sample");
        Files.createDirectories(sample);
        try (var files = Files.list(Path.of("samples/contoso-single-edge-nat"))) {
            for (Path f : files.toList()) Files.copy(f, sample.resolve(f.getFileName()));
        }
        Path d = sample.resolve("deployment.yaml");
        Files.writeString(d, Files.readString(d).replace("name: edge-external", "name: \"=1+1\""));
        SampleAuditIT.Run r = run("audit", d.toString(), "--format", "xlsx", "--out", tmp.resolve("out").toString());
        assertEquals(1, r.exit(), r.err());

        Process p = new ProcessBuilder(SOFFICE.toString(), "-env:UserInstallation=file://" + tmp.resolve("profile"), "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                tmp.resolve("out/lyncaudit.xlsx").toString(), "--outdir", tmp.resolve("csv").toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "soffice did not finish");
        assertEquals(0, p.exitValue(), log);
        for (String sheet : List.of("Summary", "Findings", "Requirements", "Diagnostics")) {
            assertTrue(Files.isRegularFile(tmp.resolve("csv/lyncaudit-" + sheet + ".csv")), sheet + " sheet: " + log);
        }
        String findings = Files.readString(tmp.resolve("csv/lyncaudit-Findings.csv"));
        assertTrue(findings.contains("f-") && findings.contains("EXTRA"), findings);
        assertTrue(findings.contains("=1+1"), "the firewall name is shown");
        assertFalse(findings.contains(",2,TCP") || findings.contains(",2,UDP"), "=1+1 was not computed: " + findings);
    }
}
