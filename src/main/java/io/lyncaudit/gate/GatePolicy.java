package io.lyncaudit.gate;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * When an audit fails the gate: an unwaived finding at or above the threshold ({@code failOn}
 * null means never) that is not already in the baseline; with {@code failOnUnparsed}, any
 * unsupported or unrecognized input line; with {@code failOnExpiredWaivers} or
 * {@code failOnUnusedWaivers}, any expired or unused waiver.
 */
public record GatePolicy(Severity failOn, boolean failOnUnparsed, boolean failOnExpiredWaivers, boolean failOnUnusedWaivers) {

    /** The gate of findings and unparsed lines only. */
    public GatePolicy(Severity failOn, boolean failOnUnparsed) {
        this(failOn, failOnUnparsed, false, false);
    }

    /** Parses --fail-on: a severity or "none". */
    public static Severity parseFailOn(String s) {
        return s.trim().equalsIgnoreCase("none") ? null : Severity.parse(s);
    }

    public String failOnText() {
        return failOn == null ? "none" : failOn.json();
    }

    /** True when the finding counts for the gate: not waived, not in the baseline, at or above the threshold. */
    public boolean counts(Finding f) {
        return failOn != null && !f.waived() && !f.inBaseline() && f.severity() != null && f.severity().atLeast(failOn);
    }

    public GateDecision decide(List<Finding> findings, int unparsedLines) {
        return decide(findings, unparsedLines, 0, 0);
    }

    public GateDecision decide(List<Finding> findings, int unparsedLines, long expiredWaivers, long unusedWaivers) {
        List<String> reasons = new ArrayList<>();
        long n = findings.stream().filter(this::counts).count();
        if (n > 0) {
            boolean baseline = findings.stream().anyMatch(f -> f.baseline() != null);
            reasons.add(n + " unwaived" + (baseline ? " new" : "") + " finding" + (n == 1 ? "" : "s") + " at or above " + failOn.json());
        }
        if (failOnUnparsed && unparsedLines > 0) {
            reasons.add(unparsedLines + " input line" + (unparsedLines == 1 ? " was" : "s were") + " not understood (--fail-on-unparsed)");
        }
        if (failOnExpiredWaivers && expiredWaivers > 0) {
            reasons.add(expiredWaivers + " waiver" + (expiredWaivers == 1 ? " has" : "s have") + " expired (--fail-on-expired-waivers)");
        }
        if (failOnUnusedWaivers && unusedWaivers > 0) {
            reasons.add(unusedWaivers + " waiver" + (unusedWaivers == 1 ? " matched" : "s matched") + " no finding (--fail-on-unused-waivers)");
        }
        return new GateDecision(reasons.isEmpty(), reasons);
    }
}
