package io.lyncaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * {@link Uncertainty} is sound: whatever an uncertain rule really matches (any subset of its
 * {@code mayMatch}), a packet whose decision is not marked uncertain gets the same action from
 * the device as from the model. Small random policies over a tiny universe, every packet checked.
 */
class UncertaintyPropertiesTest {
    private static final BigInteger BASE = Addresses.parse("10.0.0.0").first();

    private static IntervalSet addrs(int a, int b) {
        return IntervalSet.of(BASE.add(BigInteger.valueOf(a)), BASE.add(BigInteger.valueOf(b)));
    }

    private static PacketBox randomBox(Random r) {
        IntervalSet proto = r.nextBoolean() ? Protocols.TCP_SET : Protocols.TCP_UDP;
        int s1 = r.nextInt(6), s2 = r.nextInt(6), d1 = r.nextInt(6), d2 = r.nextInt(6), p1 = r.nextInt(10), p2 = r.nextInt(10);
        return new PacketBox(proto, addrs(Math.min(s1, s2), Math.max(s1, s2)), addrs(Math.min(d1, d2), Math.max(d1, d2)),
                Ports.ALL, IntervalSet.of(Math.min(p1, p2), Math.max(p1, p2)));
    }

    private static PacketSet randomSet(Random r) {
        return PacketSet.union(List.of(randomBox(r), randomBox(r)));
    }

    private static Action oracle(Policy p, Packet pkt) {
        boolean allow = false;
        for (Rule rule : p.rules()) {
            if (!rule.match().contains(pkt)) continue;
            if (p.kind() == PolicyKind.FIRST_MATCH || rule.action() == Action.DENY) return rule.action();
            allow = true;
        }
        return allow ? Action.PERMIT : p.defaultAction();
    }

    /**
     * Every packet of {@code query} (in the tiny universe) whose decisions {@code u} calls certain
     * gets from the device, as {@code device} says, the action the model gave it.
     */
    private static void assertSound(Evaluation e, Uncertainty u, PacketSet query, java.util.function.Function<Packet, Action> device,
                                    java.util.function.Supplier<String> context) {
        for (int proto : new int[] {Protocols.TCP, Protocols.UDP}) {
            for (int s = 0; s < 6; s++) {
                for (int t = 0; t < 6; t++) {
                    for (int dp = 0; dp < 10; dp++) {
                        Packet pkt = new Packet(proto, BASE.add(BigInteger.valueOf(s)), 1, BASE.add(BigInteger.valueOf(t)), dp);
                        if (!query.contains(pkt)) continue;
                        boolean certain = true;
                        for (Decision dec : e.decisionsFor(PacketSet.of(new PacketBox(IntervalSet.point(proto),
                                addrs(s, s), addrs(t, t), Ports.ALL, IntervalSet.point(dp))))) {
                            if (u.of(dec) != null) certain = false;
                        }
                        if (certain) {
                            assertEquals(device.apply(pkt), e.permitted().contains(pkt) ? Action.PERMIT : Action.DENY,
                                    () -> "packet " + pkt + " is marked certain but the device decides otherwise; " + context.get());
                        }
                    }
                }
            }
        }
    }

