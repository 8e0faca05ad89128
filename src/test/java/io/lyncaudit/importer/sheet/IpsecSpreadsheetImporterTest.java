package io.lyncaudit.importer.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IPsec rule sheet reader: loose headers, the authentication column, symmetry, diagnostics per cell, bad input. */
class IpsecSpreadsheetImporterTest {

    @TempDir
    Path tmp;

    private IpsecPolicy read(String name, String csv) throws Exception {
        Path f = Files.writeString(tmp.resolve(name), csv, StandardCharsets.UTF_8);
        return IpsecSpreadsheetImporter.read(f, name);
    }

    private static Packet udp(String src, int sport, String dst, int dport) {
        return new Packet(Protocols.UDP, Addresses.parse(src).first(), sport, Addresses.parse(dst).first(), dport);
    }

    @Test
    void windowsFirewallHeadersAndTheAuthenticationColumn() throws Exception {
        IpsecPolicy p = read("ipsec.csv", """
                Name,Enabled,Endpoint 1,Endpoint 2,Protocol,Endpoint 1 Port,Endpoint 2 Port,Authentication
                AV Edge,Yes,Any,172.25.33.12,UDP and TCP,Any,Any,Do not authenticate
                Domain isolation,Yes,Any,Any,Any,Any,Any,Require inbound and request outbound
                Media,Yes,Any,Any,UDP,"50,000-59,999",Any,Exempt
                """);
        assertEquals(3, p.rules().size());
        assertEquals(List.of(), p.diagnostics());
        IpsecRule av = p.rules().get(0);
        assertTrue(av.exempt());
        assertEquals("AV Edge", av.name());
        assertEquals(2, av.source().line());
        assertTrue(av.source().text().startsWith("AV Edge,Yes"));
        assertFalse(p.rules().get(1).exempt());
        assertEquals(2, p.exemptions().size());
        // symmetric: both directions between the endpoints
        assertTrue(p.exempt().contains(udp("10.1.2.3", 5000, "172.25.33.12", 3478)));
        assertTrue(p.exempt().contains(udp("172.25.33.12", 3478, "10.1.2.3", 5000)));
        // the media rule: from the range, and back to it
        assertTrue(p.exempt().contains(udp("10.1.2.3", 50000, "10.9.9.9", 80)));
        assertTrue(p.exempt().contains(udp("10.9.9.9", 80, "10.1.2.3", 59999)));
        assertFalse(p.exempt().contains(udp("10.9.9.9", 80, "10.1.2.4", 40000)));
    }

    @Test
    void netshAndTeamSpellings() throws Exception {
        IpsecPolicy netsh = read("netsh.csv", """
                Rule Name;Local Address;Remote Address;Protocol;Local Port;Remote Port;Action
                Mediation;10.0.6.11;Any;UDP & TCP;;;Do not authenticate
                """);
        assertEquals(1, netsh.rules().size());
        assertEquals(Protocols.TCP_UDP, netsh.rules().get(0).match().bounds().protocols());
        IpsecPolicy team = read("team.csv", """
                Exceptions kept by the network team
                Source,Destination,Source Port,Destination Port,Protocol,Requirement
                Any,10.0.1.11-10.0.1.12,any,any,TCP,do not authenticate
                """);
        assertEquals(1, team.rules().size());
        assertEquals(3, team.rules().get(0).source().line());
    }

    @Test
    void badCellsAreDiagnosticsNamingTheCell() throws Exception {
        IpsecPolicy p = read("bad.csv", """
                Name,Enabled,Endpoint 1,Endpoint 2,Protocol,Endpoint 1 Port,Endpoint 2 Port,Authentication
                Ports,Yes,Any,10.0.1.11,UDP,Specified media port range,Any,Do not authenticate
                Address,Yes,Any,10.0.1.300,UDP,Any,Any,Do not authenticate
                Auth,Yes,Any,10.0.1.11,UDP,Any,Any,Maybe
                Off,No,Any,10.0.1.11,UDP,Any,Any,Do not authenticate
                ICMP ports,Yes,Any,10.0.1.11,ICMP,Any,80,Do not authenticate
                A title row
                """);
        assertEquals(List.of(), p.rules());
        List<Diagnostic> d = p.diagnostics();
        assertEquals(6, d.size());
        assertTrue(d.get(0).message().startsWith("F2: "), d.get(0).message());
        assertEquals(Diagnostic.Category.UNRECOGNIZED, d.get(0).category());
        assertEquals("bad.csv", d.get(0).file());
        assertEquals(2, d.get(0).line());
        assertTrue(d.get(1).message().startsWith("D3: "), d.get(1).message());
        assertTrue(d.get(2).message().startsWith("H4: 'Maybe' is not an authentication requirement"), d.get(2).message());
        assertEquals("rule disabled", d.get(3).message());
        assertEquals(Diagnostic.Category.IGNORED, d.get(3).category());
        assertTrue(d.get(4).message().contains("has no ports"), d.get(4).message());
        assertEquals("not a rule row", d.get(5).message());
        assertEquals(2, p.lines().ignored(), "the disabled row and the title row (the header is used)");
        assertEquals(4, p.lines().unparsed());
    }

