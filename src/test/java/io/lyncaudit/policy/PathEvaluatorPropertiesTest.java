package io.lyncaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The walk of a packet path against a brute-force oracle: random firewalls of hooked stages
 * (prerouting, input, forward, output, postrouting), some of whose permit rules translate the
 * destination address or port or redirect to the box, over a tiny universe (2 protocols, 8
 * addresses, 4 source and 10 destination ports). Every packet of a random query is walked one by
 * one through the stages of its path, translated as it goes; the evaluator's permitted and denied
 * sets, and what it says each permitted packet became ({@link Evaluation#image}), must agree.
 */
class PathEvaluatorPropertiesTest {
    private static final BigInteger BASE = Addresses.parse("10.0.0.0").first();
    private static final int ADDRESSES = 8, SPORTS = 4, DPORTS = 10;
    private static final String A = "a", B = "b";

    private static IntervalSet addrs(int a, int b) {
        return IntervalSet.of(BASE.add(BigInteger.valueOf(a)), BASE.add(BigInteger.valueOf(b)));
    }

    private static IntervalSet range(Random r, int max) {
        int a = r.nextInt(max), b = r.nextInt(max);
        return IntervalSet.of(Math.min(a, b), Math.max(a, b));
    }

    private static PacketBox box(Random r) {
        IntervalSet proto = switch (r.nextInt(3)) {
            case 0 -> Protocols.TCP_SET;
            case 1 -> Protocols.UDP_SET;
            default -> Protocols.TCP_UDP;
        };
        int s1 = r.nextInt(ADDRESSES), s2 = r.nextInt(ADDRESSES), d1 = r.nextInt(ADDRESSES), d2 = r.nextInt(ADDRESSES);
        return new PacketBox(proto, addrs(Math.min(s1, s2), Math.max(s1, s2)), addrs(Math.min(d1, d2), Math.max(d1, d2)),
                range(r, SPORTS), range(r, DPORTS));
    }

    private static Policy stage(Random r, Hook hook, boolean nat, int n) {
        List<Rule> rules = new ArrayList<>();
        int k = 1 + r.nextInt(5);
        for (int i = 0; i < k; i++) {
            PacketSet m = PacketSet.of(box(r));
            Set<String> from = r.nextInt(6) == 0 ? Set.of(r.nextBoolean() ? A : "!" + A) : Set.of();
            Action action = nat || r.nextBoolean() ? Action.PERMIT : Action.DENY;
            Rule rule = new Rule(i + 1, null, action, m, from, Set.of(), SourceRef.line("t", i + 1, "r" + i));
            if (nat && r.nextInt(3) > 0) {
                int kind = r.nextInt(6);
                Translation t = kind == 0 ? new Translation(null, r.nextBoolean() ? IntervalSet.point(r.nextInt(DPORTS)) : null, true)
                        : new Translation(kind <= 3 ? single(r.nextInt(ADDRESSES)) : null,
                        kind >= 3 ? IntervalSet.point(r.nextInt(DPORTS)) : null, false);
                if (t.destination() != null || t.destinationPort() != null || t.toHost()) rule = rule.withTranslation(t);
            }
            rules.add(rule);
        }
        Action def = nat || r.nextInt(3) > 0 ? Action.PERMIT : Action.DENY;
        return new Policy("p" + n, PolicyKind.FIRST_MATCH, null, def, rules, null, PacketSet.ALL, hook);
    }

    private static IntervalSet single(int i) {
        return addrs(i, i);
    }

    private static ImportResult firewall(Random r) {
        List<Policy> ps = new ArrayList<>();
        Hook[] hooks = Hook.values();
        int n = 2 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            Hook h = hooks[1 + r.nextInt(hooks.length - 1)];
            boolean nat = (h == Hook.PREROUTING || h == Hook.OUTPUT) && r.nextBoolean();
            ps.add(stage(r, h, nat, i));
        }
        return new ImportResult("t", "test", ps, List.of(), List.of(), new LineCounts(0, 0, 0, 0, 0), Action.PERMIT);
    }

    /** What one packet meets and becomes; null when it is dropped (or does not reach {@code out}). */
    private static Packet walk(ImportResult fw, Packet p, String in, String out) {
        Packet cur = p;
        for (Policy pol : fw.policies()) {
            if (!pol.appliesTo(in, out)) continue;
            Rule hit = null;
            for (Rule rule : pol.rules()) {
                if (rule.appliesBetween(in, out) && rule.match().contains(cur)) {
                    hit = rule;
                    break;
                }
            }
            Action a = hit == null ? pol.defaultAction() : hit.action();
            if (a == Action.DENY) return null;
            Translation t = hit == null ? null : hit.translation();
            if (t == null) continue;
            boolean toHost = Hook.HOST.equals(out);
            if (t.toHost() && !toHost) return null;
            if (!t.toHost() && toHost && t.destination() != null) return null;
            cur = new Packet(cur.protocol(), cur.source(), cur.sourcePort(),
                    t.destination() != null ? t.destination().first() : cur.destination(),
                    t.destinationPort() != null ? (int) t.destinationPort().startLong(0) : cur.destinationPort());
        }
        return cur;
    }

    @RepeatedTest(300)
    void walkingThePathIsWhatEachPacketMeets(RepetitionInfo info) {
        Random r = new Random(7919L * info.getCurrentRepetition());
        ImportResult fw = firewall(r);
        String[][] paths = {{A, B}, {A, Hook.HOST}, {Hook.HOST, B}};
        String[] path = paths[r.nextInt(paths.length)];
        PacketSet query = PacketSet.of(box(r)).union(PacketSet.of(box(r)));
        Evaluation e = PolicyEvaluator.evaluate(fw, query, path[0], path[1]);
        for (PacketBox b : query.boxes()) {
            for (long proto : new long[] {Protocols.TCP, Protocols.UDP}) {
                if (!b.protocols().contains(proto)) continue;
                for (int s = 0; s < ADDRESSES; s++) for (int d = 0; d < ADDRESSES; d++) for (int sp = 0; sp < SPORTS; sp++) {
                    for (int dp = 0; dp < DPORTS; dp++) {
                        Packet p = new Packet((int) proto, BASE.add(BigInteger.valueOf(s)), sp, BASE.add(BigInteger.valueOf(d)), dp);
                        if (!b.contains(p)) continue;
                        Packet end = walk(fw, p, path[0], path[1]);
                        String where = p + " on " + path[0] + "->" + path[1] + " through " + fw.policies();
                        assertEquals(end != null, e.permitted().contains(p), "permitted: " + where);
                        assertEquals(end == null, e.denied().contains(p), "denied: " + where);
                        if (end != null) {
                            PacketSet img = e.image(onePacket(p));
                            assertEquals(onePacket(end), img, "image: " + where);
                        }
                    }
                }
            }
        }
    }

    private static PacketSet onePacket(Packet p) {
        return PacketSet.of(new PacketBox(IntervalSet.point(p.protocol()), IntervalSet.of(p.source(), p.source()),
                IntervalSet.of(p.destination(), p.destination()), IntervalSet.point(p.sourcePort()), IntervalSet.point(p.destinationPort())));
    }
}
