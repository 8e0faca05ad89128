package io.lyncaudit.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.catalog.FlowSpec;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The grouping rule of {@link SharedOpening}: equal missing sets and contained ones share an
 * opening, partial overlaps and different firewalls stay apart, and the primary is chosen the same
 * way whatever the order of the facts.
 */
class SharedOpeningTest {
    private static final String RP = "172.25.34.20";
    private static final String VIP = "10.0.1.10";
    private static final String POOL = "10.0.1.10-10.0.1.12";

    private static PacketSet tcp(String src, String dst, String ports) {
        return PacketSet.of(PacketBox.of(IntervalSet.point(Protocols.TCP), Addresses.parse(src), Addresses.parse(dst), Ports.parseRange(ports)));
    }

    private static Coverage coverage(String id, Severity sev, String firewall, PacketSet required, PacketSet permitted) {
        RequirementSpec spec = new RequirementSpec(id, id + " title", sev, List.of(), FlowSpec.parse("TCP 4443 reverseProxyInternal -> frontEndVip"),
                null, List.of(), "");
        return new Coverage(spec, firewall, required, required, permitted, required.subtract(permitted), List.of(),
                new Flow("TCP", "4443", "s", "d"), null);
    }

    private static Coverage missing(String id, String firewall, PacketSet required) {
        return coverage(id, Severity.HIGH, firewall, required, PacketSet.EMPTY);
    }

    private static List<String> ids(SharedOpening o) {
        return o.members().stream().map(Coverage::requirementId).toList();
    }

    @Test
    void equalMissingSetsShareOneOpeningAndTheLowestIdLeads() {
        Coverage rp = missing("L13-RP-INT-002", "edge-internal", tcp(RP, VIP, "4443"));
        Coverage hlb = missing("L13-INT-HLB-007", "edge-internal", tcp(RP, VIP, "4443"));
        List<SharedOpening> groups = SharedOpening.group(List.of(rp, hlb));
        assertEquals(1, groups.size(), groups.toString());
        assertSame(hlb, groups.get(0).primary(), "same required set: the lowest id");
        assertEquals(List.of("L13-INT-HLB-007", "L13-RP-INT-002"), ids(groups.get(0)));
    }

    @Test
    void aMissingSetInsideAnotherJoinsIt() {
        Coverage pool = missing("L13-INT-SRV-015", "edge-internal", tcp(RP, POOL, "4443"));
        Coverage vip = missing("L13-RP-INT-002", "edge-internal", tcp(RP, VIP, "4443"));
        Coverage hlb = missing("L13-INT-HLB-007", "edge-internal", tcp(RP, VIP, "4443"));
        List<SharedOpening> groups = SharedOpening.group(List.of(vip, hlb, pool));
        assertEquals(1, groups.size(), groups.toString());
        assertSame(pool, groups.get(0).primary(), "the largest missing set contains the others");
        assertEquals(List.of("L13-INT-SRV-015", "L13-INT-HLB-007", "L13-RP-INT-002"), ids(groups.get(0)));
    }

    @Test
    void equalMissingSetsPreferTheRequirementThatMissesAllItAsks() {
        // the servers are open, the VIP is not: every requirement misses the same packets, RP -> VIP
        PacketSet servers = tcp(RP, "10.0.1.11-10.0.1.12", "4443");
        Coverage pool = coverage("L13-INT-SRV-015", Severity.CRITICAL, "edge-internal", tcp(RP, POOL, "4443"), servers);
        Coverage vip = missing("L13-RP-INT-002", "edge-internal", tcp(RP, VIP, "4443"));
        SharedOpening o = SharedOpening.group(List.of(pool, vip)).get(0);
        assertSame(vip, o.primary(), "the finding's flow is the opening itself");
        assertEquals(List.of("L13-RP-INT-002", "L13-INT-SRV-015"), ids(o));
        assertEquals(Severity.CRITICAL, o.severity(), "the highest severity of the members");
    }

    @Test
    void missingSetsThatOnlyOverlapStayApart() {
        // application sharing TCP 49152-65535 and audio TCP 49152-57500 to the pool and a Mediation server
        Coverage sharing = missing("L13-INT-SRV-028", "core", tcp("10.1.0.0/16", POOL, "49152-65535"));
        Coverage audio = missing("L13-INT-SRV-038", "core", tcp("10.1.0.0/16", POOL, "49152-57500")
                .union(tcp("10.1.0.0/16", "10.0.6.11", "49152-57500")));
        Coverage video = missing("L13-INT-SRV-010", "core", tcp("10.1.0.0/16", POOL, "57501-65535"));
        List<SharedOpening> groups = SharedOpening.group(List.of(audio, video, sharing));
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(List.of("L13-INT-SRV-028", "L13-INT-SRV-010"), ids(groups.get(0)), "video lies inside application sharing");
        assertEquals(List.of("L13-INT-SRV-038"), ids(groups.get(1)), "audio reaches the Mediation server too");
    }

