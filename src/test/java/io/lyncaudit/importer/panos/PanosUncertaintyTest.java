package io.lyncaudit.importer.panos;

import static io.lyncaudit.importer.UncertaintyAssertions.assertCertain;
import static io.lyncaudit.importer.UncertaintyAssertions.assertUncertain;
import static io.lyncaudit.importer.UncertaintyAssertions.tcp;
import static io.lyncaudit.importer.UncertaintyAssertions.uncertainty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the PAN-OS importer cannot model exactly (importer/panos/stand-ins.xml) stays in place as
 * an uncertain rule whose {@code mayMatch} bounds what the device can match; the decisions those
 * rules could change are uncertain, and only those.
 */
class PanosUncertaintyTest {
    static final IntervalSet AE = Addresses.parse("131.107.155.10"), WC = Addresses.parse("131.107.155.20"),
            AV = Addresses.parse("131.107.155.30");
    static ImportResult r;

    @BeforeAll
    static void load() throws Exception {
        r = PanosSemanticsTest.load("stand-ins.xml");
    }

    static Rule rule(String name) {
        return PanosSemanticsTest.rule(r, "security", name);
    }

    @Test
    void namesResolvedAtRunTimeMatchNothingForSureAndMayMatchAnyAddress() {
        for (String name : new String[] {"block-list", "block-country", "provider"}) {
            Rule x = rule(name);
            assertTrue(x.match().isEmpty(), name);
            assertTrue(x.uncertain(), name);
        }
        assertTrue(rule("block-list").uncertainty().contains("external dynamic list blocklist"));
        assertTrue(rule("block-country").uncertainty().contains("region KP"));
        assertTrue(rule("provider").uncertainty().contains("FQDN sip.provider.example"));
        assertEquals(PacketSet.of(new io.lyncaudit.model.PacketBox(io.lyncaudit.model.Protocols.ALL, Addresses.ALL, AE,
                io.lyncaudit.model.Ports.ALL, io.lyncaudit.model.Ports.ALL)), rule("provider").mayMatch());
        // a custom region with addresses is exact
        assertFalse(rule("hq").uncertain());
        assertEquals(tcp(Addresses.parse("192.0.2.0/24"), AE, 443), rule("hq").match());
    }

    @Test
    void aDynamicGroupReadsAsTheObjectsItsFilterTags() {
        Rule x = rule("tagged-media");
        // 'lync' and 'media': only av carries both tags
        assertTrue(x.match().contains(OnePacket.packet("udp", "192.0.2.1", "131.107.155.30", 3478)));
        assertFalse(x.match().contains(OnePacket.packet("udp", "192.0.2.1", "131.107.155.20", 3478)));
        assertTrue(x.mayMatch().contains(OnePacket.packet("udp", "192.0.2.1", "131.107.155.20", 3478)));
        assertTrue(x.uncertainty().contains("dynamic address group lync-tagged"));
    }

    @Test
    void usersCategoriesAndDevicesNarrowTheRuleToNothingForSure() {
        for (String name : new String[] {"users-only", "categories", "devices-only"}) {
            Rule x = rule(name);
            assertTrue(x.match().isEmpty(), name);
            assertFalse(x.mayMatch().isEmpty(), name);
        }
        assertEquals(tcp(Addresses.ALL, WC, 443), rule("users-only").mayMatch());
        assertTrue(rule("users-only").uncertainty().startsWith("source-user corp\\lync-admins"));
    }

    @Test
    void aScheduleKeepsTheRuleAsItsOwnBound() {
        Rule x = rule("office-hours");
        assertEquals(x.match(), x.mayMatch());
        assertTrue(x.match().contains(OnePacket.packet("tcp", "10.132.3.2", "131.107.155.20", 443)));
        assertFalse(x.match().contains(OnePacket.packet("tcp", "10.132.2.2", "131.107.155.20", 443)), "the wildcard's fixed bit");
        assertTrue(x.uncertainty().startsWith("schedule business-hours"));
    }

