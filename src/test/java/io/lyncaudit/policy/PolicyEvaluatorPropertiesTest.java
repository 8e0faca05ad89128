package io.lyncaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The evaluator against a brute-force oracle: small random policies and firewalls over a tiny
 * universe (2 protocols, 8 addresses of which 4 IPv4 and 4 IPv6, 5 source and 12 destination
 * ports), every packet checked one by one. Policies sometimes have a scope (IPv4, IPv6 or an
 * arbitrary box): a packet outside it passes the policy as if the policy were not bound.
 */
class PolicyEvaluatorPropertiesTest {
    private static final BigInteger V4 = Addresses.parse("10.0.0.0").first();
    private static final BigInteger V6 = Addresses.parse("2001:db8::").first();
    private static final int ADDRESSES = 8;
    private static final String IN = "a", OUT = "b";

    /** Address {@code i} of the universe: 0-3 are IPv4, 4-7 IPv6. */
    private static BigInteger address(int i) {
        return i < 4 ? V4.add(BigInteger.valueOf(i)) : V6.add(BigInteger.valueOf(i - 4));
    }

    /** Addresses {@code a..b} of the universe, which may span both families. */
    private static IntervalSet addrs(int a, int b) {
        IntervalSet s = IntervalSet.EMPTY;
        if (a < 4) s = s.union(IntervalSet.of(address(a), address(Math.min(b, 3))));
        if (b >= 4) s = s.union(IntervalSet.of(address(Math.max(a, 4)), address(b)));
        return s;
    }

    private static IntervalSet randomRange(Random r, int max) {
        int a = r.nextInt(max), b = r.nextInt(max);
        return IntervalSet.of(Math.min(a, b), Math.max(a, b));
    }

    private static PacketBox randomBox(Random r) {
        IntervalSet proto = switch (r.nextInt(3)) {
            case 0 -> Protocols.TCP_SET;
            case 1 -> Protocols.UDP_SET;
            default -> Protocols.TCP_UDP;
        };
        int s1 = r.nextInt(ADDRESSES), s2 = r.nextInt(ADDRESSES), d1 = r.nextInt(ADDRESSES), d2 = r.nextInt(ADDRESSES);
        return new PacketBox(proto, addrs(Math.min(s1, s2), Math.max(s1, s2)), addrs(Math.min(d1, d2), Math.max(d1, d2)),
                r.nextInt(4) == 0 ? randomRange(r, 4) : Ports.ALL, randomRange(r, 12));
    }

