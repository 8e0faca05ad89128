package io.lyncaudit.importer.nftables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.model.Addresses;
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
 * Soundness of the uncertainty marks across jump, goto, return and verdict maps: random rulesets
 * (a forward base chain and two regular chains) where some rules match {@code meta mark} (not
 * modelled), cannot be read (an unknown statement: only the verdict is kept), negate an interface,
 * or map {@code meta mark} to verdicts, and returns inside regular chains may be limited to an
 * interface. The oracle walks the chains with a random truth for every unmodelled condition per
 * packet; a decision {@link Uncertainty} calls certain must be the oracle's.
 */
class NftUncertaintySoundnessTest {
    static final long SEED = 20261126L;
    static final int RULESETS = 1000;
    static final int PACKETS = 60;
    static final int TCP = Protocols.TCP, UDP = Protocols.UDP;
    static final int[] PORTS = {53, 443, 3478, 5061};
    static final String[] CHAINS = {"forward", "u1", "u2"};
    static final String[] IFACES = {"eth0", "eth1"};

    @TempDir
    Path tmp;

    /** How a rule departs from what the importer models exactly. */
    enum Flaw { NONE, MARK, UNREADABLE, NOT_IFACE, MARK_VMAP }

    /** dLo < 0: any destination; port 0: none; verdict "counter": none. */
    record R(int id, int proto, int dLo, int dHi, int port, String iface, String verdict, String target, Flaw flaw) {}

