package io.lyncaudit.audit;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.LineCounts;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.PolicyKind;
import io.lyncaudit.policy.Rule;
import io.lyncaudit.policy.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A tiny rule language for tests: one "permit|deny PROTO SRC DST [PORTS [SOURCE-PORTS]]" per line,
 * first match, default deny.
 */
final class TestPolicies {
    private TestPolicies() {}

    static ImportResult parse(String file, String text) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.strip().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+");
            IntervalSet proto = f[1].equals("ip") ? Protocols.ALL : IntervalSet.point(Protocols.number(f[1]));
            IntervalSet ports = f.length > 4 ? Ports.parseRange(f[4]) : Ports.ALL;
            IntervalSet sourcePorts = f.length > 5 ? Ports.parseRange(f[5]) : Ports.ALL;
            rules.add(new Rule(rules.size() + 1, null, f[0].equals("permit") ? Action.PERMIT : Action.DENY,
                    PacketSet.of(new PacketBox(proto, Addresses.parse(f[2]), Addresses.parse(f[3]), sourcePorts, ports)), Set.of(), Set.of(),
                    SourceRef.line(file, i + 1, l)));
        }
        return new ImportResult(file, "test", List.of(new Policy("acl", PolicyKind.FIRST_MATCH, null, Action.DENY, rules)),
                List.of(), List.of(), new LineCounts(lines.length, rules.size(), 0, 0, 0), Action.DENY);
    }
}