    @Test
    void xlsxSheetsAreReadWithSheetAndCellReferences() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("ipsec.xlsx"), """
                ### Exemptions
                Name | Endpoint 1 | Endpoint 2 | Protocol | Authentication
                AV Edge | Any | 172.25.33.12 | UDP and TCP | Do not authenticate
                Bad | Any | nowhere | UDP | Do not authenticate
                ### Notes
                just notes
                """);
        IpsecPolicy p = IpsecSpreadsheetImporter.read(f, "ipsec.xlsx");
        assertEquals(1, p.rules().size());
        assertEquals("Exemptions", p.rules().get(0).source().sheet());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().startsWith("Exemptions!C3: ")), p.diagnostics().toString());
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().contains("sheet 'Notes'")), p.diagnostics().toString());
    }

    @Test
    void aFileWithoutAnIpsecHeaderIsBadInput() throws Exception {
        Path f = Files.writeString(tmp.resolve("fw.csv"), "Source,Destination,Port,Action\nany,10.0.0.1,443,permit\n");
        BadInputException e = assertThrows(BadInputException.class, () -> IpsecSpreadsheetImporter.read(f, "fw.csv"));
        assertTrue(e.getMessage().startsWith("fw.csv"), e.getMessage());
        assertTrue(e.getMessage().contains("firewall rule sheet"), e.getMessage());
        Path other = Files.writeString(tmp.resolve("other.csv"), "Host,Owner\nfe01,ops\n");
        assertTrue(assertThrows(BadInputException.class, () -> IpsecSpreadsheetImporter.read(other, "other.csv")).getMessage()
                .contains("Endpoint 1"));
    }

    @Test
    void missingAndEmptyFilesAreBadInput() throws Exception {
        assertEquals("gone.csv: file not found",
                assertThrows(BadInputException.class, () -> IpsecSpreadsheetImporter.read(tmp.resolve("gone.csv"), "gone.csv")).getMessage());
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertThrows(BadInputException.class, () -> IpsecSpreadsheetImporter.read(empty, "empty.csv"));
    }

    @Test
    void headerVariantsNothingWordsAndTitleRowsAsInRuleSheets() throws Exception {
        IpsecPolicy p = read("team.csv", """
                IPsec exemptions for the Edge (CHG-77)
                Rule Name,Local IP,Remote Subnet,IP Protocol,Local Port,Remote Port,Auth Mode,Status
                AV,172.25.34.5,Any,UDP,N/A,-,Do not authenticate,Enabled
                Old,172.25.34.5,Any,UDP,,,Do not authenticate,Disabled
                """);
        assertEquals(1, p.rules().size());
        assertTrue(p.exempt().contains(udp("172.25.34.5", 3478, "10.1.2.3", 50000)), "N/A and - ports are any");
        assertEquals(new io.lyncaudit.policy.LineCounts(4, 2, 2, 0, 0), p.lines(), "the rule and the header used; the title row and the disabled row ignored");
        assertEquals("above the header row (a title or a note)", p.diagnostics().get(0).message());
    }

    @Test
    void anAmbiguousIpsecHeaderIsRefusedNamingBothColumns() throws Exception {
        Path f = Files.writeString(tmp.resolve("amb.csv"), "Name,Endpoint 1,Local Address,Endpoint 2,Authentication\nx,any,any,10.0.0.1,Exempt\n");
        BadInputException e = assertThrows(BadInputException.class, () -> IpsecSpreadsheetImporter.read(f, "amb.csv"));
        assertEquals("amb.csv:1: the header row (row 1) is ambiguous: 'Endpoint 1' (B1) and 'Local Address' (C1) could both be endpoint 1; "
                + "rename the column that means something else, so the header names each once", e.getMessage());
    }

    @Test
    void ipsecWorkbooksAreReadAsAStreamWithinTheSameLimits() throws Exception {
        Path big = BigSheets.rawXlsx(tmp.resolve("big.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Name", "Endpoint 1", "Endpoint 2", "Authentication"));
            for (int i = 2; i <= 20_001; i++) w.write(BigSheets.xmlRow(i, "r" + i, "10.0." + (i >> 8 & 255) + "." + (i & 255), "any", "Exempt"));
        }, null);
        IpsecPolicy p = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> IpsecSpreadsheetImporter.read(big, "big.xlsx"));
        assertEquals(20_000, p.rules().size());
        assertEquals("Rules", p.rules().get(0).source().sheet());
        Path fat = BigSheets.rawXlsx(tmp.resolve("fat.xlsx"), w -> {
            w.write(BigSheets.xmlRow(1, "Name", "Endpoint 1", "Endpoint 2", "Authentication"));
            w.write(BigSheets.xmlRow(2, "x".repeat(40_000), "any", "any", "Exempt"));
        }, null);
        assertTrue(assertThrows(BadInputException.class, () -> IpsecSpreadsheetImporter.read(fat, "fat.xlsx")).getMessage()
                .startsWith("fat.xlsx [Rules!A2]: the cell holds more than 32,767 characters"));
    }
}