    @Test
    void aDecisionCalledCertainIsWhatTheKernelDoesWhateverTheUnmodelledConditionsAre() throws Exception {
        Random rnd = new Random(SEED);
        int certain = 0, total = 0;
        for (int t = 0; t < RULESETS; t++) {
            boolean interfacesOnly = t % 3 == 0;
            List<List<R>> chains = new ArrayList<>();
            int id = 0;
            for (int c = 0; c < CHAINS.length; c++) {
                List<R> rules = new ArrayList<>();
                int n = rnd.nextInt(c == 0 ? 6 : 5);
                for (int i = 0; i < n; i++) rules.add(rule(rnd, c, id++, interfacesOnly));
                chains.add(rules);
            }
            boolean drop = rnd.nextBoolean();
            String text = render(chains, drop);
            ImportResult r = Nft.load(tmp, "s" + t + ".nft", text);
            Policy forward = Nft.policy(r, "ip filter forward");
            Uncertainty u = new Uncertainty(r);
            for (int k = 0; k < PACKETS; k++) {
                int proto = rnd.nextBoolean() ? TCP : UDP;
                int d = rnd.nextInt(6);
                int port = PORTS[rnd.nextInt(PORTS.length)];
                String in = IFACES[rnd.nextInt(2)];
                Packet pk = new Packet(proto, Addresses.parse("10.0.0.1").first(), 50123, Addresses.parse("10.0.0." + d).first(), port);
                Map<Integer, Integer> truth = new HashMap<>();
                Random bits = new Random(rnd.nextLong());
                Action expected = walk(chains, 0, proto, d, port, in, truth, bits);
                if (expected == null) expected = drop ? Action.DENY : Action.PERMIT;
                Evaluation e = PolicyEvaluator.evaluate(forward, Nft.only(pk), in, null);
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
        assertTrue(certain > total / 3, certain + " certain of " + total);
    }

    static R rule(Random rnd, int chain, int id, boolean interfacesOnly) {
        int proto = new int[] {0, TCP, TCP, UDP}[rnd.nextInt(4)];
        int port = proto != 0 && rnd.nextInt(chain > 0 ? 4 : 2) == 0 ? PORTS[rnd.nextInt(PORTS.length)] : 0;
        int dLo = -1, dHi = -1;
        if (rnd.nextInt(3) > (chain > 0 ? 1 : 0)) {
            int a = rnd.nextInt(6), b = rnd.nextInt(6);
            dLo = Math.min(a, b);
            dHi = Math.max(a, b);
        }
        String[] verdicts = {"accept", "accept", "drop", "counter", "return", "return", "jump", "jump", "goto"};
        String v = verdicts[rnd.nextInt(verdicts.length)];
        String target = null;
        if (v.equals("jump") || v.equals("goto")) {
            if (chain == CHAINS.length - 1) v = "drop";
            else target = CHAINS[chain + 1 + rnd.nextInt(CHAINS.length - 1 - chain)];
        }
        boolean userReturn = chain > 0 && (v.equals("return") || v.equals("goto"));
        String iface = rnd.nextInt(userReturn ? 2 : 3) == 0 ? IFACES[rnd.nextInt(2)] : null;
        Flaw flaw = switch (rnd.nextInt(16)) {
            case 0, 1 -> interfacesOnly ? Flaw.NONE : Flaw.MARK;
            case 2 -> interfacesOnly || v.equals("counter") ? Flaw.NONE : Flaw.UNREADABLE;
            case 3 -> interfacesOnly ? Flaw.NONE : Flaw.MARK_VMAP;
            case 4, 5 -> iface != null ? Flaw.NOT_IFACE : Flaw.NONE;
            default -> Flaw.NONE;
        };
        return new R(id, proto, dLo, dHi, port, iface, v, target, flaw);
    }

    static boolean written(R r, int proto, int d, int port, String in) {
        if (r.proto != 0 && r.proto != proto) return false;
        if (r.dLo >= 0 && (d < r.dLo || d > r.dHi)) return false;
        if (r.port != 0 && r.port != port) return false;
        return r.iface == null || r.iface.equals(in) != (r.flaw == Flaw.NOT_IFACE);
    }

    /** The verdict the kernel takes at this rule, or null when it does not match; a map on the mark picks by the packet's mark. */
    static String verdict(R r, int proto, int d, int port, String in, Map<Integer, Integer> truth, Random bits) {
        return switch (r.flaw) {
            case MARK -> written(r, proto, d, port, in) && truth.computeIfAbsent(r.id, x -> bits.nextInt(2)) == 1 ? r.verdict : null;
            case UNREADABLE -> truth.computeIfAbsent(r.id, x -> bits.nextInt(2)) == 1 ? r.verdict : null;
            case MARK_VMAP -> {
                if (!written(r, proto, d, port, in)) yield null;
                int mark = truth.computeIfAbsent(r.id, x -> bits.nextInt(3));
                yield mark == 1 ? "accept" : mark == 2 ? "drop" : null;
            }
            default -> written(r, proto, d, port, in) ? r.verdict : null;
        };
    }

    static Action walk(List<List<R>> chains, int c, int proto, int d, int port, String in, Map<Integer, Integer> truth, Random bits) {
        for (R r : chains.get(c)) {
            String v = verdict(r, proto, d, port, in, truth, bits);
            if (v == null) continue;
            switch (v) {
                case "accept" -> { return Action.PERMIT; }
                case "drop" -> { return Action.DENY; }
                case "return" -> { return null; }
                case "counter" -> { }
                default -> {
                    Action a = walk(chains, List.of(CHAINS).indexOf(r.target), proto, d, port, in, truth, bits);
                    if (a != null || v.equals("goto")) return a;
                }
            }
        }
        return null;
    }

    static String render(List<List<R>> chains, boolean drop) {
        StringBuilder b = new StringBuilder("table ip filter {\n");
        for (int c = 0; c < CHAINS.length; c++) {
            b.append("\tchain ").append(CHAINS[c]).append(" {\n");
            if (c == 0) b.append("\t\ttype filter hook forward priority filter; policy ").append(drop ? "drop" : "accept").append(";\n");
            for (R r : chains.get(c)) {
                StringBuilder l = new StringBuilder("\t\t");
                if (r.flaw == Flaw.UNREADABLE) l.append("frob 1 ");
                if (r.iface != null) l.append("iifname ").append(r.flaw == Flaw.NOT_IFACE ? "!= " : "").append('"').append(r.iface).append("\" ");
                if (r.dLo >= 0) l.append("ip daddr 10.0.0.").append(r.dLo).append(r.dHi != r.dLo ? "-10.0.0." + r.dHi : "").append(' ');
                String l4 = r.proto == TCP ? "tcp" : "udp";
                if (r.port != 0) l.append(l4).append(" dport ").append(r.port).append(' ');
                else if (r.proto != 0) l.append("meta l4proto ").append(l4).append(' ');
                if (r.flaw == Flaw.MARK) l.append("meta mark 0x00000001 ");
                if (r.flaw == Flaw.MARK_VMAP) {
                    l.append("meta mark vmap { 0x00000001 : accept, 0x00000002 : drop }");
                } else {
                    l.append(r.verdict.equals("counter") ? "counter packets 0 bytes 0" : r.verdict).append(r.target != null ? " " + r.target : "");
                }
                b.append(l).append('\n');
            }
            b.append("\t}\n\n");
        }
        return b.append("}\n").toString();
    }
}
