package io.lyncaudit.policy;

import io.lyncaudit.model.PacketSet;
import java.util.List;

/**
 * An ordered rule list with its combining kind, binding and default action: one ACL, one chain
 * set, one spreadsheet.
 *
 * @param binding       null when the policy applies to all traffic crossing the firewall
 * @param defaultSource the config line that states the default (e.g. a chain policy), or null when implicit
 * @param scope         the packets the policy sees, e.g. IPv4 only for an IOS {@code ip access-group}:
 *                      packets outside it pass the policy untouched, as if it were not bound for them
 *                      ({@link PolicyEvaluator}); {@link PacketSet#ALL} (the default) for every packet
 * @param hook          where on the packet path the policy sits (a Linux base chain: its hook), or
 *                      null for a classic device's policy, which every crossing its binding allows meets
 */
public record Policy(String name, PolicyKind kind, Binding binding, Action defaultAction, List<Rule> rules,
                     SourceRef defaultSource, PacketSet scope, Hook hook) {

    public Policy {
        rules = List.copyOf(rules);
        // one instance for "every packet", so the evaluator's check for an unscoped policy is a comparison
        if (scope == null || scope.equals(PacketSet.ALL)) scope = PacketSet.ALL;
    }

    public Policy(String name, PolicyKind kind, Binding binding, Action defaultAction, List<Rule> rules,
                  SourceRef defaultSource, PacketSet scope) {
        this(name, kind, binding, defaultAction, rules, defaultSource, scope, null);
    }

    public Policy(String name, PolicyKind kind, Binding binding, Action defaultAction, List<Rule> rules,
                  SourceRef defaultSource) {
        this(name, kind, binding, defaultAction, rules, defaultSource, PacketSet.ALL, null);
    }

    public Policy(String name, PolicyKind kind, Binding binding, Action defaultAction, List<Rule> rules) {
        this(name, kind, binding, defaultAction, rules, null, PacketSet.ALL, null);
    }

    /** True when the policy sees only some packets ({@link #scope} is not every packet). */
    public boolean scoped() {
        return scope != PacketSet.ALL;
    }

    /** This policy seeing only {@code packets}. */
    public Policy withScope(PacketSet packets) {
        return new Policy(name, kind, binding, defaultAction, rules, defaultSource, packets, hook);
    }

    /** True when some rule of the policy translates what it matches (a nat chain). */
    public boolean translates() {
        for (Rule r : rules) if (r.translation() != null) return true;
        return false;
    }

    /** True when a packet entering at {@code in} and leaving at {@code out} meets this policy. */
    public boolean appliesTo(String in, String out) {
        if (hook != null && !hook.onPath(in, out)) return false;
        return binding == null
                || (binding.direction() == Binding.Direction.IN && binding.iface().equals(in))
                || (binding.direction() == Binding.Direction.OUT && binding.iface().equals(out));
    }
}
