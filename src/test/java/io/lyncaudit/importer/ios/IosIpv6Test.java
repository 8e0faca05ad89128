package io.lyncaudit.importer.ios;

import static io.lyncaudit.importer.OnePacket.decide;
import static io.lyncaudit.importer.OnePacket.set;
import static io.lyncaudit.policy.Action.DENY;
import static io.lyncaudit.policy.Action.PERMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Uncertainty;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IPv4 and IPv6 filters on IOS (importer/ios/ipv6.ios): an {@code ip access-group} filters IPv4
 * only, an {@code ipv6 traffic-filter} IPv6 only, and an IPv6 access list ends in the implicit
 * neighbour-discovery permits and {@code deny ipv6 any any}.
 */
class IosIpv6Test {
    static final String WAN = "GigabitEthernet0/0", DMZ = "GigabitEthernet0/1", LAN = "GigabitEthernet0/2", LAB = "GigabitEthernet0/3";
    static ImportResult r;

    @BeforeAll
    static void load() throws Exception {
        r = IosSemanticsTest.load("ipv6.ios");
    }

    static Policy policy(String name) {
        return r.policies().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    static Evaluation evaluate(String in, String out, String protocol, String src, String dst, int dport) {
        return PolicyEvaluator.evaluate(r, set(protocol, src, 50123, dst, dport), in, out);
    }

    @Test
    void accessGroupsSeeIpv4AndTrafficFiltersIpv6() {
        assertEquals(PacketSet.IPV4, policy("INTERNET_IN").scope());
        assertEquals(PacketSet.IPV4, policy("PERIMETER_OUT").scope());
        assertEquals(PacketSet.IPV6, policy("INTERNET6_IN").scope());
        assertEquals(PacketSet.IPV6, policy("LAN6_OUT").scope());
        assertEquals(4, r.policies().size());
    }

    @Test
    void anIpv4AccessListDoesNotDenyIpv6() {
        // DMZ has only an IPv4 list out: IPv6 passes it, IPv4 meets its implicit deny
        assertEquals(PERMIT, decide(r, LAB, DMZ, "tcp", "2001:db8:45::5", "2001:db8:33::5", 22));
        assertEquals(DENY, decide(r, LAB, DMZ, "tcp", "10.45.16.5", "172.25.33.5", 22));
        assertEquals(PERMIT, decide(r, LAB, DMZ, "tcp", "10.45.16.5", "172.25.33.5", 443));
        // the IPv6 packet is decided by the unbound default alone: no decision names the IPv4 list
        Evaluation e = evaluate(LAB, DMZ, "tcp", "2001:db8:45::5", "2001:db8:33::5", 22);
        assertEquals(1, e.decisions().size(), e.decisions().toString());
        Decision d = e.decisions().get(0);
        assertNull(d.policy());
        assertNull(d.rule());
        assertEquals(PERMIT, d.action());
        assertNull(new Uncertainty(r).of(e.decisions()));
    }

    @Test
    void anIpv6FilterDoesNotTouchIpv4() {
        // LAN has only an IPv6 list out, which ends in deny ipv6 any any: IPv4 to the LAN passes
        assertEquals(PERMIT, decide(r, DMZ, LAN, "tcp", "172.25.33.5", "10.45.16.5", 22));
        assertEquals(PERMIT, decide(r, DMZ, LAN, "udp", "172.25.33.5", "10.45.16.5", 53));
        assertEquals(DENY, decide(r, DMZ, LAN, "tcp", "2001:db8:33::5", "2001:db8:45::5", 22));
        assertEquals(PERMIT, decide(r, DMZ, LAN, "tcp", "2001:db8:155::9", "2001:db8:45::5", 443));
        for (Decision d : evaluate(DMZ, LAN, "tcp", "172.25.33.5", "10.45.16.5", 22).decisions()) assertNull(d.policy());
    }

    @Test
    void anIpv6AccessListEndsInAnImplicitDeny() {
        Policy p = policy("INTERNET6_IN");
        assertEquals(Action.DENY, p.defaultAction());
        Evaluation e = evaluate(WAN, LAN, "udp", "2001:db8:66::1", "2001:db8:155::10", 53);
        assertTrue(e.permitted().isEmpty());
        // the LAN's list never sees it: the WAN's implicit deny decides first
        Decision last = e.decisions().get(e.decisions().size() - 1);
        assertEquals(p, last.policy());
        assertTrue(last.isDefault());
        assertEquals(DENY, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::10", 22));
        assertEquals(DENY, decide(r, WAN, DMZ, "udp", "2001:db8:66::1", "2001:db8:155:40::9", 3478));
    }

    @Test
    void theImplicitNeighbourDiscoveryPermitsAreUncertainIcmpv6Permits() {
        for (String name : List.of("INTERNET6_IN", "LAN6_OUT")) {
            List<Rule> rules = policy(name).rules();
            for (Rule nd : rules.subList(rules.size() - 2, rules.size())) {
                assertEquals(Action.PERMIT, nd.action());
                assertEquals(IosConversions.ICMPV6, nd.match());
                assertTrue(nd.uncertain());
                assertTrue(nd.uncertainty().startsWith("implicit 'permit icmp any any nd-"), nd.uncertainty());
                assertTrue(nd.source().text().contains("(implicit, at the end of ipv6 access-list " + name + ")"), nd.source().text());
            }
        }
        assertEquals(43, policy("INTERNET6_IN").rules().get(13).source().line());
        // ICMPv6 that no entry names reaches the implicit permits: permitted, and uncertain
        Evaluation e = evaluate(LAB, LAN, "icmpv6", "2001:db8:33::5", "2001:db8:45::5", 0);
        assertEquals(DENY, decide(r, LAB, LAN, "icmpv6", "2001:db8:33::5", "2001:db8:45::5", 0), "LAN6_OUT denies ipv6 any any first");
        assertNull(new Uncertainty(r).of(e.decisions()), "an explicit deny before the implicit permits is exact");
        e = evaluate(WAN, DMZ, "icmpv6", "2001:db8:66::1", "2001:db8:155::10", 0);
        assertFalse(e.permitted().isEmpty());
        String why = new Uncertainty(r).of(e.decisions());
        assertNotNull(why);
        assertTrue(why.contains("ICMP types are not modelled; the entry matches every ICMPv6 type"), why); // the echo-request entry
    }

    @Test
    void anInterfaceWithBothFiltersAppliesEachToItsFamily() {
        // to the lab, where no filter acts
        assertEquals(PERMIT, decide(r, WAN, LAB, "tcp", "198.51.100.7", "131.107.155.10", 443));
        assertEquals(DENY, decide(r, WAN, LAB, "tcp", "198.51.100.7", "131.107.155.10", 5061));
        assertEquals(PERMIT, decide(r, WAN, LAB, "tcp", "2001:db8:66::1", "2001:db8:155::10", 5061));
        assertEquals(DENY, decide(r, WAN, LAB, "tcp", "2001:db8:66::1", "2001:db8:155::10", 22));
        // to the DMZ, whose IPv4 list out sees only IPv4
        assertEquals(PERMIT, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::10", 443));
        assertEquals(PERMIT, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::10", 5061));
        assertEquals(PERMIT, decide(r, WAN, DMZ, "udp", "2001:db8:66::1", "2001:db8:155::10", 3478));
        assertEquals(PERMIT, decide(r, WAN, DMZ, "udp", "2001:db8:66::1", "2001:db8:155:40::9", 50000));
        // an IPv6 packet is decided by the IPv6 list only, an IPv4 packet by the IPv4 list only
        for (Decision d : evaluate(WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::10", 22).decisions()) {
            assertEquals("INTERNET6_IN", d.policy().name());
        }
        for (Decision d : evaluate(WAN, LAB, "tcp", "198.51.100.7", "131.107.155.10", 22).decisions()) {
            assertEquals("INTERNET_IN", d.policy().name());
        }
    }

    @Test
    void entriesReadLikeTheirIpv4Counterparts() {
        // neq, a source port, lt and gt
        assertEquals(DENY, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::21", 22));
        assertEquals(PERMIT, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", 53, "2001:db8:155::21", 80));
        assertEquals(DENY, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", 53, "2001:db8:155::21", 8080));
        assertEquals(PERMIT, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::23", 1024));
        assertEquals(DENY, decide(r, WAN, DMZ, "tcp", "2001:db8:67::1", "2001:db8:155::23", 1024));
        // a protocol number, and ipv6 for every protocol
        assertEquals(PERMIT, decide(r, WAN, DMZ, "esp", "2001:db8:66::1", "2001:db8:155::25", 0));
        assertEquals(PERMIT, decide(r, WAN, DMZ, "udp", "2001:db8:66::1", "2001:db8:155::24", 9));
        // established is left out
        assertEquals(DENY, decide(r, WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::30", 445));
        assertTrue(IosSemanticsTest.has(r, 49, Diagnostic.Category.IGNORED));
    }

    @Test
    void unmodelledOptionsAreUncertainAndUnreadableEntriesArePlaceholders() {
        List<Rule> rules = policy("INTERNET6_IN").rules();
        assertTrue(rules.get(5).uncertainty().startsWith("time-range OFFICE is not modelled"), rules.get(5).uncertainty());
        assertEquals(rules.get(5).match(), rules.get(5).mayMatch());
        assertTrue(rules.get(9).uncertainty().contains("'flow-label' matching is not modelled"));
        for (int i : new int[] {11, 12}) {
            Rule rule = rules.get(i);
            assertTrue(rule.match().isEmpty(), rule.toString());
            assertEquals(IosConversions.IPV6, rule.mayMatch(), rule.toString());
            assertTrue(rule.uncertainty().endsWith("it may match any IPv6 packet"), rule.uncertainty());
        }
        assertTrue(IosSemanticsTest.has(r, 57, Diagnostic.Category.UNRECOGNIZED));
        assertTrue(IosSemanticsTest.has(r, 58, Diagnostic.Category.UNRECOGNIZED));
        // the time-range entry's decision is uncertain; the sequence numbers were read, not refused
        assertNotNull(new Uncertainty(r).of(evaluate(WAN, DMZ, "tcp", "2001:db8:66::1", "2001:db8:155::22", 22).decisions()));
        for (int line : new int[] {45, 46, 47, 48}) assertFalse(r.diagnostics().stream().anyMatch(d -> d.line() == line), "line " + line);
    }

    @Test
    void filtersNamingAMissingOrEmptyListFilterNothing() {
        assertTrue(IosSemanticsTest.has(r, 33, Diagnostic.Category.UNSUPPORTED));
        assertTrue(IosSemanticsTest.has(r, 34, Diagnostic.Category.UNSUPPORTED));
        assertEquals(PERMIT, decide(r, LAB, DMZ, "udp", "2001:db8:99::1", "2001:db8:33::5", 53));
        assertEquals(PERMIT, decide(r, DMZ, LAB, "udp", "2001:db8:33::5", "2001:db8:99::1", 53));
    }
}
