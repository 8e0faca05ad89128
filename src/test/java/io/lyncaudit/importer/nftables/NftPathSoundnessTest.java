package io.lyncaudit.importer.nftables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Uncertainty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soundness of the whole packet path: random rulesets of a prerouting filter chain, two nat
 * chains on prerouting (dnat, accept, drop), a forward chain with a regular chain (jump, goto,
 * return) and a later forward chain, written in random order with random priorities, some rules
 * matching {@code meta mark} (not modelled). An oracle walks the chains as the kernel does: the
 * filter chains of a hook in priority order, each of which must accept; the nat chains of a hook
 * in their priority order until one translates; every later chain seeing the translated
 * destination. Whenever {@link Uncertainty} calls the evaluator's answer certain, it must be the oracle's.
 */
class NftPathSoundnessTest {
    static final long SEED = 20261207L;
    static final int RULESETS = 400;
    static final int PACKETS = 40;
    static final int[] PORTS = {53, 443, 3478, 5061};
    static final String[] IFACES = {"eth0", "eth1"};

    @TempDir
    Path tmp;

    /** One rule: protocol (0 any), destinations 10.0.0.dLo-dHi (dLo -1: any), port (0 any), interface, verdict and its argument, mark flaw. */
    record R(int id, int proto, int dLo, int dHi, int port, String iface, String verdict, int arg, boolean mark) {}

    /** A chain: its rules, priority and policy (regular chains: priority and policy unused). */
    record C(String name, List<R> rules, int prio, boolean drop) {}

    @Test
    void aDecisionCalledCertainIsWhatTheKernelDoesOnTheWholePath() throws Exception {
        Random rnd = new Random(SEED);
        int certain = 0, total = 0, id = 0;
        for (int t = 0; t < RULESETS; t++) {
            C pre = new C("pre", rules(rnd, "filter", id), -150 + rnd.nextInt(3) * 100, rnd.nextInt(4) == 0);
            id += 100;
            C nat1 = new C("nat1", rules(rnd, "nat", id), -100, rnd.nextInt(6) == 0);
            id += 100;
            C nat2 = new C("nat2", rules(rnd, "nat", id), -100 + 1 + rnd.nextInt(20), false);
            id += 100;
            C fwd = new C("fwd", rules(rnd, "fwd", id), 0, rnd.nextBoolean());
            id += 100;
            C sub = new C("sub", rules(rnd, "sub", id), 0, false);
            id += 100;
            C late = new C("late", rules(rnd, "filter", id), rnd.nextInt(3) * 10 - 10, rnd.nextInt(3) == 0);
            id += 100;
            List<C> order = new ArrayList<>(List.of(pre, nat1, nat2, fwd, sub, late));
            java.util.Collections.shuffle(order, rnd);
            String text = render(order);
            ImportResult r = Nft.load(tmp, "p" + t + ".nft", text);
            Uncertainty u = new Uncertainty(r);
            for (int k = 0; k < PACKETS; k++) {
                int proto = rnd.nextBoolean() ? Protocols.TCP : Protocols.UDP;
                int d = rnd.nextInt(6);
                int port = PORTS[rnd.nextInt(PORTS.length)];
                String in = IFACES[rnd.nextInt(2)];
                Map<Integer, Boolean> truth = new HashMap<>();
                Random bits = new Random(rnd.nextLong());
                Action want = kernel(pre, nat1, nat2, fwd, sub, late, proto, d, port, in, truth, bits);
                PacketSet q = PacketSet.of(new PacketBox(IntervalSet.point(proto), Addresses.parse("192.0.2.1"),
                        Addresses.parse("10.0.0." + d), IntervalSet.point(50123), IntervalSet.point(port)));
                Evaluation e = PolicyEvaluator.evaluate(r, q, in, "eth2");
                Action got = e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
                total++;
                if (u.of(e.decisions()) != null) continue;
                certain++;
                int dd = d, pp = port;
                assertEquals(want, got, () -> "packet " + proto + " to 10.0.0." + dd + ":" + pp + " from " + in + " is called certain; truths "
                        + truth + " for\n" + text + "\n" + r.policies());
            }
        }
        assertTrue(certain > total / 3, certain + " certain of " + total);
    }

    static List<R> rules(Random rnd, String kind, int base) {
        List<R> out = new ArrayList<>();
        int n = rnd.nextInt(kind.equals("fwd") ? 6 : 4);
        for (int i = 0; i < n; i++) {
            int proto = new int[] {0, Protocols.TCP, Protocols.TCP, Protocols.UDP}[rnd.nextInt(4)];
            int port = proto != 0 && rnd.nextBoolean() ? PORTS[rnd.nextInt(PORTS.length)] : 0;
            int dLo = -1, dHi = -1;
            if (rnd.nextInt(3) > 0) {
                int a = rnd.nextInt(6), b = rnd.nextInt(6);
                dLo = Math.min(a, b);
                dHi = Math.max(a, b);
            }
            String iface = rnd.nextInt(3) == 0 ? IFACES[rnd.nextInt(2)] : null;
            String[] verdicts = switch (kind) {
                case "nat" -> new String[] {"dnat", "dnat", "dnat", "accept", "drop", "continue"};
                case "fwd" -> new String[] {"accept", "accept", "drop", "continue", "jump", "goto", "return"};
                case "sub" -> new String[] {"accept", "drop", "return", "continue"};
                default -> new String[] {"accept", "drop", "drop", "continue"};
            };
            String v = verdicts[rnd.nextInt(verdicts.length)];
            int arg = v.equals("dnat") ? rnd.nextInt(6) : -1;
            boolean mark = rnd.nextInt(8) == 0;
            out.add(new R(base + i, proto, dLo, dHi, port, iface, v, arg, mark));
        }
        return out;
    }

