package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.deployment.EdgeScenario;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `lyncaudit init`: every scenario's template is a valid deployment once its firewall exports exist. */
class InitCommandTest {

    private static final Pattern CONFIG = Pattern.compile("(?m)^\\s+config:\\s*(\\S+)");
    private static final List<String> RULES = List.of("Source,Destination,Port,Action", "any,any,443,permit");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(EdgeScenario.class)
    void templateIsAValidDeployment(EdgeScenario scenario) throws IOException {
        Path file = tmp.resolve(scenario.id()).resolve("deployment.yaml");
        Cli.Result r = Cli.run("init", "--scenario", scenario.id(), "--out", file);
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals("wrote " + file, r.err().strip());
        String text = Files.readString(file);
        assertTrue(text.contains("  scenario: " + scenario.id() + " "), text);
        assertEquals(text, Cli.run("init", "--scenario", scenario.id()).out(), "--out writes what stdout would show");
        assertEquals(List.of("deployment.yaml"), Cli.list(file.getParent()), "no temp file left");

        // the firewall exports it names, next to it: a one-rule sheet each
        List<String> configs = new ArrayList<>();
        Matcher m = CONFIG.matcher(text);
        while (m.find()) configs.add(m.group(1));
        assertFalse(configs.isEmpty(), text);
        for (String c : configs) {
            Path f = file.resolveSibling(c);
            if (c.endsWith(".xlsx")) xlsx(f);
            else Files.write(f, RULES);
        }

        Cli.Result audit = Cli.run("audit", file);
        assertTrue(audit.code() == ExitCode.PASS.code() || audit.code() == ExitCode.FAIL.code(), audit::toString);
        Cli.assertNoStackTrace(audit);
        assertTrue(audit.out().contains("Scenario    " + scenario.id()), audit::toString);
    }

    @Test
    void refusesToOverwrite() throws IOException {
        Path file = Cli.write(tmp.resolve("deployment.yaml"), "mine\n");
        assertEquals(file + " already exists; not overwriting it", Cli.badInput(Cli.run("init", "--out", file)));
        assertEquals("mine\n", Files.readString(file));
    }

    @Test
    void unknownScenario() {
        assertEquals("unknown scenario 'bogus'; expected one of: " + EdgeScenario.ids(), Cli.badInput(Cli.run("init", "--scenario", "bogus")));
    }

    @Test
    void defaultsToSingleConsolidatedNatOnStdout() {
        Cli.Result r = Cli.run("init");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("  scenario: single-consolidated-nat "), r::toString);
        assertEquals("", r.err());
    }

    private static void xlsx(Path f) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("Rules");
            for (int i = 0; i < RULES.size(); i++) {
                Row row = s.createRow(i);
                String[] cells = RULES.get(i).split(",");
                for (int c = 0; c < cells.length; c++) row.createCell(c).setCellValue(cells[c]);
            }
            wb.write(o);
        }
    }
}
