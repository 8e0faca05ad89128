package io.lyncaudit.importer.sheet;

import static io.lyncaudit.importer.sheet.Packets.decide;
import static io.lyncaudit.importer.sheet.Packets.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetImporterTest {

    @TempDir
    Path tmp;

    private final SpreadsheetImporter importer = new SpreadsheetImporter();

    /** A list of openings unless it has an action column: most of these sheets have none. */
    static final ImportOptions OPENINGS = new ImportOptions(null, Action.PERMIT, false);

    ImportResult csv(String text) throws Exception {
        Path f = tmp.resolve("rules.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return importer.importFile(f, "rules.csv", OPENINGS);
    }

    static Rule only(ImportResult r) {
        assertEquals(1, r.policies().size());
        assertEquals(1, r.policies().get(0).rules().size(), () -> "diagnostics: " + r.diagnostics());
        return r.policies().get(0).rules().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Source,Destination,Service,Protocol,Action",
        "src,dst,port,proto,permit",
        "Source Address,Destination Address,Destination Port,Transport,Decision",
        "SOURCE_IP,DEST,DST-PORT,Protocol,Allow",
        "From,To,D.Port,protocol,action",
        "source ip;destination;ports;proto;action",
        "Src\tDst\tDPort\tProto\tAction",
    })
    void looseHeaderSpellingsAllMeanTheSame(String header) throws Exception {
        char d = header.contains(";") ? ';' : header.contains("\t") ? '\t' : ',';
        String row = String.join(String.valueOf(d), "any", "131.107.155.10", "443", "TCP", "permit");
        Rule r = only(csv(header + "\n" + row + "\n"));
        assertEquals(Action.PERMIT, r.action());
        assertTrue(r.match().contains(packet("tcp", "198.51.100.7", "131.107.155.10", 443)));
        assertFalse(r.match().contains(packet("udp", "198.51.100.7", "131.107.155.10", 443)));
        assertFalse(r.match().contains(packet("tcp", "198.51.100.7", "131.107.155.10", 444)));
    }

    @Test
    void unknownColumnsAreFineAndSilent() throws Exception {
        ImportResult r = csv("Owner,Source,Destination,Port,Ticket\nbob,any,10.0.0.1,443,CHG-1\n");
        only(r);
        assertTrue(r.diagnostics().isEmpty());
    }

    @Test
    void multiValueCellsAreTheUnionOfTheirCombinations() throws Exception {
        Rule r = only(csv("Source,Destination,Service\n"
                + "\"10.0.0.1, 10.0.0.2\",\"131.107.155.10;131.107.155.30\",\"tcp/443, UDP:3478, 50,000-59,999\"\n"));
        for (String src : List.of("10.0.0.1", "10.0.0.2")) {
            for (String dst : List.of("131.107.155.10", "131.107.155.30")) {
                assertTrue(r.match().contains(packet("tcp", src, dst, 443)));
                assertTrue(r.match().contains(packet("udp", src, dst, 3478)));
                assertTrue(r.match().contains(packet("tcp", src, dst, 55000)), "a bare range is TCP and UDP");
                assertTrue(r.match().contains(packet("udp", src, dst, 59999)));
                assertFalse(r.match().contains(packet("udp", src, dst, 443)));
                assertFalse(r.match().contains(packet("tcp", src, dst, 3478)));
            }
        }
        assertFalse(r.match().contains(packet("tcp", "10.0.0.3", "131.107.155.10", 443)));
    }

    @Test
    void missingProtocolColumnMeansTcpAndUdpForPortsAndAllForAny() throws Exception {
        ImportResult r = csv("Source,Destination,Port\nany,10.0.0.1,443\nany,10.0.0.2,any\n");
        Rule ports = r.policies().get(0).rules().get(0);
        assertEquals(Protocols.TCP_UDP, ports.bounds().protocols());
        Rule any = r.policies().get(0).rules().get(1);
        assertEquals(Protocols.ALL, any.bounds().protocols());
        assertEquals(Ports.ALL, any.bounds().destinationPorts());
    }

    @Test
    void rowOrderIsRuleOrderAndTheFirstMatchDecides() throws Exception {
        ImportResult r = csv("Name,Source,Destination,Protocol,Port,Action\n"
                + "deny-one,10.0.0.5,any,tcp,443,deny\n"
                + "allow-net,10.0.0.0/24,any,tcp,443,permit\n"
                + "allow-again,10.0.0.5,any,tcp,443,permit\n");
        Policy p = r.policies().get(0);
        assertEquals(List.of(1, 2, 3), p.rules().stream().map(Rule::index).toList());
        assertEquals(List.of("deny-one", "allow-net", "allow-again"), p.rules().stream().map(Rule::name).toList());
        assertEquals(Action.DENY, decide(p, packet("tcp", "10.0.0.5", "192.0.2.1", 443)));
        assertEquals(Action.PERMIT, decide(p, packet("tcp", "10.0.0.6", "192.0.2.1", 443)));
        assertEquals(Action.DENY, decide(p, packet("tcp", "10.0.0.6", "192.0.2.1", 80)), "default deny");
        assertEquals(PolicyKind.FIRST_MATCH, p.kind());
        assertNull(p.binding());
        assertEquals(Action.DENY, p.defaultAction());
        assertEquals(Action.DENY, r.unboundDefault());
    }

    @Test
    void ruleIndexCountsImportedRulesOnly() throws Exception {
        ImportResult r = csv("Source,Destination,Port,Enabled\nany,10.0.0.1,1,no\nany,10.0.0.1,2,yes\n\nany,10.0.0.1,70000,yes\nany,10.0.0.1,3,\n");
        List<Rule> rules = r.policies().get(0).rules();
        assertEquals(List.of(1, 2), rules.stream().map(Rule::index).toList());
        assertEquals(List.of(3, 6), rules.stream().map(x -> x.source().line()).toList());
    }

    @Test
    void disabledRowsAreSkippedWithADiagnostic() throws Exception {
        for (String off : List.of("false", "No", "0", "disabled", "Inactive", "OFF")) {
            ImportResult r = csv("Source,Destination,Port,Status\nany,10.0.0.1,443," + off + "\nany,10.0.0.1,80,enabled\n");
            assertEquals(1, r.ruleCount(), off);
            Diagnostic d = r.diagnostics().get(0);
            assertEquals(Diagnostic.Category.IGNORED, d.category());
            assertEquals("rule disabled", d.message());
            assertEquals(2, d.line());
            assertEquals("any,10.0.0.1,443," + off, d.text());
        }
    }

    @Test
    void blankRowsCountNowhereTheHeaderIsUsedAndSectionRowsAreIgnoredWithADiagnostic() throws Exception {
        ImportResult r = csv("Source,Destination,Port,Comment\n,,,\n\nSIP section,,,\n,,,only a comment\nany,10.0.0.1,5061,\n");
        // as in every importer's ledger: blank lines count nowhere, the header gives the rows their meaning
        assertEquals(new LineCounts(4, 2, 2, 0, 0), r.lines());
        assertEquals(List.of("not a rule row", "not a rule row"), r.diagnostics().stream().map(Diagnostic::message).toList());
        assertEquals(List.of(4, 5), r.diagnostics().stream().map(Diagnostic::line).toList());
    }

    @Test
    void zonesFillFromAndToZones() throws Exception {
        ImportResult r = csv("Source,Destination,Port,From Zone,To Interface\nany,10.0.0.1,443,\"outside, partners\",dmz\nany,10.0.0.1,80,,any\n");
        Rule z = r.policies().get(0).rules().get(0);
        assertEquals(Set.of("outside", "partners"), z.fromZones());
        assertEquals(Set.of("dmz"), z.toZones());
        assertTrue(z.appliesBetween("outside", "dmz"));
        assertFalse(z.appliesBetween("inside", "dmz"));
        Rule any = r.policies().get(0).rules().get(1);
        assertTrue(any.fromZones().isEmpty());
        assertTrue(any.toZones().isEmpty());
    }

    @Test
    void denyWordsAndPermitWords() throws Exception {
        StringBuilder s = new StringBuilder("Source,Destination,Port,Action\n");
        List<String> words = List.of("permit", "Allow", "ACCEPT", "pass", "yes", "deny", "drop", "Block", "reject", "no");
        for (String w : words) s.append("any,10.0.0.1,443,").append(w).append('\n');
        List<Action> got = csv(s.toString()).policies().get(0).rules().stream().map(Rule::action).toList();
        assertEquals(List.of(Action.PERMIT, Action.PERMIT, Action.PERMIT, Action.PERMIT, Action.PERMIT,
                Action.DENY, Action.DENY, Action.DENY, Action.DENY, Action.DENY), got);
    }

    @Test
    void serviceAndProtocolColumnCombine() throws Exception {
        ImportResult r = csv("Source,Destination,Service,Protocol\n"
                + "any,10.0.0.1,dns,udp\n"          // the column narrows a named service
                + "any,10.0.0.1,tcp/443,UDP\n"      // contradiction: not guessed
                + "any,10.0.0.1,443,ICMP\n"         // ICMP has no ports
                + "any,10.0.0.1,,ICMP\n"            // protocol alone
                + "any,10.0.0.1,443,frob\n");       // unknown protocol: it stands in, uncertain
        List<Rule> rules = r.policies().get(0).rules();
        assertEquals(3, rules.size());
        assertEquals(Protocols.UDP_SET, rules.get(0).bounds().protocols());
        assertEquals("ICMP", Protocols.format(rules.get(1).bounds().protocols()));
        assertEquals(Ports.ALL, rules.get(1).bounds().destinationPorts());
        Rule frob = rules.get(2);
        assertTrue(frob.uncertain());
        assertTrue(frob.match().isEmpty(), "it surely matches nothing");
        assertTrue(frob.mayMatch().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 443)), "it may match any protocol on port 443");
        assertFalse(frob.mayMatch().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 444)));
        List<String> msgs = r.diagnostics().stream().map(Diagnostic::message).toList();
        assertEquals(List.of("C3: service 'tcp/443' does not match protocol UDP",
                "C4: '443' gives ports, but ICMP has no ports",
                "D6: unknown protocol 'frob'; the row stays in its place as an uncertain rule: it surely matches nothing, "
                        + "and may match whatever the unknown values could be"), msgs);
    }

    @Test
    void everyBadCellOfARowIsNamed() throws Exception {
        ImportResult r = csv("Source,Destination,Port,Action\n10.0.0.0/33,10.0.0.1,70000,maybe\n");
        assertEquals(0, r.ruleCount());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Category.UNRECOGNIZED, d.category());
        assertEquals("D2: 'maybe' is not an action (permit, allow, accept, pass, yes; deny, drop, block, reject, no); "
                + "A2: '10.0.0.0/33' is not a valid address: prefix length 33 is outside 0-32; "
                + "C2: port 70000 is outside 0-65535", d.message());
        assertEquals(new LineCounts(2, 1, 0, 0, 1), r.lines(), "the header is used");
    }

    @Test
    void csvSourceRefIsTheRawLine() throws Exception {
        ImportResult r = csv("title\n\nSource;Destination;Port\n\n\"any\";10.0.0.1;\"443, 5061\"\n");
        Rule rule = only(r);
        assertEquals(SourceRef.line("rules.csv", 5, "\"any\";10.0.0.1;\"443, 5061\""), rule.source());
    }

    @Test
    void bomAndCrlfAreHandled() throws Exception {
        Path f = tmp.resolve("bom.csv");
        Files.write(f, ("\uFEFFSource,Destination,Port\r\nany,10.0.0.1,443\r\n").getBytes(StandardCharsets.UTF_8));
        ImportResult r = importer.importFile(f, "bom.csv", OPENINGS);
        assertEquals(2, only(r).source().line());
        assertEquals("any,10.0.0.1,443", only(r).source().text());
        assertEquals("bom", r.policies().get(0).name());
    }

    @Test
    void repeatedHeaderRowIsIgnored() throws Exception {
        ImportResult r = csv("Source,Destination,Port\nany,10.0.0.1,443\nSource,Destination,Port\nany,10.0.0.2,443\n");
        assertEquals(2, r.ruleCount());
        assertEquals("repeated header row", r.diagnostics().get(0).message());
    }

    // ---- XLSX ------------------------------------------------------------------------------

    @Test
    void xlsxTitleRowAboveHeaderAndCellReferences() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("edge.xlsx"), """
                ### Rules
                Edge rules, reviewed 2026-11
                 |  |  | 
                 | Source | Destination | Port | Protocol
                 | any | 131.107.155.10 | 443 | TCP
                 | any | 131.107.155.10 | 70000 | TCP
                """);
        ImportResult r = importer.importFile(f, "edge.xlsx", OPENINGS);
        Rule rule = only(r);
        assertEquals(SourceRef.cell("edge.xlsx", "Rules", "B4", 4, "any | 131.107.155.10 | 443 | TCP"), rule.source());
        assertEquals("edge.xlsx [Rules!B4]", rule.source().where());
        List<String> msgs = r.diagnostics().stream().map(Diagnostic::message).toList();
        // (the text block drops the spacer row's trailing blank, which leaves a lone '|' in C2)
        assertEquals(List.of("Rules!A1: above the header row (a title or a note)", "Rules!C2: above the header row (a title or a note)",
                "Rules!D5: port 70000 is outside 0-65535"), msgs);
        assertEquals(5, r.diagnostics().get(2).line());
        // the title rows 1 and 2 and the header row 3 are rows too
        assertEquals(new LineCounts(5, 2, 2, 0, 1), r.lines());
    }

    @Test
    void xlsxWithTwoRuleSheetsGivesTwoPolicies() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("two.xlsx"), """
                ### External
                Src | Dst | Service
                any | 131.107.155.10 | sips
                ### Internal
                Source | Destination | Port | Protocol
                10.0.0.0/8 | 172.16.0.10 | 5061 | tcp
                10.0.0.0/8 | 172.16.0.11 | 5061 | tcp
                """);
        ImportResult r = importer.importFile(f, "two.xlsx", OPENINGS);
        assertEquals(List.of("External", "Internal"), r.policies().stream().map(Policy::name).toList());
        assertEquals(List.of(1, 2), r.policies().stream().map(p -> p.rules().size()).toList());
        assertEquals(new LineCounts(5, 5, 0, 0, 0), r.lines(), "two headers, three rules");
        assertEquals("Internal", r.policies().get(1).rules().get(1).source().sheet());
    }

    @Test
    void xlsxFormulasAreNeverEvaluated() throws Exception {
        Path f = tmp.resolve("formulas.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Rules");
            row(s, 0, "Source", "Destination", "Port");
            Row cached = row(s, 1, "any", "10.0.0.1", null);
            Cell c = cached.createCell(2);
            c.setCellFormula("400+43");
            c.setCellValue(443);                       // the cached result Excel would have stored
            Row uncached = row(s, 2, "any", "10.0.0.2", null);
            uncached.createCell(2).setCellFormula("400+43"); // no cached value: must not become 0 or 443
            row(s, 3, "any", "10.0.0.3", "=400+43");   // text that only looks like a formula
            try (var out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        ImportResult r = importer.importFile(f, "formulas.xlsx", OPENINGS);
        List<Rule> rules = r.policies().get(0).rules();
        assertEquals(2, rules.size());
        assertTrue(rules.get(0).match().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 443)), "the saved value counts");
        assertFalse(rules.get(0).uncertain());
        // the formula without a saved value: a stand-in that may match any port to 10.0.0.2, surely nothing
        Rule uncached = rules.get(1);
        assertTrue(uncached.uncertain());
        assertTrue(uncached.match().isEmpty());
        assertTrue(uncached.mayMatch().contains(packet("udp", "192.0.2.1", "10.0.0.2", 9)));
        assertEquals("any | 10.0.0.2 | =400+43", uncached.source().text());
        List<String> msgs = r.diagnostics().stream().map(Diagnostic::message).toList();
        assertEquals(List.of("Rules!C3: a formula saved without its value ('=400+43'): formulas are not evaluated; open and save "
                        + "the workbook in Excel, which stores the value, or enter the value; the row stays in its place as an uncertain "
                        + "rule: it surely matches nothing, and may match whatever the unknown values could be",
                "Rules!C4: '=400+43' is not a port, a protocol or a service name"), msgs);
        // text that looks like a formula is text: a value malformed as written, bad input for the audit
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> importer.importFile(f, "formulas.xlsx", AUDIT));
        assertEquals("formulas.xlsx [Rules!C4]: '=400+43' is not a port, a protocol or a service name", e.getMessage());
    }

    @Test
    void xlsxMergedCellsApplyToEveryRowTheyCover() throws Exception {
        Path f = tmp.resolve("merged.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Rules");
            row(s, 0, "Source", "Destination", "Port");
            row(s, 1, "any", "131.107.155.10", "443");
            row(s, 2, "any", null, "5061");
            s.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            try (var out = Files.newOutputStream(f)) {
                wb.write(out);
            }
        }
        List<Rule> rules = importer.importFile(f, "merged.xlsx", OPENINGS).policies().get(0).rules();
        assertEquals(2, rules.size());
        assertTrue(rules.get(1).match().contains(packet("tcp", "192.0.2.1", "131.107.155.10", 5061)));
    }

    @Test
    void xlsxSheetWithoutHeaderIsReportedNotDropped() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("notes.xlsx"), """
                ### Notes
                nothing to see
                ### Rules
                Source | Destination | Port
                any | 10.0.0.1 | 443
                ### Empty
                """);
        ImportResult r = importer.importFile(f, "notes.xlsx", OPENINGS);
        assertEquals(1, r.policies().size());
        assertEquals(1, r.diagnostics().size());
        assertEquals("Notes!A1: sheet 'Notes' has no rule header row in its first 20 rows; not imported", r.diagnostics().get(0).message());
        assertEquals(new LineCounts(3, 2, 1, 0, 0), r.lines(), "the notes row is ignored; the header and the rule are used");
    }

    @Test
    void legacyXlsWorkbooksAreReadToo() throws Exception {
        Path f = tmp.resolve("old.xls");
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("Rules");
            row(s, 0, "Source", "Destination", "Port", "Protocol");
            row(s, 1, "any", "131.107.155.10", null, "udp").createCell(2).setCellValue(3478);
            wb.createInformationProperties(); // without it POI warns when reading the file back
            wb.write(out);
        }
        assertTrue(importer.detect(f, Files.readAllBytes(f)));
        Rule rule = only(importer.importFile(f, "old.xls", OPENINGS));
        assertTrue(rule.match().contains(packet("udp", "192.0.2.1", "131.107.155.10", 3478)));
        assertEquals("A2", rule.source().cell());
    }

    private static Row row(Sheet s, int index, String... values) {
        Row r = s.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) r.createCell(i).setCellValue(values[i]);
        }
        return r;
    }

    // ---- detect -------------------------------------------------------------------------

    @Test
    void detectsXlsxByMagicAndNameAndCsvByHeader() throws IOException {
        Path x = XlsxFixtures.write(tmp.resolve("a.xlsx"), "### S\nSource | Destination | Port\n");
        byte[] head = Files.readAllBytes(x);
        assertTrue(importer.detect(x, head));
        assertFalse(importer.detect(tmp.resolve("a.docx"), head), "a zip that is not named .xlsx");
        assertTrue(importer.detect(Path.of("r.csv"), "title\nSrc;Dst;DPort\nany;any;443\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(importer.detect(Path.of("r.txt"), "\uFEFFSource\tDestination\tService\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.detect(Path.of("r.csv"), "hostname fw1\naccess-list x permit ip any any\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.detect(Path.of("r.csv"), new byte[] {0, 1, 2, 3}));
        assertEquals("spreadsheet", importer.format());
    }

    // ---- strict (as the audit reads) ---------------------------------------------------------

    private static final ImportOptions AUDIT = new ImportOptions(null, Action.PERMIT, true);

    @Test
    void strictPassesCleanResultsAndUnknownNames() throws Exception {
        Path f = Files.writeString(tmp.resolve("clean.csv"), "Source,Destination,Port\nany,10.0.0.1,443\nany,10.0.0.1,frob\n");
        ImportResult r = importer.importFile(f, "clean.csv", AUDIT);
        assertEquals(2, r.ruleCount(), "the unknown service name stands in as an uncertain rule");
        assertTrue(r.policies().get(0).rules().get(1).uncertain());
    }

    @Test
    void strictThrowsForAPortOutOfRangeNamingFileLineAndCell() throws Exception {
        ImportResult r = csv("Source,Destination,Port\nany,10.0.0.1,443\nany,10.0.0.1,\"443, 70000\"\n");
        assertEquals("C3: port 70000 is outside 0-65535", r.diagnostics().get(0).message());
        Path f = tmp.resolve("rules.csv");
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, () -> importer.importFile(f, "rules.csv", AUDIT));
        assertEquals("rules.csv:3: cell C3: port 70000 is outside 0-65535", e.getMessage());
        assertEquals("rules.csv", e.file());
    }

    @Test
    void strictThrowsForABadCidrInXlsxNamingSheetAndCell() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("bad.xlsx"), """
                ### Edge
                Source | Destination | Port
                any | 10.0.0.1 | 443
                10.0.0.0/33 | 10.0.0.1 | 443
                """);
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class, () -> importer.importFile(f, "bad.xlsx", AUDIT));
        assertEquals("bad.xlsx [Edge!A3]: '10.0.0.0/33' is not a valid address: prefix length 33 is outside 0-32", e.getMessage());
    }
}
