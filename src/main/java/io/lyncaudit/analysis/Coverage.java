package io.lyncaudit.analysis;

import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Decision;
import java.util.List;

/**
 * Fact: how much of one required flow one firewall permits, and the decisions (rules and
 * defaults) that made it so. Analysis rules classify it.
 *
 * @param required  the packets of the requirement that cross this firewall
 * @param justified the broadest set the docs allow for it (on this firewall)
 * @param decisions the decisions of the evaluator for {@code required}
 * @param uncertainty why those decisions might not be what the device does, or null when they are exact
 */
public record Coverage(RequirementSpec spec, String firewall, PacketSet required, PacketSet justified,
                       PacketSet permitted, PacketSet uncovered, List<Decision> decisions, Flow flow, String uncertainty) {

    public Coverage {
        decisions = List.copyOf(decisions);
    }

    /** True when a decision behind this coverage depends on a rule the importer could not model exactly. */
    public boolean uncertain() {
        return uncertainty != null;
    }

    public boolean isMissing() {
        return permitted.isEmpty();
    }

    public boolean isPartial() {
        return !permitted.isEmpty() && !uncovered.isEmpty();
    }

    public boolean isSatisfied() {
        return uncovered.isEmpty();
    }

    public String requirementId() {
        return spec.id();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
