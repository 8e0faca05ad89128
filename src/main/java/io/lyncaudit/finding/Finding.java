package io.lyncaudit.finding;

import java.util.List;

/**
 * One finding, as every report shows it.
 *
 * @param id          stable across runs and line shifts: derived from type, requirement, firewall, flow and rule text
 * @param requirement null for EXTRA findings, which no requirement justifies; when several requirements share the
 *                    finding's opening, the primary one (whose missing packets contain the others')
 * @param uncovered   for PARTIAL, the part of the flow that is not permitted; otherwise null
 * @param waived      true when a valid waiver accepts the finding; it then does not count for the gate
 * @param uncertain   true when an input line the finding depends on was not fully modelled
 * @param waiver      the waiver behind {@code waived}; null when none
 * @param baseline    against a baseline report: {@code new} or {@code unchanged}; null without a baseline
 * @param requirements every requirement the finding cites, {@code requirement} first; empty when it has none
 */
public record Finding(String id, FindingType type, Severity severity, RequirementRef requirement, String firewall,
                      Flow flow, Flow uncovered, String message, List<Evidence> evidence, Witness witness,
                      boolean waived, boolean uncertain, FindingWaiver waiver, String baseline, List<CitedRequirement> requirements) {

    /** A baseline value: the finding's id is not in the baseline. */
    public static final String NEW = "new";
    /** A baseline value: the baseline has a finding with the same id. */
    public static final String UNCHANGED = "unchanged";

    public Finding {
        evidence = List.copyOf(evidence);
        requirements = requirements == null ? cited(requirement, severity, type, flow) : List.copyOf(requirements);
    }

    /** A finding that cites its one requirement (or none). */
    public Finding(String id, FindingType type, Severity severity, RequirementRef requirement, String firewall,
                   Flow flow, Flow uncovered, String message, List<Evidence> evidence, Witness witness,
                   boolean waived, boolean uncertain, FindingWaiver waiver, String baseline) {
        this(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, waived, uncertain, waiver, baseline,
                null);
    }

    /** A finding as analysis makes it: no waiver, no baseline status. */
    public Finding(String id, FindingType type, Severity severity, RequirementRef requirement, String firewall,
                   Flow flow, Flow uncovered, String message, List<Evidence> evidence, Witness witness,
                   boolean waived, boolean uncertain) {
        this(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, waived, uncertain, null, null, null);
    }

    /** A copy accepted by {@code w}. */
    public Finding waivedBy(FindingWaiver w) {
        return new Finding(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, true, uncertain,
                w, baseline, requirements);
    }

    /** A copy with the baseline status {@link #NEW} or {@link #UNCHANGED}. */
    public Finding withBaseline(String status) {
        return new Finding(id, type, severity, requirement, firewall, flow, uncovered, message, evidence, witness, waived,
                uncertain, waiver, status, requirements);
    }

    /** True when the finding cites the requirement with this id (in any case), as its primary requirement or another. */
    public boolean cites(String requirementId) {
        for (CitedRequirement c : requirements) {
            if (c.requirement() != null && c.requirement().id() != null && c.requirement().id().equalsIgnoreCase(requirementId)) return true;
        }
        return false;
    }

    /** The ids of every requirement the finding cites, its primary requirement first. */
    public List<String> requirementIds() {
        return requirements.stream().map(c -> c.requirement() == null ? null : c.requirement().id()).toList();
    }

    /** True when more than one requirement shares the finding. */
    public boolean shared() {
        return requirements.size() > 1;
    }

    private static List<CitedRequirement> cited(RequirementRef requirement, Severity severity, FindingType type, Flow flow) {
        if (requirement == null) return List.of();
        // an IPSEC_EXTRA finding names the exception it goes beyond, which is not unmet: no status
        boolean unmet = type != FindingType.EXTRA && type != FindingType.IPSEC_EXTRA;
        return List.of(new CitedRequirement(requirement, severity, unmet ? type : null, flow));
    }

    /** True when a baseline was given and already had this finding. */
    public boolean inBaseline() {
        return UNCHANGED.equals(baseline);
    }
}
