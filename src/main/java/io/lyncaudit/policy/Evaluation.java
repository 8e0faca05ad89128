package io.lyncaudit.policy;

import io.lyncaudit.model.PacketSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer for a set of packets: which part is permitted, which is denied, and the decisions
 * (rules or defaults) that made it so, in evaluation order.
 */
public record Evaluation(PacketSet permitted, PacketSet denied, List<Decision> decisions) {

    public Evaluation {
        decisions = List.copyOf(decisions);
    }

    /** Decisions whose packets intersect the given set, restricted to it. */
    public List<Decision> decisionsFor(PacketSet part) {
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            PacketSet p = d.packets().intersect(part);
            if (!p.isEmpty()) out.add(new Decision(d.policy(), d.rule(), d.action(), p));
        }
        return out;
    }
}
