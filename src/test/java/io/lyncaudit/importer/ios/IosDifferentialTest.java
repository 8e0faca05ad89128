package io.lyncaudit.importer.ios;

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
 * Differential test: random small IOS configs (named or numbered ACL, nested network groups, a
 * service group, every port operator including multi-port eq, established entries, sometimes no
 * access-group at all; and IPv6 access lists beside IPv4 ones) are rendered, imported and
 * evaluated packet by packet with the one PolicyEvaluator; the oracle reads the generated entries
 * directly (first match, implicit deny, established never matches a new connection, no ACL
 * permits, each list decides its own address family only).
 */
class IosDifferentialTest {
    static final long SEED = 20261125L;
    static final int CONFIGS = 300;
    static final int PACKETS = 60;
    static final int CONFIGS6 = 200;
    static final int TCP = 6, UDP = 17, ICMP = 1, ICMPV6 = 58, SVC_GROUP = -1;
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
                Action actual = OnePacket.decide(r, "GigabitEthernet0/0", "GigabitEthernet0/1", pname, "10.0.0." + s, sport,
                        "10.0.0." + d, proto == ICMP ? 0 : dport);
                int kk = k;
                assertEquals(expected, actual, () -> "packet " + kk + " " + pname + " 10.0.0." + s + ":" + sport + " -> 10.0.0." + d
                        + ":" + dport + "\n" + text + "\n" + r.diagnostics());
                checked++;
            }
        }
        assertEquals(CONFIGS * PACKETS, checked);
    }

    /**
     * An interface with an IPv4 access list, an IPv6 one, both or neither, and packets of both
     * families: each list decides its own family only; the IPv6 list ends in the implicit
     * neighbour-discovery permits (read as every ICMPv6 packet) and deny ipv6 any any.
     */
    @Test
    void ipv4AndIpv6ListsOnOneInterfaceEachDecideTheirOwnFamily() throws Exception {
        Random rnd = new Random(SEED + 6);
        int checked = 0;
        for (int c = 0; c < CONFIGS6; c++) {
            StringBuilder text = new StringBuilder("version 15.4\nhostname gen6\n!\nipv6 unicast-routing\n!\n");
            List<Addr> groups = new ArrayList<>();
            int[] svcPorts = defineGroups(rnd, text, groups);
            List<Entry> entries4 = new ArrayList<>(), entries6 = new ArrayList<>();
            for (int i = 0, n = 1 + rnd.nextInt(4); i < n; i++) entries4.add(entry(rnd, groups));
            for (int i = 0, n = 1 + rnd.nextInt(6); i < n; i++) entries6.add(entry6(rnd));
            boolean bound4 = rnd.nextInt(3) > 0, bound6 = rnd.nextInt(3) > 0;
            text.append("interface GigabitEthernet0/0\n ip address 192.0.2.1 255.255.255.0\n ipv6 address 2001:DB8:1::1/64\n");
            if (bound4) text.append(" ip access-group WAN_IN in\n");
            if (bound6) text.append(" ipv6 traffic-filter WAN6_IN in\n");
            text.append("!\nip access-list extended WAN_IN\n");
            for (Entry e : entries4) text.append(' ').append(render(e)).append('\n');
            text.append("!\nipv6 access-list WAN6_IN\n");
            int seq = 10;
            for (Entry e : entries6) {
                // IOS writes the sequence number first, or last among the options, or not at all
                String entry = render6(e);
                text.append(switch (rnd.nextInt(3)) {
                    case 0 -> " sequence " + seq + " " + entry;
                    case 1 -> " " + entry + " sequence " + seq;
                    default -> " " + entry;
                }).append('\n');
                seq += 10;
            }
            text.append("!\nend\n");
            Path f = tmp.resolve("v6-" + c + ".ios");
            Files.writeString(f, text);
            ImportResult r = new IosImporter().importFile(f, "v6-" + c + ".ios");
            for (int k = 0; k < PACKETS; k++) {
                boolean v6 = rnd.nextBoolean();
                int proto = new int[] {TCP, UDP, v6 ? ICMPV6 : ICMP}[rnd.nextInt(3)];
                int s = rnd.nextInt(16), d = rnd.nextInt(16);
                int sport = rnd.nextBoolean() ? 1000 : 50123;
                int dport = PORTS[rnd.nextInt(PORTS.length)];
                Action expected = v6 ? (bound6 ? oracle6(entries6, proto, s, sport, d, dport) : Action.PERMIT)
                        : (bound4 ? oracle(entries4, svcPorts, proto, s, sport, d, dport) : Action.PERMIT);
                String pname = proto == TCP ? "tcp" : proto == UDP ? "udp" : proto == ICMP ? "icmp" : "icmpv6";
                String src = v6 ? "2001:db8::" + Integer.toHexString(s) : "10.0.0." + s;
                String dst = v6 ? "2001:db8::" + Integer.toHexString(d) : "10.0.0." + d;
                boolean ported = proto == TCP || proto == UDP;
                Action actual = OnePacket.decide(r, "GigabitEthernet0/0", "GigabitEthernet0/1", pname, src, sport, dst, ported ? dport : 0);
                int kk = k;
                assertEquals(expected, actual, () -> "packet " + kk + " " + pname + " " + src + ":" + sport + " -> " + dst + ":" + dport
                        + "\n" + text + "\n" + r.diagnostics());
                checked++;
            }
        }
        assertEquals(CONFIGS6 * PACKETS, checked);
    }

    /** First match over the IPv6 entries, then the implicit permits of ICMPv6 (types not modelled) and deny ipv6 any any. */
    static Action oracle6(List<Entry> entries, int proto, int s, int sport, int d, int dport) {
        for (Entry e : entries) {
            if (e.established) continue;
            if (!e.src.octets.get(s) || !e.dst.octets.get(d)) continue;
            if (e.proto != 0 && e.proto != proto) continue;
            boolean ported = proto == TCP || proto == UDP;
            if (ported && (!e.sport.match.test(sport) || !e.dport.match.test(dport))) continue;
            return e.permit ? Action.PERMIT : Action.DENY;
        }
        return proto == ICMPV6 ? Action.PERMIT : Action.DENY;
    }

    static Entry entry6(Random rnd) {
        PortSpec any = new PortSpec(x -> true, "");
        int proto = new int[] {TCP, UDP, 0, ICMPV6, TCP, UDP}[rnd.nextInt(6)];
        boolean ported = proto == TCP || proto == UDP;
        PortSpec sport = ported && rnd.nextInt(5) == 0 ? new PortSpec(x -> x > 1023, "gt 1023") : any;
        PortSpec dport = ported ? ports(rnd) : any;
        boolean established = proto == TCP && rnd.nextInt(8) == 0;
        return new Entry(rnd.nextInt(3) > 0, proto, addr6(rnd), sport, addr6(rnd), dport, established);
    }

    /** Addresses 2001:db8::0 to ::f as any, a host or a prefix, in either case as IOS writes them. */
    static Addr addr6(Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0 -> { return new Addr(range(0, 15), "any"); }
            case 1 -> {
                int o = rnd.nextInt(16);
                return new Addr(range(o, o), "host " + (rnd.nextBoolean() ? "2001:DB8::" + Integer.toHexString(o).toUpperCase() : "2001:db8::" + Integer.toHexString(o)));
            }
            case 2 -> {
                int base = rnd.nextInt(4) * 4;
                return new Addr(range(base, base + 3), "2001:DB8::" + Integer.toHexString(base).toUpperCase() + "/126");
            }
            default -> {
                int base = rnd.nextInt(2) * 8;
                return new Addr(range(base, base + 7), "2001:db8::" + Integer.toHexString(base) + "/125");
            }
        }
    }

    static String render6(Entry e) {
        StringBuilder sb = new StringBuilder(e.permit ? "permit " : "deny ");
        sb.append(e.proto == 0 ? "ipv6" : e.proto == TCP ? "tcp" : e.proto == UDP ? "udp" : "icmp");
        sb.append(' ').append(e.src.text);
        if (!e.sport.text.isEmpty()) sb.append(' ').append(e.sport.text);
        sb.append(' ').append(e.dst.text);
        if (!e.dport.text.isEmpty()) sb.append(' ').append(e.dport.text);
        if (e.established) sb.append(" established");
        return sb.toString();
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
