package io.lyncaudit.importer.iptables;

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
 * Differential test: random small rule sets (FORWARD and two user chains, jumps only downwards,
 * RETURN, goto, LOG, negation, ranges, multiport, state) are generated as data, rendered as
 * iptables-save text, imported, and evaluated packet by packet with the one evaluator. The oracle
 * walks the generated chains directly, with a call stack, for a new connection; it shares no code
 * with the importer.
 */
class IptablesDifferentialTest {

    static final long SEED = 20261124L;
    static final int RULESETS = 300;
    static final int PACKETS = 60;
    static final int TCP = Protocols.TCP, UDP = Protocols.UDP, ICMP = Protocols.ICMP;
    static final int[] PORTS = {53, 442, 443, 444, 3478, 5060, 5061, 5062, 50000, 59999, 60000};
    static final String[] CHAINS = {"FORWARD", "U1", "U2"};
    static final String[] IFACES = {"eth0", "eth1"};

    @TempDir
    Path tmp;

    /** Last-octet range over 10.0.0.0-10.0.0.9, optionally negated; lo < 0 means no condition. */
    record Addr(int lo, int hi, boolean neg) {
        boolean test(int o) {
            return lo < 0 || ((o >= lo && o <= hi) != neg);
        }
    }

    /** proto: 0 none, else number; negProto only without ports. ports: null none, else list of lo..hi pairs. */
    record R(int proto, boolean negProto, Addr src, Addr dst, int[] ports, boolean negPorts, boolean multi, String state,
             String iface, String target, boolean isGoto) {}

    @Test
    void importedPolicyDecidesLikeAWalkOfTheChains() throws Exception {
        Random rnd = new Random(SEED);
        for (int t = 0; t < RULESETS; t++) {
            List<List<R>> chains = new ArrayList<>();
            for (int c = 0; c < CHAINS.length; c++) {
                List<R> rules = new ArrayList<>();
                int n = rnd.nextInt(c == 0 ? 7 : 5);
                for (int i = 0; i < n; i++) rules.add(rule(rnd, c));
                chains.add(rules);
            }
            boolean dropPolicy = rnd.nextBoolean();
            String text = render(chains, dropPolicy, rnd);
            ImportResult r = Iptables.load(tmp, "t" + t + ".rules", text);
            for (int k = 0; k < PACKETS; k++) {
                int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                int s = rnd.nextInt(10), d = rnd.nextInt(10);
                int port = PORTS[rnd.nextInt(PORTS.length)];
                String in = IFACES[rnd.nextInt(2)];
                Packet pk = new Packet(proto, addr(s), 50123, addr(d), proto == ICMP ? 0 : port);
                Action expected = walk(chains, 0, proto, s, d, port, in, 0);
                if (expected == null) expected = dropPolicy ? Action.DENY : Action.PERMIT;
                Action got = Iptables.decide(Iptables.policy(r, "FORWARD"), pk, in, null);
                assertEquals(expected, got, () -> "packet " + pk + " in " + in + " for\n" + text + "\n" + r.diagnostics());
            }
        }
    }

    static BigInteger addr(int octet) {
        return Addresses.parse("10.0.0." + octet).first();
    }

    static R rule(Random rnd, int chain) {
        int proto = new int[] {0, 0, TCP, TCP, UDP, ICMP}[rnd.nextInt(6)];
        boolean ported = (proto == TCP || proto == UDP) && rnd.nextInt(3) > 0;
        int[] ports = null;
        boolean multi = false;
        if (ported) {
            multi = rnd.nextBoolean();
            int count = multi ? 1 + rnd.nextInt(3) : 1;
            ports = new int[count * 2];
            for (int i = 0; i < count; i++) {
                int a = PORTS[rnd.nextInt(PORTS.length)];
                int b = rnd.nextInt(3) == 0 ? PORTS[rnd.nextInt(PORTS.length)] : a;
                ports[2 * i] = Math.min(a, b);
                ports[2 * i + 1] = Math.max(a, b);
            }
        }
        String[] states = {null, null, null, "NEW", "RELATED,ESTABLISHED", "!INVALID", "!NEW", "NEW,ESTABLISHED"};
        String[] targets = {"ACCEPT", "ACCEPT", "DROP", "REJECT", "LOG", "RETURN", "JUMP", "GOTO"};
        String target = targets[rnd.nextInt(targets.length)];
        boolean isGoto = false;
        if (target.equals("JUMP") || target.equals("GOTO")) {
            if (chain == CHAINS.length - 1) {
                target = "ACCEPT";
            } else {
                isGoto = target.equals("GOTO");
                target = CHAINS[chain + 1 + rnd.nextInt(CHAINS.length - 1 - chain)];
            }
        }
        // an interface condition on a return (RETURN, or goto) inside a user chain is diagnosed as not modelled
        boolean returns = target.equals("RETURN") || isGoto;
        String iface = (chain > 0 && returns) || rnd.nextInt(3) > 0 ? null : IFACES[rnd.nextInt(2)];
        return new R(proto, proto != 0 && !ported && rnd.nextInt(5) == 0, addrSpec(rnd), addrSpec(rnd), ports,
                ported && !multi && rnd.nextInt(4) == 0, multi, states[rnd.nextInt(states.length)], iface, target, isGoto);
    }

