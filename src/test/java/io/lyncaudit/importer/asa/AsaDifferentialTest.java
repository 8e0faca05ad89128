package io.lyncaudit.importer.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random small ASA configs are generated as data (objects, nested groups, port
 * groups, ACL entries with every address and port form, inactive entries, a global ACL or none),
 * rendered as running-config text, imported, and evaluated packet by packet with the one
 * PolicyEvaluator. The oracle reads the generated data directly: interface ACL, then global ACL,
 * then deny; with neither, the security levels. It shares no code with the importer.
 */
class AsaDifferentialTest {
    static final long SEED = 20261124L;
    static final int CONFIGS = 300;
    static final int PACKETS = 60;
    static final int TCP = 6, UDP = 17, ICMP = 1;
    static final int[] PORTS = {22, 53, 80, 443, 1023, 1024, 3478, 5061, 50000, 59999};

    @TempDir
    Path tmp;

    /** Addresses 10.0.0.0-15 as a bit set, and how the config says it. */
    record Addr(BitSet octets, String text) {}

    /** Ports as a predicate, and how the config says it ("" = any). */
    record PortSpec(IntPredicate match, String text) {}

    record Entry(boolean permit, int proto, Addr src, PortSpec sport, Addr dst, PortSpec dport, boolean inactive) {}

    @Test
    void importedConfigsDecideLikeADirectReadingOfTheEntries() throws Exception {
        Random rnd = new Random(SEED);
        int checked = 0;
        for (int c = 0; c < CONFIGS; c++) {
            StringBuilder defs = new StringBuilder();
            List<Addr> named = new ArrayList<>();
            List<PortSpec> portGroups = new ArrayList<>();
            defineObjects(rnd, defs, named, portGroups);
            boolean hasIn = rnd.nextInt(4) > 0, hasGlobal = rnd.nextInt(3) == 0;
            List<Entry> in = entries(rnd, named, portGroups), global = entries(rnd, named, portGroups);
            StringBuilder text = new StringBuilder("ASA Version 9.8(4)\n!\nhostname gen\n");
            text.append("interface Gi0/0\n nameif outside\n security-level 0\n ip address 192.0.2.1 255.255.255.0\n");
            text.append("interface Gi0/1\n nameif dmz\n security-level 50\n ip address 10.0.0.254 255.255.255.0\n");
            text.append(defs);
            if (hasIn) render(text, "outside_in", in);
            if (hasGlobal) render(text, "GLOBAL", global);
            if (hasIn) text.append("access-group outside_in in interface outside\n");
            if (hasGlobal) text.append("access-group GLOBAL global\n");
            Path f = tmp.resolve("c" + c + ".asa");
            Files.writeString(f, text);
            ImportResult r = new AsaImporter().importFile(f, "c" + c + ".asa");
            for (int k = 0; k < PACKETS; k++) {
                int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                int s = rnd.nextInt(16), d = rnd.nextInt(16);
                int sport = rnd.nextBoolean() ? 1000 : 50123;
                int dport = PORTS[rnd.nextInt(PORTS.length)];
                Action expected = oracle(hasIn ? in : null, hasGlobal ? global : null, proto, s, sport, d, dport);
                String pname = proto == TCP ? "tcp" : proto == UDP ? "udp" : "icmp";
                Action actual = OnePacket.decide(r, "outside", "dmz", pname, "10.0.0." + s, sport, "10.0.0." + d,
                        proto == ICMP ? 0 : dport);
                int kk = k;
                assertEquals(expected, actual, () -> "packet " + kk + " " + pname + " 10.0.0." + s + ":" + sport + " -> 10.0.0." + d
                        + ":" + dport + "\n" + text + "\n" + r.diagnostics());
                checked++;
            }
        }
        assertEquals(CONFIGS * PACKETS, checked);
    }

    // ---- the oracle ------------------------------------------------------------------------

    static Action oracle(List<Entry> in, List<Entry> global, int proto, int s, int sport, int d, int dport) {
        if (in == null && global == null) return Action.DENY; // security level 0 -> 50
        List<Entry> all = new ArrayList<>();
        if (in != null) all.addAll(in);
        if (global != null) all.addAll(global);
        for (Entry e : all) {
            if (e.inactive) continue;
            if (e.proto != 0 && e.proto != proto) continue;
            if (!e.src.octets.get(s) || !e.dst.octets.get(d)) continue;
            if (proto != ICMP && !e.sport.match.test(sport)) continue;
            if (proto != ICMP && !e.dport.match.test(dport)) continue;
            return e.permit ? Action.PERMIT : Action.DENY;
        }
        return Action.DENY;
    }

    // ---- generation ----------------------------------------------------------------------

