package io.lyncaudit.importer.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and wrong input: a diagnostic or a clear BadInputException, never a hang or a stack trace. */
class WindowsBadInputTest {
    @TempDir
    Path tmp;

    private ImportResult imp(String name, byte[] bytes) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return new WindowsFirewallImporter().importFile(f, name);
    }

    private String bad(String name, byte[] bytes) {
        return assertThrows(BadInputException.class, () -> imp(name, bytes)).getMessage();
    }

    @Test
    void binaryJunk() {
        byte[] junk = new byte[20000];
        new Random(7).nextBytes(junk);
        assertTrue(bad("junk.bin", junk).contains("binary content, not text"));
        assertFalse(new WindowsFirewallImporter().detect(tmp, junk));
        assertFalse(new WindowsIpsecImporter().detect(tmp, junk));
    }

    @Test
    void emptyAndWrongVendor() {
        assertTrue(bad("empty.txt", new byte[0]).contains("not a Windows Firewall rule export"));
        assertTrue(bad("sheet.csv", "Name,Source,Destination,Protocol,Port,Action\nweb,any,10.0.0.1,TCP,443,permit\n"
                .getBytes(StandardCharsets.UTF_8)).contains("not a Windows Firewall rule export"));
        assertTrue(bad("asa.txt", "access-list outside_in extended permit tcp any host 10.0.0.1 eq 443\n"
                .getBytes(StandardCharsets.UTF_8)).contains("not a Windows Firewall rule export"));
    }

    @Test
    void utf16WithoutBomIsReadWithANote() throws Exception {
        String text = Files.readString(WindowsFixtures.DIR.resolve("fe01-netsh.txt"));
        ImportResult le = imp("le.txt", text.getBytes(StandardCharsets.UTF_16LE));
        ImportResult be = imp("be.txt", text.getBytes(StandardCharsets.UTF_16BE));
        assertEquals(8, le.ruleCount());
        assertEquals(8, be.ruleCount());
        assertTrue(le.diagnostics().get(0).message().contains("no byte-order mark"), le.diagnostics().get(0).toString());
        assertTrue(new WindowsFirewallImporter().detect(tmp, text.getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void utf16BigEndianWithBom() throws Exception {
        String text = Files.readString(WindowsFixtures.DIR.resolve("fe01-get-netfirewallrule.csv"));
        ImportResult be = imp("be.csv", text.getBytes(StandardCharsets.UTF_16)); // Java writes a BE BOM
        assertEquals(6, be.ruleCount(), "five rules and the one that cannot be read, kept as matching nothing");
    }

    @Test
    void hugeLinesAreRefusedNamingTheLine() throws Exception {
        String text = WindowsFixtures.netsh("ok", "Yes", "In", "Domain", "TCP", "443", "Any", "Allow")
                + "\n" + "x".repeat(5_000_000) + "\n"
                + WindowsFixtures.netsh("ok2", "Yes", "In", "Domain", "TCP", "444", "Any", "Allow");
        String m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> bad("huge.txt", text.getBytes(StandardCharsets.UTF_8)));
        assertTrue(m.matches("huge\\.txt:\\d+: the line is 5000000 characters long; .*"), m);
        assertTrue(m.length() < 300, m);
    }

    @Test
    void truncatedBlocksAndRows() throws Exception {
        String netsh = WindowsFixtures.netsh("ok", "Yes", "In", "Domain", "TCP", "443", "Any", "Allow")
                + "\nRule Name:                            cut\n-----\nEnabled:                              Yes\nDirection:    In\n";
        ImportResult r = imp("cut.txt", netsh.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, r.ruleCount());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.category() == Diagnostic.Category.UNRECOGNIZED && d.message().contains("without Action")));
        String csv = "Name,DisplayName,Enabled,Direction,Action,Profile,Protocol,LocalPort,RemotePort,LocalAddress,RemoteAddress\n"
                + "a,A,True,Inbound,Allow,Any,TCP,443,Any,Any,Any\n"
                + "b,\"B unterminated,True,Inbound,Allow,Any,TCP,444,Any,Any,Any\n";
        ImportResult c = imp("cut.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, c.ruleCount());
        assertTrue(c.diagnostics().stream().anyMatch(d -> d.message().contains("unterminated")));
    }

    @Test
    void unknownValuesAreDiagnosticsNotExceptions() throws Exception {
        String text = WindowsFixtures.netsh("a", "Maybe", "In", "Domain", "TCP", "443", "Any", "Allow")
                + WindowsFixtures.netsh("b", "Yes", "Sideways", "Domain", "TCP", "443", "Any", "Allow")
                + WindowsFixtures.netsh("c", "Yes", "In", "Office", "TCP", "443", "Any", "Allow")
                + WindowsFixtures.netsh("d", "Yes", "In", "Domain", "TCP", "443", "Any", "Deny maybe")
                + WindowsFixtures.netsh("e", "Yes", "In", "Domain", "QUIC", "443", "Any", "Allow")
                + WindowsFixtures.netsh("f", "Yes", "In", "Domain", "TCP", "443", "10.0.0.300", "Allow")
                + WindowsFixtures.netsh("g", "Yes", "In", "Domain", "ICMPv4", "443", "Any", "Allow")
                + "frobnicate\n";
        ImportResult r = imp("odd.txt", text.getBytes(StandardCharsets.UTF_8));
        // every rule whose action is known stays, read as matching nothing (b, direction unknown, in both policies); d's action is unknown
        assertEquals(7, r.ruleCount());
        assertTrue(r.policies().stream().flatMap(p -> p.rules().stream()).allMatch(x -> x.match().isEmpty() && x.uncertain()));
        assertFalse(WindowsFixtures.inbound(r, 6, "10.1.0.1", 443));
        // one diagnostic per line: the first line of each rule says why, the others whose part they are
        assertEquals(8, r.diagnostics().stream().filter(d -> d.category() == Diagnostic.Category.UNRECOGNIZED
                && !d.message().startsWith("part of the rule at line")).count(), r.diagnostics().toString());
        var l = r.lines();
        assertEquals(l.total(), l.used() + l.ignored() + l.unsupported() + l.unrecognized());
        assertEquals(0, l.used());
    }

    @Test
    void rulesExportedWithoutTheirFiltersAreNotReadAsAnyPort() throws Exception {
        String fl = """
                Name          : {1}
                DisplayName   : Lync Server SIP TLS (TCP-In)
                Enabled       : True
                Profile       : Any
                Direction     : Inbound
                Action        : Allow
                """;
        ImportResult r = imp("nofilters.txt", fl.getBytes(StandardCharsets.UTF_8));
        // kept as matching nothing that may match anything: every decision it could change is uncertain
        assertEquals(1, r.ruleCount());
        var rule = r.policies().get(0).rules().get(0);
        assertTrue(rule.match().isEmpty());
        assertEquals(io.lyncaudit.model.PacketSet.ALL, rule.mayMatch());
        assertFalse(WindowsFixtures.inbound(r, 6, "10.1.0.1", 5061));
        assertTrue(r.diagnostics().get(0).message().contains("Get-NetFirewallPortFilter"), r.diagnostics().toString());
    }

    @Test
    void cimEnumNumbers() throws Exception {
        String csv = "Name,DisplayName,Enabled,Direction,Action,Profile,Protocol,LocalPort,RemotePort,LocalAddress,RemoteAddress\n"
                + "a,A,1,1,2,1,TCP,5061,Any,Any,Any\n"
                + "b,B,1,1,4,0,TCP,5061,Any,10.9.0.0/16,Any\n"
                + "c,C,2,1,2,0,TCP,443,Any,Any,Any\n"
                + "d,D,1,1,2,4,TCP,444,Any,Any,Any\n";
        ImportResult r = imp("enums.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.ruleCount(), r.diagnostics().toString());
        assertTrue(WindowsFixtures.inbound(r, 6, "10.1.0.1", 5061));
        assertFalse(WindowsFixtures.inbound(r, 6, "10.1.0.1", 443), "Enabled 2 is False");
        assertFalse(WindowsFixtures.inbound(r, 6, "10.1.0.1", 444), "Profile 4 is Public");
    }
}
