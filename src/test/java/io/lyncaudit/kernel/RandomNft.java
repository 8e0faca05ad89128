package io.lyncaudit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random nftables rulesets, written as an {@code nft -f} source file with defines, that
 * the kernel accepts: a netdev ingress chain, a raw prerouting chain with NOTRACK, an inet filter
 * table with named sets (intervals, concatenations), a verdict map, regular and anonymous chains
 * (jump, goto, return, {@code iifname vmap} dispatch, {@code ct state vmap}), two base chains on the
 * forward hook at different priorities, an input chain, and an ip nat table with dnat (to an
 * address, to an address and port, through a map) and redirect. Addresses and ports come from the
 * pools {@link RandomIptables#probes} draws from.
 *
 * <p>Kept valid: a port translation only after a transport match, reject only on the forward and
 * input hooks, {@code oifname} never on prerouting, input or ingress, regular chains reached from
 * the forward chain only.
 */
final class RandomNft {
    static final List<String> IFACES = RandomIptables.IFACES;

    private static final String[] SRC = {"10.10.1.0/24", "10.10.2.0/24", "10.10.0.0/16", "10.10.1.128/25", "10.10.2.7", "192.0.2.0/24",
        "198.51.100.0/25", "10.10.1.10-10.10.2.20"};
    private static final String[] DST = {"203.0.113.0/24", "203.0.113.10", "203.0.113.20", "203.0.113.0/28", "172.20.1.0/24", "172.20.1.5",
        "172.20.2.0/24", "172.20.0.0/16"};
    private static final String[] PORTS = {"22", "53", "80", "443", "3478", "5061", "8080", "8443", "50000-59999", "1024-65535", "1-1023",
        "{ 80, 443 }", "{ 443, 5061, 8080 }", "{ 22, 53, 3478 }", "{ 5061, 50000-50100 }"};

    private final Random rnd;
    private final StringBuilder out = new StringBuilder();
    private int anon;

    private RandomNft(Random rnd) {
        this.rnd = rnd;
    }

    static String generate(long seed) {
        return new RandomNft(new Random(seed)).build();
    }

    private String pick(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private String iface() {
        return IFACES.get(rnd.nextInt(IFACES.size()));
    }

    /** Where a chain sits, which decides what it may hold. */
    private enum Place { INGRESS, PREROUTING, FORWARD, INPUT, NAT }

    private String build() {
        out.append("#!/usr/sbin/nft -f\n# a random ruleset for the kernel oracle\nflush ruleset\n\n");
        out.append("define LAN = { 10.10.1.0/24, 10.10.2.0/24 }\n");
        out.append("define EDGE_PUBLIC = 203.0.113.10\n");
        out.append("define WEB = { 443, 5061 }\n\n");
        if (chance(40)) {
            out.append("table netdev edge {\n\tchain ingress_").append("eth0").append(" {\n");
            out.append("\t\ttype filter hook ingress device \"eth0\" priority 0; policy accept;\n");
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) out.append("\t\t").append(rule(Place.INGRESS, chance(70) ? "drop" : "accept")).append('\n');
            out.append("\t}\n}\n\n");
        }
        if (chance(50)) {
            out.append("table ip raw {\n\tchain pre {\n\t\ttype filter hook prerouting priority raw; policy accept;\n");
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) {
                out.append("\t\t").append(rule(Place.PREROUTING, chance(50) ? "notrack" : chance(60) ? "drop" : "accept")).append('\n');
            }
            out.append("\t}\n}\n\n");
        }
        out.append("table inet filter {\n");
        out.append("\tset lan_nets {\n\t\ttype ipv4_addr\n\t\tflags interval\n\t\telements = { 10.10.1.0/25, 192.0.2.0/24 }\n\t}\n\n");
        out.append("\tset pairs {\n\t\ttype ipv4_addr . inet_service\n\t\telements = { 10.10.1.5 . 443, 10.10.2.7 . 22, 192.0.2.1 . 3478 }\n\t}\n\n");
        out.append("\tmap svc {\n\t\ttype inet_service : verdict\n\t\telements = { 22 : drop, 8080 : accept, 3478 : continue }\n\t}\n\n");
        out.append("\tchain from_outside {\n");
        int u = 1 + rnd.nextInt(3);
        for (int i = 0; i < u; i++) out.append("\t\t").append(rule(Place.FORWARD, pickVerdict(true))).append('\n');
        out.append("\t}\n\n\tchain services {\n");
        int v = rnd.nextInt(3);
        for (int i = 0; i < v; i++) out.append("\t\t").append(rule(Place.FORWARD, pickVerdict(true))).append('\n');
        out.append("\t}\n\n");
        out.append("\tchain forward {\n\t\ttype filter hook forward priority filter; policy ").append(chance(65) ? "drop" : "accept").append(";\n");
        if (chance(50)) out.append("\t\tct state vmap { established : accept, related : accept, invalid : drop }\n");
        if (chance(40)) {
            int a = rnd.nextInt(IFACES.size()), b = (a + 1 + rnd.nextInt(IFACES.size() - 1)) % IFACES.size();
            out.append("\t\tiifname vmap { \"").append(IFACES.get(a)).append("\" : jump from_outside, \"").append(IFACES.get(b))
                    .append("\" : goto services }\n");
        }
        int f = 2 + rnd.nextInt(6);
        for (int i = 0; i < f; i++) {
            int kind = rnd.nextInt(12);
            String line = switch (kind) {
                case 0 -> "ip saddr " + pick(SRC) + " tcp dport vmap @svc";
                case 1 -> "ip saddr . tcp dport @pairs " + (chance(70) ? "accept" : "drop");
                case 2 -> "ip saddr . udp dport { 10.10.1.9 . 3478, 198.51.100.1 . 53 } " + (chance(70) ? "accept" : "drop");
                case 3 -> "meta l4proto { tcp, udp } th dport " + pick(PORTS) + " " + (chance(60) ? "accept" : "drop");
                case 4 -> match(Place.FORWARD, false) + " jump { " + anonymous() + " }";
                case 5 -> "ip saddr $LAN tcp dport $WEB " + (chance(60) ? "accept" : "drop");
                case 6 -> "ip saddr @lan_nets " + (chance(50) ? "accept" : "jump services");
                default -> rule(Place.FORWARD, pickVerdict(false));
            };
            out.append("\t\t").append(line).append('\n');
        }
        out.append("\t}\n\n");
        if (chance(60)) {
            boolean early = chance(40);
            out.append("\tchain forward_").append(early ? "early" : "late").append(" {\n\t\ttype filter hook forward priority ")
                    .append(early ? "mangle - 5" : "filter + 10").append("; policy ").append(chance(85) ? "accept" : "drop").append(";\n");
            int n = 1 + rnd.nextInt(2);
            for (int i = 0; i < n; i++) out.append("\t\t").append(rule(Place.FORWARD, chance(60) ? "drop" : "accept")).append('\n');
            out.append("\t}\n\n");
        }
        out.append("\tchain input {\n\t\ttype filter hook input priority filter; policy ").append(chance(60) ? "drop" : "accept").append(";\n");
        out.append("\t\tiif \"lo\" accept\n");
        int in = rnd.nextInt(3);
        for (int i = 0; i < in; i++) out.append("\t\t").append(rule(Place.INPUT, chance(50) ? "accept" : chance(50) ? "drop" : "reject"))
                .append('\n');
        out.append("\t}\n}\n\n");
        if (chance(75)) {
            out.append("table ip nat {\n\tchain prerouting {\n\t\ttype nat hook prerouting priority dstnat; policy accept;\n");
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) out.append("\t\t").append(nat()).append('\n');
            out.append("\t}\n\n\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n");
            out.append("\t\tip saddr 172.20.0.0/16 oifname \"").append(iface()).append("\" masquerade\n\t}\n}\n");
        }
        return out.toString();
    }

    private String pickVerdict(boolean inRegularChain) {
        int r = rnd.nextInt(10);
        if (r < 4) return "accept";
        if (r < 6) return "drop";
        if (r < 7) return "reject";
        if (inRegularChain) return r < 9 ? "return" : "counter";
        return r < 8 ? "jump services" : r < 9 ? "goto from_outside" : "counter";
    }

    private String anonymous() {
        anon++;
        return rule(Place.FORWARD, chance(50) ? "drop" : "accept") + "; " + rule(Place.FORWARD, "return") + ";";
    }

    private String nat() {
        int r = rnd.nextInt(8);
        return switch (r) {
            case 0, 1 -> "ip daddr " + pick(new String[] {"203.0.113.10", "203.0.113.20", "$EDGE_PUBLIC"}) + " dnat to "
                    + pick(new String[] {"172.20.1.5", "172.20.2.9"});
            case 2, 3 -> "ip daddr " + pick(DST) + " tcp dport " + pick(new String[] {"443", "8443", "{ 443, 5061 }"}) + " dnat to "
                    + pick(new String[] {"172.20.1.5:8443", "172.20.2.9:5061"});
            case 4 -> "dnat to ip daddr map { 203.0.113.10 : 172.20.1.5, 203.0.113.20 : 172.20.2.9 }";
            case 5 -> "tcp dport 8080 redirect to :3128";
            case 6 -> match(Place.NAT, true) + " accept";
            default -> match(Place.NAT, true) + " dnat to 172.20.1.6";
        };
    }

    private String rule(Place place, String verdict) {
        String m = match(place, !verdict.equals("notrack"));
        if (verdict.equals("reject") && m.contains("tcp ") && chance(50)) return m + " reject with tcp reset";
        return (m.isEmpty() ? "" : m + " ") + (chance(30) ? "counter " : "") + verdict;
    }

    /** A random condition valid where it is used; {@code state} allows ct state matches. */
    private String match(Place place, boolean state) {
        List<String> parts = new ArrayList<>();
        if (chance(45)) {
            String s = chance(20) ? "$LAN" : chance(15) ? "@lan_nets" : pick(SRC);
            if (s.startsWith("@") && place != Place.FORWARD && place != Place.INPUT) s = pick(SRC);
            parts.add("ip saddr " + (chance(12) ? "!= " : "") + s);
        }
        if (chance(45)) parts.add("ip daddr " + (chance(12) ? "!= " : "") + pick(DST));
        if (place != Place.INGRESS && chance(25)) parts.add("iifname " + (chance(12) ? "!= " : "") + "\"" + iface() + "\"");
        if (place == Place.FORWARD && chance(25)) parts.add("oifname \"" + iface() + "\"");
        int p = rnd.nextInt(10);
        if (p < 4) {
            String proto = chance(60) ? "tcp" : "udp";
            parts.add(proto + (chance(85) ? " dport " : " sport ") + pick(PORTS));
        } else if (p == 4) {
            parts.add("meta l4proto " + (chance(50) ? "udp" : "!= tcp"));
        } else if (p == 5) {
            parts.add("ip protocol " + (chance(50) ? "tcp" : "udp"));
        }
        if (state && place != Place.INGRESS && place != Place.PREROUTING && chance(25)) {
            parts.add("ct state " + pick(new String[] {"new", "untracked", "{ new, untracked }", "established,related", "invalid", "!= new"}));
        }
        return String.join(" ", parts);
    }
}
