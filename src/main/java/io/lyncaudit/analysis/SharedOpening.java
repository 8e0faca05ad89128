package io.lyncaudit.analysis;

import io.lyncaudit.finding.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived fact: the unmet requirements of one firewall whose missing packets are one opening, so
 * that they get one finding. Two coverages share an opening when the packets one of them still
 * misses ({@link Coverage#uncovered()}) are the same as, or lie within, those of the other; partial
 * overlaps stay apart, and so do different firewalls (docs/findings.md, "One opening, one finding").
 *
 * <p>The {@code primary} is the member whose missing packets contain every other member's: its
 * coverage gives the finding its type, flow, evidence and id. Among members that miss exactly the
 * same packets, the one whose required set is smallest comes first (its missing packets are most of
 * what it asks for, so the finding's flow is nearest the opening), then the lowest requirement id.
 *
 * @param members the primary first, then the others by requirement id
 */
public record SharedOpening(Coverage primary, List<Coverage> members) {

    /** The order in which coverages claim an opening: the largest missing set first, then the rules above. */
    static final Comparator<Coverage> PRECEDENCE = Comparator
            .comparing((Coverage c) -> c.uncovered().size(), Comparator.reverseOrder())
            .thenComparing(c -> c.required().size())
            .thenComparing(Coverage::requirementId);

    public SharedOpening {
        members = List.copyOf(members);
        if (members.isEmpty() || members.get(0) != primary) throw new IllegalArgumentException("the primary comes first");
    }

    /** The firewall of every member. */
    public String firewall() {
        return primary.firewall();
    }

    /** True when no part of the primary's required set is permitted. */
    public boolean isMissing() {
        return primary.isMissing();
    }

    /** True when part of the primary's required set is permitted and part is not. */
    public boolean isPartial() {
        return primary.isPartial();
    }

    /** True when more than one requirement shares the opening. */
    public boolean isShared() {
        return members.size() > 1;
    }

    /** The members other than the primary, by requirement id. */
    public List<Coverage> others() {
        return members.subList(1, members.size());
    }

    /** The highest severity of the members: the opening is as serious as its most serious requirement. */
    public Severity severity() {
        Severity s = primary.spec().severity();
        for (Coverage c : members) if (c.spec().severity().compareTo(s) > 0) s = c.spec().severity();
        return s;
    }

    /**
     * Groups the unmet coverages among {@code facts} (anything else is ignored) by firewall and by
     * the opening they miss. Deterministic: the result depends on the coverages, never on their
     * order. Every unmet coverage is in exactly one group; a coverage that shares nothing is a group
     * of one.
     */
    public static List<SharedOpening> group(Collection<?> facts) {
        Map<String, List<Coverage>> byFirewall = new LinkedHashMap<>();
        for (Object o : facts) {
            if (o instanceof Coverage c && !c.isSatisfied()) byFirewall.computeIfAbsent(c.firewall(), k -> new ArrayList<>()).add(c);
        }
        List<SharedOpening> out = new ArrayList<>();
        for (List<Coverage> unmet : byFirewall.values()) {
            unmet.sort(PRECEDENCE);
            // each coverage joins the first (largest) primary whose missing packets contain its own;
            // sorted by size, a container always comes before what it contains
            List<Coverage> primaries = new ArrayList<>();
            Map<Coverage, List<Coverage>> groups = new LinkedHashMap<>();
            for (Coverage c : unmet) {
                Coverage home = null;
                for (Coverage p : primaries) {
                    if (p.uncovered().containsAll(c.uncovered())) {
                        home = p;
                        break;
                    }
                }
                if (home == null) {
                    primaries.add(c);
                    groups.put(c, new ArrayList<>(List.of(c)));
                } else {
                    groups.get(home).add(c);
                }
            }
            for (Map.Entry<Coverage, List<Coverage>> g : groups.entrySet()) {
                List<Coverage> members = g.getValue();
                members.subList(1, members.size()).sort(Comparator.comparing(Coverage::requirementId));
                out.add(new SharedOpening(g.getKey(), members));
            }
        }
        out.sort(Comparator.comparing(SharedOpening::firewall).thenComparing(o -> o.primary().requirementId()));
        return out;
    }
}
