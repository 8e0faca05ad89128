package io.lyncaudit.importer.sheet;

import static io.lyncaudit.importer.sheet.Packets.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sheets as teams keep them: the header spellings of vendor exports and change-request templates,
 * the "nothing here" words, protocol-qualified service cells kept per protocol, and ambiguous
 * headers refused rather than guessed.
 */
class SpreadsheetHeadersTest {

    @TempDir
    Path tmp;

    private final SpreadsheetImporter importer = new SpreadsheetImporter();

    private ImportResult csv(String text, ImportOptions options) throws Exception {
        Path f = Files.writeString(tmp.resolve("rules.csv"), text, StandardCharsets.UTF_8);
        return importer.importFile(f, "rules.csv", options);
    }

    private ImportResult csv(String text) throws Exception {
        return csv(text, ImportOptions.NONE);
    }

    private static Header header(String csvHeader) throws HeaderRoles.Ambiguous {
        return Header.of(new RawRow(1, csvHeader.split(",", -1), null), null);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // header                                                                  | source | destination | service | action
        "Source,Destination,Service,Action                                         | 0 | 1 | 2 | 3",
        "Src IP,Dst,Services,Rule Action                                           | 0 | 1 | 2 | 3",
        "Source Address,Destination Address,Port/Protocol,Permit/Deny              | 0 | 1 | 2 | 3",
        "Src,Dest,Dest Port,Decision                                               | 0 | 1 | 2 | 3",
        "CIDR,Destination CIDR,Port Range,Access                                    | 0 | 1 | 2 | 3",
        "srcaddr,dstaddr,service,action                                            | 0 | 1 | 2 | 3",
        "No.,Name,Source,Destination,VPN,Services & Applications,Action,Track      | 2 | 3 | 5 | 6",
        "Name,Source Zone,Source Address,Destination Zone,Destination Address,Service,Action | 2 | 4 | 5 | 6",
        "Priority,Name,Port,Protocol,Source,Destination,Action                      | 4 | 5 | 2 | 6",
        "Source IP/Subnet,Destination IP/Subnet,TCP/UDP Port,Allow/Deny             | 0 | 1 | 2 | 3",
        "SOURCE_IP,DEST-IP,dst.port,Verdict                                        | 0 | 1 | 2 | 3",
        "Unnamed: 0,Source Network,Destination Network,Ports,Rule Action            | 1 | 2 | 3 | 4",
    })
    void headerSpellingsOfExportsAndTemplates(String h, int source, int destination, int service, int action) throws Exception {
        Header x = header(h.strip());
        assertEquals(Map.of(Column.SOURCE, source, Column.DESTINATION, destination, Column.SERVICE, service, Column.ACTION, action),
                Map.of(Column.SOURCE, x.index(Column.SOURCE), Column.DESTINATION, x.index(Column.DESTINATION),
                        Column.SERVICE, x.index(Column.SERVICE), Column.ACTION, x.index(Column.ACTION)));
    }

    @Test
    void aRuleActionColumnIsTheActionNotAnAllPermitGuess() throws Exception {
        StringBuilder s = new StringBuilder("Rule Name,Src IP,Dst,Services,Rule Action\n");
        for (int i = 0; i < 13; i++) s.append("deny-").append(i).append(",any,10.0.0.").append(i + 1).append(",443,Deny\n");
        s.append("allow,any,10.0.0.99,443,Permit\n");
        List<Rule> rules = csv(s.toString()).policies().get(0).rules();
        assertEquals(14, rules.size());
        assertEquals(13, rules.stream().filter(r -> r.action() == Action.DENY).count());
        assertEquals(Action.PERMIT, rules.get(13).action());
    }

    @Test
    void fromPortAndToPortAreOneRangeAndMinusOneIsAny() throws Exception {
        ImportResult r = csv("""
                IP Protocol,From Port,To Port,CIDR,Destination,Action
                tcp,50000,59999,0.0.0.0/0,10.0.0.1,allow
                -1,,,10.0.0.0/8,10.0.0.1,allow
                udp,3478,,0.0.0.0/0,10.0.0.2,allow
                """);
        List<Rule> rules = r.policies().get(0).rules();
        assertTrue(rules.get(0).match().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 55555)));
        assertFalse(rules.get(0).match().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 60000)));
        assertFalse(rules.get(0).match().contains(packet("udp", "192.0.2.1", "10.0.0.1", 55555)));
        assertTrue(rules.get(1).match().contains(packet("icmp", "10.1.1.1", "10.0.0.1", 0)), "-1 is every protocol");
        assertFalse(rules.get(1).match().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 1)), "CIDR is the source");
        assertTrue(rules.get(2).match().contains(packet("udp", "192.0.2.1", "10.0.0.2", 3478)));
        assertFalse(rules.get(2).match().contains(packet("udp", "192.0.2.1", "10.0.0.2", 3479)));
    }

    /** Each service cell, and the packets it must and must not match: every item with its own protocol. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "'UDP_80-84,UDP_22,TCP_30000' | udp 80, udp 84, udp 22, tcp 30000         | tcp 80, tcp 22, udp 30000, udp 85",
        "'TCP_22-25,UDP_139'          | tcp 22, tcp 25, udp 139                    | udp 22, tcp 139, tcp 26",
        "443/TCP                      | tcp 443                                    | udp 443, tcp 444",
        "tcp/443                      | tcp 443                                    | udp 443",
        "UDP:3478                     | udp 3478                                   | tcp 3478",
        "TCP/UDP 3478                 | tcp 3478, udp 3478                         | tcp 3479",
        "TCP/UDP:5060                 | tcp 5060, udp 5060                         | tcp 5061",
        "53 UDP                       | udp 53                                     | tcp 53",
        "'80, 443 TCP'                | tcp 80, tcp 443                            | udp 80, udp 443",
        "tcp-5060-5061                | tcp 5060, tcp 5061                         | udp 5060, tcp 5062",
        "TCP & UDP 3478               | tcp 3478, udp 3478                         | tcp 3477",
        "'TCP 5061, UDP 3478'         | tcp 5061, udp 3478                         | udp 5061, tcp 3478",
        "'443/tcp, 3478/udp'          | tcp 443, udp 3478                          | udp 443, tcp 3478",
        "'https, stun'                | tcp 443, udp 3478                          | udp 443, tcp 3478",
        "3478 tcp udp                 | tcp 3478, udp 3478                         | tcp 3479, icmp 0",
    })
    void protocolQualifiedServicesKeepTheirOwnProtocol(String cell, String yes, String no) throws Exception {
        String quoted = '"' + cell.replace("\"", "\"\"") + '"';
        Rule r = csv("Source,Destination,Service,Action\nany,10.0.0.1," + quoted + ",permit\n").policies().get(0).rules().get(0);
        assertFalse(r.uncertain(), r.uncertainty());
        for (String p : yes.split(",")) assertTrue(r.match().contains(probe(p)), cell + " must match " + p);
        for (String p : no.split(",")) assertFalse(r.match().contains(probe(p)), cell + " must not match " + p);
    }

    private static Packet probe(String spec) {
        String[] pp = spec.strip().split(" ");
        return packet(pp[0], "192.0.2.7", "10.0.0.1", Integer.parseInt(pp[1]));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "N/A", "n/a", "-", "null", "NULL", "--", "\u2014", "na"})
    void nothingWordsAreBlankCells(String nothing) throws Exception {
        ImportResult r = csv("Name,Source,Destination,Protocol,Port,Source Port,From Zone,Enabled,Action\n"
                + nothing + ",any,10.0.0.1," + nothing + ",443," + nothing + "," + nothing + "," + nothing + ",permit\n");
        Rule rule = r.policies().get(0).rules().get(0);
        assertFalse(rule.uncertain(), () -> rule.uncertainty());
        assertNull(rule.name());
        assertTrue(rule.fromZones().isEmpty());
        assertTrue(rule.match().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 443)), "protocol blank: TCP and UDP");
        assertTrue(rule.match().contains(packet("udp", "192.0.2.1", "10.0.0.1", 443)));
    }

    @Test
    void aBlankAddressIsNotAnyButUnknown() throws Exception {
        Rule r = csv("Source,Destination,Port,Action\nN/A,10.0.0.1,443,deny\n").policies().get(0).rules().get(0);
        assertTrue(r.uncertain());
        assertTrue(r.match().isEmpty());
        assertTrue(r.mayMatch().contains(packet("tcp", "192.0.2.1", "10.0.0.1", 443)));
        assertTrue(r.uncertainty().startsWith("A2: the source is empty"), r.uncertainty());
    }

    @Test
    void twoColumnsThatCouldBeTheActionAreAnErrorNamingBoth() throws Exception {
        BadInputException e = assertThrows(BadInputException.class,
                () -> csv("Source,Destination,Port,Action,Decision\nany,10.0.0.1,443,permit,deny\n"));
        assertEquals("rules.csv:1: the header row (row 1) is ambiguous: 'Action' (D1) and 'Decision' (E1) could both be the action; "
                + "rename the column that means something else, so the header names each once", e.getMessage());
    }

    @Test
    void otherAmbiguitiesAreRefusedTooAndInformationalColumnsAreNot() throws Exception {
        assertTrue(assertThrows(BadInputException.class, () -> csv("Source,Src IP,Destination,Port,Action\nany,any,10.0.0.1,443,permit\n"))
                .getMessage().contains("'Source' (A1) and 'Src IP' (B1) could both be the source"));
        assertTrue(assertThrows(BadInputException.class, () -> csv("Source,Destination,Service,Port,Action\nany,10.0.0.1,https,443,permit\n"))
                .getMessage().contains("'Service' (C1) and 'Port' (D1) could both be the service or destination port"));
        assertTrue(assertThrows(BadInputException.class, () -> csv("Source,Destination,From Port,Action\nany,10.0.0.1,443,permit\n"))
                .getMessage().contains("'From Port' (C1) names one end of a port range"));
        assertTrue(assertThrows(BadInputException.class, () -> csv("Source,Destination,Port,Enabled,Disabled,Action\nany,10.0.0.1,443,yes,no,permit\n"))
                .getMessage().contains("could both say whether the rule is on"));
        // a '#' column and a Name column, or two comment columns, change no verdict: the first is taken
        Rule r = csv("#,Name,Source,Destination,Port,Action,Notes,Comment\n1,web,any,10.0.0.1,443,permit,a,b\n").policies().get(0).rules().get(0);
        assertEquals("web", r.name());
        // CIDR is the source only when no column says Source
        Header h = header("Source,CIDR,Destination,Port");
        assertEquals(0, h.index(Column.SOURCE));
    }

    @Test
    void anAmbiguousXlsxHeaderNamesTheSheetAndCells() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("amb.xlsx"), """
                ### Rules
                Flows for CHG-9
                Source | Destination | Port | Permit/Deny | Rule Action
                any | 10.0.0.1 | 443 | permit | permit
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> importer.importFile(f, "amb.xlsx"));
        assertEquals("amb.xlsx [Rules!A2]: the header row (row 2 of sheet 'Rules') is ambiguous: 'Permit/Deny' (Rules!D2) and "
                + "'Rule Action' (Rules!E2) could both be the action; rename the column that means something else, so the header "
                + "names each once", e.getMessage());
    }

    @Test
    void vendorExportsReadAsTheirConsolesShowThem() throws Exception {
        Path f = XlsxFixtures.write(tmp.resolve("vendors.xlsx"),
                Files.readString(Path.of("src/test/resources/importer/sheet/vendors.xlsx.txt"), StandardCharsets.UTF_8));
        ImportResult r = importer.importFile(f, "vendors.xlsx");
        assertEquals(List.of("Palo Alto", "FortiGate", "Check Point", "Azure NSG"), r.policies().stream().map(p -> p.name()).toList());
        PacketSet pan = r.policies().get(0).rules().get(0).match();
        assertTrue(pan.contains(packet("tcp", "198.51.100.1", "131.107.155.10", 5061)));
        assertEquals(3, r.policies().get(0).rules().size(), "the disabled row is left out");
        assertTrue(r.policies().get(0).rules().get(1).uncertain(), "application-default names no port");
        assertEquals(java.util.Set.of("untrust"), r.policies().get(0).rules().get(0).fromZones());
        Rule forti = r.policies().get(1).rules().get(1);
        assertTrue(forti.match().contains(packet("tcp", "198.51.100.1", "131.107.155.30", 50000)));
        assertFalse(forti.match().contains(packet("udp", "198.51.100.1", "131.107.155.30", 50000)));
        assertEquals(java.util.Set.of("port1"), forti.fromZones());
        assertEquals(Action.DENY, r.policies().get(2).rules().get(2).action());
        assertTrue(r.policies().get(2).rules().get(1).uncertain(), "Lync_Edge_Ext is an object the export does not define");
        assertTrue(r.policies().get(3).rules().get(0).uncertain(), "Internet is an Azure service tag");
    }
}
