package io.lyncaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The evaluator against a brute-force oracle: small random policies over a tiny universe (2
 * protocols, 8 addresses, 12 ports), every packet checked one by one.
 */
class PolicyEvaluatorPropertiesTest {
    private static final BigInteger BASE = Addresses.parse("10.0.0.0").first();

    private static IntervalSet addrs(int a, int b) {
        return IntervalSet.of(BASE.add(BigInteger.valueOf(a)), BASE.add(BigInteger.valueOf(b)));
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
        int s1 = r.nextInt(8), s2 = r.nextInt(8), d1 = r.nextInt(8), d2 = r.nextInt(8);
        return new PacketBox(proto, addrs(Math.min(s1, s2), Math.max(s1, s2)), addrs(Math.min(d1, d2), Math.max(d1, d2)),
                r.nextInt(4) == 0 ? randomRange(r, 4) : Ports.ALL, randomRange(r, 12));
    }

    private static Policy randomPolicy(Random r, PolicyKind kind) {
        List<Rule> rules = new ArrayList<>();
        int n = 1 + r.nextInt(7);
        for (int i = 0; i < n; i++) {
            List<PacketBox> boxes = new ArrayList<>();
            int k = 1 + r.nextInt(2);
            for (int j = 0; j < k; j++) boxes.add(randomBox(r));
            rules.add(new Rule(i + 1, "r" + (i + 1), r.nextBoolean() ? Action.PERMIT : Action.DENY, PacketSet.union(boxes),
                    Set.of(), Set.of(), SourceRef.line("t", i + 1, "rule " + (i + 1))));
        }
        return new Policy("p", kind, null, r.nextBoolean() ? Action.DENY : Action.PERMIT, rules);
    }

    /** What the policy does with one packet, read rule by rule. */
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

    @RepeatedTest(150)
    void evaluatorAgreesWithThePacketByPacketOracle(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 7919L);
        PolicyKind kind = info.getCurrentRepetition() % 3 == 0 ? PolicyKind.BLOCK_WINS : PolicyKind.FIRST_MATCH;
        Policy policy = randomPolicy(r, kind);
        PacketSet query = PacketSet.union(List.of(randomBox(r), randomBox(r)));
        Evaluation e = PolicyEvaluator.evaluate(policy, query, null, null);

        assertTrue(!e.permitted().intersects(e.denied()), "permitted and denied overlap");
        assertEquals(query.size(), e.permitted().size().add(e.denied().size()), "every packet is decided once");
        for (int proto : new int[] {Protocols.TCP, Protocols.UDP}) {
            for (int s = 0; s < 8; s++) {
                for (int d = 0; d < 8; d++) {
                    for (int sp = 0; sp < 5; sp++) {
                        for (int dp = 0; dp < 12; dp++) {
                            Packet pkt = new Packet(proto, BASE.add(BigInteger.valueOf(s)), sp, BASE.add(BigInteger.valueOf(d)), dp);
                            if (!query.contains(pkt)) continue;
                            Action expected = oracle(policy, pkt);
                            assertEquals(expected == Action.PERMIT, e.permitted().contains(pkt), "packet " + pkt + " in " + policy);
                            // exactly the deciding rule names the packet
                            long deciders = e.decisions().stream().filter(dec -> dec.packets().contains(pkt)).count();
                            if (kind == PolicyKind.FIRST_MATCH) assertEquals(1, deciders, "one decision per packet");
                        }
                    }
                }
            }
        }
    }

    @RepeatedTest(30)
    void firstMatchDecisionsNameTheFirstMatchingRule(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition() * 104729L);
        Policy policy = randomPolicy(r, PolicyKind.FIRST_MATCH);
        PacketSet query = PacketSet.of(randomBox(r));
        Evaluation e = PolicyEvaluator.evaluate(policy, query, null, null);
        for (Decision d : e.decisions()) {
            Packet w = d.packets().witness();
            Rule first = policy.rules().stream().filter(x -> x.match().contains(w)).findFirst().orElse(null);
            assertEquals(first, d.rule(), "witness " + w + " decided by the first rule that matches it");
        }
    }
}
