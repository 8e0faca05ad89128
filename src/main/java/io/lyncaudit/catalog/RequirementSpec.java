package io.lyncaudit.catalog;

import io.lyncaudit.finding.RequirementRef;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import java.util.List;

/**
 * A catalog requirement as its Drools rule states it: id, title, severity, the reference rows it
 * rests on, the flow, and the decision taken where the docs disagree.
 *
 * @param scenarios scenario ids the rule applies to (as declared; a meta-test checks the rule's conditions agree)
 * @param features  feature condition as declared: "" (always), "a" or "a | b"
 * @param check     what the requirement is checked against: {@link #FIREWALL} (openings, the default) or
 *                  {@link #IPSEC} (exemptions of the IPsec policy inputs), from the rule's {@code @check}
 */
public record RequirementSpec(String id, String title, Severity severity, List<SourceRow> sources, FlowSpec flow,
                              String decision, List<String> scenarios, String features, String check) {

    /** Checked against the firewalls: the flow must be permitted. */
    public static final String FIREWALL = "firewall";
    /** Checked against the IPsec policy inputs: the flow must be exempt from IPsec. */
    public static final String IPSEC = "ipsec";

    public RequirementSpec {
        sources = List.copyOf(sources);
        scenarios = List.copyOf(scenarios);
        if (check == null) check = FIREWALL;
        if (!check.equals(FIREWALL) && !check.equals(IPSEC)) throw new IllegalArgumentException("@check is firewall or ipsec, found '" + check + "'");
    }

    /** A firewall requirement, the usual kind. */
    public RequirementSpec(String id, String title, Severity severity, List<SourceRow> sources, FlowSpec flow,
                           String decision, List<String> scenarios, String features) {
        this(id, title, severity, sources, flow, decision, scenarios, features, FIREWALL);
    }

    /** True for an IPsec exception (checked against IPsec policy inputs, never against firewalls). */
    public boolean isIpsec() {
        return check.equals(IPSEC);
    }

    public RequirementRef ref() {
        return new RequirementRef(id, title, sources, decision);
    }
}
