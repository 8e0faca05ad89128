package io.lyncaudit.policy;

import java.util.List;

/**
 * What an importer made of one input: its policies, NAT rules, diagnostics and line counts.
 *
 * @param format        the format name as used in deployment files (spreadsheet, neutral, cisco-asa, ...)
 * @param unboundDefault what the firewall does with traffic no policy is bound to
 */
public record ImportResult(String file, String format, List<Policy> policies, List<NatRule> nat,
                           List<Diagnostic> diagnostics, LineCounts lines, Action unboundDefault) {

    public ImportResult {
        policies = List.copyOf(policies);
        nat = List.copyOf(nat);
        diagnostics = List.copyOf(diagnostics);
    }

    public int ruleCount() {
        return policies.stream().mapToInt(p -> p.rules().size()).sum();
    }
}
