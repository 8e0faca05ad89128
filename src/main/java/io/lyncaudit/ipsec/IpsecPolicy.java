package io.lyncaudit.ipsec;

import io.lyncaudit.model.PacketSet;
import io.lyncaudit.policy.Diagnostic;
import io.lyncaudit.policy.LineCounts;
import java.util.List;

/**
 * One IPsec policy input: its enabled rules, in file order, and the lines that could not be used.
 * A packet is exempt when any of its exemption rules matches it (see the package description).
 *
 * @param file   the input as reports show it (relative to the deployment file)
 * @param format the reader that read it ("spreadsheet")
 */
public record IpsecPolicy(String file, String format, List<IpsecRule> rules, List<Diagnostic> diagnostics, LineCounts lines) {

    public IpsecPolicy {
        rules = List.copyOf(rules);
        diagnostics = List.copyOf(diagnostics);
    }

    /** The rules that exempt packets from IPsec. */
    public List<IpsecRule> exemptions() {
        return rules.stream().filter(IpsecRule::exempt).toList();
    }

    /** Every packet some exemption rule matches. */
    public PacketSet exempt() {
        PacketSet s = PacketSet.EMPTY;
        for (IpsecRule r : exemptions()) s = s.union(r.match());
        return s;
    }
}
