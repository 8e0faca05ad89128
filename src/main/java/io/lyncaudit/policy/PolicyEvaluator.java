package io.lyncaudit.policy;

import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows how rules combine: ordered first-match with a default action, and
 * block-wins (Windows Firewall), within each policy's scope. Everything works on packet sets;
 * nothing enumerates ports or addresses.
 *
 * <p>A policy sees only the packets of its {@link Policy#scope() scope} (an IOS {@code ip
 * access-group} sees IPv4, an {@code ipv6 traffic-filter} IPv6). For a packet outside it the
 * policy is as if it were not bound: it neither permits nor denies the packet, and no decision of
 * the policy (rule or default) names it. A packet that no bound policy sees gets the import's
 * unbound default, as traffic through an interface without any policy does.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    /**
     * Evaluates one policy for the packets of {@code query} entering at {@code in} and leaving at
     * {@code out}. Packets outside the policy's scope pass it untouched: they are permitted, and
     * no decision names them.
     */
    public static Evaluation evaluate(Policy policy, PacketSet query, String in, String out) {
        if (!policy.scoped()) return rules(policy, query, in, out);
        Evaluation e = rules(policy, query.intersect(policy.scope()), in, out);
        return new Evaluation(query.subtract(policy.scope()).unionDisjoint(e.permitted()), e.denied(), e.decisions());
    }

    /** The policy's rules and default for packets it sees. */
    private static Evaluation rules(Policy policy, PacketSet query, String in, String out) {
        if (query.isEmpty()) return new Evaluation(PacketSet.EMPTY, PacketSet.EMPTY, List.of());
        return policy.kind() == PolicyKind.BLOCK_WINS
                ? blockWins(policy, query, in, out)
                : firstMatch(policy, query, in, out);
    }

    private static Evaluation firstMatch(Policy policy, PacketSet query, String in, String out) {
        List<Decision> decisions = new ArrayList<>();
        PacketSet permitted = PacketSet.EMPTY, denied = PacketSet.EMPTY;
        PacketSet remaining = query;
        PacketBox bounds = query.bounds();
        for (Rule r : policy.rules()) {
            if (remaining.isEmpty()) break;
            if (!r.appliesBetween(in, out) || !r.bounds().intersects(bounds)) continue;
            PacketSet hit = remaining.intersect(r.match());
            if (hit.isEmpty()) continue;
            decisions.add(new Decision(policy, r, r.action(), hit));
            // hits of a first-match walk are pairwise disjoint: each comes from what earlier rules left
            if (r.action() == Action.PERMIT) permitted = permitted.unionDisjoint(hit);
            else denied = denied.unionDisjoint(hit);
            remaining = remaining.subtract(r.match());
        }
        if (!remaining.isEmpty()) {
            decisions.add(new Decision(policy, null, policy.defaultAction(), remaining));
            if (policy.defaultAction() == Action.PERMIT) permitted = permitted.unionDisjoint(remaining);
            else denied = denied.unionDisjoint(remaining);
        }
        return new Evaluation(permitted, denied, decisions);
    }

    private static Evaluation blockWins(Policy policy, PacketSet query, String in, String out) {
        List<Decision> decisions = new ArrayList<>();
        PacketSet blocked = PacketSet.EMPTY;
        PacketBox bounds = query.bounds();
        for (Rule r : policy.rules()) {
            if (r.action() != Action.DENY || !r.appliesBetween(in, out) || !r.bounds().intersects(bounds)) continue;
            PacketSet hit = query.intersect(r.match());
            if (hit.isEmpty()) continue;
            decisions.add(new Decision(policy, r, Action.DENY, hit));
            blocked = blocked.union(hit);
        }
        PacketSet open = query.subtract(blocked);
        PacketSet allowed = PacketSet.EMPTY;
        for (Rule r : policy.rules()) {
            if (open.isEmpty()) break;
            if (r.action() != Action.PERMIT || !r.appliesBetween(in, out) || !r.bounds().intersects(bounds)) continue;
            PacketSet hit = open.intersect(r.match());
            if (hit.isEmpty()) continue;
            decisions.add(new Decision(policy, r, Action.PERMIT, hit));
            allowed = allowed.union(hit);
        }
        PacketSet rest = open.subtract(allowed);
        PacketSet permitted = allowed, denied = blocked;
        if (!rest.isEmpty()) {
            decisions.add(new Decision(policy, null, policy.defaultAction(), rest));
            if (policy.defaultAction() == Action.PERMIT) permitted = permitted.union(rest);
            else denied = denied.union(rest);
        }
        return new Evaluation(permitted, denied, decisions);
    }

    /**
     * Evaluates a whole firewall for traffic from interface {@code in} to interface {@code out}:
     * the policies bound to {@code in}/IN, to {@code out}/OUT and the unbound ones all have to
     * permit the packets of their scope; traffic that none of them sees gets the import's unbound
     * default, with a decision that names no policy.
     */
    public static Evaluation evaluate(ImportResult firewall, PacketSet query, String in, String out) {
        PacketSet alive = query;
        PacketSet denied = PacketSet.EMPTY;
        // what no bound policy has seen so far; always part of alive, since only a policy that sees a packet denies it
        PacketSet unseen = query;
        List<Decision> decisions = new ArrayList<>();
        for (Policy p : firewall.policies()) {
            if (alive.isEmpty()) break;
            if (!boundFor(p, in, out)) continue;
            if (!p.scoped()) {
                unseen = PacketSet.EMPTY;
                Evaluation e = rules(p, alive, in, out);
                decisions.addAll(e.decisions());
                denied = denied.union(e.denied());
                alive = e.permitted();
                continue;
            }
            unseen = unseen.subtract(p.scope());
            PacketSet seen = alive.intersect(p.scope());
            if (seen.isEmpty()) continue;
            Evaluation e = rules(p, seen, in, out);
            decisions.addAll(e.decisions());
            denied = denied.union(e.denied());
            // what the policy does not see passes it as it is
            alive = alive.subtract(p.scope()).unionDisjoint(e.permitted());
        }
        if (!unseen.isEmpty()) {
            Action d = firewall.unboundDefault();
            decisions.add(new Decision(null, null, d, unseen));
            if (d == Action.DENY) {
                alive = alive.subtract(unseen);
                denied = denied.union(unseen);
            }
        }
        return new Evaluation(alive, denied, decisions);
    }

    /** True when the policy applies to traffic entering at {@code in} and leaving at {@code out}. */
    private static boolean boundFor(Policy p, String in, String out) {
        Binding b = p.binding();
        return b == null
                || (b.direction() == Binding.Direction.IN && b.iface().equals(in))
                || (b.direction() == Binding.Direction.OUT && b.iface().equals(out));
    }
}
