package io.lyncaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spreadsheet without an action column (a list of openings) is never read as a guess: the audit
 * refuses it, naming the file, the header row and what is missing, unless the deployment says
 * {@code action: permit} for that firewall; then it audits exactly as the sheet with the column.
 */
class SheetActionTest {
    @TempDir
    Path tmp;

    private static final String SAMPLE = "samples/northwind-single-edge-nat";

    /** The sample with edge-external.csv as a list of openings (no Action column, no closing deny row), and {@code line} after its config. */
    private Path openings(String line) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "northwind");
        try (Stream<Path> files = Files.list(Path.of(SAMPLE))) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("edge-external.csv"))) {
            if (l.endsWith(",deny")) continue; // the default denies it anyway
            out.add(l.substring(0, l.lastIndexOf(',')));
        }
        Files.write(dir.resolve("edge-external.csv"), out);
        Path d = dir.resolve("deployment.yaml");
        Files.writeString(d, Files.readString(d).replace("    config: edge-external.csv\n", "    config: edge-external.csv\n" + line));
        return d;
    }

    private static List<String> findings(String json) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode f : new ObjectMapper().readTree(json).get("findings")) out.add(f.get("id").asText());
        return out;
    }

    @Test
    void withoutActionTheAuditRefusesTheSheetNamingFileAndHeaderRow() throws Exception {
        Path d = openings("");
        String m = Cli.badInput(Cli.run("audit", d));
        assertTrue(m.startsWith(Cli.shown(d.getParent().resolve("edge-external.csv")) + ":1: the header row (row 1) has no action column"), m);
        assertTrue(m.contains("'action: permit' on this firewall in the deployment file"), m);
    }

    @Test
    void withActionPermitItAuditsLikeTheSheetWithTheColumn() throws Exception {
        Cli.Result original = Cli.run("audit", Path.of(SAMPLE, "deployment.yaml"), "--format", "json", "--fail-on", "none");
        assertEquals(ExitCode.PASS.code(), original.code(), original::toString);
        Cli.Result r = Cli.run("audit", openings("    action: permit\n"), "--format", "json", "--fail-on", "none");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertEquals(findings(original.out()), findings(r.out()));
    }

    @Test
    void aWrongActionOrOneForAnExportThatSaysItsOwnIsBadInputNamingTheLine() throws Exception {
        String m = Cli.badInput(Cli.run("audit", openings("    action: allow-all\n")));
        assertTrue(m.matches(".*deployment\\.yaml:\\d+: firewalls\\[0\\]\\.action: expected 'permit' \\(every row of the spreadsheet is an opening\\) or 'deny', "
                + "found 'allow-all'"), m);
        Path d = openings("    format: cisco-asa\n    action: permit\n");
        m = Cli.badInput(Cli.run("audit", d));
        assertTrue(m.contains("firewalls[0].action: 'action' is for spreadsheets without an action column; a cisco-asa export says the action of each rule"), m);
    }

    @Test
    void traceOfABareSheetTakesActionToo() throws Exception {
        Path csv = openings("").getParent().resolve("edge-external.csv");
        String m = Cli.badInput(Cli.run("trace", csv, "--packet", "tcp 198.51.100.7:40000 -> 172.25.33.11:443"));
        assertTrue(m.contains("has no action column"), m);
        Cli.Result r = Cli.run("trace", csv, "--action", "permit", "--packet", "tcp 198.51.100.7:40000 -> 172.25.35.20:443");
        assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
        assertTrue(r.out().contains("permit"), r::toString);
        assertTrue(Cli.badInput(Cli.run("trace", csv, "--action", "sure", "--packet", "tcp 1.2.3.4:1 -> 5.6.7.8:2"))
                .contains("--action is permit (every row is an opening) or deny"));
    }

    @Test
    void escapesFromCellsNeverReachTheTerminalOrTheReports() throws Exception {
        Path d = openings("    action: permit\n");
        Path csv = d.getParent().resolve("edge-external.csv");
        // a stand-in whose reason quotes the hostile cell, and a rule whose name and text carry escapes
        Files.writeString(csv, Files.readString(csv).replaceFirst("\n", "\nevil\u001b[2J\u001b[31m,any,Edge\u001b]0;pwned\u0007VIP,TCP,3389\n"));
        for (String format : List.of("console", "json", "md", "sarif", "junit")) {
            Cli.Result r = Cli.run("audit", d, "--format", format, "--fail-on", "none");
            assertEquals(ExitCode.PASS.code(), r.code(), r::toString);
            assertTrue(r.out().indexOf('\u001b') < 0 && r.out().indexOf('\u0007') < 0, format + ": " + r.out());
        }
        Cli.Result json = Cli.run("audit", d, "--format", "json", "--fail-on", "none");
        assertTrue(json.out().contains("Edge\\\\u001b]0;pwned\\\\u0007VIP"), "shown, escaped once by the importer and once by JSON");
    }
}
