package io.lyncaudit.importer.nftables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.Packet;
import io.lyncaudit.model.Protocols;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random small nftables rulesets (a forward base chain and two regular chains,
 * jumps only downwards, anonymous and named sets, negation, ct state, verdict maps, return, goto)
 * are generated as data, rendered as {@code nft list ruleset} text, imported and evaluated packet
 * by packet with the one evaluator; the oracle walks the generated chains directly.
 */
class NftablesDifferentialTest {

    static final long SEED = 20261124L;
    static final int RULESETS = 300;
    static final int PACKETS = 60;
    static final int TCP = Protocols.TCP, UDP = Protocols.UDP, ICMP = Protocols.ICMP;
    static final int[] PORTS = {53, 443, 444, 3478, 5060, 5061, 50000, 59999, 60000};
    static final String[] CHAINS = {"forward", "u1", "u2"};
    static final String[] IFACES = {"eth0", "eth1"};

    @TempDir
    Path tmp;

    /** Octets (of 10.0.0.x) in the set, possibly negated; null = no condition. namedSet: render as @set. */
    record Addr(List<int[]> ranges, boolean neg, boolean named) {
        boolean test(int o) {
            boolean in = false;
            for (int[] r : ranges) in |= o >= r[0] && o <= r[1];
            return in != neg;
        }
    }

    /** vmapPorts/vmapVerdicts: a verdict map on the destination port instead of a plain verdict. */
    record R(int proto, Addr src, Addr dst, List<int[]> ports, boolean negPorts, String state, String iface,
             String verdict, String target, int[] vmapPorts, String[] vmapVerdicts) {}

    @Test
    void importedPolicyDecidesLikeAWalkOfTheChains() throws Exception {
        Random rnd = new Random(SEED);
        for (int t = 0; t < RULESETS; t++) {
            List<List<R>> chains = new ArrayList<>();
            List<String> sets = new ArrayList<>();
            for (int c = 0; c < CHAINS.length; c++) {
                List<R> rules = new ArrayList<>();
                int n = rnd.nextInt(c == 0 ? 7 : 5);
                for (int i = 0; i < n; i++) rules.add(rule(rnd, c));
                chains.add(rules);
            }
            boolean drop = rnd.nextBoolean();
            String text = render(chains, drop, sets);
            ImportResult r = Nft.load(tmp, "t" + t + ".nft", text);
            for (int k = 0; k < PACKETS; k++) {
                int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                int s = rnd.nextInt(10), d = rnd.nextInt(10);
                int port = proto == ICMP ? 0 : PORTS[rnd.nextInt(PORTS.length)];
                String in = IFACES[rnd.nextInt(2)];
                Packet pk = new Packet(proto, addr(s), 50123, addr(d), port);
                Action expected = walk(chains, 0, proto, s, d, port, in);
                if (expected == null) expected = drop ? Action.DENY : Action.PERMIT;
                Action got = Nft.forward(r, proto == TCP ? "tcp" : proto == UDP ? "udp" : "icmp", "10.0.0." + s, "10.0.0." + d, port, in);
                assertEquals(expected, got, () -> "packet " + pk + " in " + in + " for\n" + text + "\n" + r.diagnostics());
            }
        }
    }

    static BigInteger addr(int octet) {
        return Addresses.parse("10.0.0." + octet).first();
    }

    static Addr addrSpec(Random rnd) {
        if (rnd.nextInt(3) == 0) return null;
        List<int[]> rs = new ArrayList<>();
        int n = 1 + rnd.nextInt(2);
        for (int i = 0; i < n; i++) {
            int a = rnd.nextInt(10), b = rnd.nextInt(10);
            rs.add(new int[] {Math.min(a, b), rnd.nextBoolean() ? Math.min(a, b) : Math.max(a, b)});
        }
        return new Addr(rs, rnd.nextInt(4) == 0, rnd.nextInt(3) == 0);
    }

