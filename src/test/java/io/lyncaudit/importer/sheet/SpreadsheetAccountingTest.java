package io.lyncaudit.importer.sheet;

import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUnreadableEntryInPlace;
import static io.lyncaudit.importer.UncertaintyAssertions.eval;
import static io.lyncaudit.importer.sheet.Packets.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Line accounting of sheets: every row (title rows, blank rows, the header, rules, disabled,
 * comment and section rows, stand-ins, bad values) has exactly one verdict in the importers'
 * {@code LineLedger}; a row that cannot be read but whose action is known stays in its place as an
 * uncertain stand-in, so a verdict it could change is never reported as certain.
 */
class SpreadsheetAccountingTest {

    @TempDir
    Path tmp;

    private final SpreadsheetImporter importer = new SpreadsheetImporter();

    private static void assertBalanced(LineCounts l) {
        assertEquals(l.total(), l.used() + l.ignored() + l.unsupported() + l.unrecognized(), l.toString());
    }

    @Test
    void everyRowOfEverySheetHasExactlyOneVerdict() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("accounting.xlsx"),
                Files.readString(Path.of("src/test/resources/importer/sheet/accounting.xlsx.txt"), StandardCharsets.UTF_8));
        ImportResult r = importer.importFile(f, "accounting.xlsx");
        // sheet "Edge rules" has rows 1-16, sheet "Lookup" rows 1-3; the two blank rows count nowhere, the header is used
        assertEquals(new LineCounts(17, 5, 9, 0, 3), r.lines());
        assertBalanced(r.lines());
        Policy p = r.policies().get(0);
        // each row has at most one diagnostic, and used rows none
        Set<String> seen = new HashSet<>();
        for (Diagnostic d : r.diagnostics()) assertTrue(seen.add(d.message().substring(0, d.message().indexOf(':')) + d.line()), d.toString());
        for (Rule rule : p.rules()) {
            if (!rule.uncertain()) {
                assertFalse(r.diagnostics().stream().anyMatch(d -> d.line() == rule.source().line() && d.message().startsWith("Edge rules!")),
                        rule.toString());
            }
        }
        // the stand-ins keep their places between the rules around them
        assertUnreadableEntryInPlace(r, "Edge rules", 4, 12, Action.PERMIT);
        assertUnreadableEntryInPlace(r, "Edge rules", 5, 13, Action.PERMIT);
        assertEquals(List.of(5, 6, 10, 12, 13, 16), p.rules().stream().map(x -> x.source().line()).toList());
    }

    @Test
    void aStandInMakesTheVerdictsItCouldChangeUncertainAndNoOthers() throws Exception {
        Path f = Files.writeString(tmp.resolve("standin.csv"), """
                Name,Source,Destination,Protocol,Port,Action
                block-vip,any,Edge_Ext_VIP,TCP,443,deny
                web,any,131.107.155.0/24,TCP,443,permit
                sip,any,131.107.155.10,TCP,5061,permit
                """);
        ImportResult r = importer.importFile(f, "standin.csv");
        Rule standIn = assertUnreadableEntryInPlace(r, "standin", 1, 2, Action.DENY);
        assertTrue(standIn.uncertainty().startsWith("C2: 'Edge_Ext_VIP' is a name, not an address"), standIn.uncertainty());
        Policy p = r.policies().get(0);
        Uncertainty u = new Uncertainty(r);
        // HTTPS to the Edge: permitted by 'web', but the deny before it may match it (Edge_Ext_VIP may be this address)
        assertUncertain(u, eval(p, packet("tcp", "198.51.100.1", "131.107.155.10", 443), null), Action.PERMIT, "Edge_Ext_VIP");
        // SIP on 5061: the stand-in may only match port 443, so nothing it could be changes this permit
        assertCertain(u, eval(p, packet("tcp", "198.51.100.1", "131.107.155.10", 5061), null), Action.PERMIT);
    }

    @Test
    void aRowPartlyReadableMatchesItsReadablePartForSure() throws Exception {
        Path f = Files.writeString(tmp.resolve("partly.csv"), """
                Source,Destination,Port,Action
                any,"131.107.155.10, Edge_Int_VIP",443,permit
                """);
        Rule r = importer.importFile(f, "partly.csv").policies().get(0).rules().get(0);
        assertTrue(r.uncertain());
        assertTrue(r.match().contains(packet("tcp", "198.51.100.1", "131.107.155.10", 443)), "the address that is written");
        assertFalse(r.match().contains(packet("tcp", "198.51.100.1", "10.9.9.9", 443)));
        assertTrue(r.mayMatch().contains(packet("tcp", "198.51.100.1", "10.9.9.9", 443)), "whatever Edge_Int_VIP is");
        assertFalse(r.mayMatch().contains(packet("tcp", "198.51.100.1", "10.9.9.9", 444)));
    }

    @Test
    void whichRowProblemsAreErrorsForTheAuditAndWhichStandIn() throws Exception {
        ImportOptions audit = new ImportOptions(null, null, true);
        // stand-ins: an object name, an unknown service, an unknown protocol, a status word, a formula without its value
        Path ok = Files.writeString(tmp.resolve("ok.csv"), """
                Source,Destination,Service,Protocol,Action,Status
                any,DMZ_Servers,443,tcp,permit,
                any,10.0.0.1,lync-sip,,permit,
                any,10.0.0.1,,frob,permit,
                any,10.0.0.1,443,tcp,permit,Pending
                """);
        ImportResult r = importer.importFile(ok, "ok.csv", audit);
        assertEquals(4, r.ruleCount());
        assertTrue(r.policies().get(0).rules().stream().allMatch(Rule::uncertain));
        // errors: values no firewall holds, and an action that is not one
        for (String[] bad : List.of(
                new String[] {"any,10.0.0.1,70000,tcp,permit,", "bad.csv:2: cell C2: port 70000 is outside 0-65535"},
                new String[] {"10.0.0.0/33,10.0.0.1,443,tcp,permit,", "bad.csv:2: cell A2: '10.0.0.0/33' is not a valid address: prefix length 33 is outside 0-32"},
                new String[] {"300.1.1.1,10.0.0.1,443,tcp,permit,", "bad.csv:2: cell A2: '300.1.1.1' is not a valid address: octet 300 is over 255"},
                new String[] {"any,10.0.0.1,\"53,123\",udp,permit,", "bad.csv:2: cell C2: '53,123' is ambiguous: write '53, 123' for two ports or '53123' for one"},
                new String[] {"any,10.0.0.1,443,tcp,maybe,", "bad.csv:2: cell E2: 'maybe' is not an action (permit, allow, accept, pass, yes; deny, drop, block, reject, no)"},
                new String[] {"any,10.0.0.1,443,tcp,,", "bad.csv:2: cell E2: the action is empty (write permit or deny)"},
                new String[] {"any,10.0.0.1,tcp/443,udp,permit,", "bad.csv:2: cell C2: service 'tcp/443' does not match protocol UDP"},
                new String[] {"any,10.0.0.1,443-80,tcp,permit,", "bad.csv:2: cell C2: port range '443-80' ends before it starts"})) {
            Path f = Files.writeString(tmp.resolve("bad.csv"), "Source,Destination,Service,Protocol,Action,Status\n" + bad[0] + "\n");
            assertEquals(bad[1], assertThrows(BadInputException.class, () -> importer.importFile(f, "bad.csv", audit)).getMessage(), bad[0]);
            ImportResult shown = importer.importFile(f, "bad.csv");
            assertEquals(0, shown.ruleCount(), "parse shows it as unrecognized, with no rule");
            assertEquals(Diagnostic.Category.UNRECOGNIZED, shown.diagnostics().get(0).category());
        }
    }

    @Test
    void moreThanOneBadRowIsCountedInTheOneMessage() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.csv"), "Source,Destination,Port,Action\nany,10.0.0.1,70000,permit\nany,10.0.0.1,80000,permit\n"
                + "any,10.0.0.1,90000,permit\n");
        BadInputException e = assertThrows(BadInputException.class, () -> importer.importFile(f, "bad.csv", new ImportOptions(null, null, true)));
        assertEquals("bad.csv:2: cell C2: port 70000 is outside 0-65535; 2 more rows cannot be read either ('lyncaudit parse bad.csv' "
                + "lists them all)", e.getMessage());
    }

    @Test
    void csvRowsAreRecordsAndBlankLinesCountNowhere() throws Exception {
        Path f = Files.writeString(tmp.resolve("multi.csv"), "Title\n\nSource,Destination,Port,Comment\n"
                + "any,10.0.0.1,443,\"two\nlines\"\n\n,,,\nany,10.0.0.2,443,\n\n\n", StandardCharsets.UTF_8);
        ImportResult r = importer.importFile(f, "multi.csv", new ImportOptions(null, Action.PERMIT, false));
        // rows: 1 title (ignored), 2 blank, 3 header (used), 4-5 one record, 6 blank, 7 blank (only delimiters), 8 rule; 9-10 blank
        assertEquals(new LineCounts(4, 3, 1, 0, 0), r.lines());
        assertEquals(List.of(4, 8), r.policies().get(0).rules().stream().map(x -> x.source().line()).toList());
        assertEquals("any,10.0.0.1,443,\"two\\nlines\"", r.policies().get(0).rules().get(0).source().text(), "a line break is shown as \\n");
    }
}
