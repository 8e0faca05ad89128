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
            decisions.add(new Decision(policy, r, r.action(), hit, null, null, in, out));
            // hits of a first-match walk are pairwise disjoint: each comes from what earlier rules left
            if (r.action() == Action.PERMIT) permitted = permitted.unionDisjoint(hit);
            else denied = denied.unionDisjoint(hit);
            remaining = remaining.subtract(r.match());
        }
        if (!remaining.isEmpty()) {
            decisions.add(new Decision(policy, null, policy.defaultAction(), remaining, null, null, in, out));
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
            decisions.add(new Decision(policy, r, Action.DENY, hit, null, null, in, out));
            blocked = blocked.union(hit);
        }
        PacketSet open = query.subtract(blocked);
        PacketSet allowed = PacketSet.EMPTY;
        for (Rule r : policy.rules()) {
            if (open.isEmpty()) break;
            if (r.action() != Action.PERMIT || !r.appliesBetween(in, out) || !r.bounds().intersects(bounds)) continue;
            PacketSet hit = open.intersect(r.match());
            if (hit.isEmpty()) continue;
            decisions.add(new Decision(policy, r, Action.PERMIT, hit, null, null, in, out));
            allowed = allowed.union(hit);
        }
        PacketSet rest = open.subtract(allowed);
        PacketSet permitted = allowed, denied = blocked;
        if (!rest.isEmpty()) {
            decisions.add(new Decision(policy, null, policy.defaultAction(), rest, null, null, in, out));
            if (policy.defaultAction() == Action.PERMIT) permitted = permitted.union(rest);
            else denied = denied.union(rest);
        }
        return new Evaluation(permitted, denied, decisions);
    }

    /**
     * Evaluates a whole firewall for traffic from interface {@code in} to interface {@code out}
     * (either may be {@value Hook#HOST}, the firewall itself): the packets walk, in order, every
     * policy on their path ({@link Policy#appliesTo}: its hook and binding), and each has to
     * permit the packets of its scope. A drop anywhere is final. A permit rule with a
     * {@link Translation} changes the destination every later policy sees; decisions, permitted
     * and denied sets are still given for the packets as they arrived ({@code query}), and
     * {@link Evaluation#translated()} says how they were translated. A redirect on a path through
     * the box takes the packets to the firewall itself: they never leave by {@code out}, which
     * counts as a deny by the redirecting rule. Traffic that no policy sees gets the import's
     * unbound default, with a decision that names no policy. A policy that holds no rule and
     * permits by default decides nothing and costs nothing: it records no decision.
     */
    public static Evaluation evaluate(ImportResult firewall, PacketSet query, String in, String out) {
        List<Branch> branches = new ArrayList<>(1);
        branches.add(new Branch(query, query, null));
        List<Evaluation.Translated> translated = new ArrayList<>(0);
        PacketSet denied = PacketSet.EMPTY;
        // what no bound policy has seen so far, as it arrived; only a policy that sees a packet denies it
        PacketSet unseen = query;
        List<Decision> decisions = new ArrayList<>();
        boolean offPath = !Hook.HOST.equals(out);
        for (Policy p : firewall.policies()) {
            if (!p.appliesTo(in, out)) continue;
            unseen = p.scoped() ? unseen.subtract(p.scope()) : PacketSet.EMPTY;
            if (p.rules().isEmpty() && p.defaultAction() == Action.PERMIT) continue;
            List<Branch> next = new ArrayList<>(branches.size());
            for (Branch b : branches) {
                if (b.cur.isEmpty()) continue;
                PacketSet seen = p.scoped() ? b.cur.intersect(p.scope()) : b.cur;
                if (seen.isEmpty()) {
                    next.add(b);
                    continue;
                }
                Evaluation e = rules(p, seen, in, out);
                // what the policy does not see passes it as it is
                PacketSet kept = p.scoped() ? b.cur.subtract(p.scope()).unionDisjoint(e.permitted()) : e.permitted();
                denied = denied.union(b.back(e.denied()));
                for (Decision d : e.decisions()) {
                    Translation t = d.rule() == null ? null : d.rule().translation();
                    if (t == null) {
                        decisions.add(b.back(d));
                        continue;
                    }
                    kept = kept.subtract(d.packets());
                    PacketSet arrived = b.back(d.packets());
                    if (t.toHost() && offPath) {
                        // redirected to the firewall itself: these packets never leave by the egress interface
                        decisions.add(new Decision(p, d.rule(), Action.DENY, arrived, b.t, null, in, out));
                        denied = denied.union(arrived);
                        continue;
                    }
                    if (!offPath && t.destination() != null && !t.toHost()) {
                        // to the firewall itself, but now addressed elsewhere: routed on unless the new address is its own
                        decisions.add(new Decision(p, d.rule(), Action.DENY, arrived, b.t, "after the translation to " + t.describe()
                                + " the packet is routed again; it reaches the firewall itself only if that is one of its own "
                                + "addresses, which the export does not say", in, out));
                        denied = denied.union(arrived);
                        continue;
                    }
                    decisions.add(new Decision(p, d.rule(), Action.PERMIT, arrived, b.t, null, in, out));
                    Translation all = t.after(b.t);
                    translated.add(new Evaluation.Translated(arrived, all));
                    next.add(new Branch(arrived, t.apply(d.packets()), all));
                }
                next.add(new Branch(b.back(kept), kept, b.t));
            }
            branches = next;
            if (branches.isEmpty()) break;
        }
        PacketSet alive = PacketSet.EMPTY;
        for (Branch b : branches) alive = alive.union(b.orig);
        if (!unseen.isEmpty()) {
            Action d = firewall.unboundDefault();
            decisions.add(new Decision(null, null, d, unseen, null, null, in, out));
            if (d == Action.DENY) {
                alive = alive.subtract(unseen);
                denied = denied.union(unseen);
            }
        }
        return new Evaluation(alive, denied, decisions, translated);
    }

    /**
     * Packets on their way through the stages: {@code cur} as the current stage sees them, which
     * arrived as {@code orig}, and the translation between the two (null: none, {@code orig == cur}).
     */
    private record Branch(PacketSet orig, PacketSet cur, Translation t) {

        /** The arrived packets behind {@code seen}, a part of {@code cur}. */
        PacketSet back(PacketSet seen) {
            return t == null ? seen : orig.intersect(t.preimage(seen));
        }

        Decision back(Decision d) {
            return t == null ? d : new Decision(d.policy(), d.rule(), d.action(), back(d.packets()), t, d.uncertainty(), d.in(), d.out());
        }
    }

}
