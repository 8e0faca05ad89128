package io.lyncaudit.cli;

import io.lyncaudit.importer.Importers;
import static io.lyncaudit.cli.Cli.assertNoReport;
import static io.lyncaudit.cli.Cli.badInput;
import static io.lyncaudit.cli.Cli.edit;
import static io.lyncaudit.cli.Cli.shown;
import static io.lyncaudit.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input promise of PRODUCT.md, one test per kind: exit 2, one message naming the file and
 * the line (or cell), no stack trace, and no report or temp file in the --out directory.
 *
 * <p>Each test copies {@code src/test/resources/cli/base} (deployment.yaml with external.csv and
 * internal.csv; internal has {@code format: spreadsheet}, external is detected) and breaks one thing.
 */
class CliBadInputTest {

    @TempDir
    Path tmp;

    private Path dir;
    private Path deployment;
    private Path reports;

    @BeforeEach
    void copyFixture() throws IOException {
        dir = Cli.copy(Cli.BASE, tmp);
        deployment = dir.resolve("deployment.yaml");
        reports = Files.createDirectories(tmp.resolve("reports"));
    }

    /** Audits with --out (and json + xlsx, so that a report would be written if the input were accepted). */
    private String audit(Path d, Object... more) throws IOException {
        List<Object> args = new ArrayList<>(List.of("audit", d, "--format", "json", "--format", "xlsx", "--out", reports));
        args.addAll(List.of(more));
        String message = badInput(assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args.toArray())));
        assertNoReport(reports);
        return message;
    }

    /** Points firewall 'edge-internal' (format: spreadsheet, deployment line 30) at another file. */
    private Path internalConfig(String name) {
        edit(deployment, "config: internal.csv", "config: " + name);
        return dir.resolve(name);
    }

    /** Points firewall 'edge-external' (no format: detected from content, line 25) at another file. */
    private Path externalConfig(String name) {
        edit(deployment, "config: external.csv", "config: " + name);
        return dir.resolve(name);
    }

    // --- the deployment file

    @Test
    void missingDeploymentFile() throws IOException {
        Path nope = tmp.resolve("nope.yaml");
        assertEquals(shown(nope) + ": deployment file not found", audit(nope));
        assertEquals(List.of(), Cli.list(reports));
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        edit(deployment, "name: CLI fixture", "name: CLI: fixture");
        assertEquals(shown(deployment) + ":4: YAML syntax error: mapping values are not allowed here", audit(deployment));
    }

    @Test
    void unclosedYamlListNamesWhereItStarted() throws IOException {
        edit(deployment, "internal: [10.0.0.0/8]", "internal: [10.0.0.0/8");
        // the parser notices on line 22; the mistake is the '[' of line 21
        assertEquals(shown(deployment) + ":22: YAML syntax error: expected ',' or ']', but got : "
                + "(while parsing a flow sequence started at line 21)", audit(deployment));
    }

    @Test
    void unknownFieldSuggestsTheClosest() throws IOException {
        edit(deployment, "federation: true", "federaton: true");
        String m = audit(deployment);
        assertTrue(m.startsWith(shown(deployment) + ":14: features.federaton: unknown field 'federaton' (did you mean 'federation'?); known fields: "), m);
    }

    @Test
    void unknownScenario() throws IOException {
        edit(deployment, "scenario: single-consolidated-nat", "scenario: single-nat");
        assertEquals(shown(deployment) + ":6: edge.scenario: unknown scenario 'single-nat'; expected one of: "
                + "single-consolidated-nat, single-consolidated-public, scaled-dns-nat, scaled-dns-public, scaled-hlb", audit(deployment));
    }

    @Test
    void badCidrInANetwork() throws IOException {
        edit(deployment, "perimeter: [172.25.32.0/22]", "perimeter: [172.25.32.0/33]");
        assertEquals(shown(deployment) + ":22: networks.perimeter[0]: '172.25.32.0/33' is not a valid address: prefix length 33 is outside 0-32",
                audit(deployment));
    }

    @Test
    void badCidrOfAnEdgeServer() throws IOException {
        edit(deployment, "internal: 10.0.10.5", "internal: 10.0.10.5/33");
        assertEquals(shown(deployment) + ":9: edge.servers[0].internal: '10.0.10.5/33' is not a valid address: prefix length 33 is outside 0-32",
                audit(deployment));
    }

    @Test
    void missingFirewallConfigNamesTheConfigLine() throws IOException {
        Path gone = internalConfig("gone.csv");
        assertEquals(shown(deployment) + ":30: firewalls[1].config: config file 'gone.csv' not found (looked at " + gone + ")",
                audit(deployment));
    }

    // --- the firewall exports

    @Test
    void binaryJunkNamedXlsx() throws IOException {
        Path f = internalConfig("internal.xlsx");
        Files.write(f, junk(3000, 'X'));
        assertEquals(shown(f) + ": not a spreadsheet: the name says Excel workbook but the content is not one", audit(deployment));
    }

    @Test
    void binaryJunkNamedXlsxWithoutFormat() throws IOException {
        Path f = externalConfig("external.xlsx");
        Files.write(f, junk(3000, 'X'));
        assertEquals(shown(f) + ": cannot tell the format of this file: it is not text, and not an XLSX workbook (looked for "
                + Importers.looksFor() + "); name it with 'format:' in the deployment file or --vendor (supported: " + Importers.names() + ")", audit(deployment));
    }

    @Test
    void zipJunkNamedXlsx() throws IOException {
        Path f = internalConfig("internal.xlsx");
        byte[] b = junk(3000, 'P');
        b[1] = 'K';
        b[2] = 3;
        b[3] = 4;
        Files.write(f, b);
        String m = audit(deployment);
        assertTrue(m.startsWith(shown(f) + ": not a readable XLSX workbook: "), m);
    }

    @Test
    void randomTextCsv() throws IOException {
        Path f = externalConfig("notes.csv");
        write(f, "Remember to renew the edge certificate.\nAsk Bob about the DMZ switch; it reboots at night.\n");
        assertEquals(shown(f) + ": cannot tell the format of this file: none of the formats matches its first 64 KiB (looked for "
                + Importers.looksFor() + "); name it with 'format:' in the deployment file or --vendor (supported: " + Importers.names() + ")", audit(deployment));
    }

    @Test
    void emptyCsv() throws IOException {
        Path f = internalConfig("internal.csv");
        write(f, "");
        assertEquals(shown(f) + ": the file is empty: no rows to import", audit(deployment));
    }

    @Test
    void emptySheet() throws IOException {
        Path f = internalConfig("internal.xlsx");
        xlsx(f, new String[0][]);
        assertEquals(shown(f) + ": empty: no rows to import", audit(deployment));
    }

    @Test
    void noRecognisableHeaderInCsv() throws IOException {
        Path f = internalConfig("internal.csv");
        write(f, "Host,Target,Note\n10.0.1.11,10.0.10.5,SIP\n");
        String m = audit(deployment);
        assertTrue(m.startsWith(shown(f) + ": no recognisable header row in the first 20 lines"), m);
        assertTrue(m.contains("expected a Source column"), m);
    }

    @Test
    void noRecognisableHeaderInXlsx() throws IOException {
        Path f = internalConfig("internal.xlsx");
        xlsx(f, new String[][] {{"Host", "Target", "Note"}, {"10.0.1.11", "10.0.10.5", "SIP"}});
        String m = audit(deployment);
        assertTrue(m.startsWith(shown(f) + ": no recognisable header row in the first 20 rows of any sheet"), m);
    }

    @Test
    void badPortInCsvRowNamesLineAndCell() throws IOException {
        Path f = internalConfig("internal.csv");
        write(f, """
                Source,Destination,Protocol,Port,Action
                10.0.1.11-10.0.1.12,10.0.10.5,TCP,5061,permit
                10.0.10.5,10.0.1.11-10.0.1.12,TCP,70000,permit
                any,any,any,any,deny
                """);
        assertEquals(shown(f) + ":3: cell D3: port 70000 is outside 0-65535", audit(deployment));
    }

    @Test
    void badPortInXlsxRowNamesTheCell() throws IOException {
        Path f = internalConfig("internal.xlsx");
        xlsx(f, new String[][] {
            {"Source", "Destination", "Protocol", "Port", "Action"},
            {"10.0.1.11-10.0.1.12", "10.0.10.5", "TCP", "5061", "permit"},
            {"10.0.10.5", "10.0.1.11-10.0.1.12", "TCP", "70000", "permit"}});
        assertEquals(shown(f) + " [Rules!D3]: port 70000 is outside 0-65535", audit(deployment));
    }

    @Test
    void badCidrInCsvRowNamesLineAndCell() throws IOException {
        Path f = internalConfig("internal.csv");
        write(f, """
                Source,Destination,Protocol,Port,Action
                10.0.0.0/33,10.0.10.5,TCP,5061,permit
                any,any,any,any,deny
                """);
        assertEquals(shown(f) + ":2: cell A2: '10.0.0.0/33' is not a valid address: prefix length 33 is outside 0-32", audit(deployment));
    }

    // --- options

    @Test
    void failOnBogus() throws IOException {
        assertEquals("--fail-on: unknown severity 'bogus' (info, low, medium, high, critical); or none to never fail",
                audit(deployment, "--fail-on", "bogus"));
    }

    @Test
    void unknownFormat() throws IOException {
        assertEquals("unknown report format 'nope' (console, json, xlsx, sarif, junit, md)", audit(deployment, "--format", "nope"));
    }

    @Test
    void xlsxWithoutOut() {
        assertEquals("xlsx is binary; give --out DIR to write it to a file",
                badInput(Cli.run("audit", deployment, "--format", "xlsx")));
    }

    @Test
    void twoFormatsWithoutOut() {
        assertEquals("several formats need --out DIR",
                badInput(Cli.run("audit", deployment, "--format", "json", "--format", "console")));
    }

    @Test
    void outIsAFile() throws IOException {
        Path file = write(tmp.resolve("report.json"), "keep me");
        assertEquals("--out " + file + " is a file; it must name a directory (reports are written as DIR/lyncaudit.<ext>)",
                badInput(Cli.run("audit", deployment, "--format", "json", "--out", file)));
        assertEquals("keep me", Files.readString(file));
    }

    // --- hostile input: limits before any parser, nothing echoed raw, all within a time bound

    /** A run that must end quickly: a hang or a quadratic parse fails the test instead of stalling the build. */
    private static Cli.Result quick(Duration bound, Object... args) {
        return assertTimeoutPreemptively(bound, () -> Cli.run(args));
    }

    @Test
    void aFiftyMegabyteOneLineDeploymentFailsFast() throws IOException {
        String yaml = Files.readString(deployment);
        Files.writeString(deployment, yaml.replace("name: CLI fixture", "name: " + "a".repeat(50_000_000)));
        String m = badInput(quick(Duration.ofSeconds(5), "audit", deployment, "--format", "json", "--out", reports));
        assertEquals(shown(deployment) + ": the file is " + Files.size(deployment) + " bytes; a YAML file is read up to 10 MiB (a limit against "
                + "hostile input)", m);
        // under the size limit, the line limit: SnakeYAML never sees the line (it takes seconds a megabyte)
        Files.writeString(deployment, yaml.replace("name: CLI fixture", "name: " + "a".repeat(9_000_000)));
        assertEquals(shown(deployment) + ":4: the line is 9000006 characters long; a YAML file is read with lines of at most 65536 characters "
                + "(a limit against hostile input)", badInput(quick(Duration.ofSeconds(5), "audit", deployment)));
        assertNoReport(reports);
    }

    @Test
    void aFiftyMegabyteLineInANeutralPolicyFailsFast() throws IOException {
        Path f = tmp.resolve("policy.yaml");
        Files.writeString(f, "schemaVersion: 1\npolicies:\n  - name: " + "b".repeat(50_000_000) + "\n");
        assertEquals(shown(f) + ":3: the line is 50000010 characters long; a neutral policy in YAML is read with lines of at most 262144 "
                + "characters (a limit against hostile input)", badInput(quick(Duration.ofSeconds(5), "parse", f)));
    }

    @Test
    void theLongestConfigLineAnImporterReadsComesBackThroughNeutralYaml() throws IOException {
        Path rules = write(tmp.resolve("long.rules"), "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -p tcp --dport 22 -m comment --comment \""
                + "z".repeat(65_400) + "\" -j ACCEPT\nCOMMIT\n");
        Cli.Result yaml = quick(Duration.ofSeconds(30), "parse", rules, "--format", "yaml");
        assertEquals(ExitCode.PASS.code(), yaml.code(), yaml::toString);
        Path neutral = write(tmp.resolve("long.yaml"), yaml.out());
        Cli.Result back = quick(Duration.ofSeconds(30), "parse", neutral, "--vendor", "neutral");
        assertEquals(ExitCode.PASS.code(), back.code(), back::toString);
        assertTrue(back.out().contains("z".repeat(65_400)), "the rule's text comes back whole");
    }

    @Test
    void aHugeValueIsCutInTheMessage() throws IOException {
        edit(deployment, "scenario: single-consolidated-nat", "scenario: " + "x".repeat(60_000));
        String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> audit(deployment));
        assertEquals(shown(deployment) + ":6: edge.scenario: unknown scenario '" + "x".repeat(80) + "… (60000 characters)'; expected one of: "
                + "single-consolidated-nat, single-consolidated-public, scaled-dns-nat, scaled-dns-public, scaled-hlb", m);
        edit(deployment, "scenario: " + "x".repeat(60_000), "scenario: single-consolidated-nat");
        Path f = internalConfig("internal.csv");
        write(f, "Source,Destination,Protocol,Port,Action\n10.0.1.11,10.0.10.5,TCP," + "7".repeat(60_000) + ",permit\n");
        String cell = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> audit(deployment));
        assertEquals(shown(f) + ":2: cell D2 holds 60,000 characters, more than 32,767 (Excel's own limit for a cell): '" + "7".repeat(80)
                + "\u2026 (60000 characters)'", cell);
    }

    @Test
    void escapeSequencesAreMadeVisible() throws IOException {
        // in a spreadsheet cell, echoed by the message
        Path f = internalConfig("internal.csv");
        write(f, "Source,Destination,Protocol,Port,Action\n10.0.1.11\u001b[31m,10.0.10.5,TCP,5061,permit\n");
        String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> audit(deployment));
        assertEquals(shown(f) + ":2: cell A2: '10.0.1.11\\u001b[31m' is not a valid address: '11\\u001b[31m' is not an octet", m);
        // in the deployment file, which YAML refuses, with where
        write(deployment, Files.readString(deployment).replace("name: CLI fixture", "name: \"\u001b]0;pwned\u0007\""));
        assertEquals(shown(deployment) + ":4:8: YAML does not allow the character \\u001b (a control character); remove it", audit(deployment));
        // in an argument
        Cli.Result r = quick(Duration.ofSeconds(10), "audit", Cli.BASE.resolve("deployment.yaml"), "--fail-on", "\u001b[31mhigh");
        assertFalse(r.err().contains("\u001b"), r::toString);
        assertTrue(badInput(r).contains("'\\u001b[31mhigh'"), r::toString);
    }

    @Test
    void escapeSequencesInACommentReachNoTerminalAndCostNoRule() throws IOException {
        Path f = externalConfig("external.rules");
        edit(deployment, "      outside: [internet]\n      dmz: [perimeter]", "      eth0: [internet]\n      eth1: [perimeter]");
        write(f, "*filter\n:FORWARD DROP [0:0]\n"
                + "-A FORWARD -d 172.25.33.10/32 -p tcp --dport 22 -m comment --comment \"\u001b[2J\u001b[1;1H\u001b[32mall good\u001b[0m\" -j ACCEPT\n"
                + "COMMIT\n");
        Cli.Result r = quick(Duration.ofSeconds(30), "audit", deployment);
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        assertFalse(r.out().contains("\u001b"), "no raw escape reaches the terminal");
        assertTrue(r.out().contains("TCP 22 any -> 172.25.33.10"), "the rule is read: SSH to the Access Edge is EXTRA\n" + r.out());
        Cli.Result p = quick(Duration.ofSeconds(10), "parse", f);
        assertTrue(p.out().contains("\"message\": \"line 3, column 71: control character \\\\u001b\""), p.out());
        assertEquals(0, Cli.run("parse", f).out().split("\"unrecognized\": ")[1].charAt(0) - '0', "no line is unrecognized");
    }

    @Test
    void anUnwritableOutIsBadInputNamingThePath() throws IOException {
        Path file = write(tmp.resolve("a-file"), "keep me");
        Path under = file.resolve("reports");
        assertEquals(under + ": cannot write here: not a directory",
                badInput(quick(Duration.ofSeconds(30), "audit", deployment, "--format", "json", "--out", under)));
        Path tooLong = tmp.resolve("r".repeat(300));
        // found only when the report is written: named with the report's own path
        assertEquals(tooLong.resolve("lyncaudit.json") + ": cannot write here: file name too long",
                badInput(quick(Duration.ofSeconds(30), "audit", deployment, "--format", "json", "--out", tooLong)));
        assertEquals(file.resolve("req.csv") + ": cannot write here: a file is in the way where a directory should be",
                badInput(quick(Duration.ofSeconds(30), "requirements", deployment, "--format", "csv", "--out", file.resolve("req.csv"))));
        assertEquals("keep me", Files.readString(file));
        assertEquals(List.of("a-file", "base", "reports"), Cli.list(tmp), "nothing half-written anywhere");
    }

    @Test
    void aReadOnlyOutIsBadInputAndLeavesNothing() throws IOException {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            assumeFalse(Files.isWritable(ro), "running as root: a read-only directory takes files anyway");
            assertEquals(ro.resolve("reports") + ": cannot write here: permission denied",
                    badInput(quick(Duration.ofSeconds(30), "audit", deployment, "--format", "json", "--out", ro.resolve("reports"))));
            assertEquals(List.of(), Cli.list(ro));
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cisco-asa", "cisco-ios"})
    void anEmptyCiscoExportIsAWarningNamingTheFile(String format) throws IOException {
        Path f = externalConfig("empty.cfg");
        write(f, "");
        edit(deployment, "    config: empty.cfg\n", "    config: empty.cfg\n    format: " + format + "\n");
        Cli.Result r = quick(Duration.ofSeconds(30), "audit", deployment, "--format", "json");
        assertEquals(ExitCode.FAIL.code(), r.code(), r::toString);
        assertTrue(r.out().contains("\"text\": \"" + shown(f) + "\",\n      \"message\": \"the export holds no rule at all; it is read as the "
                + "firewall's default action alone (is it the right file, and complete?)\",\n      \"category\": \"no-rules\""), r.out());
        // a config with no ACL at all is the same
        write(f, "hostname fw\n!\ninterface GigabitEthernet0/0\n nameif outside\n security-level 0\n".replace(" nameif outside\n security-level 0\n",
                format.equals("cisco-asa") ? " nameif outside\n security-level 0\n" : " description uplink\n"));
        Cli.Result r2 = quick(Duration.ofSeconds(30), "audit", deployment, "--format", "json");
        assertTrue(r2.out().contains("\"category\": \"no-rules\""), r2::toString);
        Cli.Result p = quick(Duration.ofSeconds(10), "parse", f, "--vendor", format);
        assertEquals("lyncaudit: warning: " + shown(f) + ": the export holds no rule at all; it is read as the firewall's default action "
                + "alone (is it the right file, and complete?)", p.err().strip());
    }

    @Test
    void binaryJunkInATextFormatNamesLineAndColumn() throws IOException {
        Path f = internalConfig("internal.csv");
        Files.write(f, junk(3000, 'S'));
        String m = audit(deployment);
        assertTrue(m.matches(java.util.regex.Pattern.quote(shown(f)) + ":\\d+:\\d+: not a spreadsheet: binary content, neither an XLSX workbook "
                + "nor CSV text"), m);
    }

    private static byte[] junk(int size, char first) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        b[0] = (byte) first;
        return b;
    }

    /** A one-sheet workbook named "Rules" with these rows (all text cells). */
    private static void xlsx(Path f, String[][] rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream o = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("Rules");
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) row.createCell(c).setCellValue(rows[r][c]);
            }
            wb.write(o);
        }
    }
}
