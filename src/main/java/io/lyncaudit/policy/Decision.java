package io.lyncaudit.policy;

import io.lyncaudit.model.PacketSet;

/**
 * One part of an answer: the packets a rule (or the default, when {@code rule} is null) decided,
 * in which policy, and how.
 *
 * @param uncertainty why the evaluator itself cannot be sure of this decision (e.g. where a packet
 *                    goes after a translation), or null; the rules' own uncertainty is separate
 *                    ({@link Uncertainty})
 */
public record Decision(Policy policy, Rule rule, Action action, PacketSet packets, String uncertainty) {

    public Decision(Policy policy, Rule rule, Action action, PacketSet packets) {
        this(policy, rule, action, packets, null);
    }

    /** This decision for a part of its packets. */
    public Decision restrict(PacketSet part) {
        return new Decision(policy, rule, action, part, uncertainty);
    }

    public boolean isDefault() {
        return rule == null;
    }

    /** The translation the deciding rule applies (a DNAT or redirect of a nat chain), or null. */
    public Translation translation() {
        return rule != null ? rule.translation() : null;
    }

    /** The config line behind this decision, or null for an implicit default. */
    public SourceRef source() {
        return rule != null ? rule.source() : policy != null ? policy.defaultSource() : null;
    }
}
