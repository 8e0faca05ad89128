package io.lyncaudit.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.FindingType;
import io.lyncaudit.finding.FindingWaiver;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate as a pure function, without the CLI. */
class GatePolicyTest {
    private static Finding f(Severity s) {
        return new Finding("f-" + s, FindingType.MISSING, s, null, "fw", new Flow("TCP", "443", "any", "10.0.0.1"), null, "m",
                List.of(), null, false, false);
    }

    private static final FindingWaiver W = new FindingWaiver("r", "o", "2099-01-01", null);

    @Test
    void failsOnUnwaivedFindingsAtOrAboveTheThreshold() {
        GatePolicy high = new GatePolicy(Severity.HIGH, false);
        assertTrue(high.decide(List.of(f(Severity.MEDIUM)), 0).passed());
        GateDecision d = high.decide(List.of(f(Severity.HIGH), f(Severity.CRITICAL)), 0);
        assertFalse(d.passed());
        assertEquals(List.of("2 unwaived findings at or above high"), d.reasons());
        assertTrue(new GatePolicy(null, false).decide(List.of(f(Severity.CRITICAL)), 0).passed(), "--fail-on none never fails");
    }

    @Test
    void waivedAndBaselineFindingsDoNotCount() {
        GatePolicy high = new GatePolicy(Severity.HIGH, false);
        assertTrue(high.decide(List.of(f(Severity.CRITICAL).waivedBy(W)), 0).passed());
        assertTrue(high.decide(List.of(f(Severity.CRITICAL).withBaseline(Finding.UNCHANGED)), 0).passed());
        GateDecision d = high.decide(List.of(f(Severity.CRITICAL).withBaseline(Finding.NEW)), 0);
        assertEquals(List.of("1 unwaived new finding at or above high"), d.reasons());
    }

    @Test
    void unparsedLinesFailOnlyWhenAsked() {
        assertTrue(new GatePolicy(Severity.HIGH, false).decide(List.of(), 3).passed());
        assertEquals(List.of("3 input lines were not understood (--fail-on-unparsed)"),
                new GatePolicy(Severity.HIGH, true).decide(List.of(), 3).reasons());
    }

    @Test
    void expiredAndUnusedWaiversFailOnlyWhenAsked() {
        assertTrue(new GatePolicy(Severity.HIGH, false).decide(List.of(), 0, 2, 1).passed());
        assertEquals(List.of("2 waivers have expired (--fail-on-expired-waivers)"),
                new GatePolicy(Severity.HIGH, false, true, false).decide(List.of(), 0, 2, 1).reasons());
        assertEquals(List.of("1 waiver matched no finding (--fail-on-unused-waivers)"),
                new GatePolicy(Severity.HIGH, false, false, true).decide(List.of(), 0, 2, 1).reasons());
        assertEquals("PASS", new GatePolicy(Severity.HIGH, false, true, true).decide(List.of(), 0, 0, 0).text());
    }
}
