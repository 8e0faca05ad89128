package io.lyncaudit.importer.asa;

import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUnreadableEntryInPlace;
import static io.lyncaudit.importer.UncertaintyAssertions.policy;
import static io.lyncaudit.importer.UncertaintyAssertions.rule;
import static io.lyncaudit.importer.UncertaintyAssertions.tcp;
import static io.lyncaudit.importer.UncertaintyAssertions.uncertainty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import java.util.Set;
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

    @Test
    void overApproximationsKeepTheirMatchAsTheBound() {
        Rule timeRange = rule(r, "outside_in", 3);
        assertEquals(tcp(Addresses.ALL, EDGE, 80), timeRange.match());
        assertEquals(timeRange.match(), timeRange.mayMatch());
        assertEquals("time-range WORKDAYS is not modelled; the rule is treated as always active", timeRange.uncertainty());
        Rule icmp = rule(r, "outside_in", 4);
        assertEquals(icmp.match(), icmp.mayMatch());
        assertTrue(icmp.uncertainty().startsWith("ICMP types are not modelled"), icmp.uncertainty());
        Rule icmpInGroup = rule(r, "outside_in", 5);
        assertEquals(icmpInGroup.match(), icmpInGroup.mayMatch());
        assertTrue(icmpInGroup.uncertainty().contains("ICMP types in PINGS_WEB"), icmpInGroup.uncertainty());
    }

    @Test
    void anFqdnObjectMayBeAnyAddressOfItsFamily() {
        Rule alone = rule(r, "outside_in", 1);
        assertTrue(alone.match().isEmpty());
        assertEquals(tcp(Addresses.ALL_V4, EDGE, 5061), alone.mayMatch());
        assertEquals("fqdn object SIP_PROVIDER is not resolved; it may match any IPv4 address", alone.uncertainty());
        // in a group, the resolved members stay the reading
        Rule inGroup = rule(r, "outside_in", 2);
        assertEquals(tcp(Addresses.parse("192.0.2.10"), EDGE, 5062), inGroup.match());
        assertEquals(tcp(Addresses.ALL_V4, EDGE, 5062), inGroup.mayMatch());
    }

    @Test
    void theInterfaceKeywordOnADhcpInterfaceMayBeAnyIpv4Address() {
        Rule rule = rule(r, "outside_in", 6);
        assertTrue(rule.match().isEmpty());
        assertEquals(tcp(Addresses.ALL, Addresses.ALL_V4, 8443), rule.mayMatch());
        assertTrue(rule.uncertainty().startsWith("interface outside has an address learned at run time"), rule.uncertainty());
    }

    @Test
    void unmodelledObjectGroupTypesAndIdentityConditionsArePlaceholders() {
        Rule o365 = rule(r, "outside_in", 7);
        assertTrue(o365.match().isEmpty());
        assertEquals(tcp(Addresses.ALL, Addresses.ALL, 443), o365.mayMatch());
        assertTrue(o365.uncertainty().contains("O365 (object-group type 'network-service') is not modelled"), o365.uncertainty());
        Rule identity = rule(r, "outside_in", 8);
        assertTrue(identity.match().isEmpty());
        assertEquals(tcp(Addresses.ALL, Addresses.parse("172.25.33.12"), 3389), identity.mayMatch());
        assertTrue(identity.uncertainty().contains("'object-group-user SALES'"), identity.uncertainty());
    }

    @Test
    void anUnreadableEntryWithAReadableActionKeepsItsPlace() {
        Rule rule = assertUnreadableEntryInPlace(r, "outside_in", 10, 43, Action.DENY);
        assertEquals(PacketSet.ALL, rule.mayMatch());
        // the index is the position: entries after it are numbered on, in source order
        assertEquals(11, policy(r, "outside_in").rules().size());
        assertFalse(rule(r, "outside_in", 9).uncertain());
        assertFalse(rule(r, "outside_in", 11).uncertain());
    }

    @Test
    void aDecisionAfterAnFqdnRuleIsUncertainAndAnUnrelatedOneIsNot() {
        // 5061 to the edge from some address: denied by the last entry, but SIP_PROVIDER may resolve to it
        String why = assertUncertain(uncertainty(r, "outside", "dmz", "198.51.100.7", 50123, "172.25.33.10", 5061),
                "fqdn object SIP_PROVIDER");
        assertTrue(why.startsWith("importer/asa/uncertain.asa:34"), why);
        // ssh to another host, and https to the edge, depend on nothing uncertain
        assertCertain(uncertainty(r, "outside", "dmz", "198.51.100.7", 50123, "172.25.33.99", 22));
        assertCertain(uncertainty(r, "outside", "dmz", "198.51.100.7", 50123, "172.25.33.10", 443));
        assertCertain(uncertainty(r, "dmz", "inside", "172.25.33.10", 50123, "10.45.16.20", 5061));
    }

    @Test
    void perUserOverrideMakesEveryDecisionOfItsAccessGroupUncertain() {
        Policy p = policy(r, "inside_in");
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
        assertUncertain(uncertainty(r, "inside", "outside", "10.45.16.5", 50123, "198.51.100.7", 443), "may deny any packet");
        assertUncertain(uncertainty(r, "inside", "outside", "10.99.0.5", 50123, "198.51.100.7", 443), "may permit any packet");
    }

    @Test
    void objectNatWithAServiceTranslatesThatPortOnlyAndExactly() {
        // nat (dmz,outside) static 131.107.155.10 service tcp https https: TCP 443 to the public address, arriving on outside
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.line() == 23), r.diagnostics().toString());
        Policy nat = policy(r, "nat");
        assertEquals(r.policies().get(0), nat, "the NAT table comes before the access lists");
        Rule rule = nat.rules().get(0);
        assertFalse(rule.uncertain(), rule.toString());
        assertEquals(Set.of("outside"), rule.fromZones());
        assertTrue(rule.match().contains(io.lyncaudit.model.Packet.parse("tcp 198.51.100.7:50123 -> 131.107.155.10:443")));
        assertFalse(rule.match().contains(io.lyncaudit.model.Packet.parse("tcp 198.51.100.7:50123 -> 131.107.155.10:5061")));
        assertFalse(rule.match().contains(io.lyncaudit.model.Packet.parse("udp 198.51.100.7:50123 -> 131.107.155.10:443")));
        assertEquals("172.25.33.10", rule.translation().describe());
        assertEquals(1, r.nat().size());
    }
}
