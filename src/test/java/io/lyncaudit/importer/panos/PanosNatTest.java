package io.lyncaudit.importer.panos;

import static io.lyncaudit.importer.panos.PanosSemanticsTest.load;
import static io.lyncaudit.importer.panos.PanosSemanticsTest.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.NatRule;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.Translation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NAT policy (importer/panos/nat.xml and nat-dynamic-routing.set): order, translations, zones, and what is not modelled. */
class PanosNatTest {
    static ImportResult r;

    @BeforeAll
    static void read() throws Exception {
        r = load("nat.xml");
    }

    /** The translation the NAT stage alone applies to one packet entering from {@code in}, or null when none. */
    static Translation translation(ImportResult fw, String in, String proto, String src, String dst, int dport) {
        Policy nat = fw.policies().get(1);
        assertEquals("nat", nat.name());
        Evaluation e = PolicyEvaluator.evaluate(nat, OnePacket.set(proto, src, 40000, dst, dport), in, "dmz");
        Decision d = e.decisions().get(0);
        return d.rule() == null ? null : d.rule().translation();
    }

    @Test
    void destinationNatWithAPortAppliesToItsServiceOnly() {
        Translation t = translation(r, "untrust", "tcp", "192.0.2.9", "131.107.155.20", 443);
        assertEquals(new Translation(Addresses.parse("172.25.33.11"), IntervalSet.point(4443), false), t);
        // TCP 80 to the same address falls to wc-anywhere (no port translation)
        assertEquals(new Translation(Addresses.parse("172.25.33.11"), null, false), translation(r, "untrust", "tcp", "192.0.2.9",
                "131.107.155.20", 80));
    }

    @Test
    void aNatRuleWithoutDestinationTranslationTakesItsPacketsFromLaterRules() {
        // from the partner zone everything routed to untrust is taken by no-nat-partner: wc-port never sees it
        assertNull(translation(r, "partner", "tcp", "192.0.2.9", "131.107.155.20", 443));
        assertFalse(rule(r, "nat", "no-nat-partner").uncertain());
    }

    @Test
    void aDisabledNatRuleIsSkipped() {
        for (Rule x : r.policies().get(1).rules()) assertFalse("old-dnat".equals(x.name()));
    }

    @Test
    void aSubnetTranslatedToASubnetIsUncertainAndReadAsItsFirstAddress() {
        Rule pool = rule(r, "nat", "pool-static");
        assertTrue(pool.uncertain());
        assertTrue(pool.uncertainty().contains("more than one address"), pool.uncertainty());
        assertEquals(Addresses.parse("172.25.33.128"), pool.translation().destination());
        Rule back = rule(r, "nat", "pool-out (bi-directional)");
        assertTrue(back.uncertainty().contains("maps each address to its own"), back.uncertainty());
        assertEquals(Addresses.parse("172.25.33.128"), back.translation().destination());
    }

    @Test
    void aTranslationToANameResolvedAtRunTimeTranslatesNothingForSure() {
        Rule farm = rule(r, "nat", "farm");
        assertNull(farm.translation());
        assertTrue(farm.uncertainty().contains("dynamic destination translation"), farm.uncertainty());
        assertTrue(farm.uncertainty().contains("FQDN web.corp.example"), farm.uncertainty());
    }

    @Test
    void nat64IsNotModelledAndMatchesNothingForSure() {
        Rule x = rule(r, "nat", "nat64-clients");
        assertTrue(x.match().isEmpty());
        assertTrue(x.uncertainty().startsWith("nat-type nat64"), x.uncertainty());
    }

    @Test
    void aDestinationThatRoutesToADiscardRouteIsInNoZone() {
        Rule sink = rule(r, "nat", "to-sinkhole");
        assertTrue(sink.match().isEmpty(), "10.66.0.0/16 is discarded: it routes to no zone, so not to untrust");
        assertFalse(sink.uncertain());
    }

    @Test
    void toInterfaceIsReadThroughTheRoutesToo() {
        Rule x = rule(r, "nat", "wc-anywhere");
        assertFalse(x.uncertain(), x.uncertainty());
        assertTrue(x.match().contains(OnePacket.packet("tcp", "192.0.2.1", "131.107.155.20", 22)));
    }

    @Test
    void staticPairsAreListedForTheNatCheck() {
        // wc-port (with its port) and wc-anywhere both map 131.107.155.20 to 172.25.33.11; subnets and the unresolved are not listed
        assertEquals(2, r.nat().size());
        for (NatRule n : r.nat()) {
            assertEquals(Addresses.parse("131.107.155.20"), n.mapped());
            assertEquals(Addresses.parse("172.25.33.11"), n.real());
        }
    }

    @Test
    void dynamicRoutingLeavesTheToZoneUncertainButTheTranslationInPlace() throws Exception {
        ImportResult d = load("nat-dynamic-routing.set");
        Rule x = rule(d, "nat", "dnat-ae");
        assertTrue(x.uncertainty().contains("bgp is enabled"), x.uncertainty());
        assertEquals(Addresses.parse("172.25.33.10"), x.translation().destination());
        assertEquals(x.match(), x.mayMatch(), "read for any destination zone: broader than the device, so its own bound");
    }

    @Test
    void aNegativeTranslatedPortIsNoPort(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path f = java.nio.file.Files.writeString(tmp.resolve("neg.set"), """
                set zone untrust network layer3 ethernet1/1
                set zone dmz network layer3 ethernet1/2
                set rulebase nat rules in from untrust to untrust source any destination 131.107.155.10 service any \
                destination-translation translated-address 172.25.33.10 translated-port -1
                """.replace("\\\n", ""));
        ImportResult n = new PanosImporter().importFile(f, "neg.set");
        assertTrue(n.diagnostics().stream().anyMatch(d -> d.message().contains("'-1' is not a port")), n.diagnostics().toString());
    }
}