    static Addr addrSpec(Random rnd) {
        if (rnd.nextInt(3) == 0) return new Addr(-1, -1, false);
        int a = rnd.nextInt(10), b = rnd.nextInt(10);
        return new Addr(Math.min(a, b), Math.max(a, b), rnd.nextInt(4) == 0);
    }

    static boolean matches(R r, int proto, int s, int d, int port, String in) {
        if (r.proto != 0 && ((proto == r.proto) == r.negProto)) return false;
        if (!r.src.test(s) || !r.dst.test(d)) return false;
        if (r.iface != null && !r.iface.equals(in)) return false;
        if (r.ports != null) {
            boolean hit = false;
            for (int i = 0; i < r.ports.length; i += 2) hit |= port >= r.ports[i] && port <= r.ports[i + 1];
            if (hit == r.negPorts) return false;
        }
        if (r.state != null) {
            boolean neg = r.state.startsWith("!");
            boolean hasNew = List.of(r.state.replace("!", "").split(",")).contains("NEW");
            if (hasNew == neg) return false; // the packets asked about are new connections
        }
        return true;
    }

    /** The verdict of walking chain {@code c}; null when the packet returns (or falls off the end). */
    static Action walk(List<List<R>> chains, int c, int proto, int s, int d, int port, String in, int depth) {
        for (R r : chains.get(c)) {
            if (!matches(r, proto, s, d, port, in)) continue;
            switch (r.target) {
                case "ACCEPT" -> { return Action.PERMIT; }
                case "DROP", "REJECT" -> { return Action.DENY; }
                case "RETURN" -> { return null; }
                case "LOG" -> { }
                default -> {
                    int next = List.of(CHAINS).indexOf(r.target);
                    Action v = walk(chains, next, proto, s, d, port, in, depth + 1);
                    if (v != null || r.isGoto) return v;
                }
            }
        }
        return null;
    }

    static String render(List<List<R>> chains, boolean dropPolicy, Random rnd) {
        StringBuilder b = new StringBuilder("# Generated by iptables-save v1.8.7\n*filter\n:INPUT ACCEPT [0:0]\n");
        b.append(":FORWARD ").append(dropPolicy ? "DROP" : "ACCEPT").append(" [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        for (int c = 1; c < CHAINS.length; c++) b.append(':').append(CHAINS[c]).append(" - [0:0]\n");
        for (int c = 0; c < CHAINS.length; c++) {
            for (R r : chains.get(c)) {
                boolean lng = rnd.nextBoolean();
                b.append("-A ").append(CHAINS[c]);
                if (r.src.lo >= 0) b.append(addr(r.src, lng ? "--source" : "-s", "--src-range", rnd));
                if (r.dst.lo >= 0) b.append(addr(r.dst, lng ? "--destination" : "-d", "--dst-range", rnd));
                if (r.iface != null) b.append(lng ? " --in-interface " : " -i ").append(r.iface);
                if (r.proto != 0) {
                    b.append(r.negProto ? " !" : "").append(lng ? " --protocol " : " -p ")
                            .append(r.proto == TCP ? "tcp" : r.proto == UDP ? "udp" : "icmp");
                }
                if (r.ports != null) {
                    if (r.multi) {
                        b.append(" -m multiport --dports ");
                        for (int i = 0; i < r.ports.length; i += 2) {
                            if (i > 0) b.append(',');
                            b.append(r.ports[i]);
                            if (r.ports[i + 1] != r.ports[i]) b.append(':').append(r.ports[i + 1]);
                        }
                    } else {
                        b.append(" -m ").append(r.proto == TCP ? "tcp" : "udp").append(r.negPorts ? " !" : "").append(" --dport ")
                                .append(r.ports[0]);
                        if (r.ports[1] != r.ports[0]) b.append(':').append(r.ports[1]);
                    }
                }
                if (r.state != null) {
                    boolean ct = rnd.nextBoolean();
                    b.append(ct ? " -m conntrack" : " -m state").append(r.state.startsWith("!") ? " !" : "")
                            .append(ct ? " --ctstate " : " --state ").append(r.state.replace("!", ""));
                }
                if (rnd.nextInt(4) == 0) b.append(" -m comment --comment \"rule ").append(rnd.nextInt(100)).append('"');
                b.append(r.isGoto ? " -g " : lng ? " --jump " : " -j ").append(r.target);
                if (r.target.equals("LOG")) b.append(" --log-prefix \"x: \"");
                b.append('\n');
            }
        }
        return b.append("COMMIT\n").toString();
    }

    static String addr(Addr a, String opt, String rangeOpt, Random rnd) {
        String neg = a.neg ? " !" : "";
        if (a.lo == a.hi) return neg + " " + opt + " 10.0.0." + a.lo + (rnd.nextBoolean() ? "/32" : "");
        return " -m iprange" + neg + " " + rangeOpt + " 10.0.0." + a.lo + "-10.0.0." + a.hi;
    }
}
