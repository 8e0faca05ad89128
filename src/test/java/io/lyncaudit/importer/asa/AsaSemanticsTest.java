package io.lyncaudit.importer.asa;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.NatRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ASA behaviours that trip other tools, checked packet by packet through the evaluator. */
class AsaSemanticsTest {

    static ImportResult load(String fixture) throws Exception {
        String name = "importer/asa/" + fixture;
        return new AsaImporter().importFile(Path.of("src/test/resources", name), name);
    }

    static boolean hasDiagnostic(ImportResult r, int line, Diagnostic.Category c) {
        return r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == c);
    }

    @Test
    void serviceAndProtocolGroupsNestedGroupsAndObjects() throws Exception {
        ImportResult r = load("groups.asa");
        // LYNC_ALL = LYNC_SVCS (tcp/443, object udp/3478, tcp-udp 50000-59999) + SVC_SIPS (tcp 5061 from 1024+)
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.10", 443));
        assertEquals(PERMIT, decide(r, "outside", "dmz", "udp", "192.0.2.1", "131.107.155.12", 3478));
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.12", 3478));
        assertEquals(PERMIT, decide(r, "outside", "dmz", "udp", "192.0.2.1", "131.107.155.20", 55555)); // EDGE_B /28 via nested group
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", 2000, "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.1", 1000, "131.107.155.10", 5061)); // source port below 1024
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "2001:db8:100::55", 443)); // IPv6 object
        // protocol group: tcp and udp to .30, any port; not ICMP
        assertEquals(PERMIT, decide(r, "outside", "dmz", "udp", "192.0.2.1", "131.107.155.30", 9));
        assertEquals(DENY, decide(r, "outside", "dmz", "esp", "192.0.2.1", "131.107.155.30", 0));
        // typed port group in destination position
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.12", 80));
    }

    @Test
    void neqDeniesEverythingButTheOnePort() throws Exception {
        ImportResult r = load("groups.asa");
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.31", 80));
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.31", 443));
    }

    @Test
    void interfaceKeywordIsTheInterfaceAddress() throws Exception {
        ImportResult r = load("groups.asa");
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.1", 8443));
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "2001:db8:100::1", 8443));
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "131.107.155.2", 8443));
    }

    @Test
    void cyclesAndUndefinedReferencesAreDiagnosticsNotCrashes() throws Exception {
        ImportResult r = load("groups.asa");
        for (int line : new int[] {65, 66, 67, 68, 69}) assertTrue(hasDiagnostic(r, line, Diagnostic.Category.UNRECOGNIZED), "line " + line);
        assertTrue(hasDiagnostic(r, 73, Diagnostic.Category.UNRECOGNIZED), "access-group of an undefined ACL");
    }

    @Test
    void noAclOnAnInterfaceFollowsSecurityLevels() throws Exception {
        ImportResult r = load("levels-only.asa");
        assertEquals(PERMIT, decide(r, "inside", "outside", "tcp", "10.1.0.5", "198.51.100.7", 443)); // 100 -> 0
        assertEquals(PERMIT, decide(r, "inside", "dmz", "tcp", "10.1.0.5", "10.2.0.7", 443)); // 100 -> 50
        assertEquals(PERMIT, decide(r, "dmz", "outside", "tcp", "10.2.0.5", "198.51.100.7", 443)); // 50 -> 0
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "198.51.100.7", "10.2.0.5", 443)); // 0 -> 50
        assertEquals(DENY, decide(r, "dmz", "inside", "tcp", "10.2.0.5", "10.1.0.5", 443)); // 50 -> 100
        assertEquals(DENY, decide(r, "dmz", "lab", "tcp", "10.2.0.5", "10.3.0.5", 443)); // equal, no inter-interface
        assertTrue(hasDiagnostic(r, 19, Diagnostic.Category.UNSUPPORTED), "intra-interface is reported");
    }

    @Test
    void interfaceAclThenGlobalThenImplicitDeny() throws Exception {
        ImportResult r = load("levels-global.asa");
        // outside_in permits 172.16.0.10:443 before the global ACL is read
        assertEquals(PERMIT, decide(r, "outside", "inside", "tcp", "192.0.2.1", "172.16.0.10", 443));
        // then the global ACL: telnet denied, 5061 to .20 permitted, the rest denied
        assertEquals(PERMIT, decide(r, "outside", "dmz2", "tcp", "192.0.2.1", "172.16.0.20", 5061));
        assertEquals(DENY, decide(r, "outside", "inside", "tcp", "192.0.2.1", "172.16.0.30", 80));
        // with a global ACL, an interface without its own ACL no longer follows security levels
        assertEquals(DENY, decide(r, "inside", "outside", "tcp", "10.0.0.5", "198.51.100.9", 443));
        assertEquals(PERMIT, decide(r, "inside", "partner", "tcp", "10.0.0.5", "172.16.0.20", 5061));
        // the out ACL on dmz applies on top: outside_in permits .10:443, dmz_out denies it
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "172.16.0.10", 443));
    }

    @Test
    void sameSecurityInterInterfaceWithoutGlobal() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("same", ".asa");
        java.nio.file.Files.writeString(f, """
                interface Gi0/0
                 nameif a
                 security-level 50
                interface Gi0/1
                 nameif b
                 security-level 50
                same-security-traffic permit inter-interface
                """);
        ImportResult r = new AsaImporter().importFile(f, "same.asa");
        assertEquals(PERMIT, decide(r, "a", "b", "udp", "10.0.0.1", "10.0.1.1", 53));
        assertEquals(PERMIT, decide(r, "b", "a", "udp", "10.0.1.1", "10.0.0.1", 53));
        java.nio.file.Files.delete(f);
    }

    @Test
    void inactiveRulesAreSkippedAndTimeRangedRulesCountAsActive() throws Exception {
        ImportResult r = load("edge-basic.asa");
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.15", "131.107.155.10", 5062)); // inactive
        assertTrue(hasDiagnostic(r, 63, Diagnostic.Category.IGNORED));
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.15", "131.107.155.99", 80)); // time-range
        assertTrue(hasDiagnostic(r, 64, Diagnostic.Category.UNSUPPORTED));
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.15", "131.107.155.10", 443)); // name alias
        assertEquals(PERMIT, decide(r, "outside", "dmz", "udp", "192.0.2.15", "131.107.155.12", 50001));
    }

    @Test
    void objectAndTwiceNatAreRecordedWithAclsSeeingTheRealAddress() throws Exception {
        ImportResult r = load("nat.asa");
        assertEquals(5, r.nat().size());
        NatRule object = r.nat().get(0);
        assertEquals(Addresses.parse("131.107.155.10"), object.mapped());
        assertEquals(Addresses.parse("172.25.33.10"), object.real());
        assertTrue(object.aclSeesReal());
        NatRule twice = r.nat().get(2);
        assertEquals(Addresses.parse("131.107.155.11"), twice.mapped());
        assertEquals(Addresses.parse("172.25.33.11"), twice.real());
        NatRule dest = r.nat().get(4); // destination static PARTNER_MAPPED PARTNER_REAL
        assertEquals(Addresses.parse("10.99.0.5"), dest.mapped());
        assertEquals(Addresses.parse("192.0.2.5"), dest.real());
        assertEquals(Addresses.parse("131.107.155.1"), r.nat().get(1).mapped()); // static interface
        // the ACL names the real address
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "172.25.33.10", 443));
    }

    @Test
    void anObjectOpenedAgainForItsNatKeepsItsDefinition() throws Exception {
        ImportResult r = load("reopened.asa");
        assertEquals(1, r.nat().size());
        assertEquals(Addresses.parse("172.25.33.11"), r.nat().get(0).real());
        assertEquals(Addresses.parse("131.107.155.11"), r.nat().get(0).mapped());
        assertEquals(PERMIT, decide(r, "dmz", "outside", "udp", "172.25.33.11", "192.0.2.1", 53));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.category() != Diagnostic.Category.IGNORED), r.diagnostics().toString());
    }

    @Test
    void portsAfterAProtocolGroupApplyToItsTcpAndUdpMembers() throws Exception {
        ImportResult r = load("reopened.asa");
        assertEquals(PERMIT, decide(r, "dmz", "outside", "tcp", "172.25.33.11", "192.0.2.1", 53));
        assertEquals(PERMIT, decide(r, "dmz", "outside", "tcp", "172.25.33.11", "192.0.2.1", 5061));
        // the TCP_ESP entry with 'eq 5061' matches only its TCP member; ESP is denied by the implicit deny
        assertEquals(DENY, decide(r, "dmz", "outside", "esp", "172.25.33.11", "192.0.2.1", 0));
        assertEquals(DENY, decide(r, "dmz", "outside", "tcp", "172.25.33.12", "192.0.2.1", 53));
        // the third entry has no ports: every TCP and UDP port
        assertEquals(PERMIT, decide(r, "dmz", "outside", "udp", "172.25.33.11", "192.0.2.1", 9999));
    }

    @Test
    void everyLineIsAccountedFor() throws Exception {
        for (String f : new String[] {"edge-basic.asa", "groups.asa", "levels-global.asa", "levels-only.asa", "nat.asa", "malformed.asa", "uncertain.asa"}) {
            ImportResult r = load(f);
            var c = r.lines();
            assertEquals(c.total(), c.used() + c.ignored() + c.unsupported() + c.unrecognized(), f);
            long diagnosed = r.diagnostics().stream().mapToInt(Diagnostic::line).distinct().count();
            assertTrue(diagnosed >= c.unsupported() + c.unrecognized(), f);
        }
    }

    @Test
    void accessListsNoInterfaceBindsFilterNothingAndEachOfTheirLinesSaysSo() throws Exception {
        ImportResult r = load("unbound.asa");
        assertEquals(java.util.List.of("outside_in", "security-level dmz"), r.policies().stream().map(p -> p.name()).toList(),
                "old_rules and the control-plane list make no policy");
        String unbound = "access-list old_rules is bound to no interface: it filters nothing";
        for (int line : new int[] {28, 29}) {
            assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == Diagnostic.Category.IGNORED
                    && d.message().contains(unbound)), "line " + line + ": " + r.diagnostics());
        }
        // a line that cannot be read stays unrecognized (its list might be bound by a line that cannot be read either)
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 30 && d.category() == Diagnostic.Category.UNRECOGNIZED
                && d.message().endsWith(unbound)), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 32 && d.category() == Diagnostic.Category.IGNORED
                && d.message().contains("control plane")), "access-group ... control-plane binds no transit filter");
        // objects named only by the unbound list are not used either; those a bound entry names are
        for (int line : new int[] {17, 18, 19, 20, 21}) {
            assertTrue(hasDiagnostic(r, line, Diagnostic.Category.IGNORED), "line " + line);
        }
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 19 && d.message().equals(
                "object-group OLD_PARTNERS is named by no access-list bound to an interface and by no NAT: it filters nothing")));
        for (int line : new int[] {15, 16, 22, 23, 26, 27}) {
            assertTrue(r.diagnostics().stream().noneMatch(d -> d.line() == line), "line " + line + " is used");
        }
        assertEquals(PERMIT, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "172.25.33.10", 5061));
        assertEquals(DENY, decide(r, "outside", "dmz", "tcp", "192.0.2.1", "172.25.33.10", 3389));
    }
}
