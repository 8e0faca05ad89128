package io.lyncaudit.policy;

import io.lyncaudit.model.PacketSet;

/**
 * One part of an answer: the packets a rule (or the default, when {@code rule} is null) decided,
 * in which policy, and how.
 *
 * @param packets     the packets as they arrived at the firewall
 * @param via         the translation earlier stages applied before this policy saw them (null: none),
 *                    so the policy saw {@link #seen()}
 * @param uncertainty why the evaluator itself cannot be sure of this decision (e.g. where a packet
 *                    goes after a translation), or null; the rules' own uncertainty is separate
 *                    ({@link Uncertainty})
 * @param in          the interface or zone the packets entered at, or null when not known
 * @param out         the interface or zone they leave at, or null when not known: only rules that
 *                    apply between the two ({@link Rule#appliesBetween}) could have decided them
 */
public record Decision(Policy policy, Rule rule, Action action, PacketSet packets, Translation via, String uncertainty, String in,
                       String out) {

    /** A decision on packets the policy saw as they arrived, at a crossing not known. */
    public Decision(Policy policy, Rule rule, Action action, PacketSet packets) {
        this(policy, rule, action, packets, null, null, null, null);
    }

    /** A decision on packets the policy saw through {@code via}, at a crossing not known. */
    public Decision(Policy policy, Rule rule, Action action, PacketSet packets, Translation via) {
        this(policy, rule, action, packets, via, null, null, null);
    }


    /** The packets as the deciding policy saw them (translated by earlier stages); what its rules are compared with. */
    public PacketSet seen() {
        return via == null ? packets : via.apply(packets);
    }

    /** This decision restricted to {@code part} of its packets (as they arrived). */
    public Decision restrictedTo(PacketSet part) {
        return new Decision(policy, rule, action, part, via, uncertainty, in, out);
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
