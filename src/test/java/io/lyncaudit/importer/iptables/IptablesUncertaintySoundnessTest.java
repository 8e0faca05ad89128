package io.lyncaudit.importer.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Packet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Decision;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
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
 * Soundness of the uncertainty marks across jumps, gotos and RETURNs: random rule sets (FORWARD
 * and two user chains) where some rules carry a condition the importer does not model
 * ({@code -m mark}), cannot be read ({@code --frob}) or name a negated interface, and RETURNs
 * inside user chains may be limited to an interface. The oracle walks the chains like the kernel,
 * with a random truth for every unmodelled condition and unreadable rule per packet; whenever
 * {@link Uncertainty} calls the imported decision certain, it must be the oracle's.
 */
class IptablesUncertaintySoundnessTest {
    static final long SEED = 20261125L;
    static final int RULESETS = 1000;
    static final int PACKETS = 80;
    static final int TCP = Protocols.TCP, UDP = Protocols.UDP;
    static final int[] PORTS = {53, 443, 3478, 5061};
    static final String[] CHAINS = {"FORWARD", "U1", "U2"};
    static final String[] IFACES = {"eth0", "eth1"};

    @TempDir
    Path tmp;

    /** How a rule departs from what the importer models exactly. */
    enum Flaw { NONE, MARK, UNREADABLE, NOT_IFACE }

    /** dLo..dHi: destination last octets (dLo < 0: any); port 0: none; iface null: any. */
    record R(int id, int proto, int dLo, int dHi, int port, String iface, String target, boolean isGoto, Flaw flaw) {}

    @Test
    void aDecisionCalledCertainIsWhatTheKernelDoesWhateverTheUnmodelledConditionsAre() throws Exception {
        Random rnd = new Random(SEED);
        int certain = 0, total = 0;
        for (int t = 0; t < RULESETS; t++) {
            List<List<R>> chains = new ArrayList<>();
            int id = 0;
            // every third rule set has no unmodelled match at all: interface conditions alone are then at work
            boolean interfacesOnly = t % 3 == 0;
            for (int c = 0; c < CHAINS.length; c++) {
                List<R> rules = new ArrayList<>();
                int n = rnd.nextInt(c == 0 ? 6 : 5);
                for (int i = 0; i < n; i++) rules.add(rule(rnd, c, id++, interfacesOnly));
                chains.add(rules);
            }
            boolean dropPolicy = rnd.nextBoolean();
            String text = render(chains, dropPolicy);
            ImportResult r = Iptables.load(tmp, "s" + t + ".rules", text);
            Policy forward = Iptables.policy(r, "FORWARD");
            Uncertainty u = new Uncertainty(r);
            for (int k = 0; k < PACKETS; k++) {
                int proto = rnd.nextBoolean() ? TCP : UDP;
                int d = rnd.nextInt(6);
                int port = PORTS[rnd.nextInt(PORTS.length)];
                String in = IFACES[rnd.nextInt(2)];
                Packet pk = new Packet(proto, IptablesDifferentialTest.addr(1), 50123, IptablesDifferentialTest.addr(d), port);
                // what the device really does with this packet: one truth per unmodelled rule
                Map<Integer, Boolean> truth = new HashMap<>();
                Random bits = new Random(rnd.nextLong());
                Action expected = walk(chains, 0, proto, d, port, in, truth, bits);
                if (expected == null) expected = dropPolicy ? Action.DENY : Action.PERMIT;
                Evaluation e = PolicyEvaluator.evaluate(forward, Iptables.only(pk), in, null);
                boolean sure = true;
                for (Decision dec : e.decisions()) sure &= u.of(dec) == null;
                total++;
                if (!sure) continue;
                certain++;
                Action got = e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
                Action want = expected;
                assertEquals(want, got, () -> "packet " + pk + " in " + in + " is called certain, but the kernel may decide "
                        + want + "; truths " + truth + " for\n" + text + "\n" + forward.rules());
            }
        }
        // not vacuous: most decisions stay certain
        assertTrue(certain > total / 3, certain + " certain of " + total);
    }

