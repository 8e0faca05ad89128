package io.lyncaudit.finding;

import java.util.List;

/**
 * One finding, as every report shows it.
 *
 * @param id          stable across runs and line shifts: derived from type, requirement, firewall, flow and rule text
 * @param requirement null for EXTRA findings, which no requirement justifies
 * @param uncovered   for PARTIAL, the part of the flow that is not permitted; otherwise null
 * @param waived      true when a valid waiver accepts the finding; it then does not count for the gate
 * @param uncertain   true when an input line the finding depends on was not fully modelled
 * @param waiver      the waiver behind {@code waived}; null when none
 * @param baseline    against a baseline report: {@code new} or {@code unchanged}; null without a baseline
 */
public record Finding(String id, FindingType type, Severity severity, RequirementRef requirement, String firewall,
                      Flow flow, Flow uncovered, String message, List<Evidence> evidence, Witness witness,
                      boolean waived, boolean uncertain, FindingWaiver waiver, String baseline) {

    /** A baseline value: the finding's id is not in the baseline. */
    public static final String NEW = "new";
    /** A baseline value: the baseline has a finding with the same id. */
    public static final String UNCHANGED = "unchanged";

    public Finding {
        evidence = List.copyOf(evidence);
    }

    /** A finding as analysis makes it: no waiver, no baseline status. */
    public Finding(String id, FindingType type, Severity severity, RequirementRef requirement, String firewall,
                   Flow flow, Flow uncovered, String message, List<Evidence> evidence, Witness witness,
                   boolean waived, boolean uncertain) {
        this(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, waived, uncertain, null, null);
    }

    /** A copy accepted by {@code w}. */
    public Finding waivedBy(FindingWaiver w) {
        return new Finding(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, true, uncertain,
                w, baseline);
    }

    /** A copy with the baseline status {@link #NEW} or {@link #UNCHANGED}. */
    public Finding withBaseline(String status) {
        return new Finding(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, waived,
                uncertain, waiver, status);
    }

    /** True when a baseline was given and already had this finding. */
    public boolean inBaseline() {
        return UNCHANGED.equals(baseline);
    }
}
