package io.lyncaudit.policy;

import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows how rules combine: ordered first-match with a default action, and
 * block-wins (Windows Firewall). Everything works on packet sets; nothing enumerates ports or
 * addresses.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    /** Evaluates one policy for the packets of {@code query} entering at {@code in} and leaving at {@code out}. */
    public static Evaluation evaluate(Policy policy, PacketSet query, String in, String out) {
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
     * permit; traffic no policy applies to gets the import's unbound default.
     */
    public static Evaluation evaluate(ImportResult firewall, PacketSet query, String in, String out) {
        List<Policy> stages = new ArrayList<>();
        for (Policy p : firewall.policies()) {
            Binding b = p.binding();
            if (b == null
                    || (b.direction() == Binding.Direction.IN && b.iface().equals(in))
                    || (b.direction() == Binding.Direction.OUT && b.iface().equals(out))) {
                stages.add(p);
            }
        }
        if (stages.isEmpty()) {
            Action d = firewall.unboundDefault();
            List<Decision> ds = List.of(new Decision(null, null, d, query));
            return d == Action.PERMIT ? new Evaluation(query, PacketSet.EMPTY, ds) : new Evaluation(PacketSet.EMPTY, query, ds);
        }
        PacketSet alive = query;
        PacketSet denied = PacketSet.EMPTY;
        List<Decision> decisions = new ArrayList<>();
        for (Policy p : stages) {
            if (alive.isEmpty()) break;
            Evaluation e = evaluate(p, alive, in, out);
            decisions.addAll(e.decisions());
            denied = denied.union(e.denied());
            alive = e.permitted();
        }
        return new Evaluation(alive, denied, decisions);
    }
}