    static R rule(Random rnd, int chain, int id, boolean interfacesOnly) {
        // user chains get broader rules, so that what their returns let through meets a later rule more often
        int proto = new int[] {0, TCP, TCP, UDP}[rnd.nextInt(4)];
        int port = proto != 0 && rnd.nextInt(chain > 0 ? 4 : 2) == 0 ? PORTS[rnd.nextInt(PORTS.length)] : 0;
        int dLo = -1, dHi = -1;
        if (rnd.nextInt(3) > (chain > 0 ? 1 : 0)) {
            int a = rnd.nextInt(6), b = rnd.nextInt(6);
            dLo = Math.min(a, b);
            dHi = Math.max(a, b);
        }
        String[] targets = {"ACCEPT", "ACCEPT", "DROP", "LOG", "RETURN", "RETURN", "JUMP", "JUMP", "GOTO"};
        String target = targets[rnd.nextInt(targets.length)];
        boolean isGoto = false;
        if (target.equals("JUMP") || target.equals("GOTO")) {
            if (chain == CHAINS.length - 1) {
                target = "DROP";
            } else {
                isGoto = target.equals("GOTO");
                target = CHAINS[chain + 1 + rnd.nextInt(CHAINS.length - 1 - chain)];
            }
        }
        // interface-limited returns inside user chains are the interesting (unmodelled) case: make them common
        boolean userReturn = chain > 0 && (target.equals("RETURN") || isGoto);
        String iface = rnd.nextInt(userReturn ? 2 : 3) == 0 ? IFACES[rnd.nextInt(2)] : null;
        // flaws are kept rare: a rule set full of them has few certain decisions left to check
        Flaw flaw = switch (rnd.nextInt(14)) {
            case 0, 1 -> interfacesOnly ? Flaw.NONE : Flaw.MARK;
            case 2 -> interfacesOnly ? Flaw.NONE : Flaw.UNREADABLE;
            case 3, 4 -> iface != null ? Flaw.NOT_IFACE : Flaw.NONE;
            default -> Flaw.NONE;
        };
        return new R(id, proto, dLo, dHi, port, iface, target, isGoto, flaw);
    }

    static boolean written(R r, int proto, int d, int port, String in) {
        if (r.proto != 0 && r.proto != proto) return false;
        if (r.dLo >= 0 && (d < r.dLo || d > r.dHi)) return false;
        if (r.port != 0 && r.port != port) return false;
        if (r.iface != null && (r.iface.equals(in) == (r.flaw == Flaw.NOT_IFACE))) return false;
        return true;
    }

    static boolean matches(R r, int proto, int d, int port, String in, Map<Integer, Boolean> truth, Random bits) {
        return switch (r.flaw) {
            case MARK -> written(r, proto, d, port, in) && truth.computeIfAbsent(r.id, x -> bits.nextBoolean());
            case UNREADABLE -> truth.computeIfAbsent(r.id, x -> bits.nextBoolean()); // whatever the device makes of it
            default -> written(r, proto, d, port, in);
        };
    }

    /** The kernel's verdict walking chain {@code c}; null when the packet returns (or falls off the end). */
    static Action walk(List<List<R>> chains, int c, int proto, int d, int port, String in, Map<Integer, Boolean> truth, Random bits) {
        for (R r : chains.get(c)) {
            if (!matches(r, proto, d, port, in, truth, bits)) continue;
            switch (r.target) {
                case "ACCEPT" -> { return Action.PERMIT; }
                case "DROP" -> { return Action.DENY; }
                case "RETURN" -> { return null; }
                case "LOG" -> { }
                default -> {
                    Action v = walk(chains, List.of(CHAINS).indexOf(r.target), proto, d, port, in, truth, bits);
                    if (v != null || r.isGoto) return v;
                }
            }
        }
        return null;
    }

    static String render(List<List<R>> chains, boolean dropPolicy) {
        StringBuilder b = new StringBuilder("# Generated by iptables-save v1.8.7\n*filter\n:INPUT ACCEPT [0:0]\n");
        b.append(":FORWARD ").append(dropPolicy ? "DROP" : "ACCEPT").append(" [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int c = 1; c < CHAINS.length; c++) b.append(':').append(CHAINS[c]).append(" - [0:0]\n");
        for (int c = 0; c < CHAINS.length; c++) {
            for (R r : chains.get(c)) {
                b.append("-A ").append(CHAINS[c]);
                // first, so that it is no match module's option: the rule cannot be read at all
                if (r.flaw == Flaw.UNREADABLE) b.append(" --frob 1");
                if (r.dLo >= 0) b.append(" -m iprange --dst-range 10.0.0.").append(r.dLo).append("-10.0.0.").append(r.dHi);
                if (r.iface != null) b.append(r.flaw == Flaw.NOT_IFACE ? " ! -i " : " -i ").append(r.iface);
                if (r.proto != 0) b.append(" -p ").append(r.proto == TCP ? "tcp" : "udp");
                if (r.port != 0) b.append(" --dport ").append(r.port);
                if (r.flaw == Flaw.MARK) b.append(" -m mark --mark 0x1");
                b.append(r.isGoto ? " -g " : " -j ").append(r.target).append('\n');
            }
        }
        return b.append("COMMIT\n").toString();
    }
}
