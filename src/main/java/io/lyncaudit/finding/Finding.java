package io.lyncaudit.finding;

import java.util.List;

/**
 * One finding, as every report shows it.
 *
 * @param id          stable across runs and line shifts: derived from type, requirement, firewall, flow and rule text
 * @param requirement null for EXTRA findings, which no requirement justifies
 * @param uncovered   for PARTIAL, the part of the flow that is not permitted; otherwise null
 * @param uncertain   true when an input line the finding depends on was not fully modelled
 */
public record Finding(String id, FindingType type, Severity severity, RequirementRef requirement, String firewall,
                      Flow flow, Flow uncovered, String message, List<Evidence> evidence, Witness witness,
                      boolean waived, boolean uncertain) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
