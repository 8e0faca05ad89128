package io.lyncaudit.policy;

import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import java.util.Set;

/**
 * One vendor-neutral rule: the packets it matches, what it does with them, the interfaces or
 * zones it is limited to (empty = any) and the config line it comes from.
 *
 * @param index     1-based position in its policy (first-match order)
 * @param name      the rule's name in the source, or null
 * @param fromZones ingress interfaces or zones the rule is limited to; empty means any
 * @param toZones   egress interfaces or zones the rule is limited to; empty means any
 */
public record Rule(int index, String name, Action action, PacketSet match, Set<String> fromZones,
                   Set<String> toZones, SourceRef source) {

    public Rule {
        fromZones = Set.copyOf(fromZones);
        toZones = Set.copyOf(toZones);
    }

    /** The smallest box holding every packet the rule matches, for cheap rejection. */
    public PacketBox bounds() {
        return match.bounds();
    }

    /** True when the rule applies to traffic entering at {@code in} and leaving at {@code out} (null = unknown, matches). */
    public boolean appliesBetween(String in, String out) {
        return (fromZones.isEmpty() || in == null || fromZones.contains(in))
                && (toZones.isEmpty() || out == null || toZones.contains(out));
    }
}
