package io.lyncaudit.gate;

import java.util.List;

/** The verdict of the gate and the reasons it failed (empty when it passed). */
public record GateDecision(boolean passed, List<String> reasons) {

    public GateDecision {
        reasons = List.copyOf(reasons);
    }

    public String text() {
        return passed ? "PASS" : "FAIL";
    }
}
