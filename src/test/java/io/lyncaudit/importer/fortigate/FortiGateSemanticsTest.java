package io.lyncaudit.importer.fortigate;

import static io.lyncaudit.importer.fortigate.Forti.decide;
import static io.lyncaudit.importer.fortigate.Forti.decidingLine;
import static io.lyncaudit.importer.fortigate.Forti.translated;
import static io.lyncaudit.importer.fortigate.Forti.uncertainty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.ImportOptions;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FortiGate part of issue 14, bullet by bullet: each reading the importer promises, on small configurations. */
class FortiGateSemanticsTest {
    static final Action P = Action.PERMIT, D = Action.DENY;

    @TempDir
    Path tmp;

    private ImportResult load(String text) throws Exception {
        return Forti.load(tmp, "fw.conf", text);
    }

    /** A policy entry: id, srcintf, dstintf, srcaddr, dstaddr, service, and extra set lines. */
    static String policy(String id, String in, String out, String src, String dst, String svc, String... extra) {
        StringBuilder b = new StringBuilder("    edit ").append(id).append('\n')
                .append("        set srcintf ").append(in).append('\n').append("        set dstintf ").append(out).append('\n')
                .append("        set srcaddr ").append(src).append('\n').append("        set dstaddr ").append(dst).append('\n')
                .append("        set schedule \"always\"\n").append("        set service ").append(svc).append('\n');
        for (String e : extra) b.append("        set ").append(e).append('\n');
        return b.append("    next\n").toString();
    }

    static final String ADDRS = """
            config firewall address
                edit "all"
                next
                edit "edge"
                    set subnet 172.25.33.0 255.255.255.0
                next
                edit "fe"
                    set type iprange
                    set start-ip 10.0.1.11
                    set end-ip 10.0.1.13
                next
            end
            """;

