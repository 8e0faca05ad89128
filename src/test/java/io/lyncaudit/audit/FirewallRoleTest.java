package io.lyncaudit.audit;

import io.lyncaudit.analysis.FirewallChecks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.analysis.Topology;
import io.lyncaudit.deployment.Address;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Binding;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An export with a forwarding policy and a policy for the box itself (FORWARD and INPUT) is judged by the right one. */
class FirewallRoleTest {
    private static final Policy FORWARD = new Policy("FORWARD", PolicyKind.FIRST_MATCH, null, Action.DENY, List.of());
    private static final Policy INPUT = new Policy("INPUT", PolicyKind.FIRST_MATCH,
            new Binding(Topology.HOST_SIDE, Binding.Direction.OUT), Action.DENY, List.of());
    private static final ImportResult BOTH = new ImportResult("f", "iptables", List.of(FORWARD, INPUT), List.of(), List.of(),
            new LineCounts(0, 0, 0, 0, 0), Action.DENY);

    private static FirewallSpec spec(Address host) {
        return new FirewallSpec("fw", Path.of("f"), "f", null, host == null ? Map.of("a", List.of("internet"), "b", List.of("perimeter")) : Map.of(),
                host, "private", 1);
    }

    @Test
    void aNetworkFirewallKeepsTheForwardingPolicy() {
        assertEquals(List.of(FORWARD), FirewallChecks.forRole(spec(null), BOTH).policies());
    }

    @Test
    void aHostFirewallKeepsThePoliciesOfTheBoxItself() {
        assertEquals(List.of(INPUT), FirewallChecks.forRole(spec(new Address(Addresses.parse("10.0.1.11"), "10.0.1.11", 1)), BOTH).policies());
    }

    @Test
    void anExportWithoutHostPoliciesIsLeftAlone() {
        ImportResult forwardOnly = new ImportResult("f", "iptables", List.of(FORWARD), List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), Action.DENY);
        assertEquals(forwardOnly, FirewallChecks.forRole(spec(new Address(Addresses.parse("10.0.1.11"), "10.0.1.11", 1)), forwardOnly));
    }
}
