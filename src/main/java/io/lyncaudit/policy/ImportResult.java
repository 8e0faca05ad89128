package io.lyncaudit.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an importer made of one input: its policies, NAT rules, diagnostics and line counts.
 *
 * @param format        the format name as used in deployment files (spreadsheet, neutral, cisco-asa, ...)
 * @param unboundDefault what the firewall does with traffic no policy is bound to
 * @param interfaces    the names of the interfaces or zones the export defines (ASA nameifs, the
 *                      zones of a zone firewall), which the deployment's {@code interfaces:} must
 *                      use; empty when the export does not list them (iptables, spreadsheets)
 *
 * <p>Policies are kept in the order a packet meets them: those with a {@link Hook} sorted by hook
 * (stably, so an importer lists the chains of one hook in priority order), those without one where
 * the forward hook is. Every path through the box is then a subsequence of the list.
 */
public record ImportResult(String file, String format, List<Policy> policies, List<NatRule> nat,
                           List<Diagnostic> diagnostics, LineCounts lines, Action unboundDefault, java.util.Set<String> interfaces) {

    public ImportResult {
        policies = pathOrder(policies);
        nat = List.copyOf(nat);
        diagnostics = List.copyOf(diagnostics);
        interfaces = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(interfaces));
    }

    /** An import whose export does not list its interfaces or zones. */
    public ImportResult(String file, String format, List<Policy> policies, List<NatRule> nat,
                        List<Diagnostic> diagnostics, LineCounts lines, Action unboundDefault) {
        this(file, format, policies, nat, diagnostics, lines, unboundDefault, java.util.Set.of());
    }

    /** This import with other policies (the same export seen in another role). */
    public ImportResult withPolicies(List<Policy> other) {
        return new ImportResult(file, format, other, nat, diagnostics, lines, unboundDefault, interfaces);
    }

    private static List<Policy> pathOrder(List<Policy> policies) {
        if (policies.stream().allMatch(p -> p.hook() == null)) return List.copyOf(policies);
        List<Policy> sorted = new ArrayList<>(policies);
        sorted.sort(Comparator.comparingInt(p -> (p.hook() == null ? Hook.FORWARD : p.hook()).ordinal()));
        return List.copyOf(sorted);
    }

    /**
     * True when a stage of the path translates destinations (a Linux nat chain with DNAT or
     * redirect, an ASA's static NAT, a PAN-OS or SRX NAT policy, a FortiGate policy that names a VIP).
     */
    public boolean translates() {
        for (Policy p : policies) if (p.translates()) return true;
        return false;
    }

    public int ruleCount() {
        return policies.stream().mapToInt(p -> p.rules().size()).sum();
    }
}
