package io.lyncaudit.importer.ios;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Differential test: random small IOS configs (named or numbered ACL, nested network groups, a
 * service group, every port operator including multi-port eq, established entries, sometimes no
 * access-group at all) are rendered, imported and evaluated packet by packet with the one
 * PolicyEvaluator; the oracle reads the generated entries directly (first match, implicit deny,
 * established never matches a new connection, no ACL permits).
 */
class IosDifferentialTest {
    static final long SEED = 20261125L;
    static final int CONFIGS = 300;
    static final int PACKETS = 60;
    static final int TCP = 6, UDP = 17, ICMP = 1, SVC_GROUP = -1;
    static final int[] PORTS = {22, 53, 80, 443, 1023, 1024, 3478, 5061, 50000, 59999};

    @TempDir
    Path tmp;

    record Addr(BitSet octets, String text) {}

    record PortSpec(IntPredicate match, String text) {}

    record Entry(boolean permit, int proto, Addr src, PortSpec sport, Addr dst, PortSpec dport, boolean established) {}

    @Test
    void importedConfigsDecideLikeADirectReadingOfTheEntries() throws Exception {
        Random rnd = new Random(SEED);
        int checked = 0;
        for (int c = 0; c < CONFIGS; c++) {
            StringBuilder text = new StringBuilder("version 15.4\nhostname gen\n!\n");
            List<Addr> groups = new ArrayList<>();
            int[] svcPorts = defineGroups(rnd, text, groups);
            List<Entry> entries = new ArrayList<>();
            int n = 1 + rnd.nextInt(6);
            for (int i = 0; i < n; i++) entries.add(entry(rnd, groups));
            boolean bound = rnd.nextInt(5) > 0;
            boolean numbered = rnd.nextBoolean();
            String acl = numbered ? "150" : "WAN_IN";
            text.append("interface GigabitEthernet0/0\n ip address 192.0.2.1 255.255.255.0\n");
            if (bound) text.append(" ip access-group ").append(acl).append(" in\n");
            text.append("!\n");
            if (!numbered) text.append("ip access-list extended ").append(acl).append('\n');
            int seq = 10;
            for (Entry e : entries) {
                text.append(numbered ? "access-list " + acl + " " : " " + (rnd.nextBoolean() ? seq + " " : "")).append(render(e)).append('\n');
                seq += 10;
            }
            Path f = tmp.resolve("c" + c + ".ios");
            Files.writeString(f, text);
            ImportResult r = new IosImporter().importFile(f, "c" + c + ".ios");
            for (int k = 0; k < PACKETS; k++) {
                int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                int s = rnd.nextInt(16), d = rnd.nextInt(16);
                int sport = rnd.nextBoolean() ? 1000 : 50123;
                int dport = PORTS[rnd.nextInt(PORTS.length)];
                Action expected = bound ? oracle(entries, svcPorts, proto, s, sport, d, dport) : Action.PERMIT;
                String pname = proto == TCP ? "tcp" : proto == UDP ? "udp" : "icmp";
                Action actual = IosPackets.decide(r, "GigabitEthernet0/0", "GigabitEthernet0/1", pname, "10.0.0." + s, sport,
                        "10.0.0." + d, proto == ICMP ? 0 : dport);
                int kk = k;
                assertEquals(expected, actual, () -> "packet " + kk + " " + pname + " 10.0.0." + s + ":" + sport + " -> 10.0.0." + d
                        + ":" + dport + "\n" + text + "\n" + r.diagnostics());
                checked++;
            }
        }
        assertEquals(CONFIGS * PACKETS, checked);
    }

    static Action oracle(List<Entry> entries, int[] svcPorts, int proto, int s, int sport, int d, int dport) {
        for (Entry e : entries) {
            if (e.established) continue;
            if (!e.src.octets.get(s) || !e.dst.octets.get(d)) continue;
            if (e.proto == SVC_GROUP) {
                // group SVC: tcp eq P0, udp eq P1, icmp
                boolean hit = (proto == TCP && dport == svcPorts[0]) || (proto == UDP && dport == svcPorts[1]) || proto == ICMP;
                if (!hit) continue;
            } else {
                if (e.proto != 0 && e.proto != proto) continue;
                if (proto != ICMP && (!e.sport.match.test(sport) || !e.dport.match.test(dport))) continue;
            }
            return e.permit ? Action.PERMIT : Action.DENY;
        }
        return Action.DENY;
    }