    @RepeatedTest(120)
    void aDecisionNotMarkedUncertainIsWhatTheDeviceDoesWhateverUncertainRulesReallyMatch(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 31337L);
        PolicyKind kind = info.getCurrentRepetition() % 3 == 0 ? PolicyKind.BLOCK_WINS : PolicyKind.FIRST_MATCH;
        int n = 2 + r.nextInt(6);
        List<Rule> model = new ArrayList<>(), device = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Action a = r.nextBoolean() ? Action.PERMIT : Action.DENY;
            SourceRef src = SourceRef.line("t", i, "rule " + i);
            PacketSet match = r.nextInt(5) == 0 ? PacketSet.EMPTY : randomSet(r);
            if (r.nextInt(3) == 0) {
                // uncertain: the model reads 'match', the device matches some subset of 'may'
                PacketSet may = match.union(r.nextBoolean() ? randomSet(r) : PacketSet.EMPTY);
                PacketSet real = may.intersect(randomSet(r));
                model.add(new Rule(i, "r" + i, a, match, Set.of(), Set.of(), src, may, "not modelled"));
                device.add(new Rule(i, "r" + i, a, real, Set.of(), Set.of(), src));
            } else {
                Rule rule = new Rule(i, "r" + i, a, match, Set.of(), Set.of(), src);
                model.add(rule);
                device.add(rule);
            }
        }
        Action def = r.nextBoolean() ? Action.DENY : Action.PERMIT;
        Policy m = new Policy("p", kind, null, def, model), d = new Policy("p", kind, null, def, device);
        ImportResult ir = new ImportResult("t", "neutral", List.of(m), List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), Action.DENY);
        Uncertainty u = new Uncertainty(ir);
        PacketSet query = randomSet(r);
        Evaluation e = PolicyEvaluator.evaluate(m, query, null, null);
        assertSound(e, u, query, pkt -> oracle(d, pkt), () -> "model " + m + " device " + d);
    }

    /** A policy in two versions: as the importer reads it, and as one device might really match it. */
    private record Pair(Policy model, Policy device) {}

    private static Pair randomPolicy(Random r, PolicyKind kind, String name, Binding binding, PacketSet scope) {
        int n = 1 + r.nextInt(5);
        List<Rule> model = new ArrayList<>(), device = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Action a = r.nextBoolean() ? Action.PERMIT : Action.DENY;
            SourceRef src = SourceRef.line("t", i, "rule " + i);
            PacketSet match = r.nextInt(5) == 0 ? PacketSet.EMPTY : randomSet(r);
            if (r.nextInt(3) == 0) {
                // may reach beyond the scope: the device never applies the policy there, so that part must not matter
                PacketSet may = match.union(r.nextBoolean() ? randomSet(r) : PacketSet.EMPTY);
                model.add(new Rule(i, "r" + i, a, match, Set.of(), Set.of(), src, may, "not modelled"));
                device.add(new Rule(i, "r" + i, a, may.intersect(randomSet(r)), Set.of(), Set.of(), src));
            } else {
                Rule rule = new Rule(i, "r" + i, a, match, Set.of(), Set.of(), src);
                model.add(rule);
                device.add(rule);
            }
        }
        Action def = r.nextBoolean() ? Action.DENY : Action.PERMIT;
        return new Pair(new Policy(name, kind, binding, def, model, null, scope), new Policy(name, kind, binding, def, device, null, scope));
    }

    /** The firewall on the device: every bound policy whose scope holds the packet permits it, or the unbound default. */
    private static Action oracle(ImportResult fw, Packet pkt) {
        boolean seen = false;
        for (Policy p : fw.policies()) {
            Binding b = p.binding();
            if ((b != null && !(b.direction() == Binding.Direction.IN && b.iface().equals("a"))) || !p.scope().contains(pkt)) continue;
            seen = true;
            if (oracle(p, pkt) == Action.DENY) return Action.DENY;
        }
        return seen ? Action.PERMIT : fw.unboundDefault();
    }

    @RepeatedTest(80)
    void withScopedPoliciesADecisionNotMarkedUncertainIsWhatTheDeviceDoes(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 7727L);
        List<Policy> model = new ArrayList<>(), device = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            // scopes over the tiny universe: a run of sources, or TCP only
            PacketSet scope = switch (r.nextInt(3)) {
                case 0 -> PacketSet.ALL;
                case 1 -> PacketSet.of(new PacketBox(Protocols.ALL, addrs(0, 2), Addresses.ALL, Ports.ALL, Ports.ALL));
                default -> PacketSet.of(new PacketBox(Protocols.TCP_SET, Addresses.ALL, Addresses.ALL, Ports.ALL, Ports.ALL));
            };
            Binding b = r.nextBoolean() ? null : new Binding(r.nextBoolean() ? "a" : "c", Binding.Direction.IN);
            Pair p = randomPolicy(r, r.nextInt(3) == 0 ? PolicyKind.BLOCK_WINS : PolicyKind.FIRST_MATCH, "p" + i, b, scope);
            model.add(p.model());
            device.add(p.device());
        }
        Action unbound = r.nextBoolean() ? Action.DENY : Action.PERMIT;
        LineCounts none = new LineCounts(0, 0, 0, 0, 0);
        ImportResult m = new ImportResult("t", "neutral", model, List.of(), List.of(), none, unbound);
        ImportResult d = new ImportResult("t", "neutral", device, List.of(), List.of(), none, unbound);
        Uncertainty u = new Uncertainty(m);
        PacketSet query = randomSet(r);
        Evaluation e = PolicyEvaluator.evaluate(m, query, "a", "b");
        assertSound(e, u, query, pkt -> oracle(d, pkt), () -> "model " + m.policies()
                                            + " device " + d.policies());
    }

    @Test
    void anExactImportHasNoUncertainDecisions() {
        Rule rule = new Rule(1, "a", Action.PERMIT, PacketSet.of(PacketBox.of(Protocols.TCP_SET, Addresses.ALL, Addresses.ALL, Ports.ALL)),
                Set.of(), Set.of(), SourceRef.line("f", 3, "permit tcp any any"));
        Policy p = new Policy("p", PolicyKind.FIRST_MATCH, null, Action.DENY, List.of(rule));
        ImportResult ir = new ImportResult("f", "neutral", List.of(p), List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), Action.DENY);
        Uncertainty u = new Uncertainty(ir);
        assertTrue(u.isExact());
        assertNull(u.of(PolicyEvaluator.evaluate(p, PacketSet.of(PacketBox.of(Protocols.TCP_UDP, Addresses.ALL, Addresses.ALL, Ports.ALL)),
                null, null).decisions()));
    }

    @Test
    void theReasonNamesTheLineOfTheUncertainRule() {
        PacketSet tcp = PacketSet.of(PacketBox.of(Protocols.TCP_SET, Addresses.ALL, Addresses.ALL, Ports.parseRange("80")));
        Rule timed = new Rule(1, null, Action.PERMIT, tcp, Set.of(), Set.of(), SourceRef.line("fw.asa", 140, "... time-range WORKDAYS"))
                .withUncertainty("time-range WORKDAYS is not modelled", PacketSet.EMPTY);
        Policy p = new Policy("p", PolicyKind.FIRST_MATCH, null, Action.DENY, List.of(timed));
        ImportResult ir = new ImportResult("fw.asa", "cisco-asa", List.of(p), List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), Action.DENY);
        String why = new Uncertainty(ir).of(PolicyEvaluator.evaluate(p, tcp, null, null).decisions());
        assertNotNull(why);
        assertEquals("fw.asa:140: time-range WORKDAYS is not modelled", why);
    }
}
