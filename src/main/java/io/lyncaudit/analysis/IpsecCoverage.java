package io.lyncaudit.analysis;

import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.finding.Flow;
import io.lyncaudit.ipsec.IpsecRule;
import io.lyncaudit.model.PacketSet;
import java.util.List;

/**
 * Fact: how much of one IPsec exception of the catalog one IPsec policy input exempts, and the rules
 * involved. Analysis rules classify it (SATISFIED or IPSEC_MISSING).
 *
 * @param input     the IPsec input as reports name it (its file)
 * @param required  the packets the exception asks to exempt
 * @param exempt    the part of {@code required} some exemption rule exempts
 * @param exempting the exemption rules that exempt part of {@code required}
 * @param blocking  the rules that require authentication for part of what is not exempt
 */
public record IpsecCoverage(RequirementSpec spec, String input, PacketSet required, PacketSet exempt, PacketSet uncovered,
                            List<IpsecRule> exempting, List<IpsecRule> blocking, Flow flow) {

    public IpsecCoverage {
        exempting = List.copyOf(exempting);
        blocking = List.copyOf(blocking);
    }

    public boolean isSatisfied() {
        return uncovered.isEmpty();
    }

    public boolean isMissing() {
        return exempt.isEmpty();
    }

    /** True when {@code rule} exempts part of this exception: an over-broad rule was meant for it. */
    public boolean exemptedBy(IpsecRule rule) {
        for (IpsecRule r : exempting) {
            if (r == rule) return true;
        }
        return false;
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
