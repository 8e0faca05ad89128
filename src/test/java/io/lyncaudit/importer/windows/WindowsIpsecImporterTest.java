package io.lyncaudit.importer.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.Importers;
import io.lyncaudit.ipsec.IpsecPolicy;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows connection-security rule exports into the IPsec model, and the loadIpsec dispatch. */
class WindowsIpsecImporterTest {
    @TempDir
    Path tmp;

    @Test
    void netshConsec() throws Exception {
        IpsecPolicy p = Importers.loadIpsec(WindowsFixtures.DIR.resolve("ipsec-netsh-consec.txt"), "consec.txt", null);
        assertEquals("windows-ipsec", p.format());
        assertEquals(List.of("A/V Edge internal exemption", "Require domain isolation"), p.rules().stream().map(IpsecRule::name).toList());
        assertTrue(p.rules().get(0).exempt());
        assertFalse(p.rules().get(1).exempt());
        assertEquals("RequestInRequestOut", p.rules().get(1).authentication());
        assertTrue(p.exempt().containsAll(PacketSet.of(new PacketBox(Protocols.TCP_UDP, Addresses.parse("10.9.9.9"),
                Addresses.parse("10.0.10.5"), Ports.ALL, Ports.ALL))));
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.message().equals("rule disabled")));
        var l = p.lines();
        assertEquals(l.total(), l.used() + l.ignored() + l.unsupported() + l.unrecognized());
        assertEquals(0, l.unrecognized());
    }

    @Test
    void getNetIpsecRuleCsv() throws Exception {
        IpsecPolicy p = Importers.loadIpsec(WindowsFixtures.DIR.resolve("ipsec-get-netipsecrule.csv"), "ipsec.csv", null);
        assertEquals("windows-ipsec", p.format());
        assertEquals(3, p.rules().size(), p.rules().toString());
        assertTrue(p.rules().get(0).exempt(), "InboundSecurity and OutboundSecurity None");
        assertFalse(p.rules().get(1).exempt());
        assertFalse(p.rules().get(2).exempt(), "None one way only is not an exemption");
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.category() == Diagnostic.Category.UNSUPPORTED && d.message().contains("one way only")));
        assertTrue(p.diagnostics().stream().anyMatch(d -> d.category() == Diagnostic.Category.UNSUPPORTED && d.message().contains("tunnel")));
        // endpoint 1 is the local side, with its ports
        assertTrue(p.rules().get(2).match().contains(new Packet(6, Addresses.parse("10.0.1.11").first(), 5061,
                Addresses.parse("10.7.0.1").first(), 50000)));
    }

    @Test
    void formatListSemicolonAndNamedFormat() throws Exception {
        String fl = """
                IPsecRuleName    : {AA}
                DisplayName      : Exempt UM
                Enabled          : True
                Profile          : Domain
                Mode             : Transport
                InboundSecurity  : None
                OutboundSecurity : None
                LocalAddress     : 10.0.7.11
                RemoteAddress    : Any
                Protocol         : UDP
                LocalPort        : {1024-65535}
                RemotePort       : Any
                """;
        Path f = tmp.resolve("ipsec.txt");
        Files.writeString(f, fl, StandardCharsets.UTF_8);
        IpsecPolicy p = Importers.loadIpsec(f, "ipsec.txt", "windows-ipsec");
        assertEquals(1, p.rules().size());
        assertTrue(p.rules().get(0).exempt());
        assertTrue(p.exempt().contains(new Packet(17, Addresses.parse("10.9.0.1").first(), 3478,
                Addresses.parse("10.0.7.11").first(), 2000)));
        assertFalse(p.exempt().contains(new Packet(17, Addresses.parse("10.9.0.1").first(), 3478,
                Addresses.parse("10.0.7.11").first(), 1000)));
    }

    @Test
    void spreadsheetStillGoesToTheSpreadsheetReader() throws Exception {
        Path f = tmp.resolve("sheet.csv");
        Files.writeString(f, "Name,Endpoint 1,Endpoint 2,Protocol,Endpoint 1 Port,Endpoint 2 Port,Authentication\n"
                + "x,Any,10.0.10.5,UDP and TCP,Any,Any,Do not authenticate\n");
        assertEquals("spreadsheet", Importers.loadIpsec(f, "sheet.csv", null).format());
    }

    @Test
    void firewallExportIsNotAnIpsecExportAndViceVersa() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> WindowsIpsecImporter.read(WindowsFixtures.DIR.resolve("fe01-netsh.txt"), "fe.txt"));
        assertTrue(e.getMessage().contains("not a Windows IPsec"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Importers.load(WindowsFixtures.DIR.resolve("ipsec-netsh-consec.txt"), "c.txt", null));
        assertTrue(e.getMessage().contains("list it under 'ipsec:'"), e.getMessage());
    }

    @Test
    void unknownIpsecFormatNamesBoth() {
        BadInputException e = assertThrows(BadInputException.class, () -> Importers.loadIpsec(tmp.resolve("x"), "x", "cisco-asa"));
        assertTrue(e.getMessage().contains("windows-ipsec"), e.getMessage());
    }
}
