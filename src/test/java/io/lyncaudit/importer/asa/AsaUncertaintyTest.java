package io.lyncaudit.importer.asa;

import static io.lyncaudit.importer.asa.AsaPackets.packet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the ASA importer cannot model exactly (importer/asa/uncertain.asa) is kept as uncertain
 * rules whose {@code mayMatch} bounds what the device can match, and the decisions those rules
 * could change, and only those, are uncertain.
 */
class AsaUncertaintyTest {
    static final IntervalSet EDGE = Addresses.parse("172.25.33.10");
    static ImportResult r;

    @BeforeAll
    static void load() throws Exception {
        r = AsaSemanticsTest.load("uncertain.asa");
    }

    static Policy policy(String name) {
        return r.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static Rule rule(String policy, int index) {
        Rule rule = policy(policy).rules().get(index - 1);
        assertEquals(index, rule.index());
        return rule;
    }

    static PacketSet tcp(IntervalSet src, IntervalSet dst, int port) {
        return PacketSet.of(PacketBox.of(Protocols.TCP_SET, src, dst, IntervalSet.point(port)));
    }

    /** The uncertainty of the whole firewall's decisions for one TCP packet, or null when exact. */
    static String uncertainty(String in, String out, String src, int sport, String dst, int dport) {
        Evaluation e = PolicyEvaluator.evaluate(r, packet("tcp", src, sport, dst, dport), in, out);
        return new Uncertainty(r).of(e.decisions());
    }

    @Test
    void overApproximationsKeepTheirMatchAsTheBound() {
        Rule timeRange = rule("outside_in", 3);
        assertEquals(tcp(Addresses.ALL, EDGE, 80), timeRange.match());
        assertEquals(timeRange.match(), timeRange.mayMatch());
        assertEquals("time-range WORKDAYS is not modelled; the rule is treated as always active", timeRange.uncertainty());
        Rule icmp = rule("outside_in", 4);
        assertEquals(icmp.match(), icmp.mayMatch());
        assertTrue(icmp.uncertainty().startsWith("ICMP types are not modelled"), icmp.uncertainty());
        Rule icmpInGroup = rule("outside_in", 5);
        assertEquals(icmpInGroup.match(), icmpInGroup.mayMatch());
        assertTrue(icmpInGroup.uncertainty().contains("ICMP types in PINGS_WEB"), icmpInGroup.uncertainty());
    }

    @Test
    void anFqdnObjectMayBeAnyAddressOfItsFamily() {
        Rule alone = rule("outside_in", 1);
        assertTrue(alone.match().isEmpty());
        assertEquals(tcp(Addresses.ALL_V4, EDGE, 5061), alone.mayMatch());
        assertEquals("fqdn object SIP_PROVIDER is not resolved; it may match any IPv4 address", alone.uncertainty());
        // in a group, the resolved members stay the reading
        Rule inGroup = rule("outside_in", 2);
        assertEquals(tcp(Addresses.parse("192.0.2.10"), EDGE, 5062), inGroup.match());
        assertEquals(tcp(Addresses.ALL_V4, EDGE, 5062), inGroup.mayMatch());
    }

    @Test
    void theInterfaceKeywordOnADhcpInterfaceMayBeAnyIpv4Address() {
        Rule rule = rule("outside_in", 6);
        assertTrue(rule.match().isEmpty());
        assertEquals(tcp(Addresses.ALL, Addresses.ALL_V4, 8443), rule.mayMatch());
        assertTrue(rule.uncertainty().startsWith("interface outside has an address learned at run time"), rule.uncertainty());
    }

    @Test
    void unmodelledObjectGroupTypesAndIdentityConditionsArePlaceholders() {
        Rule o365 = rule("outside_in", 7);
        assertTrue(o365.match().isEmpty());
        assertEquals(tcp(Addresses.ALL, Addresses.ALL, 443), o365.mayMatch());
        assertTrue(o365.uncertainty().contains("O365 (object-group type 'network-service') is not modelled"), o365.uncertainty());
        Rule identity = rule("outside_in", 8);
        assertTrue(identity.match().isEmpty());
        assertEquals(tcp(Addresses.ALL, Addresses.parse("172.25.33.12"), 3389), identity.mayMatch());
        assertTrue(identity.uncertainty().contains("'object-group-user SALES'"), identity.uncertainty());
    }

    @Test
    void anUnreadableEntryWithAReadableActionKeepsItsPlace() {
        Rule rule = rule("outside_in", 10);
        assertEquals(Action.DENY, rule.action());
        assertTrue(rule.match().isEmpty());
        assertEquals(PacketSet.ALL, rule.mayMatch());
        assertEquals(43, rule.source().line());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 43 && d.category() == Diagnostic.Category.UNRECOGNIZED));
        // the index is the position: entries after it are numbered on, in source order
        Policy p = policy("outside_in");
        assertEquals(11, p.rules().size());
        for (int i = 1; i < p.rules().size(); i++) {
            assertTrue(p.rules().get(i).source().line() > p.rules().get(i - 1).source().line());
        }
        assertFalse(rule("outside_in", 9).uncertain());
        assertFalse(rule("outside_in", 11).uncertain());
    }

    @Test
    void aDecisionAfterAnFqdnRuleIsUncertainAndAnUnrelatedOneIsNot() {
        // 5061 to the edge from some address: denied by the last entry, but SIP_PROVIDER may resolve to it
        String why = uncertainty("outside", "dmz", "198.51.100.7", 50123, "172.25.33.10", 5061);
        assertNotNull(why);
        assertTrue(why.contains("fqdn object SIP_PROVIDER"), why);
        assertTrue(why.startsWith("importer/asa/uncertain.asa:34"), why);
        // ssh to another host, and https to the edge, depend on nothing uncertain
        assertNull(uncertainty("outside", "dmz", "198.51.100.7", 50123, "172.25.33.99", 22));
        assertNull(uncertainty("outside", "dmz", "198.51.100.7", 50123, "172.25.33.10", 443));
        assertNull(uncertainty("dmz", "inside", "172.25.33.10", 50123, "10.45.16.20", 5061));
    }

    @Test
    void perUserOverrideMakesEveryDecisionOfItsAccessGroupUncertain() {
        Policy p = policy("inside_in");
        assertEquals(3, p.rules().size());
        Rule permit = p.rules().get(0), deny = p.rules().get(1);
        assertEquals(Action.PERMIT, permit.action());
        assertEquals(Action.DENY, deny.action());
        for (Rule placeholder : java.util.List.of(permit, deny)) {
            assertEquals("per-user-override", placeholder.name());
            assertTrue(placeholder.match().isEmpty());
            assertEquals(PacketSet.ALL, placeholder.mayMatch());
            assertEquals(49, placeholder.source().line());
        }
        // permitted by the ACL, but a downloaded ACL may deny it; denied by default, but one may permit it
        String permitted = uncertainty("inside", "outside", "10.45.16.5", 50123, "198.51.100.7", 443);
        assertNotNull(permitted);
        assertTrue(permitted.contains("may deny any packet"), permitted);
        String denied = uncertainty("inside", "outside", "10.99.0.5", 50123, "198.51.100.7", 443);
        assertNotNull(denied);
        assertTrue(denied.contains("may permit any packet"), denied);
    }

    @Test
    void natPortTranslationStaysAPlainDiagnostic() {
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == 23 && d.category() == Diagnostic.Category.UNSUPPORTED));
        for (Policy p : r.policies()) {
            for (Rule rule : p.rules()) assertFalse(rule.source().line() == 23, rule.toString());
        }
        assertEquals(1, r.nat().size());
    }
}
