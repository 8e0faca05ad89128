package io.lyncaudit.gate;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * When an audit fails the gate: an unwaived finding at or above the threshold ({@code failOn}
 * null means never), or, with {@code failOnUnparsed}, any unsupported or unrecognized input line.
 */
public record GatePolicy(Severity failOn, boolean failOnUnparsed) {

    /** Parses --fail-on: a severity or "none". */
    public static Severity parseFailOn(String s) {
        return s.trim().equalsIgnoreCase("none") ? null : Severity.parse(s);
    }

    public String failOnText() {
        return failOn == null ? "none" : failOn.json();
    }

    public GateDecision decide(List<Finding> findings, int unparsedLines) {
        List<String> reasons = new ArrayList<>();
        if (failOn != null) {
            long n = findings.stream().filter(f -> !f.waived() && f.severity().atLeast(failOn)).count();
            if (n > 0) reasons.add(n + " unwaived finding" + (n == 1 ? "" : "s") + " at or above " + failOn.json());
        }
        if (failOnUnparsed && unparsedLines > 0) {
            reasons.add(unparsedLines + " input line" + (unparsedLines == 1 ? " was" : "s were") + " not understood (--fail-on-unparsed)");
        }
        return new GateDecision(reasons.isEmpty(), reasons);
    }
}