    static BitSet range(int lo, int hi) {
        BitSet b = new BitSet();
        b.set(lo, hi + 1);
        return b;
    }

    static void defineObjects(Random rnd, StringBuilder defs, List<Addr> named, List<PortSpec> portGroups) {
        int hostOctet = rnd.nextInt(16);
        defs.append("object network H\n host 10.0.0.").append(hostOctet).append('\n');
        named.add(new Addr(range(hostOctet, hostOctet), "object H"));
        int a = rnd.nextInt(16), b = a + rnd.nextInt(16 - a);
        defs.append("object network R\n range 10.0.0.").append(a).append(" 10.0.0.").append(b).append('\n');
        named.add(new Addr(range(a, b), "object R"));
        int base = rnd.nextInt(4) * 4;
        defs.append("object-group network INNER\n network-object 10.0.0.").append(base).append(" 255.255.255.252\n");
        BitSet inner = range(base, base + 3);
        named.add(new Addr(inner, "object-group INNER"));
        int extra = rnd.nextInt(16);
        defs.append("object-group network OUTER\n group-object INNER\n network-object host 10.0.0.").append(extra)
                .append("\n network-object object H\n");
        BitSet outer = (BitSet) inner.clone();
        outer.set(extra);
        outer.set(hostOctet);
        named.add(new Addr(outer, "object-group OUTER"));
        int p1 = PORTS[rnd.nextInt(PORTS.length)], p2 = PORTS[rnd.nextInt(PORTS.length)];
        defs.append("object-group service PG tcp-udp\n port-object eq ").append(p1).append("\n port-object eq ").append(p2).append('\n');
        portGroups.add(new PortSpec(p -> p == p1 || p == p2, "object-group PG"));
    }

    static List<Entry> entries(Random rnd, List<Addr> named, List<PortSpec> portGroups) {
        List<Entry> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            int proto = new int[] {TCP, UDP, 0, ICMP, TCP, UDP}[rnd.nextInt(6)];
            boolean ported = proto == TCP || proto == UDP;
            PortSpec any = new PortSpec(p -> true, "");
            PortSpec sport = ported && rnd.nextInt(5) == 0 ? new PortSpec(p -> p > 1023, "gt 1023") : any;
            PortSpec dport = ported ? ports(rnd, portGroups) : any;
            out.add(new Entry(rnd.nextInt(3) > 0, proto, addr(rnd, named), sport, addr(rnd, named), dport, rnd.nextInt(10) == 0));
        }
        return out;
    }

    static Addr addr(Random rnd, List<Addr> named) {
        switch (rnd.nextInt(5)) {
            case 0 -> {
                return new Addr(range(0, 15), rnd.nextBoolean() ? "any" : "any4");
            }
            case 1 -> {
                int o = rnd.nextInt(16);
                return new Addr(range(o, o), "host 10.0.0." + o);
            }
            case 2 -> {
                int base = rnd.nextInt(2) * 8;
                return new Addr(range(base, base + 7), "10.0.0." + base + " 255.255.255.248");
            }
            default -> {
                return named.get(rnd.nextInt(named.size()));
            }
        }
    }

    static PortSpec ports(Random rnd, List<PortSpec> portGroups) {
        int p = PORTS[rnd.nextInt(PORTS.length)];
        int q = Math.max(p, PORTS[rnd.nextInt(PORTS.length)]);
        return switch (rnd.nextInt(7)) {
            case 0 -> new PortSpec(x -> true, "");
            case 1 -> new PortSpec(x -> x == p, "eq " + (p == 443 && rnd.nextBoolean() ? "https" : p == 80 ? "www" : Integer.toString(p)));
            case 2 -> new PortSpec(x -> x != p, "neq " + p);
            case 3 -> new PortSpec(x -> x < p, "lt " + p);
            case 4 -> new PortSpec(x -> x > p, "gt " + p);
            case 5 -> new PortSpec(x -> x >= p && x <= q, "range " + p + " " + q);
            default -> portGroups.get(0);
        };
    }

    static void render(StringBuilder sb, String acl, List<Entry> entries) {
        sb.append("access-list ").append(acl).append(" remark generated\n");
        for (Entry e : entries) {
            sb.append("access-list ").append(acl).append(" extended ").append(e.permit ? "permit " : "deny ")
                    .append(e.proto == 0 ? "ip" : e.proto == TCP ? "tcp" : e.proto == UDP ? "udp" : "icmp").append(' ')
                    .append(e.src.text);
            if (!e.sport.text.isEmpty()) sb.append(' ').append(e.sport.text);
            sb.append(' ').append(e.dst.text);
            if (!e.dport.text.isEmpty()) sb.append(' ').append(e.dport.text);
            if (e.inactive) sb.append(" inactive");
            sb.append('\n');
        }
    }
}