    @Test
    void aWildcardWithManyScatteredBitsIsBoundedByItsSpan() {
        Rule x = rule("wide");
        assertTrue(x.match().isEmpty());
        assertTrue(x.mayMatch().contains(OnePacket.packet("tcp", "10.200.17.0", "131.107.155.20", 1)));
        assertFalse(x.mayMatch().contains(OnePacket.packet("tcp", "11.0.0.0", "131.107.155.20", 1)));
    }

    @Test
    void applicationsOfTheTableOnApplicationDefaultAreExactOthersAreStandIns() {
        // custom application with its default port, and a group of table applications: exact
        assertFalse(rule("custom-app").uncertain());
        assertEquals(tcp(Addresses.ALL, AE, 5061), rule("custom-app").match());
        assertFalse(rule("web-default").uncertain());
        assertEquals(tcp(Addresses.ALL, WC, 80).union(tcp(Addresses.ALL, WC, 443)), rule("web-default").match());
        // an application outside the table on application-default: nothing for sure, any port of any protocol may match
        Rule stun = rule("stun-default");
        assertTrue(stun.match().isEmpty());
        assertTrue(stun.mayMatch().contains(OnePacket.packet("udp", "192.0.2.1", "131.107.155.30", 3478)));
        assertTrue(stun.uncertainty().contains("application stun"));
        // a table application on service any: its default ports for sure, any port of its transports may match
        Rule ssl = rule("ssl-anywhere");
        assertEquals(tcp(Addresses.ALL, AV, 443), ssl.match());
        assertTrue(ssl.mayMatch().contains(OnePacket.packet("tcp", "192.0.2.1", "131.107.155.30", 8443)));
        assertFalse(ssl.mayMatch().contains(OnePacket.packet("udp", "192.0.2.1", "131.107.155.30", 443)));
        // a filter on a named service: the service's ports, uncertain
        Rule voip = rule("voip");
        assertEquals(tcp(Addresses.ALL, AV, 443), voip.match());
        assertTrue(voip.uncertainty().contains("application filter voip-filter"), voip.uncertainty());
    }

    @Test
    void anElementNotUnderstoodIsUnrecognizedAndNarrowsTheRule() {
        Rule x = rule("future-field");
        assertTrue(x.match().isEmpty());
        assertTrue(x.uncertainty().contains("'tenant-match' is not understood"));
        int line = x.source().line() + 2;
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.line() == line && d.category() == Diagnostic.Category.UNRECOGNIZED),
                r.diagnostics().toString());
    }

    @Test
    void onlyTheDecisionsAStandInCouldChangeAreUncertain() throws Exception {
        // TCP 443 to the Web Conferencing Edge, allowed by web-default after stand-in denies that may match it
        assertUncertain(uncertainty(r, "outside", "edge", "192.0.2.9", 40000, "131.107.155.20", 443), "external dynamic list");
        // running-config.xml has one stand-in, an allow of TCP 80 and 443 to an FQDN from trust to untrust
        ImportResult rc = PanosSemanticsTest.load("running-config.xml");
        assertUncertain(uncertainty(rc, "trust", "untrust", "10.0.0.5", 40000, "192.0.2.1", 443), "FQDN outlook.office365.com");
        // a packet it cannot match (TCP 22) is denied for sure; one an earlier rule allows is allowed for sure
        assertCertain(uncertainty(rc, "trust", "untrust", "10.0.0.5", 40000, "192.0.2.1", 22));
        assertEquals(Action.DENY, OnePacket.decide(rc, "trust", "untrust", "tcp", "10.0.0.5", "192.0.2.1", 22));
        assertCertain(uncertainty(rc, "untrust", "dmz", "192.0.2.9", 40000, "131.107.155.10", 5061));
        assertEquals(Action.PERMIT, OnePacket.decide(rc, "untrust", "dmz", "tcp", "192.0.2.9", "131.107.155.10", 5061));
    }
}
