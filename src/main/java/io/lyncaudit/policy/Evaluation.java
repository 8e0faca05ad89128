package io.lyncaudit.policy;

import io.lyncaudit.model.PacketSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer for a set of packets: which part is permitted, which is denied, and the decisions
 * (rules or defaults) that made it so, in evaluation order. Every set is of packets as they
 * arrived at the firewall, also where a stage translated them.
 *
 * @param translated the packets a stage translated and what every later stage saw instead, in the
 *                   order the translations happened (a later entry refines an earlier one)
 */
public record Evaluation(PacketSet permitted, PacketSet denied, List<Decision> decisions, List<Translated> translated) {

    /** Packets as they arrived, and the translation every later stage saw them through. */
    public record Translated(PacketSet packets, Translation translation) {}

    public Evaluation {
        decisions = List.copyOf(decisions);
        translated = List.copyOf(translated);
    }

    public Evaluation(PacketSet permitted, PacketSet denied, List<Decision> decisions) {
        this(permitted, denied, decisions, List.of());
    }

    /** Decisions whose packets intersect the given set, restricted to it. */
    public List<Decision> decisionsFor(PacketSet part) {
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            PacketSet p = d.packets().intersect(part);
            if (!p.isEmpty()) out.add(d.restrictedTo(p));
        }
        return out;
    }

    /** The packets of {@code arrived} as the last stage saw them (translated where a stage translated them). */
    public PacketSet image(PacketSet arrived) {
        if (translated.isEmpty()) return arrived;
        PacketSet out = PacketSet.EMPTY, rest = arrived;
        for (int i = translated.size() - 1; i >= 0 && !rest.isEmpty(); i--) {
            Translated t = translated.get(i);
            PacketSet part = rest.intersect(t.packets());
            if (part.isEmpty()) continue;
            out = out.union(t.translation().apply(part));
            rest = rest.subtract(t.packets());
        }
        return out.union(rest);
    }

    /** The packets of {@code arrived} whose image ({@link #image}) lies in {@code target}. */
    public PacketSet imageIn(PacketSet arrived, PacketSet target) {
        if (translated.isEmpty()) return arrived.intersect(target);
        PacketSet out = PacketSet.EMPTY, rest = arrived;
        for (int i = translated.size() - 1; i >= 0 && !rest.isEmpty(); i--) {
            Translated t = translated.get(i);
            PacketSet part = rest.intersect(t.packets());
            if (part.isEmpty()) continue;
            out = out.union(part.intersect(t.translation().preimage(target)));
            rest = rest.subtract(t.packets());
        }
        return out.union(rest.intersect(target));
    }
}