    static BitSet range(int lo, int hi) {
        BitSet b = new BitSet();
        b.set(lo, hi + 1);
        return b;
    }

    static int[] defineGroups(Random rnd, StringBuilder sb, List<Addr> groups) {
        int h = rnd.nextInt(16), a = rnd.nextInt(16), b = a + rnd.nextInt(16 - a);
        sb.append("object-group network INNER\n host 10.0.0.").append(h).append("\n range 10.0.0.").append(a).append(" 10.0.0.").append(b).append('\n');
        BitSet inner = range(a, b);
        inner.set(h);
        groups.add(new Addr(inner, "object-group INNER"));
        int base = rnd.nextInt(2) * 8;
        sb.append("object-group network OUTER\n description nested\n group-object INNER\n 10.0.0.").append(base).append(" 255.255.255.248\n");
        BitSet outer = (BitSet) inner.clone();
        outer.or(range(base, base + 7));
        groups.add(new Addr(outer, "object-group OUTER"));
        int p0 = PORTS[rnd.nextInt(PORTS.length)], p1 = PORTS[rnd.nextInt(PORTS.length)];
        sb.append("object-group service SVC\n tcp eq ").append(p0).append("\n udp eq ").append(p1).append("\n icmp\n");
        return new int[] {p0, p1};
    }

    static Entry entry(Random rnd, List<Addr> groups) {
        PortSpec any = new PortSpec(x -> true, "");
        if (rnd.nextInt(6) == 0) return new Entry(rnd.nextBoolean(), SVC_GROUP, addr(rnd, groups), any, addr(rnd, groups), any, false);
        int proto = new int[] {TCP, UDP, 0, ICMP, TCP, UDP}[rnd.nextInt(6)];
        boolean ported = proto == TCP || proto == UDP;
        PortSpec sport = ported && rnd.nextInt(5) == 0 ? new PortSpec(x -> x > 1023, "gt 1023") : any;
        PortSpec dport = ported ? ports(rnd) : any;
        boolean established = proto == TCP && rnd.nextInt(8) == 0;
        return new Entry(rnd.nextInt(3) > 0, proto, addr(rnd, groups), sport, addr(rnd, groups), dport, established);
    }

    static Addr addr(Random rnd, List<Addr> groups) {
        switch (rnd.nextInt(5)) {
            case 0 -> { return new Addr(range(0, 15), "any"); }
            case 1 -> {
                int o = rnd.nextInt(16);
                return new Addr(range(o, o), "host 10.0.0." + o);
            }
            case 2 -> {
                int base = rnd.nextInt(4) * 4;
                return new Addr(range(base, base + 3), "10.0.0." + (base + rnd.nextInt(4)) + " 0.0.0.3");
            }
            default -> { return groups.get(rnd.nextInt(groups.size())); }
        }
    }

    static PortSpec ports(Random rnd) {
        int p = PORTS[rnd.nextInt(PORTS.length)], q = PORTS[rnd.nextInt(PORTS.length)];
        int lo = Math.min(p, q), hi = Math.max(p, q);
        return switch (rnd.nextInt(7)) {
            case 0 -> new PortSpec(x -> true, "");
            case 1 -> new PortSpec(x -> x == p, "eq " + (p == 80 ? "www" : p == 53 ? "domain" : Integer.toString(p)));
            case 2 -> new PortSpec(x -> x == p || x == q, "eq " + p + " " + q);
            case 3 -> new PortSpec(x -> x != p, "neq " + p);
            case 4 -> new PortSpec(x -> x < p, "lt " + p);
            case 5 -> new PortSpec(x -> x > p, "gt " + p);
            default -> new PortSpec(x -> x >= lo && x <= hi, "range " + lo + " " + hi);
        };
    }

    static String render(Entry e) {
        StringBuilder sb = new StringBuilder(e.permit ? "permit " : "deny ");
        sb.append(e.proto == SVC_GROUP ? "object-group SVC" : e.proto == 0 ? "ip" : e.proto == TCP ? "tcp" : e.proto == UDP ? "udp" : "icmp");
        sb.append(' ').append(e.src.text);
        if (!e.sport.text.isEmpty()) sb.append(' ').append(e.sport.text);
        sb.append(' ').append(e.dst.text);
        if (!e.dport.text.isEmpty()) sb.append(' ').append(e.dport.text);
        if (e.established) sb.append(" established");
        return sb.toString();
    }
}