    static R rule(Random rnd, int chain) {
        int proto = new int[] {0, 0, TCP, TCP, UDP, ICMP}[rnd.nextInt(6)];
        List<int[]> ports = null;
        if ((proto == TCP || proto == UDP) && rnd.nextBoolean()) {
            ports = new ArrayList<>();
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) {
                int a = PORTS[rnd.nextInt(PORTS.length)], b = rnd.nextInt(3) == 0 ? PORTS[rnd.nextInt(PORTS.length)] : a;
                ports.add(new int[] {Math.min(a, b), Math.max(a, b)});
            }
        }
        String[] states = {null, null, null, "new", "established,related", "new,established"};
        String[] verdicts = {"accept", "accept", "drop", "reject", "return", "jump", "goto", "vmap"};
        String v = verdicts[rnd.nextInt(verdicts.length)];
        String target = null;
        int[] vp = null;
        String[] vv = null;
        if (v.equals("vmap")) {
            if (proto != TCP && proto != UDP) proto = TCP;
            vp = new int[] {443, 5061, 3478};
            vv = new String[3];
            for (int i = 0; i < 3; i++) vv[i] = new String[] {"accept", "drop", "return"}[rnd.nextInt(chain == 0 ? 2 : 3)];
        }
        if (v.equals("jump") || v.equals("goto")) {
            if (chain == CHAINS.length - 1) v = "accept";
            else target = CHAINS[chain + 1 + rnd.nextInt(CHAINS.length - 1 - chain)];
        }
        boolean returns = v.equals("return") || v.equals("goto") || v.equals("vmap");
        String iface = (chain > 0 && returns) || rnd.nextInt(3) > 0 ? null : IFACES[rnd.nextInt(2)];
        return new R(proto, addrSpec(rnd), addrSpec(rnd), ports, ports != null && ports.size() == 1 && rnd.nextInt(4) == 0,
                states[rnd.nextInt(states.length)], iface, v, target, vp, vv);
    }

    static boolean matches(R r, int proto, int s, int d, int port, String in) {
        if (r.proto != 0 && proto != r.proto) return false;
        if (r.src != null && !r.src.test(s)) return false;
        if (r.dst != null && !r.dst.test(d)) return false;
        if (r.iface != null && !r.iface.equals(in)) return false;
        if (r.ports != null) {
            boolean hit = false;
            for (int[] p : r.ports) hit |= port >= p[0] && port <= p[1];
            if (hit == r.negPorts) return false;
        }
        return r.state == null || List.of(r.state.split(",")).contains("new");
    }

    static Action walk(List<List<R>> chains, int c, int proto, int s, int d, int port, String in) {
        for (R r : chains.get(c)) {
            if (!matches(r, proto, s, d, port, in)) continue;
            String v = r.verdict;
            if (v.equals("vmap")) {
                v = null;
                for (int i = 0; i < r.vmapPorts.length; i++) if (r.vmapPorts[i] == port) v = r.vmapVerdicts[i];
                if (v == null) continue;
            }
            switch (v) {
                case "accept" -> { return Action.PERMIT; }
                case "drop", "reject" -> { return Action.DENY; }
                case "return" -> { return null; }
                default -> {
                    Action a = walk(chains, List.of(CHAINS).indexOf(r.target), proto, s, d, port, in);
                    if (a != null || v.equals("goto")) return a;
                }
            }
        }
        return null;
    }

    static String render(List<List<R>> chains, boolean drop, List<String> sets) {
        StringBuilder body = new StringBuilder();
        StringBuilder setDefs = new StringBuilder();
        int setNo = 0;
        for (int c = 0; c < CHAINS.length; c++) {
            body.append("\tchain ").append(CHAINS[c]).append(" {\n");
            if (c == 0) body.append("\t\ttype filter hook forward priority filter; policy ").append(drop ? "drop" : "accept").append(";\n");
            for (R r : chains.get(c)) {
                StringBuilder l = new StringBuilder("\t\t");
                if (r.iface != null) l.append("iifname \"").append(r.iface).append("\" ");
                for (int k = 0; k < 2; k++) {
                    Addr a = k == 0 ? r.src : r.dst;
                    if (a == null) continue;
                    l.append(k == 0 ? "ip saddr " : "ip daddr ").append(a.neg ? "!= " : "");
                    String elems = addrElems(a);
                    if (a.named) {
                        String name = "s" + (setNo++);
                        setDefs.append("\tset ").append(name).append(" {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = { ")
                                .append(elems).append(" }\n\t}\n\n");
                        l.append('@').append(name).append(' ');
                    } else {
                        l.append(a.ranges.size() > 1 ? "{ " + elems + " } " : elems + " ");
                    }
                }
                String l4 = r.proto == TCP ? "tcp" : "udp";
                if (r.ports != null) {
                    l.append(l4).append(" dport ").append(r.negPorts ? "!= " : "");
                    List<String> ps = new ArrayList<>();
                    for (int[] p : r.ports) ps.add(p[0] == p[1] ? "" + p[0] : p[0] + "-" + p[1]);
                    l.append(ps.size() > 1 ? "{ " + String.join(", ", ps) + " } " : ps.get(0) + " ");
                } else if (r.proto != 0 && !r.verdict.equals("vmap")) {
                    l.append("meta l4proto ").append(r.proto == TCP ? "tcp" : r.proto == UDP ? "udp" : "icmp").append(' ');
                }
                if (r.state != null) l.append("ct state ").append(r.state).append(' ');
                if (r.verdict.equals("vmap")) {
                    l.append(l4).append(" dport vmap { ");
                    for (int i = 0; i < r.vmapPorts.length; i++) {
                        l.append(i > 0 ? ", " : "").append(r.vmapPorts[i]).append(" : ").append(r.vmapVerdicts[i]);
                    }
                    l.append(" }");
                } else {
                    l.append("counter packets 0 bytes 0 ").append(r.verdict).append(r.target != null ? " " + r.target : "");
                }
                body.append(l).append('\n');
            }
            body.append("\t}\n\n");
        }
        return "table ip filter {\n" + setDefs + body + "}\n";
    }

    static String addrElems(Addr a) {
        List<String> out = new ArrayList<>();
        for (int[] r : a.ranges) out.add(r[0] == r[1] ? "10.0.0." + r[0] : "10.0.0." + r[0] + "-10.0.0." + r[1]);
        return String.join(", ", out);
    }
}
