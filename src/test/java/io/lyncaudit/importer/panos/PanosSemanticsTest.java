package io.lyncaudit.importer.panos;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a PAN-OS firewall does, feature by feature, checked packet by packet through the one evaluator. */
class PanosSemanticsTest {

    static ImportResult load(String fixture) throws Exception {
        String name = "importer/panos/" + fixture;
        return new PanosImporter().importFile(Path.of("src/test/resources", name), name);
    }

    static boolean has(ImportResult r, int line, Diagnostic.Category c) {
        return r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == c);
    }

    static Rule rule(ImportResult r, String policy, String name) {
        for (Policy p : r.policies()) {
            if (!p.name().equals(policy)) continue;
            for (Rule x : p.rules()) if (name.equals(x.name())) return x;
        }
        throw new AssertionError("no rule " + name + " in " + policy);
    }

    @Test
    void securityRulesInOrderWithObjectsGroupsAndServices() throws Exception {
        ImportResult r = load("running-config.xml");
        // a drop first: the old server behind the Edge is unreachable whatever follows
        assertEquals(DENY, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", "10.9.9.9", 443));
        // service group: service-https (TCP 443) and tcp-5061 to the Access Edge public address
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", "131.107.155.10", 443));
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, "untrust", "dmz", "udp", "203.0.113.9", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", "131.107.155.10", 80));
        // a custom service with a source port range: TCP 50000-59999 from 1024 and above only
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", 40000, "131.107.155.30", 50000));
        assertEquals(DENY, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", 1000, "131.107.155.30", 50000));
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "udp", "203.0.113.9", "131.107.155.30", 3478));
        // nested static groups, an ip-range object
        assertEquals(PERMIT, decide(r, "trust", "dmz", "tcp", "10.0.1.12", "172.25.33.12", 5061));
        assertEquals(DENY, decide(r, "trust", "dmz", "tcp", "10.0.1.14", "172.25.33.12", 5061));
        // zones: the same packet between other zones meets the interzone default (deny)
        assertEquals(DENY, decide(r, "dmz", "untrust", "tcp", "203.0.113.9", "131.107.155.10", 443));
        // a disabled rule is skipped (it would allow everything), and its lines say so
        assertEquals(DENY, decide(r, "untrust", "trust", "tcp", "203.0.113.9", "10.0.0.5", 443));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().equals("disabled: the firewall skips this rule")));
    }

    @Test
    void negateSourceAndEveryDenyAction() throws Exception {
        ImportResult r = load("running-config.xml");
        // partners-only: reset-client for every source but the partner network (negate-source); rule 2 allows 5061 first
        Rule partners = rule(r, "security", "partners-only");
        assertEquals(DENY, partners.action());
        assertFalse(partners.match().contains(OnePacket.packet("tcp", "198.51.100.7", "131.107.155.10", 5061)));
        assertTrue(partners.match().contains(OnePacket.packet("tcp", "192.0.2.7", "131.107.155.10", 5061)));
        assertEquals(DENY, rule(r, "security", "block-old").action()); // drop
    }

    @Test
    void ruleTypesAndOverriddenDefaults() throws Exception {
        ImportResult r = load("rule-types.xml");
        // intrazone: ssh denied within lan and within dmz, not between them
        assertEquals(DENY, decide(r, "lan", "lan", "tcp", "10.0.0.1", "10.0.0.2", 22));
        assertEquals(DENY, decide(r, "dmz", "dmz", "tcp", "10.0.0.1", "10.0.0.2", 22));
        // between zones the interzone default is overridden to allow
        assertEquals(PERMIT, decide(r, "lan", "dmz", "tcp", "10.0.0.1", "10.0.0.2", 22));
        // and within a zone the intrazone default is overridden to deny
        assertEquals(DENY, decide(r, "wan", "wan", "tcp", "10.0.0.1", "10.0.0.2", 443));
        // interzone from lan to any: every other zone, not lan itself
        assertEquals(PERMIT, decide(r, "lan", "wan", "udp", "10.0.0.1", "192.0.2.2", 53));
        assertEquals(DENY, decide(r, "lan", "lan", "udp", "10.0.0.1", "10.0.0.2", 53));
        // interzone from any to dmz: rdp dropped from wan and lan, but within dmz the universal rule allows it
        assertEquals(DENY, decide(r, "wan", "dmz", "tcp", "192.0.2.1", "10.0.2.2", 3389));
        assertEquals(DENY, decide(r, "lan", "dmz", "tcp", "10.0.0.1", "10.0.2.2", 3389));
        assertEquals(PERMIT, decide(r, "dmz", "dmz", "tcp", "10.0.2.1", "10.0.2.2", 3389));
        assertEquals(PERMIT, decide(r, "dmz", "lan", "tcp", "10.0.2.1", "10.0.0.2", 3389));
        Policy sec = r.policies().get(0);
        assertEquals(PERMIT, sec.defaultAction());
        assertEquals(72, sec.defaultSource().line(), "the interzone-default override states the default");
    }

    @Test
    void predefinedDefaultsAndPredefinedServices() throws Exception {
        ImportResult r = load("defaults.set");
        Policy sec = r.policies().get(0);
        assertEquals(DENY, sec.defaultAction());
        assertNull(sec.defaultSource(), "the predefined interzone default has no line");
        // intrazone default allows, interzone default denies
        assertEquals(PERMIT, decide(r, "inside", "inside", "tcp", "10.0.0.1", "10.0.0.2", 9999));
        assertEquals(DENY, decide(r, "outside", "inside", "tcp", "192.0.2.1", "10.1.1.10", 9999));
        // service-http is TCP 80 and 8080
        assertEquals(PERMIT, decide(r, "outside", "inside", "tcp", "192.0.2.1", "10.1.1.10", 80));
        assertEquals(PERMIT, decide(r, "outside", "inside", "tcp", "192.0.2.1", "10.1.1.10", 8080));
        assertEquals(DENY, decide(r, "outside", "inside", "tcp", "192.0.2.1", "10.1.1.10", 443));
        // a port list with a range
        assertEquals(PERMIT, decide(r, "inside", "outside", "tcp", "10.0.0.1", "192.0.2.1", 8444));
        assertEquals(DENY, decide(r, "inside", "outside", "tcp", "10.0.0.1", "192.0.2.1", 8445));
        assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), r.diagnostics().toString());
    }

    @Test
    void natComesAfterTheSecurityPolicyWhichSeesThePreNatAddress() throws Exception {
        ImportResult r = load("running-config.xml");
        assertEquals(List.of("security", "nat"), r.policies().stream().map(Policy::name).toList());
        // the security rule names the public address; the NAT stage translates it after
        Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set("tcp", "203.0.113.9", 40000, "131.107.155.10", 5061), "untrust", "dmz");
        assertFalse(e.permitted().isEmpty());
        assertEquals(1, e.translated().size());
        assertEquals(Addresses.parse("172.25.33.10"), e.translated().get(0).translation().destination());
        // a bi-directional static source NAT translates inbound traffic to its public address too
        Evaluation av = PolicyEvaluator.evaluate(r, OnePacket.set("udp", "203.0.113.9", 40000, "131.107.155.30", 3478), "untrust", "dmz");
        assertFalse(av.permitted().isEmpty());
        assertEquals(Addresses.parse("172.25.33.12"), av.translated().get(0).translation().destination());
        // the private address itself is not what the security policy sees: nothing allows it from untrust
        assertEquals(DENY, decide(r, "untrust", "dmz", "tcp", "203.0.113.9", "172.25.33.10", 5061));
        // static translations for the NAT check: mapped public to real private, the filter seeing the public one
        List<NatRule> nat = r.nat();
        assertEquals(2, nat.size());
        assertEquals(Addresses.parse("131.107.155.10"), nat.get(0).mapped());
        assertEquals(Addresses.parse("172.25.33.10"), nat.get(0).real());
        assertFalse(nat.get(0).aclSeesReal());
    }

    @Test
    void sourceNatDecidesNothingButTakesItsPacketsFromLaterNatRules() throws Exception {
        ImportResult r = load("running-config.xml");
        Rule pat = rule(r, "nat", "outbound-pat");
        assertNull(pat.translation(), "source NAT does not change what the security policy sees");
        assertFalse(pat.uncertain());
        Policy nat = r.policies().get(1);
        assertEquals(PERMIT, nat.defaultAction(), "NAT never drops");
    }

    @Test
    void natToZoneIsTheZoneTheOriginalDestinationRoutesTo() throws Exception {
        ImportResult r = load("running-config.xml");
        // av-static: from dmz to untrust; untrust is where the default route and 131.107.155.0/24 lead, not 10/8 or the dmz
        Rule av = rule(r, "nat", "av-static");
        assertTrue(av.match().contains(OnePacket.packet("tcp", "172.25.33.12", "192.0.2.1", 443)));
        assertTrue(av.match().contains(OnePacket.packet("tcp", "172.25.33.12", "131.107.155.99", 443)));
        assertFalse(av.match().contains(OnePacket.packet("tcp", "172.25.33.12", "10.1.2.3", 443)));
        assertFalse(av.match().contains(OnePacket.packet("tcp", "172.25.33.12", "172.25.33.20", 443)));
        assertFalse(av.uncertain(), av.uncertainty());
        assertTrue(av.toZones().isEmpty(), "the NAT stage is not restricted by the audit's (post-NAT) egress zone");
    }

    @Test
    void bothFormsReadTheSame() throws Exception {
        ImportResult xml = load("running-config.xml"), set = load("running-config.set");
        assertEquals(xml.policies().size(), set.policies().size());
        for (int i = 0; i < xml.policies().size(); i++) {
            List<Rule> a = xml.policies().get(i).rules(), b = set.policies().get(i).rules();
            assertEquals(a.size(), b.size());
            for (int k = 0; k < a.size(); k++) {
                assertEquals(a.get(k).name(), b.get(k).name());
                assertEquals(a.get(k).match(), b.get(k).match(), a.get(k).name());
                assertEquals(a.get(k).mayMatch(), b.get(k).mayMatch(), a.get(k).name());
                assertEquals(a.get(k).fromZones(), b.get(k).fromZones());
                assertEquals(a.get(k).toZones(), b.get(k).toZones());
                assertEquals(a.get(k).translation(), b.get(k).translation());
                assertEquals(a.get(k).uncertainty(), b.get(k).uncertainty());
            }
        }
        assertEquals(0, set.lines().unrecognized(), set.diagnostics().toString());
    }

    @Test
    void panoramaOrdersPreRulesTopDownThenPostRulesBottomUpAndResolvesNamesInTheNearestScope() throws Exception {
        ImportResult r = load("panorama.xml");
        List<String> names = r.policies().get(0).rules().stream().map(Rule::name).toList();
        assertEquals(List.of("shared-block-bad", "global-sip", "edge-no-sip-from-lab", "edge-post-web", "global-post-web", "shared-cleanup",
                "intrazone-default", "intrazone-default"), names);
        // ae-public is 131.107.155.10 in device group Global, which hides shared's 131.107.155.99
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "tcp", "203.0.112.1", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, "untrust", "dmz", "tcp", "203.0.112.1", "131.107.155.99", 5061));
        // pre-rules from the top of the hierarchy down: Global's allow comes before Edge's drop of the lab network;
        // post-rules from the bottom up: Edge's drop comes before Global's allow
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "tcp", "198.51.100.7", "131.107.155.10", 5061));
        assertEquals(DENY, decide(r, "untrust", "dmz", "tcp", "192.0.2.7", "131.107.155.10", 443));
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "tcp", "203.0.112.1", "131.107.155.10", 443));
        // the device group's intrazone override (allow) wins over shared's (deny)
        assertEquals(PERMIT, decide(r, "dmz", "dmz", "tcp", "172.25.33.1", "172.25.33.2", 22));
        assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), r.diagnostics().toString());
    }

    @Test
    void pushedPolicyReadsThroughTheApiAnswer() throws Exception {
        ImportResult r = load("pushed-shared-policy.xml");
        assertEquals(PERMIT, decide(r, "untrust", "dmz", "udp", "203.0.113.9", "131.107.155.30", 3478));
        assertEquals(DENY, decide(r, "untrust", "dmz", "udp", "203.0.113.9", "131.107.155.30", 3479));
        Rule dnat = rule(r, "nat", "av-dnat");
        assertTrue(dnat.uncertainty().contains("no interfaces or routes"), dnat.uncertainty());
    }

    @Test
    void severalVirtualSystemsKeepTheirZonesApart() throws Exception {
        ImportResult r = load("multi-vsys-putty.log");
        assertEquals(PERMIT, decide(r, "vsys1/untrust", "vsys1/dmz", "tcp", "192.0.2.1", "131.107.155.10", 5061));
        // shared objects are seen from every vsys
        assertEquals(PERMIT, decide(r, "vsys1/dmz", "vsys1/untrust", "udp", "172.25.33.5", "10.10.0.2", 123));
        // vsys2 overrides its interzone default to allow; vsys1 keeps deny
        assertEquals(PERMIT, decide(r, "vsys2/trust", "vsys2/lab", "tcp", "10.0.0.1", "10.20.0.5", 22));
        assertEquals(DENY, decide(r, "vsys1/trust", "vsys1/dmz", "tcp", "10.0.0.1", "172.25.33.5", 22));
        // a zone of one vsys and a zone of another: no rule of either applies
        assertEquals(DENY, decide(r, "vsys2/lab", "vsys1/dmz", "tcp", "10.20.0.5", "172.25.33.5", 5061));
    }

    @Test
    void aUtf16ApiAnswerSavedByWindowsPowerShellReadsLikeUtf8() throws Exception {
        ImportResult r = load("api-answer-utf16.xml");
        assertEquals(PERMIT, decide(r, "Internet", "DMZ-Zürich", "udp", "192.0.2.1", "131.107.155.30", 55000));
        assertEquals(0, r.lines().unrecognized(), r.diagnostics().toString());
    }
}
