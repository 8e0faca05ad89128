package io.lyncaudit.policy;

import java.util.List;

/**
 * An ordered rule list with its combining kind, binding and default action: one ACL, one chain
 * set, one spreadsheet.
 *
 * @param binding       null when the policy applies to all traffic crossing the firewall
 * @param defaultSource the config line that states the default (e.g. a chain policy), or null when implicit
 */
public record Policy(String name, PolicyKind kind, Binding binding, Action defaultAction, List<Rule> rules,
                     SourceRef defaultSource) {

    public Policy {
        rules = List.copyOf(rules);
    }

    public Policy(String name, PolicyKind kind, Binding binding, Action defaultAction, List<Rule> rules) {
        this(name, kind, binding, defaultAction, rules, null);
    }
}
