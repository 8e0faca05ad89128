package io.lyncaudit.importer.fortigate;

import io.lyncaudit.importer.fortigate.FortiConfig.Entry;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.model.Protocols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Resolution of the names a policy uses: addresses and address groups (IPv4 and IPv6, nested,
 * with exclusions), services and service groups (custom entries of the export first, then the
 * predefined table), and zones. Each resolves to what the importer reads ({@code sure}), every
 * packet the device might match ({@code may}, a superset) and why they differ; what cannot be
 * resolved is read as nothing and may be anything. Group nesting is limited to {@value #MAX_DEPTH}
 * and cycles are refused.
 */
final class FortiObjects {
    /** Groups nested deeper than this are refused (FortiOS itself allows a few levels). */
    static final int MAX_DEPTH = 64;
    static final IntervalSet SCTP = IntervalSet.point(132);

    /** An address operand. */
    record Net(IntervalSet sure, IntervalSet may, Set<String> why) {
        static Net exact(IntervalSet s) {
            return new Net(s, s, Set.of());
        }
    }

    /** One piece of a service: protocols, source and destination ports, and the destinations it is limited to. */
    record Part(IntervalSet protocols, IntervalSet sourcePorts, IntervalSet destinationPorts, IntervalSet destinations) {}

    /** A service operand. */
    record Svc(List<Part> sure, List<Part> may, Set<String> why) {}

    private final FortiConfig cfg;
    private final FortiConfig builtin;
    /** Entries a converted policy names (directly or through a group). */
    final Set<Entry> used = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Object> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    /** Zone by member interface, and members by zone. */
    private final Map<String, String> zoneOf = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();

    FortiObjects(FortiConfig cfg, FortiConfig builtin) {
        this.cfg = cfg;
        this.builtin = builtin;
        for (Entry z : cfg.table("system zone").entries.values()) {
            List<String> ifs = z.get("interface") == null ? List.of() : z.get("interface");
            members.put(z.name, ifs);
            for (String i : ifs) zoneOf.put(i, z.name);
        }
    }

    // ---- interfaces and zones ---------------------------------------------------------------------

    /** True when {@code name} is a zone of the VDOM. */
    boolean isZone(String name) {
        return members.containsKey(name);
    }

    /** The zone entry named, marked in use. */
    Entry zone(String name) {
        Entry z = cfg.table("system zone").get(name);
        if (z != null) used.add(z);
        return z;
    }

    /**
     * The names under which the audit may ask about traffic on interface or zone {@code name}: a
     * zone stands for itself and each of its interfaces; an interface of a zone for itself and its zone.
     */
    Set<String> names(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name);
        if (isZone(name)) {
            zone(name);
            out.addAll(members.get(name));
        } else if (zoneOf.containsKey(name)) {
            out.add(zoneOf.get(name));
        }
        return out;
    }

    // ---- addresses -------------------------------------------------------------------------------

    /** What the name stands for in a policy's address field of family 4 or 6; null when it is no address or address group. */
    Net address(String name, int family) {
        String tab = family == 4 ? "firewall address" : "firewall address6";
        String grp = family == 4 ? "firewall addrgrp" : "firewall addrgrp6";
        Entry e = cfg.table(tab).get(name);
        if (e != null) return resolve("a" + family + ":" + name, e, 0, family, false);
        Entry g = cfg.table(grp).get(name);
        if (g != null) return resolve("g" + family + ":" + name, g, 0, family, true);
        // the predefined addresses, when an export leaves them out
        if (name.equals("all")) return Net.exact(family == 4 ? Addresses.ALL_V4 : Addresses.ALL_V6);
        if (name.equals("none")) return Net.exact(IntervalSet.EMPTY);
        return null;
    }

    private Net resolve(String key, Entry e, int depth, int family, boolean group) {
        used.add(e);
        Object m = memo.get(key);
        if (m == null) {
            m = group ? group(key, e, depth, family) : single(e, family);
            memo.put(key, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (Net) m;
    }

    private Object single(Entry e, int family) {
        IntervalSet all = family == 4 ? Addresses.ALL_V4 : Addresses.ALL_V6;
        String type = e.word("type", family == 4 ? "ipmask" : "ipprefix");
        String what = "address " + e.name;
        try {
            switch (type) {
                case "ipmask", "interface-subnet" -> {
                    if (family == 6) return what + ": type " + type + " is an IPv4 type";
                    List<String> s = e.get("subnet");
                    if (s == null || s.isEmpty()) return Net.exact(all); // FortiOS's default subnet is 0.0.0.0 0.0.0.0
                    return Net.exact(v4(s.size() == 2 ? s.get(0) + "/" + s.get(1) : s.get(0)));
                }
                case "ipprefix" -> {
                    List<String> s = e.get("ip6");
                    if (s == null || s.isEmpty()) return Net.exact(all);
                    return Net.exact(v6(s.get(0)));
                }
                case "iprange" -> {
                    String a = e.word("start-ip", family == 4 ? "0.0.0.0" : "::"), b = e.word("end-ip", family == 4 ? "0.0.0.0" : "::");
                    IntervalSet r = Addresses.parse(a + "-" + b);
                    if (!all.containsAll(r)) return what + ": " + a + "-" + b + " is not an IPv" + family + " range";
                    return Net.exact(r);
                }
                case "wildcard" -> {
                    List<String> s = e.get("wildcard");
                    if (s == null || s.size() != 2) return what + ": 'set wildcard ADDRESS MASK' expected";
                    return wildcard(e.name, s.get(0), s.get(1));
                }
                case "fqdn", "wildcard-fqdn" -> {
                    String f = e.word(type.equals("fqdn") ? "fqdn" : "wildcard-fqdn", "");
                    return new Net(IntervalSet.EMPTY, all, Set.of(what + " (" + type + " " + f + ") is resolved by DNS at run time; it may match any IPv"
                            + family + " address"));
                }
                case "geography" -> {
                    return new Net(IntervalSet.EMPTY, all, Set.of(what + " (geography " + e.word("country", "?").toUpperCase(Locale.ROOT)
                            + ") is the country's address list of FortiGuard; it may match any IPv" + family + " address"));
                }
                default -> {
                    return new Net(IntervalSet.EMPTY, all, Set.of(what + " (type " + type + ") is resolved at run time; it may match any IPv"
                            + family + " address"));
                }
            }
        } catch (IllegalArgumentException x) {
            return what + ": " + x.getMessage();
        }
    }

    private static IntervalSet v4(String s) {
        IntervalSet r = Addresses.parse(s);
        if (!Addresses.ALL_V4.containsAll(r)) throw new IllegalArgumentException("'" + s + "' is not an IPv4 subnet");
        return r;
    }

    private static IntervalSet v6(String s) {
        IntervalSet r = Addresses.parse(s);
        if (!Addresses.ALL_V6.containsAll(r) || s.indexOf(':') < 0) throw new IllegalArgumentException("'" + s + "' is not an IPv6 prefix");
        return r;
    }

    /** A wildcard (non-contiguous mask) address: exact up to 4,096 intervals, else its span, uncertain. */
    private static Net wildcard(String name, String addr, String mask) {
        long a = v4(addr).startLo(0) & 0xFFFF_FFFFL, m = v4(mask).startLo(0) & 0xFFFF_FFFFL;
        long base = a & m, free = ~m & 0xFFFF_FFFFL;
        long low = Long.lowestOneBit(~free & 0x1_FFFF_FFFFL) - 1; // the trailing run of free bits: one interval each
        long high = free & ~low;
        int bits = Long.bitCount(high);
        IntervalSet span = IntervalSet.of(0L, base + Addresses.ALL_V4.startLo(0), 0L, (base | free) + Addresses.ALL_V4.startLo(0));
        if (bits > 12) {
            return new Net(IntervalSet.EMPTY, span, Set.of("address " + name + " (wildcard " + addr + " " + mask + ") has "
                    + (1L << bits) + " pieces; read as nothing that surely matches, and anything between its first and last address"));
        }
        List<Long> highBits = new ArrayList<>();
        for (int b = 0; b < 32; b++) if ((high >> b & 1) == 1) highBits.add(1L << b);
        List<IntervalSet> out = new ArrayList<>(1 << bits);
        for (int k = 0; k < 1 << bits; k++) {
            long v = base;
            for (int b = 0; b < bits; b++) if ((k >> b & 1) == 1) v |= highBits.get(b);
            out.add(IntervalSet.of(0L, v + Addresses.ALL_V4.startLo(0), 0L, (v | low) + Addresses.ALL_V4.startLo(0)));
        }
        return Net.exact(IntervalSet.unionOf(out));
    }

    private Object group(String key, Entry g, int depth, int family) {
        if (depth > MAX_DEPTH) return "address groups nested deeper than " + MAX_DEPTH + " (at " + g.name + ")";
        if (!inProgress.add(key)) return "address group " + g.name + " contains itself";
        try {
            Net in = members(g, g.get("member"), depth, family);
            if (!"enable".equals(g.word("exclude", "disable"))) return in;
            Net ex = members(g, g.get("exclude-member"), depth, family);
            // what the group surely matches is what surely is in and surely is not excluded, and the other way round
            Set<String> why = new LinkedHashSet<>(in.why());
            why.addAll(ex.why());
            return new Net(in.sure().subtract(ex.may()), in.may().subtract(ex.sure()), why);
        } catch (IllegalArgumentException x) {
            return x.getMessage();
        } finally {
            inProgress.remove(key);
        }
    }

    private Net members(Entry g, List<String> names, int depth, int family) {
        List<IntervalSet> sure = new ArrayList<>(), may = new ArrayList<>();
        Set<String> why = new LinkedHashSet<>();
        for (String n : names == null ? List.<String>of() : names) {
            String tab = family == 4 ? "firewall address" : "firewall address6";
            String grp = family == 4 ? "firewall addrgrp" : "firewall addrgrp6";
            Net sub;
            Entry e = cfg.table(tab).get(n), gg = cfg.table(grp).get(n);
            if (e != null) sub = resolve("a" + family + ":" + n, e, depth + 1, family, false);
            else if (gg != null) sub = resolve("g" + family + ":" + n, gg, depth + 1, family, true);
            else if (n.equals("all")) sub = Net.exact(family == 4 ? Addresses.ALL_V4 : Addresses.ALL_V6);
            else if (n.equals("none")) sub = Net.exact(IntervalSet.EMPTY);
            else throw new IllegalArgumentException("address " + n + " (in group " + g.name + ") is not defined");
            sure.add(sub.sure());
            may.add(sub.may());
            why.addAll(sub.why());
        }
        IntervalSet s = IntervalSet.unionOf(sure);
        may.add(s);
        return new Net(s, IntervalSet.unionOf(may), why);
    }

    // ---- services --------------------------------------------------------------------------------

    /** The service or service group named, the export's own entry first, then the predefined one; null when neither exists. */
    Svc service(String name) {
        return service(name, 0);
    }

    private Svc service(String name, int depth) {
        Entry e = cfg.table("firewall service custom").get(name);
        boolean group = false;
        if (e == null) {
            e = cfg.table("firewall service group").get(name);
            group = e != null;
        }
        if (e == null) {
            e = builtin.table("firewall service custom").get(name);
            if (e == null) {
                e = builtin.table("firewall service group").get(name);
                group = e != null;
            }
        }
        if (e == null) return null;
        used.add(e);
        String key = (e.builtin ? "B" : "") + (group ? "sg:" : "s:") + name;
        Object m = memo.get(key);
        if (m == null) {
            m = group ? serviceGroup(key, e, depth) : custom(e);
            memo.put(key, m);
        }
        if (m instanceof String err) throw new IllegalArgumentException(err);
        return (Svc) m;
    }

    private Object serviceGroup(String key, Entry g, int depth) {
        if (depth > MAX_DEPTH) return "service groups nested deeper than " + MAX_DEPTH + " (at " + g.name + ")";
        if (!inProgress.add(key)) return "service group " + g.name + " contains itself";
        try {
            List<Part> sure = new ArrayList<>(), may = new ArrayList<>();
            Set<String> why = new LinkedHashSet<>();
            if ("enable".equals(g.word("proxy", "disable"))) {
                why.add("service group " + g.name + " is an explicit-proxy group, which firewall policies do not use");
                may.add(new Part(Protocols.ALL, Ports.ALL, Ports.ALL, Addresses.ALL));
                return new Svc(sure, may, why);
            }
            for (String n : g.get("member") == null ? List.<String>of() : g.get("member")) {
                Svc s = service(n, depth + 1);
                if (s == null) return "service " + n + " (in group " + g.name + ") is not defined";
                sure.addAll(s.sure());
                may.addAll(s.may());
                why.addAll(s.why());
            }
            return why.isEmpty() && sure.equals(may) ? new Svc(sure, sure, why) : new Svc(sure, may, why);
        } catch (IllegalArgumentException x) {
            return x.getMessage();
        } finally {
            inProgress.remove(key);
        }
    }

    private static Object custom(Entry e) {
        String what = "service " + e.name;
        try {
            IntervalSet dests = Addresses.ALL;
            Set<String> why = new LinkedHashSet<>();
            String range = e.word("iprange", "0.0.0.0");
            boolean fqdn = !e.word("fqdn", "").isEmpty();
            if (!range.equals("0.0.0.0")) dests = Addresses.parse(range);
            String proto = e.word("protocol", "tcp/udp/sctp");
            boolean proxy = "enable".equals(e.word("proxy", "disable")) || "enable".equals(e.word("explicit-proxy", "disable"));
            List<Part> parts = new ArrayList<>();
            switch (proto) {
                case "tcp/udp/sctp" -> {
                    ranges(e, "tcp-portrange", Protocols.TCP_SET, dests, parts);
                    ranges(e, "udp-portrange", Protocols.UDP_SET, dests, parts);
                    ranges(e, "sctp-portrange", SCTP, dests, parts);
                }
                case "icmp", "icmp6" -> {
                    IntervalSet p = IntervalSet.point(proto.equals("icmp") ? Protocols.ICMP : Protocols.ICMPV6);
                    parts.add(new Part(p, Ports.ALL, Ports.ALL, dests));
                    if (e.has("icmptype")) {
                        why.add(what + ": ICMP type " + e.get("icmptype").get(0) + " is not modelled; read as every " + proto.toUpperCase(Locale.ROOT) + " type");
                    }
                }
                case "ip" -> {
                    int n = Integer.parseInt(e.word("protocol-number", "0"));
                    if (n < 0 || n > 255) return what + ": protocol-number " + n + " is outside 0-255";
                    parts.add(new Part(n == 0 ? Protocols.ALL : IntervalSet.point(n), Ports.ALL, Ports.ALL, dests));
                }
                default -> proxy = true;
            }
            if (proxy) {
                why.add(what + " is an explicit-proxy service (" + proto + "), which firewall policies do not use");
                return new Svc(List.of(), List.of(new Part(Protocols.ALL, Ports.ALL, Ports.ALL, Addresses.ALL)), why);
            }
            if (fqdn) {
                why.add(what + " is limited to the addresses of " + e.word("fqdn", "") + ", resolved by DNS at run time; it may match any destination");
                List<Part> may = new ArrayList<>();
                for (Part p : parts) may.add(new Part(p.protocols(), p.sourcePorts(), p.destinationPorts(), Addresses.ALL));
                return new Svc(List.of(), may, why);
            }
            return new Svc(parts, parts, why);
        } catch (IllegalArgumentException x) {
            return what + ": " + x.getMessage();
        }
    }

    /** The items of a port-range setting: {@code dst-low[-dst-high][:src-low[-src-high]]}, separated by blanks. */
    private static void ranges(Entry e, String key, IntervalSet proto, IntervalSet dests, List<Part> out) {
        List<String> items = e.get(key);
        if (items == null) return;
        for (String item : items) {
            for (String one : item.split("\\s+")) {
                if (one.isEmpty()) continue;
                int colon = one.indexOf(':');
                IntervalSet d = portRange(colon < 0 ? one : one.substring(0, colon));
                IntervalSet s = colon < 0 ? Ports.ALL : portRange(one.substring(colon + 1));
                out.add(new Part(proto, s, d, dests));
            }
        }
    }

    private static IntervalSet portRange(String t) {
        if (t.isEmpty() || !t.chars().allMatch(ch -> Character.isDigit(ch) || ch == '-')) {
            throw new IllegalArgumentException("'" + t + "' is not a port or port range");
        }
        return Ports.parseRange(t);
    }
}
