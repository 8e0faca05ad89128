package io.lyncaudit.importer.ios;

import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUnreadableEntryInPlace;
import static io.lyncaudit.importer.UncertaintyAssertions.policy;
import static io.lyncaudit.importer.UncertaintyAssertions.rule;
import static io.lyncaudit.importer.UncertaintyAssertions.tcp;
import static io.lyncaudit.importer.UncertaintyAssertions.uncertainty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the IOS importer cannot model exactly (importer/ios/uncertain.ios) is kept as uncertain
 * rules whose {@code mayMatch} bounds what the device can match, and the decisions those rules
 * could change, and only those, are uncertain.
 */
class IosUncertaintyTest {
    static final String WAN = "GigabitEthernet0/0", DMZ = "GigabitEthernet0/1", LAN = "GigabitEthernet0/2";
    static ImportResult r;

    @BeforeAll
    static void load() throws Exception {
        r = IosSemanticsTest.load("uncertain.ios");
    }

    @Test
    void overApproximationsKeepTheirMatchAsTheBound() {
        for (int i : new int[] {2, 3, 4}) {
            Rule rule = rule(r, "WAN_IN", i);
            assertTrue(rule.uncertain(), rule.toString());
            assertFalse(rule.match().isEmpty(), rule.toString());
            assertEquals(rule.match(), rule.mayMatch(), rule.toString());
        }
        assertTrue(rule(r, "WAN_IN", 2).uncertainty().startsWith("time-range OFFICE is not modelled"));
        assertTrue(rule(r, "WAN_IN", 4).uncertainty().contains("ICMP types in object-group PINGS_WEB"));
    }

    @Test
    void dynamicEntriesArePlaceholdersBoundedByWhatTheyName() {
        Rule temp = rule(r, "WAN_IN", 5);
        assertEquals(Action.PERMIT, temp.action());
        assertTrue(temp.match().isEmpty());
        assertEquals(tcp(Addresses.ALL_V4, Addresses.parse("172.25.33.20"), 22), temp.mayMatch());
        assertTrue(temp.uncertainty().startsWith("dynamic (lock-and-key) entry TEMP"), temp.uncertainty());
        Rule admin = rule(r, "120", 1); // numbered ACL
        assertTrue(admin.match().isEmpty());
        assertEquals(tcp(Addresses.parse("172.25.33.0/24"), Addresses.ALL_V4, 22), admin.mayMatch());
        assertEquals(40, admin.source().line());
        assertFalse(rule(r, "120", 2).uncertain());
    }

    @Test
    void aNonContiguousWildcardMayMatchItsLeadingPrefix() {
        Rule rule = rule(r, "WAN_IN", 6);
        assertTrue(rule.match().isEmpty());
        assertEquals(tcp(Addresses.ALL_V4, Addresses.parse("172.25.0.0/16"), 5061), rule.mayMatch());
    }

    @Test
    void anUnmodelledObjectGroupTypeMayBeAnyIpv4Address() {
        Rule rule = rule(r, "WAN_IN", 7);
        assertTrue(rule.match().isEmpty());
        assertEquals(tcp(Addresses.ALL_V4, Addresses.parse("172.25.33.12"), 3389), rule.mayMatch());
        assertTrue(rule.uncertainty().contains("SGT_ADMINS (object-group type 'security') is not modelled"), rule.uncertainty());
    }

    @Test
    void reflectEntriesAreExactAndEvaluateMayPermitTheirMirror() {
        Rule reflect = rule(r, "WAN_OUT", 1);
        assertFalse(reflect.uncertain());
        assertEquals(tcp(Addresses.parse("172.25.33.0/24"), Addresses.ALL_V4, 443), reflect.match());
        Rule evaluate = rule(r, "WAN_IN", 8);
        assertEquals(Action.PERMIT, evaluate.action());
        assertTrue(evaluate.match().isEmpty());
        assertEquals(PacketSet.of(new PacketBox(Protocols.TCP_SET, Addresses.ALL_V4, Addresses.parse("172.25.33.0/24"),
                IntervalSet.point(443), Ports.ALL)), evaluate.mayMatch());
        assertTrue(evaluate.uncertainty().startsWith("reflexive access-list EDGE_SESSIONS"), evaluate.uncertainty());
    }

    @Test
    void anUnreadableEntryWithAReadableActionKeepsItsPlace() {
        Rule rule = assertUnreadableEntryInPlace(r, "WAN_IN", 9, 36, Action.DENY);
        assertEquals(IosConversions.IPV4, rule.mayMatch());
        assertEquals(11, policy(r, "WAN_IN").rules().size());
        assertFalse(rule(r, "WAN_IN", 10).uncertain());
    }

    @Test
    void aDecisionAfterAPlaceholderIsUncertainAndAnUnrelatedOneIsNot() {
        // ssh to .20: denied by the last entry, but the dynamic entry TEMP may permit it
        String why = assertUncertain(uncertainty(r, WAN, LAN, "198.51.100.7", 50123, "172.25.33.20", 22),
                "dynamic (lock-and-key) entry TEMP");
        assertTrue(why.startsWith("importer/ios/uncertain.ios:32"), why);
        // return traffic of an outbound https session: the reflexive list may permit it
        assertUncertain(uncertainty(r, WAN, LAN, "198.51.100.7", 443, "172.25.33.50", 50123), "EDGE_SESSIONS");
        // ssh to another host and https to the edge depend on nothing uncertain
        assertCertain(uncertainty(r, WAN, LAN, "198.51.100.7", 50123, "172.25.33.50", 22));
        assertCertain(uncertainty(r, WAN, LAN, "198.51.100.7", 50123, "172.25.33.10", 443));
        // a permit after the unreadable deny: that deny may have taken the packet first
        why = uncertainty(r, WAN, LAN, "192.0.2.10", 50123, "172.25.33.14", 5062);
        assertNotNull(why);
        assertTrue(why.startsWith("importer/ios/uncertain.ios:36: the entry could not be read"), why);
    }
}
