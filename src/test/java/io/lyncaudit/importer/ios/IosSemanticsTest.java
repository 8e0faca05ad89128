package io.lyncaudit.importer.ios;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** IOS behaviours checked packet by packet through the evaluator. */
class IosSemanticsTest {
    static final String WAN = "GigabitEthernet0/0", DMZ = "GigabitEthernet0/1", LAN = "GigabitEthernet0/2";

    static ImportResult load(String fixture) throws Exception {
        String name = "importer/ios/" + fixture;
        return new IosImporter().importFile(Path.of("src/test/resources", name), name);
    }

    static boolean has(ImportResult r, int line, Diagnostic.Category c) {
        return r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == c);
    }

    /** Traffic to the edge's public addresses is checked from WAN to LAN: the DMZ's out ACL is tested on its own. */
    @Test
    void nestedServiceAndNetworkGroups() throws Exception {
        ImportResult r = load("edge-router.ios");
        assertEquals(PERMIT, decide(r, WAN, LAN, "udp", "192.0.2.1", "131.107.155.12", 3478));
        assertEquals(PERMIT, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.100", 55000)); // 131.107.155.64/26
        assertEquals(PERMIT, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, WAN, LAN, "udp", "192.0.2.1", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.14", 443));
    }

    @Test
    void eqWithSeveralPortsAndNeq() throws Exception {
        ImportResult r = load("edge-router.ios");
        assertEquals(PERMIT, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.20", 80));
        assertEquals(PERMIT, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.20", 443));
        assertEquals(DENY, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.20", 8080));
        assertEquals(DENY, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.21", 80));
        assertEquals(PERMIT, decide(r, WAN, LAN, "tcp", "192.0.2.1", "131.107.155.21", 443));
    }

    @Test
    void establishedPermitsNoNewConnection() throws Exception {
        ImportResult r = load("edge-router.ios");
        assertEquals(DENY, decide(r, WAN, LAN, "tcp", "192.0.2.1", "10.45.16.9", 445));
        assertTrue(has(r, 63, Diagnostic.Category.IGNORED));
    }

    @Test
    void inAndOutAclsComposeAndUnfilteredInterfacesPermit() throws Exception {
        ImportResult r = load("edge-router.ios");
        // LAN has no ACL in; DMZ's out ACL permits 443 and 5061 from the LAN only
        assertEquals(PERMIT, decide(r, LAN, DMZ, "tcp", "10.45.16.5", "172.25.33.10", 5061));
        assertEquals(DENY, decide(r, LAN, DMZ, "tcp", "10.45.16.5", "172.25.33.10", 22));
        // LAN to WAN: no ACL anywhere on the path
        assertEquals(PERMIT, decide(r, LAN, WAN, "udp", "10.45.16.5", "198.51.100.1", 53));
        // numbered ACL 110 inbound on DMZ, implicit deny after it
        assertEquals(PERMIT, decide(r, DMZ, LAN, "tcp", "172.25.33.10", "10.45.16.20", 443));
        assertEquals(DENY, decide(r, DMZ, LAN, "tcp", "172.25.33.10", "10.45.16.21", 443));
    }

    @Test
    void standardAclsMatchTheSourceOnly() throws Exception {
        ImportResult r = load("numbered-standard.ios");
        assertEquals(PERMIT, decide(r, "FastEthernet0/9", "FastEthernet0/1", "udp", "192.0.2.100", "10.1.0.5", 53));
        assertEquals(DENY, decide(r, "FastEthernet0/9", "FastEthernet0/1", "udp", "192.0.2.10", "10.1.0.5", 53));
    }

    @Test
    void undefinedOrEmptyAclFiltersNothingAndIsReported() throws Exception {
        ImportResult r = load("numbered-standard.ios");
        assertEquals(PERMIT, decide(r, "FastEthernet0/2", "FastEthernet0/9", "tcp", "192.0.2.1", "10.9.0.1", 23));
        assertEquals(PERMIT, decide(r, "Serial0/0/0", "FastEthernet0/9", "tcp", "192.0.2.1", "10.9.0.1", 23));
        assertTrue(has(r, 10, Diagnostic.Category.UNSUPPORTED));
        assertTrue(has(r, 12, Diagnostic.Category.UNSUPPORTED));
    }

    @Test
    void cyclesAndBadEntriesAreDiagnostics() throws Exception {
        ImportResult r = load("hostile.ios");
        for (int line = 15; line <= 22; line++) assertTrue(has(r, line, Diagnostic.Category.UNRECOGNIZED), "line " + line);
        // lines 15-22 keep their place as uncertain rules matching nothing for sure; 23 and 24 are read
        assertEquals(10, r.ruleCount());
        for (var rule : r.policies().get(0).rules()) {
            int line = rule.source().line();
            assertEquals(line <= 22, rule.uncertain(), "line " + line);
            assertEquals(line <= 22, rule.match().isEmpty(), "line " + line);
        }
    }

    @Test
    void accessListsNoInterfaceBindsFilterNothingAndEachOfTheirLinesSaysSo() throws Exception {
        ImportResult r = load("unbound.ios");
        assertEquals(java.util.List.of("EDGE_IN"), r.policies().stream().map(p -> p.name()).toList());
        for (int line : new int[] {17, 18, 19}) {
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == Diagnostic.Category.IGNORED
                    && d.message().contains("access-list OLD is bound to no interface: it filters no traffic through the router (an access-class on the vty lines, if any, filters only logins to it)")), "line " + line);
        }
        assertTrue(has(r, 20, Diagnostic.Category.UNRECOGNIZED), "a line that cannot be read stays unrecognized");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 22
                && d.message().equals("access-list 150 is bound to no interface: it filters no traffic through the router (an access-class on the vty lines, if any, filters only logins to it)")), "a numbered list");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 25
                && d.message().equals("ipv6 access-list OLD6 is bound to no interface: it filters no traffic through the router (an access-class on the vty lines, if any, filters only logins to it)")), "an IPv6 list");
        assertTrue(has(r, 3, Diagnostic.Category.IGNORED) && has(r, 4, Diagnostic.Category.IGNORED), "OLD_NETS is named only by OLD");
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.line() == 5 || d.line() == 6 || d.line() == 12 || d.line() == 13),
                "EDGE_IN and the group it names are used");
        // the reflect entry of the unbound list fills nothing: evaluating MIRROR matches nothing
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 14 && d.message().startsWith("no entry reflects into MIRROR")));
        assertEquals(PERMIT, decide(r, WAN, LAN, "tcp", "192.0.2.1", "172.25.33.10", 5061));
        assertEquals(DENY, decide(r, WAN, LAN, "tcp", "192.0.2.7", "172.25.33.10", 3389));
    }
}
