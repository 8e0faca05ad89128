package io.lyncaudit.finding;

/**
 * One requirement a finding cites: several requirements of the catalog can name the same opening
 * on a firewall, and then share one finding. Each keeps its own severity, the status it would have
 * alone (the primary's is the finding's type) and its own flow.
 *
 * @param status null when the finding is not about the requirement being unmet (IPSEC_EXTRA names the
 *               exception an exemption goes beyond)
 * @param flow   the requirement's own required flow on the finding's firewall
 */
public record CitedRequirement(RequirementRef requirement, Severity severity, FindingType status, Flow flow) {
}
