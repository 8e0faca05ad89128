package io.lyncaudit.report;

import io.lyncaudit.finding.Finding;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.finding.RequirementRef;
import java.util.List;

/**
 * What a change to one firewall does (`lyncaudit diff`): the findings it introduces, resolves and
 * leaves, the rules added, removed or changed, and the required flows whose status changed.
 *
 * @param gate    PASS or FAIL: FAIL when an introduced finding is at or above {@code failOn}
 */
public record ChangeReport(String firewall, String before, String after, List<Finding> introduced, List<Finding> resolved,
                           List<Finding> unchanged, List<RuleChange> rules, List<StatusChange> statuses, String failOn,
                           String gate) {

    public ChangeReport {
        introduced = List.copyOf(introduced);
        resolved = List.copyOf(resolved);
        unchanged = List.copyOf(unchanged);
        rules = List.copyOf(rules);
        statuses = List.copyOf(statuses);
    }

    /**
     * A rule added, removed or changed, compared by normalized text (a named rule whose text differs is changed).
     *
     * @param kind added, removed or changed
     * @param beforeLine 0 when added
     * @param afterLine  0 when removed
     */
    public record RuleChange(String kind, String name, int beforeLine, String beforeText, int afterLine, String afterText) {
    }

    /** A required flow whose status differs between before and after (e.g. MISSING → SATISFIED). */
    public record StatusChange(RequirementRef requirement, Flow flow, String before, String after) {
    }
}