    @Test
    void requiredSetsThatOverlapShareAnOpeningWhenTheMissingPartsAgree() {
        // required sets overlap only partly, but the firewall opened what each has alone
        PacketSet a = tcp(RP, "10.0.1.10-10.0.1.11", "4443"), b = tcp(RP, "10.0.1.11-10.0.1.12", "4443");
        Coverage ca = coverage("L13-A", Severity.HIGH, "fw", a, tcp(RP, VIP, "4443"));
        Coverage cb = coverage("L13-B", Severity.HIGH, "fw", b, tcp(RP, "10.0.1.12", "4443"));
        List<SharedOpening> groups = SharedOpening.group(List.of(cb, ca));
        assertEquals(1, groups.size(), "both miss RP -> 10.0.1.11 alone");
    }

    @Test
    void differentFirewallsStayApart() {
        Coverage inner = missing("L13-INT-HLB-007", "edge-internal", tcp(RP, VIP, "4443"));
        Coverage host = missing("L13-RP-INT-002", "fe-host", tcp(RP, VIP, "4443"));
        List<SharedOpening> groups = SharedOpening.group(List.of(inner, host));
        assertEquals(2, groups.size());
        assertEquals("edge-internal", groups.get(0).firewall());
        assertEquals("fe-host", groups.get(1).firewall());
    }

    @Test
    void satisfiedCoveragesAndOtherFactsAreLeftOut() {
        Coverage ok = coverage("L13-OK", Severity.HIGH, "fw", tcp(RP, VIP, "4443"), tcp(RP, VIP, "4443"));
        Coverage gap = missing("L13-GAP", "fw", tcp(RP, VIP, "4443"));
        List<SharedOpening> groups = SharedOpening.group(List.of(ok, "not a coverage", gap));
        assertEquals(1, groups.size());
        assertEquals(List.of("L13-GAP"), ids(groups.get(0)));
    }

    @Test
    void theGroupsDoNotDependOnTheOrderOfTheFacts() {
        List<Coverage> cs = new ArrayList<>(List.of(
                missing("L13-INT-SRV-015", "edge-internal", tcp(RP, POOL, "4443")),
                missing("L13-RP-INT-002", "edge-internal", tcp(RP, VIP, "4443")),
                missing("L13-INT-HLB-007", "edge-internal", tcp(RP, VIP, "4443")),
                missing("L13-DIR-002", "edge-internal", tcp(RP, "10.0.2.10", "4443")),
                missing("L13-INT-HLB-020", "edge-internal", tcp(RP, "10.0.2.10", "4443")),
                missing("L13-INT-SRV-014", "edge-internal", tcp(RP, POOL, "8080"))));
        List<String> first = SharedOpening.group(cs).stream().map(SharedOpeningTest::ids).map(Object::toString).toList();
        assertEquals(List.of("[L13-DIR-002, L13-INT-HLB-020]", "[L13-INT-SRV-014]",
                "[L13-INT-SRV-015, L13-INT-HLB-007, L13-RP-INT-002]"), first);
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(cs, random);
            assertEquals(first, SharedOpening.group(cs).stream().map(SharedOpeningTest::ids).map(Object::toString).toList());
        }
    }

    @Test
    void aSharedFindingHasThePrimarysIdTheHighestSeverityAndCitesEveryRequirement() {
        Coverage pool = missing("L13-INT-SRV-015", "edge-internal", tcp(RP, POOL, "4443"));
        Coverage vip = coverage("L13-RP-INT-002", Severity.CRITICAL, "edge-internal", tcp(RP, VIP, "4443"), PacketSet.EMPTY);
        Describe describe = new Describe(Addresses.parse("0.0.0.0/0"));
        FindingCollector alone = new FindingCollector(describe, java.util.Map.of());
        alone.missing(pool);
        FindingCollector shared = new FindingCollector(describe, java.util.Map.of());
        shared.missing(SharedOpening.group(List.of(vip, pool)).get(0), List.of());
        assertEquals(1, shared.findings().size());
        io.lyncaudit.finding.Finding f = shared.findings().get(0);
        assertEquals(alone.findings().get(0).id(), f.id(), "the id the primary's finding had alone: baselines keep matching");
        assertEquals(Severity.CRITICAL, f.severity(), "the highest of the requirements");
        assertEquals(List.of("L13-INT-SRV-015", "L13-RP-INT-002"), f.requirementIds());
        assertEquals(f.id(), shared.findingId(vip), "the other requirement's status links the shared finding");
        assertEquals("MISSING", shared.status(vip));
        assertEquals(Severity.CRITICAL, f.requirements().get(1).severity());
        assertTrue(f.message().endsWith(" Opening it also meets L13-RP-INT-002."), f.message());
    }
}