    /** Every packet, half the time; otherwise IPv4 only, IPv6 only or a random box. */
    private static PacketSet randomScope(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> PacketSet.IPV4;
            case 1 -> PacketSet.IPV6;
            case 2 -> PacketSet.of(randomBox(r));
            default -> PacketSet.ALL;
        };
    }

    private static Policy randomPolicy(Random r, PolicyKind kind, String name, Binding binding, PacketSet scope) {
        List<Rule> rules = new ArrayList<>();
        int n = 1 + r.nextInt(7);
        for (int i = 0; i < n; i++) {
            List<PacketBox> boxes = new ArrayList<>();
            int k = 1 + r.nextInt(2);
            for (int j = 0; j < k; j++) boxes.add(randomBox(r));
            rules.add(new Rule(i + 1, "r" + (i + 1), r.nextBoolean() ? Action.PERMIT : Action.DENY, PacketSet.union(boxes),
                    Set.of(), Set.of(), SourceRef.line("t", i + 1, "rule " + (i + 1))));
        }
        return new Policy(name, kind, binding, r.nextBoolean() ? Action.DENY : Action.PERMIT, rules, null, scope);
    }

    /** What the policy's rules and default do with one packet it sees, read rule by rule. */
    private static Action oracle(Policy p, Packet pkt) {
        if (p.kind() == PolicyKind.FIRST_MATCH) {
            for (Rule rule : p.rules()) {
                if (rule.match().contains(pkt)) return rule.action();
            }
            return p.defaultAction();
        }
        boolean allow = false;
        for (Rule rule : p.rules()) {
            if (rule.match().contains(pkt)) {
                if (rule.action() == Action.DENY) return Action.DENY;
                allow = true;
            }
        }
        return allow ? Action.PERMIT : p.defaultAction();
    }

    private static boolean bound(Policy p) {
        Binding b = p.binding();
        return b == null || (b.direction() == Binding.Direction.IN && b.iface().equals(IN))
                || (b.direction() == Binding.Direction.OUT && b.iface().equals(OUT));
    }

    /**
     * What the firewall does with one packet: every bound policy whose scope holds the packet has
     * to permit it; a packet no bound policy sees gets the unbound default.
     */
    private static Action oracle(ImportResult fw, Packet pkt) {
        boolean seen = false;
        for (Policy p : fw.policies()) {
            if (!bound(p) || !p.scope().contains(pkt)) continue;
            seen = true;
            if (oracle(p, pkt) == Action.DENY) return Action.DENY;
        }
        return seen ? Action.PERMIT : fw.unboundDefault();
    }

    /** Every packet of the universe in {@code query}. */
    private static void forEachPacket(PacketSet query, Consumer<Packet> check) {
        for (int proto : new int[] {Protocols.TCP, Protocols.UDP}) {
            for (int s = 0; s < ADDRESSES; s++) {
                for (int d = 0; d < ADDRESSES; d++) {
                    for (int sp = 0; sp < 5; sp++) {
                        for (int dp = 0; dp < 12; dp++) {
                            Packet pkt = new Packet(proto, address(s), sp, address(d), dp);
                            if (query.contains(pkt)) check.accept(pkt);
                        }
                    }
                }
            }
        }
    }

    @RepeatedTest(150)
    void evaluatorAgreesWithThePacketByPacketOracle(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 7919L);
        PolicyKind kind = info.getCurrentRepetition() % 3 == 0 ? PolicyKind.BLOCK_WINS : PolicyKind.FIRST_MATCH;
        PacketSet scope = r.nextBoolean() ? PacketSet.ALL : randomScope(r);
        Policy policy = randomPolicy(r, kind, "p", null, scope);
        PacketSet query = PacketSet.union(List.of(randomBox(r), randomBox(r)));
        Evaluation e = PolicyEvaluator.evaluate(policy, query, null, null);

        assertTrue(!e.permitted().intersects(e.denied()), "permitted and denied overlap");
        assertEquals(query.size(), e.permitted().size().add(e.denied().size()), "every packet is decided once");
        forEachPacket(query, pkt -> {
            boolean inScope = policy.scope().contains(pkt);
            // outside its scope the policy lets a packet pass
            Action expected = inScope ? oracle(policy, pkt) : Action.PERMIT;
            assertEquals(expected == Action.PERMIT, e.permitted().contains(pkt), "packet " + pkt + " in " + policy);
            // exactly the deciding rule names the packet; nothing names a packet outside the scope
            long deciders = e.decisions().stream().filter(dec -> dec.packets().contains(pkt)).count();
            if (!inScope) assertEquals(0, deciders, "no decision names a packet outside the scope");
            else if (kind == PolicyKind.FIRST_MATCH) assertEquals(1, deciders, "one decision per packet");
        });
    }

    @RepeatedTest(30)
    void firstMatchDecisionsNameTheFirstMatchingRule(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 104729L);
        Policy policy = randomPolicy(r, PolicyKind.FIRST_MATCH, "p", null, PacketSet.ALL);
        PacketSet query = PacketSet.of(randomBox(r));
        Evaluation e = PolicyEvaluator.evaluate(policy, query, null, null);
        for (Decision d : e.decisions()) {
            Packet w = d.packets().witness();
            Rule first = policy.rules().stream().filter(x -> x.match().contains(w)).findFirst().orElse(null);
            assertEquals(first, d.rule(), "witness " + w + " decided by the first rule that matches it");
        }
    }

    @RepeatedTest(120)
    void firewallWithScopedPoliciesAgreesWithThePacketByPacketOracle(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 15485863L);
        Binding[] bindings = {null, new Binding(IN, Binding.Direction.IN), new Binding(OUT, Binding.Direction.OUT),
            new Binding(OUT, Binding.Direction.IN), new Binding(IN, Binding.Direction.OUT)};
        List<Policy> policies = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            PolicyKind kind = r.nextInt(4) == 0 ? PolicyKind.BLOCK_WINS : PolicyKind.FIRST_MATCH;
            policies.add(randomPolicy(r, kind, "p" + i, bindings[r.nextInt(bindings.length)], randomScope(r)));
        }
        Action unbound = r.nextBoolean() ? Action.PERMIT : Action.DENY;
        ImportResult fw = new ImportResult("t", "test", policies, List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), unbound);
        PacketSet query = PacketSet.union(List.of(randomBox(r), randomBox(r)));
        Evaluation e = PolicyEvaluator.evaluate(fw, query, IN, OUT);

        assertTrue(!e.permitted().intersects(e.denied()), "permitted and denied overlap");
        assertEquals(query.size(), e.permitted().size().add(e.denied().size()), "every packet is decided once");
        forEachPacket(query, pkt -> {
            Action expected = oracle(fw, pkt);
            assertEquals(expected == Action.PERMIT, e.permitted().contains(pkt), () -> "packet " + pkt + " in " + fw);
            List<Decision> naming = e.decisions().stream().filter(dec -> dec.packets().contains(pkt)).toList();
            boolean seen = fw.policies().stream().anyMatch(p -> bound(p) && p.scope().contains(pkt));
            if (!seen) {
                // no bound policy sees it: the unbound default alone decides, and names no policy
                assertEquals(1, naming.size(), () -> "packet " + pkt + ": " + naming);
                assertNull(naming.get(0).policy());
                assertEquals(unbound, naming.get(0).action());
                return;
            }
            // the policies that see the packet, up to the first that denies it, each decide it
            List<Policy> reached = new ArrayList<>();
            for (Policy p : fw.policies()) {
                if (!bound(p) || !p.scope().contains(pkt)) continue;
                reached.add(p);
                if (oracle(p, pkt) == Action.DENY) break;
            }
            for (Decision dec : naming) {
                assertTrue(reached.stream().anyMatch(p -> p == dec.policy()),
                        () -> "packet " + pkt + " named by " + dec + ", which does not see it or is never reached");
            }
            for (Policy p : reached) {
                long byP = naming.stream().filter(dec -> dec.policy() == p).count();
                if (p.kind() == PolicyKind.FIRST_MATCH) {
                    assertEquals(1, byP, () -> "packet " + pkt + " decided once by " + p.name());
                    Rule first = p.rules().stream().filter(x -> x.match().contains(pkt)).findFirst().orElse(null);
                    assertEquals(first, naming.stream().filter(dec -> dec.policy() == p).findFirst().orElseThrow().rule());
                } else {
                    assertTrue(byP >= 1, () -> "packet " + pkt + " decided by " + p.name());
                }
            }
        });
    }
}
