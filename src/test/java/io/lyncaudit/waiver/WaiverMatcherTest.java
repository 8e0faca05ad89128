package io.lyncaudit.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.CitedRequirement;
import io.lyncaudit.finding.Evidence;
import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure matcher: criteria, flow containment, expiry, warnings and unused waivers, with a fixed date. */
class WaiverMatcherTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    private static final Finding RDP = finding("f-1", FindingType.EXTRA, null, "edge-external", new Flow("TCP", "3389", "any", "131.107.155.10"));
    private static final Finding CMS = finding("f-2", FindingType.MISSING, "L13-EDGE-INT-008", "edge-internal",
            new Flow("TCP", "4443", "10.0.1.10-10.0.1.13", "10.0.10.5"));

    private static Finding finding(String id, FindingType t, String req, String fw, Flow flow) {
        return new Finding(id, t, Severity.HIGH, req == null ? null : new RequirementRef(req, "t", List.of(), null), fw, flow, null, "m",
                List.of(new Evidence("x.csv", 3, "row", "permits", null)), null, false, false);
    }

    private static Waiver waiver(FindingType t, String req, String fw, String proto, String ports, String src, String dst, String id,
                                 LocalDate expires) {
        WaiverFlow flow = proto == null && ports == null && src == null && dst == null ? null
                : new WaiverFlow(WaiverFlow.protocols(proto == null ? "any" : proto), WaiverFlow.ports(ports == null ? "any" : ports),
                WaiverFlow.addresses(src == null ? "any" : src), WaiverFlow.addresses(dst == null ? "any" : dst), "flow");
        return new Waiver(t, req, fw, flow, id, "because", "owner@x", expires, "w.yaml", 3);
    }

    @Test
    void aFindingMatchesWhenItsFlowLiesInsideTheWaiversFlow() {
        LocalDate later = TODAY.plusYears(1);
        assertTrue(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, "edge-external", "TCP", "3389", null, "131.107.155.10", null, later), RDP));
        assertTrue(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, null, "TCP", "3000-4000", null, "131.107.155.0/24", null, later), RDP));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, null, "UDP", "3389", null, null, null, later), RDP));
        // the finding's source is any: a waiver for one source does not cover it
        assertFalse(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, null, null, null, "198.51.100.7", null, null, later), RDP));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, "edge-internal", null, null, null, null, null, later), RDP));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.MISSING, null, null, null, null, null, null, null, later), RDP));
        assertTrue(WaiverMatcher.matches(waiver(FindingType.MISSING, "l13-edge-int-008", null, null, null, null, null, null, later), CMS));
        assertTrue(WaiverMatcher.matches(waiver(FindingType.MISSING, null, null, null, null, "10.0.1.0/24", null, "f-2", later), CMS));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.MISSING, null, null, null, null, null, null, "f-3", later), CMS));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.MISSING, "L13-EDGE-INT-008", null, null, null, null, null, null, later), RDP));
    }

    /** Three requirements name the reverse proxy's 4443 to the Front End pool: one finding cites them all. */
    private static final Finding SHARED = new Finding("f-9", FindingType.MISSING, Severity.CRITICAL,
            new RequirementRef("L13-INT-SRV-015", "t", List.of(), null), "edge-internal",
            new Flow("TCP", "4443", "172.25.34.20", "10.0.1.10-10.0.1.12"), null, "m",
            List.of(new Evidence("x.csv", 16, "deny", "denies", null)), null, false, false, null, null,
            List.of(cited("L13-INT-SRV-015", "10.0.1.10-10.0.1.12"), cited("L13-INT-HLB-007", "10.0.1.10"),
                    cited("L13-RP-INT-002", "10.0.1.10")));

    private static CitedRequirement cited(String id, String destination) {
        return new CitedRequirement(new RequirementRef(id, "t", List.of(), null), Severity.HIGH, FindingType.MISSING,
                new Flow("TCP", "4443", "172.25.34.20", destination));
    }

    @Test
    void aWaiverForAnyRequirementOfASharedFindingMatchesIt() {
        LocalDate later = TODAY.plusYears(1);
        for (String id : List.of("L13-INT-SRV-015", "L13-INT-HLB-007", "l13-rp-int-002")) {
            assertTrue(WaiverMatcher.matches(waiver(FindingType.MISSING, id, null, null, null, null, null, null, later), SHARED), id);
        }
        assertFalse(WaiverMatcher.matches(waiver(FindingType.MISSING, "L13-DIR-002", null, null, null, null, null, null, later), SHARED));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.PARTIAL, "L13-RP-INT-002", null, null, null, null, null, null, later), SHARED),
                "the type is the finding's");
        // the flow is the finding's own: a waiver for the VIP alone does not accept the whole pool
        assertFalse(WaiverMatcher.matches(waiver(FindingType.MISSING, "L13-RP-INT-002", null, "TCP", "4443", null, "10.0.1.10", null, later),
                SHARED));
        WaiverMatcher.Outcome o = WaiverMatcher.apply(List.of(SHARED),
                List.of(waiver(FindingType.MISSING, "L13-RP-INT-002", "edge-internal", null, null, null, null, null, later)), TODAY, 30);
        assertTrue(o.findings().get(0).waived());
        assertEquals(3, o.findings().get(0).requirements().size(), "a waived copy keeps every requirement");
        assertEquals(0, o.count(WaiverMatcher.Kind.UNUSED));
    }

    @Test
    void validWaiversWaiveCopiesAndKeepTheOrder() {
        Waiver w = waiver(FindingType.EXTRA, null, null, null, null, null, null, null, TODAY); // valid through its date
        WaiverMatcher.Outcome o = WaiverMatcher.apply(List.of(CMS, RDP), List.of(w), TODAY, 0);
        assertSame(CMS, o.findings().get(0));
        Finding waived = o.findings().get(1);
        assertTrue(waived.waived());
        assertEquals("because", waived.waiver().reason());
        assertEquals("w.yaml:3", waived.waiver().file());
        assertFalse(RDP.waived(), "the original finding is untouched");
        assertEquals(1, o.count(WaiverMatcher.Kind.EXPIRING), "expires today, within 0 days");
        assertEquals(0, o.count(WaiverMatcher.Kind.UNUSED));
    }

    @Test
    void expiredWaiversStopSuppressingAndAreReported() {
        Waiver w = waiver(FindingType.EXTRA, null, null, null, null, null, null, null, TODAY.minusDays(1));
        WaiverMatcher.Outcome o = WaiverMatcher.apply(List.of(RDP), List.of(w), TODAY, 30);
        assertFalse(o.findings().get(0).waived());
        assertNull(o.findings().get(0).waiver());
        assertEquals(1, o.count(WaiverMatcher.Kind.EXPIRED));
        assertEquals(0, o.count(WaiverMatcher.Kind.UNUSED), "an expired waiver is reported as expired only");
        assertTrue(o.notes().get(0).message().contains("expired on 2026-11-23"), o.notes().get(0).message());
    }

    @Test
    void warnsBeforeExpiryAndReportsUnusedWaivers() {
        Waiver soon = waiver(FindingType.EXTRA, null, null, null, null, null, null, null, TODAY.plusDays(30));
        Waiver far = waiver(FindingType.MISSING, "L13-EDGE-EXT-010", null, null, null, null, null, null, TODAY.plusDays(31));
        WaiverMatcher.Outcome o = WaiverMatcher.apply(List.of(RDP), List.of(soon, far), TODAY, 30);
        assertEquals(List.of(WaiverMatcher.Kind.EXPIRING, WaiverMatcher.Kind.UNUSED), o.notes().stream().map(WaiverMatcher.Note::kind).toList());
        assertSame(far, o.notes().get(1).waiver());
        assertTrue(o.notes().get(0).message().contains("in 30 days"));
    }

    @Test
    void theFirstMatchingWaiverWinsAndAnExpiredOneDoesNotBlockALaterOne() {
        Waiver old = waiver(FindingType.EXTRA, null, null, null, null, null, null, null, TODAY.minusYears(1));
        Waiver first = new Waiver(FindingType.EXTRA, null, null, null, null, "first", "o", TODAY.plusYears(1), "w.yaml", 9);
        Waiver second = new Waiver(FindingType.EXTRA, null, null, null, null, "second", "o", TODAY.plusYears(1), "w.yaml", 15);
        WaiverMatcher.Outcome o = WaiverMatcher.apply(List.of(RDP), List.of(old, first, second), TODAY, 0);
        assertEquals("first", o.findings().get(0).waiver().reason());
        assertEquals(1, o.count(WaiverMatcher.Kind.UNUSED));
        assertEquals(1, o.count(WaiverMatcher.Kind.EXPIRED));
    }

    @Test
    void unreadableFlowTextNeverMatchesAFlowWaiver() {
        Finding odd = finding("f-9", FindingType.EXTRA, null, "fw", new Flow("TCP", "3389", "internet", "10.0.0.1"));
        assertFalse(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, null, "TCP", null, null, null, null, TODAY), odd));
        assertTrue(WaiverMatcher.matches(waiver(FindingType.EXTRA, null, "fw", null, null, null, null, null, TODAY), odd));
    }
}