    @Test
    void policiesAreEvaluatedInTheOrderListedNotById() throws Exception {
        ImportResult r = load(ADDRS + "config firewall policy\n"
                + policy("9", "port1", "port2", "all", "edge", "\"HTTPS\"", "action deny")
                + policy("1", "port1", "port2", "all", "edge", "\"HTTPS\" \"SSH\"", "action accept")
                + "end\n");
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "port1", "port2"));
        assertEquals(P, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 22, "port1", "port2"));
        assertEquals(14, decidingLine(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "port1", "port2"), "edit 9 decides");
    }

    @Test
    void aDisabledPolicyIsSkippedAndAPolicyWithoutActionDenies() throws Exception {
        ImportResult r = load(ADDRS + "config firewall policy\n"
                + policy("1", "port1", "port2", "all", "edge", "\"ALL\"", "action deny", "status disable")
                + policy("2", "port1", "port2", "all", "edge", "\"RDP\"")
                + policy("3", "port1", "port2", "all", "edge", "\"ALL_TCP\"", "action accept")
                + "end\n");
        assertEquals(P, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "port1", "port2"), "the disabled deny is skipped");
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 3389, "port1", "port2"), "no action: deny");
        assertEquals(D, decide(r, "udp", "203.0.113.5", "172.25.33.10", 3478, "port1", "port2"), "the implicit deny");
        assertEquals(0, decidingLine(r, "udp", "203.0.113.5", "172.25.33.10", 3478, "port1", "port2"));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("disabled (set status disable)")));
    }

    @Test
    void interfacesZonesAndAny() throws Exception {
        ImportResult r = load(ADDRS + """
                config system zone
                    edit "perimeter"
                        set interface "port3" "port4"
                    next
                end
                config firewall policy
                """
                + policy("1", "\"wan1\"", "\"perimeter\"", "\"all\"", "\"edge\"", "\"HTTPS\"", "action accept")
                + policy("2", "\"any\"", "\"wan1\"", "\"fe\"", "\"all\"", "\"DNS\"", "action accept")
                + "end\n");
        assertEquals(P, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "wan1", "perimeter"), "the zone");
        assertEquals(P, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "wan1", "port4"), "an interface of the zone");
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "wan2", "perimeter"), "another ingress");
        assertEquals(P, decide(r, "udp", "10.0.1.12", "8.8.8.8", 53, "port3", "wan1"), "srcintf any");
        assertEquals(D, decide(r, "udp", "10.0.1.14", "8.8.8.8", 53, "port3", "wan1"), "outside the iprange");
    }

    @Test
    void predefinedServicesComeFromTheTableUnlessTheExportDefinesThem() throws Exception {
        ImportResult r = load(ADDRS + "config firewall policy\n"
                + policy("1", "port1", "port2", "all", "edge", "\"RDP\" \"KERBEROS\" \"RLOGIN\" \"ESP\"", "action accept")
                + "end\n");
        assertEquals(P, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 3389, "port1", "port2"));
        assertEquals(P, decide(r, "udp", "203.0.113.5", "172.25.33.10", 464, "port1", "port2"));
        assertEquals(P, decide(r, "esp", "203.0.113.5", "172.25.33.10", 0, "port1", "port2"));
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 3390, "port1", "port2"));
        // RLOGIN is 513 from source ports 512-1023
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 513, "port1", "port2"), "source port 40000 is not 512-1023");
        ImportResult edited = load(ADDRS + """
                config firewall service custom
                    edit "RDP"
                        set tcp-portrange 3390
                    next
                end
                config firewall policy
                """ + policy("1", "port1", "port2", "all", "edge", "\"RDP\"", "action accept") + "end\n");
        assertEquals(D, decide(edited, "tcp", "203.0.113.5", "172.25.33.10", 3389, "port1", "port2"), "the export's RDP wins");
        assertEquals(P, decide(edited, "tcp", "203.0.113.5", "172.25.33.10", 3390, "port1", "port2"));
    }

    @Test
    void customServicesWithSourcePortsAppendUnsetAndGroups() throws Exception {
        ImportResult r = load(ADDRS + """
                config firewall service custom
                    edit "XMPP"
                        set tcp-portrange 5269:1024-65535
                    next
                    edit "MEDIA"
                        set tcp-portrange 50000-59999
                        set udp-portrange 50000-59999
                        unset tcp-portrange
                        append udp-portrange 3478
                    next
                end
                config firewall service group
                    edit "inner"
                        set member "MEDIA"
                    next
                    edit "outer"
                        set member "inner" "XMPP"
                    next
                end
                config firewall policy
                """ + policy("1", "port1", "port2", "all", "edge", "\"outer\"", "action accept") + "end\n");
        assertEquals(P, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 5269, "port1", "port2"));
        assertEquals(P, decide(r, "udp", "203.0.113.5", "172.25.33.10", 3478, "port1", "port2"), "appended");
        assertEquals(P, decide(r, "udp", "203.0.113.5", "172.25.33.10", 55000, "port1", "port2"));
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 55000, "port1", "port2"), "unset");
    }

    @Test
    void negationOfSourceDestinationAndService() throws Exception {
        ImportResult r = load(ADDRS + "config firewall policy\n"
                + policy("1", "port1", "port2", "fe", "edge", "\"HTTPS\"", "action deny", "srcaddr-negate enable")
                + policy("2", "port1", "port2", "all", "edge", "\"HTTPS\"", "action deny", "dstaddr-negate enable")
                + policy("3", "port1", "port2", "all", "all", "\"HTTPS\"", "action accept", "service-negate enable")
                + policy("4", "port1", "port2", "all", "all", "\"HTTPS\"", "action accept")
                + "end\n");
        assertEquals(D, decide(r, "tcp", "203.0.113.5", "172.25.33.10", 443, "port1", "port2"), "not from fe: denied");
        assertEquals(P, decide(r, "tcp", "10.0.1.11", "172.25.33.10", 443, "port1", "port2"), "from fe, to edge");
        assertEquals(D, decide(r, "tcp", "10.0.1.11", "172.25.40.1", 443, "port1", "port2"), "not to edge: denied");
        assertEquals(P, decide(r, "udp", "10.0.1.11", "172.25.40.1", 53, "port1", "port2"), "everything but HTTPS");
    }

    @Test
    void addressGroupsNestAndExclude() throws Exception {
        ImportResult r = load(ADDRS + """
                config firewall addrgrp
                    edit "g1"
                        set member "fe"
                    next
                    edit "g2"
                        set member "g1" "edge"
                        set exclude enable
                        set exclude-member "fe12"
                    next
                end
                config firewall address
                    edit "fe12"
                        set subnet 10.0.1.12/32
                    next
                end
                config firewall policy
                """ + policy("1", "port1", "port2", "g2", "all", "\"HTTPS\"", "action accept") + "end\n");
        assertEquals(P, decide(r, "tcp", "10.0.1.11", "1.2.3.4", 443, "port1", "port2"));
        assertEquals(D, decide(r, "tcp", "10.0.1.12", "1.2.3.4", 443, "port1", "port2"), "excluded");
        assertEquals(P, decide(r, "tcp", "172.25.33.7", "1.2.3.4", 443, "port1", "port2"));
    }

    @Test
    void groupCyclesAndDeepNestingAreRefusedNotFollowed() throws Exception {
        StringBuilder b = new StringBuilder(ADDRS + "config firewall addrgrp\n");
        for (int i = 0; i < 200; i++) b.append("    edit \"g").append(i).append("\"\n        set member \"").append(i == 199 ? "fe" : "g" + (i + 1))
                .append("\"\n    next\n");
        b.append("    edit \"c1\"\n        set member \"c2\"\n    next\n    edit \"c2\"\n        set member \"c1\"\n    next\nend\n");
        b.append("config firewall policy\n").append(policy("1", "port1", "port2", "g0", "all", "\"HTTPS\"", "action accept"))
                .append(policy("2", "port1", "port2", "c1", "all", "\"SSH\"", "action accept")).append("end\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(b.toString()));
        assertNotNull(uncertainty(r, "tcp", "10.0.1.11", "1.2.3.4", 443, "port1", "port2"));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("nested deeper than 64")));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().contains("contains itself")));
    }

    @Test
    void fqdnGeographyAndScheduleAreUncertain() throws Exception {
        ImportResult r = Forti.load(tmp, "u.conf", java.nio.file.Files.readString(Path.of("src/test/resources/importer/fortigate/uncertain.conf")));
        // geography: the deny may match any source
        String geo = uncertainty(r, "tcp", "203.0.113.5", "172.25.33.10", 22, "port1", "port2");
        assertNotNull(geo);
        assertTrue(geo.contains("geography RU"), geo);
        // the fqdn destination is read as nothing: the implicit deny decides, uncertain
        assertEquals(D, decide(r, "tcp", "172.25.33.5", "40.126.1.1", 443, "port2", "port1"));
        assertTrue(uncertainty(r, "tcp", "172.25.33.5", "40.126.1.1", 443, "port2", "port1").contains("login.microsoftonline.com"));
        // the schedule and the ICMP type
        String ping = uncertainty(r, "icmp", "10.1.7.5", "8.8.8.8", 0, "port2", "port1");
        assertTrue(ping.contains("schedule workhours") && ping.contains("ICMP type 8"), ping);
        assertEquals(P, decide(r, "icmp", "10.1.7.5", "8.8.8.8", 0, "port2", "port1"));
        assertEquals(D, decide(r, "icmp", "10.1.7.6", "8.8.8.8", 0, "port2", "port1"), "the wildcard address: x.x.y.5 only");
    }

    @Test
    void aVipPolicyMatchesTheExternalAddressAndTranslates() throws Exception {
        ImportResult r = Forti.load(tmp, "v.conf", java.nio.file.Files.readString(Path.of("src/test/resources/importer/fortigate/vip.conf")));
        // the deny above with match-vip disable does not see VIP traffic
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "131.107.155.10", 5061, "port1", "dmz"));
        assertEquals("172.25.33.10:5061", translated(r, "tcp", "198.51.100.7", "131.107.155.10", 5061, "port1", "dmz"));
        // port forwarding: 443 outside, 4443 on the server; the service (ALL_TCP) is compared with the mapped port
        assertEquals("172.25.33.10:4443", translated(r, "tcp", "198.51.100.7", "131.107.155.10", 443, "port1", "dmz"));
        // another port of the VIP's address is no VIP traffic: the deny above takes it
        assertEquals(D, decide(r, "tcp", "198.51.100.7", "131.107.155.10", 80, "port1", "dmz"));
        assertEquals(69, decidingLine(r, "tcp", "198.51.100.7", "131.107.155.10", 80, "port1", "dmz"), "edit 20");
        // the VIP listens on port1 only
        assertEquals(D, decide(r, "tcp", "198.51.100.7", "131.107.155.10", 5061, "port9", "dmz"));
        // a range mapping is uncertain, with the reason
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "131.107.155.31", 443, "port1", "dmz"));
        assertTrue(uncertainty(r, "tcp", "198.51.100.7", "131.107.155.31", 443, "port1", "dmz").contains("one address to one address"));
        // src-filter: only the partners' STUN is forwarded; others fall to the last deny (match-vip by default on 7.2.5)
        assertEquals(P, decide(r, "udp", "203.0.113.9", "131.107.155.30", 3478, "port1", "dmz"));
        assertEquals(D, decide(r, "udp", "198.51.100.7", "131.107.155.30", 3478, "port1", "dmz"));
        assertEquals(1, r.nat().stream().filter(n -> io.lyncaudit.model.Addresses.format(n.mapped()).equals("131.107.155.20")).count());
    }

    @Test
    void aDenyWithMatchVipSeesVipTraffic() throws Exception {
        String vip = """
                config firewall vip
                    edit "v"
                        set extip 131.107.155.10
                        set mappedip "172.25.33.10"
                        set extintf "port1"
                    next
                end
                """;
        String pols = "config firewall policy\n" + policy("1", "port1", "port2", "all", "all", "\"ALL\"", "action deny", "%s")
                + policy("2", "port1", "port2", "all", "v", "\"HTTPS\"", "action accept") + "end\n";
        ImportResult off = load("#config-version=FGT60F-7.0.12-FW-build0523-230418:opmode=0:vdom=0:user=admin\n" + ADDRS + vip
                + pols.formatted("match-vip disable"));
        assertEquals(P, decide(off, "tcp", "198.51.100.7", "131.107.155.10", 443, "port1", "port2"), "FortiOS translates first");
        assertEquals(D, decide(off, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"), "the mapped address directly");
        ImportResult on = load(ADDRS + vip + pols.formatted("match-vip enable"));
        assertEquals(D, decide(on, "tcp", "198.51.100.7", "131.107.155.10", 443, "port1", "port2"));
        // left unset: FortiOS 7.2.3 and later match VIP traffic in a deny, earlier versions do not
        ImportResult old = load("#config-version=FGT60F-7.0.12-FW-build0523-230418:opmode=0:vdom=0:user=admin\n" + ADDRS + vip
                + pols.formatted("logtraffic all"));
        assertEquals(P, decide(old, "tcp", "198.51.100.7", "131.107.155.10", 443, "port1", "port2"));
        ImportResult recent = load("#config-version=FGT60F-7.4.3-FW-build2573-240201:opmode=0:vdom=0:user=admin\n" + ADDRS + vip
                + pols.formatted("logtraffic all"));
        assertEquals(D, decide(recent, "tcp", "198.51.100.7", "131.107.155.10", 443, "port1", "port2"));
    }

    @Test
    void multiVdomNeedsTheVdomNamed() throws Exception {
        Path f = Path.of("src/test/resources/importer/fortigate/multi-vdom.conf");
        BadInputException e = assertThrows(BadInputException.class, () -> new FortiGateImporter().importFile(f, "multi-vdom.conf"));
        assertTrue(e.getMessage().contains("2 VDOMs (root, edge)") && e.getMessage().contains("vdom:"), e.getMessage());
        ImportResult edge = new FortiGateImporter().importFile(f, "multi-vdom.conf", ImportOptions.NONE.withVdom("edge"));
        assertEquals(P, decide(edge, "tcp", "198.51.100.7", "172.25.33.10", 5061, "port1", "port2"));
        ImportResult root = new FortiGateImporter().importFile(f, "multi-vdom.conf", ImportOptions.NONE.withVdom("root"));
        assertEquals(D, decide(root, "tcp", "198.51.100.7", "172.25.33.10", 5061, "port1", "port2"));
        assertEquals(P, decide(root, "tcp", "10.0.0.5", "8.8.8.8", 443, "port5", "port6"));
        BadInputException none = assertThrows(BadInputException.class,
                () -> new FortiGateImporter().importFile(f, "multi-vdom.conf", ImportOptions.NONE.withVdom("dmz")));
        assertTrue(none.getMessage().contains("'dmz' is not in this export (its VDOMs: root, edge)"), none.getMessage());
        BadInputException single = assertThrows(BadInputException.class, () -> Forti.load(tmp, "s.conf", ADDRS, "edge"));
        assertTrue(single.getMessage().contains("has no VDOMs"), single.getMessage());
    }

    @Test
    void serviceCategoriesAndFullConfigurationDefaultsAreIgnoredQuickly() throws Exception {
        StringBuilder b = new StringBuilder("#config-version=FGT100F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin\n");
        for (int k = 0; k < 400; k++) {
            b.append("config system replacemsg-").append(k).append('\n');
            for (int j = 0; j < 500; j++) b.append("    set option-").append(j).append(" disable\n");
            b.append("end\n");
        }
        b.append(ADDRS).append("config firewall service category\n    edit \"Web Access\"\n    next\nend\n")
                .append("config firewall policy\n").append(policy("1", "port1", "port2", "all", "edge", "\"HTTPS\"", "action accept")).append("end\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(b.toString()));
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"));
        assertTrue(r.lines().ignored() > 200_000, r.lines().toString());
        Diagnostic cat = r.diagnostics().stream().filter(d -> d.text().equals("config firewall service category")).findFirst().orElseThrow();
        assertTrue(cat.message().contains("do not change what a service matches"), cat.message());
    }

    @Test
    void hostileInputEndsQuicklyWithVerdicts() throws Exception {
        // quotes never closed, statements outside blocks, a block never closed
        StringBuilder b = new StringBuilder("config firewall policy\n");
        for (int i = 0; i < 20_000; i++) b.append("    edit ").append(i).append("\n        set srcintf \"port1\n        set name 'x\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> load(b.toString()));
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
        assertTrue(r.lines().unrecognized() >= 20_000, r.lines().toString());
    }

    @Test
    void aTruncatedPolicyIsUncertain() throws Exception {
        ImportResult r = load(ADDRS + "config firewall policy\n    edit 1\n        set srcintf \"port1\"\n        set dstintf \"port2\"\n"
                + "        set srcaddr \"all\"\n        set dstaddr \"all\"\n        set action accept\n        set service \"HTTPS\"\n");
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"));
        assertTrue(uncertainty(r, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2").contains("truncated"));
    }

    @Test
    void notAFortiGateConfigurationIsRefused() {
        BadInputException e = assertThrows(BadInputException.class, () -> load("hostname edge\ninterface Gi0/0\n ip address 1.2.3.4 255.0.0.0\n"));
        assertTrue(e.getMessage().contains("not a FortiGate configuration"), e.getMessage());
    }

    @Test
    void policy6SeesIpv6AndPolicyIpv4() throws Exception {
        ImportResult r = Forti.load(tmp, "p6.conf", java.nio.file.Files.readString(Path.of("src/test/resources/importer/fortigate/policy6.conf")));
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"));
        assertEquals(P, decide(r, "udp", "2001:db8:1::5", "2001:db8:33::10", 5060, "port1", "port2"));
        assertEquals(D, decide(r, "udp", "198.51.100.7", "172.25.33.10", 5060, "port1", "port2"), "SIP is open over IPv6 only");
    }

    @Test
    void centralNatTranslatesBeforeThePolicyWhichNamesTheMappedAddress() throws Exception {
        ImportResult r = Forti.load(tmp, "cn.conf", java.nio.file.Files.readString(Path.of("src/test/resources/importer/fortigate/central-nat.conf")));
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "131.107.155.10", 5061, "port1", "port2"));
        assertEquals("172.25.33.10:5061", translated(r, "tcp", "198.51.100.7", "131.107.155.10", 5061, "port1", "port2"));
        assertEquals(D, decide(r, "tcp", "198.51.100.7", "131.107.155.10", 443, "port1", "port2"));
    }

    @Test
    void ngfwPolicyModeAndIpsecActionAreUncertain() throws Exception {
        ImportResult ngfw = load("config system settings\n    set ngfw-mode policy-based\nend\n" + ADDRS
                + "config firewall security-policy\n    edit 1\n        set srcintf \"port1\"\n    next\nend\n"
                + "config firewall policy\n" + policy("1", "port1", "port2", "all", "edge", "\"HTTPS\"", "action accept") + "end\n");
        String why = uncertainty(ngfw, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2");
        assertNotNull(why);
        assertTrue(why.contains("NGFW policy-based mode"), why);
        assertTrue(ngfw.lines().unsupported() >= 4, ngfw.lines().toString());
        ImportResult vpn = load(ADDRS + "config firewall policy\n"
                + policy("1", "port1", "port2", "all", "edge", "\"HTTPS\"", "action ipsec", "vpntunnel \"branch\"") + "end\n");
        assertEquals(P, decide(vpn, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"));
        assertTrue(uncertainty(vpn, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2").contains("IPsec tunnel branch"));
    }

    @Test
    void deeplyNestedBlocksEndQuicklyWithoutOverflow() throws Exception {
        StringBuilder b = new StringBuilder(ADDRS + "config firewall policy\n" + policy("1", "port1", "port2", "all", "edge", "\"HTTPS\"", "action accept")
                + "end\nconfig system replacemsg\n");
        for (int i = 0; i < 100_000; i++) b.append("    edit \"m").append(i).append("\"\n        config inner\n");
        ImportResult r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load(b.toString()));
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"));
        assertEquals(r.lines().total(), r.lines().used() + r.lines().ignored() + r.lines().unsupported() + r.lines().unrecognized());
    }

    @Test
    void intrazoneAllowAcceptsBetweenTheZonesInterfacesAfterEveryPolicy() throws Exception {
        String zones = """
                config system zone
                    edit "dmz"
                        set interface "port3" "port4"
                        set intrazone allow
                    next
                    edit "solo"
                        set interface "port7"
                        set intrazone allow
                    next
                end
                """;
        String pols = "config firewall policy\n" + policy("1", "\"dmz\"", "\"dmz\"", "\"all\"", "\"edge\"", "\"RDP\"", "action deny") + "end\n";
        ImportResult r = load("#config-version=FGT60F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin\n" + ADDRS + zones + pols);
        assertEquals(P, decide(r, "tcp", "172.25.34.9", "172.25.33.10", 443, "port4", "port3"), "intrazone allow");
        assertEquals(P, decide(r, "tcp", "172.25.34.9", "172.25.33.10", 443, "dmz", "dmz"));
        assertEquals(D, decide(r, "tcp", "172.25.34.9", "172.25.33.10", 3389, "port4", "port3"), "the policy comes first");
        assertEquals(D, decide(r, "tcp", "172.25.34.9", "172.25.33.10", 443, "port4", "port1"), "leaving the zone");
        assertEquals(D, decide(r, "tcp", "172.25.34.9", "172.25.33.10", 443, "port7", "solo"), "one interface before 7.4.4");
        ImportResult recent = load("#config-version=FGT60F-7.4.4-FW-build2662-240514:opmode=0:vdom=0:user=admin\n" + ADDRS + zones + pols);
        assertEquals(P, decide(recent, "tcp", "172.25.34.9", "172.25.33.10", 443, "port7", "solo"), "one interface from 7.4.4 on");
        ImportResult unknown = load(ADDRS + zones + pols);
        assertNotNull(uncertainty(unknown, "tcp", "172.25.34.9", "172.25.33.10", 443, "port7", "solo"));
        assertNull(uncertainty(unknown, "tcp", "172.25.34.9", "172.25.33.10", 443, "port4", "port3"));
    }

    @Test
    void anSshCaptureWithPromptsAndPagerLinesIsRead() throws Exception {
        ImportResult r = load("FGT60F # show firewall policy\r\n" + ADDRS.replace("\n", "\r\n") + "--More--\r\nconfig firewall policy\r\n"
                + policy("1", "port1", "port2", "all", "edge", "\"HTTPS\"", "action accept").replace("\n", "\r\n") + "end\r\n\r\nFGT60F (root) # \r\n");
        assertEquals(P, decide(r, "tcp", "198.51.100.7", "172.25.33.10", 443, "port1", "port2"));
        assertEquals(0, r.lines().unrecognized(), r.diagnostics().toString());
        assertEquals(3, r.diagnostics().stream().filter(d -> d.message().contains("captured session")).count(), r.diagnostics().toString());
    }

    @Test
    void aDeletedAddressIsGoneAndItsLinesSaySo() throws Exception {
        // a CLI script: the address is made, then deleted; a policy naming it afterwards names nothing
        ImportResult r = load("""
                config firewall address
                    edit "srv"
                        set subnet 10.0.0.5 255.255.255.255
                    next
                    delete "srv"
                end
                config firewall policy
                """ + policy("1", "port1", "port2", "all", "srv", "\"ALL\"", "action accept") + "end\n");
        assertFalse(r.policies().get(0).rules().get(0).match().contains(
                io.lyncaudit.model.Packet.parse("tcp 203.0.113.5:50123 -> 10.0.0.5:443")), "the deleted address matches nothing for sure");
        for (int l = 2; l <= 4; l++) {
            int line = l;
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == line && d.message().startsWith("deleted by the 'delete' at line 5")),
                    r.diagnostics().toString());
        }
    }
}