    static String render(List<C> chains) {
        StringBuilder f = new StringBuilder("table inet f {\n");
        StringBuilder n = new StringBuilder("table ip nat {\n");
        for (C c : chains) {
            boolean nat = c.name.startsWith("nat");
            StringBuilder b = nat ? n : f;
            b.append("\tchain ").append(c.name).append(" {\n");
            String hook = switch (c.name) {
                case "pre" -> "filter hook prerouting";
                case "nat1", "nat2" -> "nat hook prerouting";
                case "fwd", "late" -> "filter hook forward";
                default -> null;
            };
            if (hook != null) {
                b.append("\t\ttype ").append(hook).append(" priority ").append(c.prio).append("; policy ").append(c.drop ? "drop" : "accept")
                        .append(";\n");
            }
            for (R r : c.rules) {
                StringBuilder l = new StringBuilder("\t\t");
                if (r.iface != null) l.append("iifname \"").append(r.iface).append("\" ");
                if (r.dLo >= 0) l.append("ip daddr 10.0.0.").append(r.dLo).append(r.dHi != r.dLo ? "-10.0.0." + r.dHi : "").append(' ');
                String l4 = r.proto == Protocols.TCP ? "tcp" : "udp";
                if (r.port != 0) l.append(l4).append(" dport ").append(r.port).append(' ');
                else if (r.proto != 0) l.append("meta l4proto ").append(l4).append(' ');
                if (r.mark) l.append("meta mark 0x1 ");
                l.append(switch (r.verdict) {
                    case "dnat" -> "dnat to 10.0.0." + r.arg;
                    case "continue" -> "counter";
                    case "jump", "goto" -> r.verdict + " sub";
                    default -> r.verdict;
                });
                b.append(l).append('\n');
            }
            b.append("\t}\n");
        }
        return f.append("}\n").toString() + n.append("}\n");
    }

    /** Whether rule r meets the packet; a marked rule by the packet's (random, per rule) mark. */
    static boolean matches(R r, int proto, int d, int port, String in, Map<Integer, Boolean> truth, Random bits) {
        if (r.proto != 0 && r.proto != proto) return false;
        if (r.dLo >= 0 && (d < r.dLo || d > r.dHi)) return false;
        if (r.port != 0 && r.port != port) return false;
        if (r.iface != null && !r.iface.equals(in)) return false;
        return !r.mark || truth.computeIfAbsent(r.id, x -> bits.nextBoolean());
    }

    /** What the kernel does with the packet on the forward path. */
    static Action kernel(C pre, C nat1, C nat2, C fwd, C sub, C late, int proto, int d, int port, String in,
                         Map<Integer, Boolean> truth, Random bits) {
        // prerouting: the filter chain and the nat chains (run together at dstnat, -100) in priority order
        List<C> prerouting = new ArrayList<>(List.of(pre, nat1, nat2));
        prerouting.sort(java.util.Comparator.comparingInt(C::prio));
        int dst = d;
        boolean translated = false;
        for (C c : prerouting) {
            if (c.name.startsWith("nat")) {
                if (translated) continue;
                String v = walkNat(c, proto, dst, port, in, truth, bits);
                if (v.equals("drop")) return Action.DENY;
                if (v.startsWith("dnat")) {
                    dst = Integer.parseInt(v.substring(4));
                    translated = true;
                }
            } else {
                if (walk(c, null, proto, dst, port, in, truth, bits) == Action.DENY) return Action.DENY;
            }
        }
        for (C c : fwd.prio <= late.prio ? List.of(fwd, late) : List.of(late, fwd)) {
            if (walk(c, sub, proto, dst, port, in, truth, bits) == Action.DENY) return Action.DENY;
        }
        return Action.PERMIT;
    }

    /** A nat chain: "drop", "dnatN", or "accept" (end of chain or accept: the next nat chain runs). */
    static String walkNat(C c, int proto, int d, int port, String in, Map<Integer, Boolean> truth, Random bits) {
        for (R r : c.rules) {
            if (!matches(r, proto, d, port, in, truth, bits)) continue;
            switch (r.verdict) {
                case "accept" -> { return "accept"; }
                case "drop" -> { return "drop"; }
                case "dnat" -> { return "dnat" + r.arg; }
                default -> { }
            }
        }
        return c.drop ? "drop" : "accept";
    }

    /** A filter base chain with its regular chain: the verdict of the chain (its policy when nothing decides). */
    static Action walk(C c, C sub, int proto, int d, int port, String in, Map<Integer, Boolean> truth, Random bits) {
        Action a = walkRules(c.rules, sub, proto, d, port, in, truth, bits);
        return a != null ? a : c.drop ? Action.DENY : Action.PERMIT;
    }

    /** null: falls off the end or returns. */
    static Action walkRules(List<R> rules, C sub, int proto, int d, int port, String in, Map<Integer, Boolean> truth, Random bits) {
        for (R r : rules) {
            if (!matches(r, proto, d, port, in, truth, bits)) continue;
            switch (r.verdict) {
                case "accept" -> { return Action.PERMIT; }
                case "drop" -> { return Action.DENY; }
                case "return" -> { return null; }
                case "jump", "goto" -> {
                    Action a = walkRules(sub.rules, null, proto, d, port, in, truth, bits);
                    if (a != null || r.verdict.equals("goto")) return a;
                }
                default -> { }
            }
        }
        return null;
    }
}
