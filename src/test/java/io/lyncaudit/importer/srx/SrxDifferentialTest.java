package io.lyncaudit.importer.srx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random SRX configurations (zones, a global and zone address books with
 * nested address-sets and excluded addresses, custom applications with terms and sets, predefined
 * applications, zone-pair and global policies, the default policy, static and destination NAT)
 * are generated as data, written in set or hierarchical form, imported and asked about random
 * packets through the one evaluator. The oracle reads the generated data directly, as the SRX
 * does: static NAT, else destination NAT (first matching rule), then the policies of the packet's
 * zone context in order, then the global policies in order, then the default policy.
 * Both forms of every configuration must also import into the same policy.
 */
class SrxDifferentialTest {
    static final long SEED = 20261207L;
    static final int CONFIGS = 250;
    static final int PACKETS = 60;
    static final String[] ZONES = {"untrust", "dmz", "trust"};
    static final int[] PORTS = {53, 443, 3478, 5061, 8080};
    static final int TCP = 6, UDP = 17;

    @TempDir
    Path tmp;

    /** An address: octets lo..hi of 10.0.0.x, as a prefix or a range. */
    record Addr(String name, int lo, int hi, boolean range) {}

    /** An address-set: members by name (addresses or other sets). */
    record AddrSet(String name, List<String> members) {}

    /** One term of an application: protocol and a destination port range. */
    record Term(int proto, int lo, int hi) {}

    record App(String name, List<Term> terms) {}

    record AppSet(String name, List<String> members) {}

    /** A policy: source and destination names (with exclusion), applications, action; zones for a global one (empty = any). */
    record Pol(String name, List<String> src, boolean srcExcl, List<String> dst, boolean dstExcl, List<String> apps, String action,
               List<String> fromZones, List<String> toZones) {}

    /** Static NAT (mapped octet to real octet) or destination NAT (a pool, or off), from one zone. */
    record Nat(boolean isStatic, String from, int mapped, Integer port, int real, Integer realPort, boolean off) {}

    record Config(Map<String, Addr> addrs, Map<String, AddrSet> sets, Map<String, Addr> zoneAddrs, Map<String, App> apps,
                  Map<String, AppSet> appSets, Map<String, List<Pol>> contexts, List<Pol> global, boolean permitAll, List<Nat> nat) {}

    // ------------------------------------------------------------------ generation

    static Config generate(Random rnd) {
        Map<String, Addr> addrs = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            int a = rnd.nextInt(10), b = rnd.nextInt(10);
            boolean range = rnd.nextBoolean();
            int lo = Math.min(a, b), hi = range ? Math.max(a, b) : lo;
            addrs.put("a" + i, new Addr("a" + i, lo, hi, range));
        }
        Map<String, AddrSet> sets = new LinkedHashMap<>();
        sets.put("s0", new AddrSet("s0", List.of("a" + rnd.nextInt(4), "a" + rnd.nextInt(4))));
        sets.put("s1", new AddrSet("s1", List.of("s0", "a" + rnd.nextInt(4))));
        // the zone 'dmz' has an address of its own named like a global one: it wins where dmz resolves names
        int zl = rnd.nextInt(10);
        Map<String, Addr> zoneAddrs = Map.of("a0", new Addr("a0", zl, zl, false));
        Map<String, App> apps = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            List<Term> terms = new ArrayList<>();
            for (int t = 0; t <= rnd.nextInt(2); t++) {
                int a = PORTS[rnd.nextInt(PORTS.length)], b = PORTS[rnd.nextInt(PORTS.length)];
                terms.add(new Term(rnd.nextBoolean() ? TCP : UDP, Math.min(a, b), Math.max(a, b)));
            }
            apps.put("app" + i, new App("app" + i, terms));
        }
        Map<String, AppSet> appSets = Map.of("aset", new AppSet("aset", List.of("app" + rnd.nextInt(3), "junos-https")));
        Map<String, List<Pol>> contexts = new LinkedHashMap<>();
        int n = 0;
        for (String f : ZONES) {
            for (String t : ZONES) {
                if (rnd.nextInt(3) == 0) continue;
                List<Pol> ps = new ArrayList<>();
                for (int k = rnd.nextInt(4); k > 0; k--) ps.add(policy(rnd, "p" + n++, List.of(), List.of()));
                contexts.put(f + ">" + t, ps);
            }
        }
        List<Pol> global = new ArrayList<>();
        for (int k = rnd.nextInt(3); k > 0; k--) {
            global.add(policy(rnd, "g" + n++, zones(rnd), zones(rnd)));
        }
        List<Nat> nat = new ArrayList<>();
        if (rnd.nextBoolean()) nat.add(new Nat(true, "untrust", 8, null, 1 + rnd.nextInt(5), null, false));
        if (rnd.nextBoolean()) {
            Integer port = rnd.nextBoolean() ? PORTS[rnd.nextInt(PORTS.length)] : null;
            nat.add(new Nat(false, rnd.nextBoolean() ? "untrust" : "dmz", 9, port, 1 + rnd.nextInt(5),
                    rnd.nextBoolean() ? PORTS[rnd.nextInt(PORTS.length)] : null, rnd.nextInt(4) == 0));
            nat.add(new Nat(false, "untrust", 9, null, 2, null, false));
        }
        return new Config(addrs, sets, zoneAddrs, apps, appSets, contexts, global, rnd.nextInt(4) == 0, nat);
    }

    private static List<String> zones(Random rnd) {
        List<String> out = new ArrayList<>();
        for (String z : ZONES) if (rnd.nextInt(3) == 0) out.add(z);
        return out;
    }

    private static final String[] ADDR_NAMES = {"any", "a0", "a1", "a2", "a3", "s0", "s1"};
    private static final String[] APP_NAMES = {"any", "app0", "app1", "app2", "aset", "junos-https", "junos-dns-udp"};

    private static Pol policy(Random rnd, String name, List<String> from, List<String> to) {
        List<String> src = names(rnd, ADDR_NAMES), dst = names(rnd, ADDR_NAMES), apps = names(rnd, APP_NAMES);
        String action = new String[] {"permit", "permit", "deny", "reject"}[rnd.nextInt(4)];
        boolean se = !src.contains("any") && rnd.nextInt(5) == 0, de = !dst.contains("any") && rnd.nextInt(5) == 0;
        return new Pol(name, src, se, dst, de, apps, action, from, to);
    }

    private static List<String> names(Random rnd, String[] from) {
        List<String> out = new ArrayList<>();
        out.add(from[rnd.nextInt(from.length)]);
        if (rnd.nextInt(3) == 0) {
            String b = from[1 + rnd.nextInt(from.length - 1)];
            if (!out.contains(b) && !out.contains("any")) out.add(b);
        }
        return out;
    }

    // ------------------------------------------------------------------ the oracle

    /** The octets a name stands for in a policy whose zone is {@code zone} (its book first, then the global one). */
    static boolean addrHas(Config c, String name, String zone, int octet) {
        if (name.equals("any")) return true;
        Addr za = "dmz".equals(zone) ? c.zoneAddrs.get(name) : null;
        if (za != null) return octet >= za.lo && octet <= za.hi;
        Addr a = c.addrs.get(name);
        if (a != null) return octet >= a.lo && octet <= a.hi;
        for (String m : c.sets.get(name).members) if (addrHas(c, m, zone, octet)) return true;
        return false;
    }

    static boolean appHas(Config c, String name, int proto, int port) {
        switch (name) {
            case "any" -> {
                return true;
            }
            case "junos-https" -> {
                return proto == TCP && port == 443;
            }
            case "junos-dns-udp" -> {
                return proto == UDP && port == 53;
            }
            default -> { }
        }
        App a = c.apps.get(name);
        if (a != null) {
            for (Term t : a.terms) if (t.proto == proto && port >= t.lo && port <= t.hi) return true;
            return false;
        }
        for (String m : c.appSets.get(name).members) if (appHas(c, m, proto, port)) return true;
        return false;
    }

    static boolean matches(Config c, Pol p, String from, String to, int proto, int s, int d, int port) {
        boolean src = false, dst = false, app = false;
        for (String n : p.src) src |= addrHas(c, n, p.fromZones.isEmpty() && p.name.startsWith("g") ? null : from, s);
        for (String n : p.dst) dst |= addrHas(c, n, p.name.startsWith("g") ? null : to, d);
        for (String n : p.apps) app |= appHas(c, n, proto, port);
        return src != p.srcExcl && dst != p.dstExcl && app;
    }

    /** What the SRX does with the packet: NAT, then the context's policies, the global ones, the default. */
    static boolean oracle(Config c, String from, String to, int proto, int s, int d, int port) {
        boolean translated = false;
        for (Nat n : c.nat) {
            if (!n.isStatic || !n.from.equals(from) || d != n.mapped) continue;
            d = n.real;
            translated = true;
            break;
        }
        if (!translated) {
            for (Nat n : c.nat) {
                if (n.isStatic || !n.from.equals(from) || d != n.mapped) continue;
                if (n.port != null && port != n.port) continue;
                if (!n.off) {
                    d = n.real;
                    if (n.realPort != null) port = n.realPort;
                }
                break;
            }
        }
        List<Pol> ctx = c.contexts.get(from + ">" + to);
        if (ctx != null) {
            for (Pol p : ctx) if (matches(c, p, from, to, proto, s, d, port)) return p.action.equals("permit");
        }
        for (Pol p : c.global) {
            if (!p.fromZones.isEmpty() && !p.fromZones.contains(from) || !p.toZones.isEmpty() && !p.toZones.contains(to)) continue;
            if (matches(c, p, null, null, proto, s, d, port)) return p.action.equals("permit");
        }
        return c.permitAll;
    }

    // ------------------------------------------------------------------ the two forms

    static String setForm(Config c) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < ZONES.length; i++) l.add("set security zones security-zone " + ZONES[i] + " interfaces ge-0/0/" + i + ".0");
        for (Addr a : c.addrs.values()) l.add("set security address-book global address " + a.name + " " + addrValue(a));
        for (Addr a : c.zoneAddrs.values()) l.add("set security zones security-zone dmz address-book address " + a.name + " " + addrValue(a));
        for (AddrSet s : c.sets.values()) {
            for (String m : s.members) {
                l.add("set security address-book global address-set " + s.name + (c.sets.containsKey(m) ? " address-set " : " address ") + m);
            }
        }
        for (App a : c.apps.values()) {
            for (int t = 0; t < a.terms.size(); t++) {
                Term x = a.terms.get(t);
                l.add("set applications application " + a.name + " term t" + t + " protocol " + (x.proto == TCP ? "tcp" : "udp")
                        + " destination-port " + ports(x));
            }
        }
        for (AppSet s : c.appSets.values()) for (String m : s.members) l.add("set applications application-set " + s.name + " application " + m);
        for (Map.Entry<String, List<Pol>> e : c.contexts.entrySet()) {
            String[] z = e.getKey().split(">");
            for (Pol p : e.getValue()) policyLines(l, "set security policies from-zone " + z[0] + " to-zone " + z[1] + " policy " + p.name + " ", p);
        }
        for (Pol p : c.global) {
            String pre = "set security policies global policy " + p.name + " ";
            policyLines(l, pre, p);
            for (String z : p.fromZones) l.add(pre + "match from-zone " + z);
            for (String z : p.toZones) l.add(pre + "match to-zone " + z);
        }
        l.add("set security policies default-policy " + (c.permitAll ? "permit-all" : "deny-all"));
        int k = 0;
        for (Nat n : c.nat) {
            String rs = (n.isStatic ? "st-" : "dn-") + n.from;
            String pre = "set security nat " + (n.isStatic ? "static" : "destination") + " rule-set " + rs + " ";
            l.add(pre + "from zone " + n.from);
            String r = pre + "rule r" + k++ + " ";
            l.add(r + "match destination-address 10.0.0." + n.mapped + "/32");
            if (n.port != null) l.add(r + "match destination-port " + n.port);
            if (n.isStatic) {
                l.add(r + "then static-nat prefix 10.0.0." + n.real + "/32");
            } else if (n.off) {
                l.add(r + "then destination-nat off");
            } else {
                String pool = "pool" + k;
                l.add("set security nat destination pool " + pool + " address 10.0.0." + n.real + "/32"
                        + (n.realPort != null ? " port " + n.realPort : ""));
                l.add(r + "then destination-nat pool " + pool);
            }
        }
        return String.join("\n", l) + "\n";
    }

    private static void policyLines(List<String> l, String pre, Pol p) {
        for (String s : p.src) l.add(pre + "match source-address " + s);
        if (p.srcExcl) l.add(pre + "match source-address-excluded");
        for (String d : p.dst) l.add(pre + "match destination-address " + d);
        if (p.dstExcl) l.add(pre + "match destination-address-excluded");
        for (String a : p.apps) l.add(pre + "match application " + a);
        l.add(pre + "then " + p.action);
    }

    private static String addrValue(Addr a) {
        return a.range ? "range-address 10.0.0." + a.lo + " to 10.0.0." + a.hi : "10.0.0." + a.lo + "/32";
    }

    private static String ports(Term t) {
        return t.lo == t.hi ? String.valueOf(t.lo) : t.lo + "-" + t.hi;
    }

    static String hierarchical(Config c) {
        StringBuilder b = new StringBuilder("security {\n    address-book {\n        global {\n");
        for (Addr a : c.addrs.values()) {
            if (a.range) {
                b.append("            address ").append(a.name).append(" {\n                range-address 10.0.0.").append(a.lo)
                        .append(" {\n                    to {\n                        10.0.0.").append(a.hi)
                        .append(";\n                    }\n                }\n            }\n");
            } else {
                b.append("            address ").append(a.name).append(" 10.0.0.").append(a.lo).append("/32;\n");
            }
        }
        for (AddrSet s : c.sets.values()) {
            b.append("            address-set ").append(s.name).append(" {\n");
            for (String m : s.members) b.append("                ").append(c.sets.containsKey(m) ? "address-set " : "address ").append(m).append(";\n");
            b.append("            }\n");
        }
        b.append("        }\n    }\n    policies {\n");
        for (Map.Entry<String, List<Pol>> e : c.contexts.entrySet()) {
            String[] z = e.getKey().split(">");
            b.append("        from-zone ").append(z[0]).append(" to-zone ").append(z[1]).append(" {\n");
            for (Pol p : e.getValue()) policyBlock(b, p, "            ");
            b.append("        }\n");
        }
        if (!c.global.isEmpty()) {
            b.append("        global {\n");
            for (Pol p : c.global) policyBlock(b, p, "            ");
            b.append("        }\n");
        }
        b.append("        default-policy {\n            ").append(c.permitAll ? "permit-all" : "deny-all").append(";\n        }\n    }\n");
        if (!c.nat.isEmpty()) {
            b.append("    nat {\n");
            StringBuilder st = new StringBuilder(), dn = new StringBuilder(), pools = new StringBuilder();
            Map<String, StringBuilder> ruleSets = new LinkedHashMap<>();
            int k = 0;
            for (Nat n : c.nat) {
                String rs = (n.isStatic ? "st-" : "dn-") + n.from;
                StringBuilder r = ruleSets.computeIfAbsent((n.isStatic ? "s " : "d ") + rs,
                        x -> new StringBuilder("            rule-set " + rs + " {\n                from zone " + n.from + ";\n"));
                r.append("                rule r").append(k++).append(" {\n                    match {\n")
                        .append("                        destination-address 10.0.0.").append(n.mapped).append("/32;\n");
                if (n.port != null) r.append("                        destination-port ").append(n.port).append(";\n");
                r.append("                    }\n                    then {\n");
                if (n.isStatic) {
                    r.append("                        static-nat {\n                            prefix {\n                                10.0.0.")
                            .append(n.real).append("/32;\n                            }\n                        }\n");
                } else if (n.off) {
                    r.append("                        destination-nat {\n                            off;\n                        }\n");
                } else {
                    String pool = "pool" + k;
                    pools.append("            pool ").append(pool).append(" {\n                address 10.0.0.").append(n.real).append("/32")
                            .append(n.realPort != null ? " port " + n.realPort : "").append(";\n            }\n");
                    r.append("                        destination-nat {\n                            pool ").append(pool)
                            .append(";\n                        }\n");
                }
                r.append("                    }\n                }\n");
            }
            for (Map.Entry<String, StringBuilder> e : ruleSets.entrySet()) {
                (e.getKey().startsWith("s ") ? st : dn).append(e.getValue()).append("            }\n");
            }
            if (st.length() > 0) b.append("        static {\n").append(st).append("        }\n");
            if (dn.length() > 0 || pools.length() > 0) b.append("        destination {\n").append(pools).append(dn).append("        }\n");
            b.append("    }\n");
        }
        b.append("    zones {\n");
        for (int i = 0; i < ZONES.length; i++) {
            b.append("        security-zone ").append(ZONES[i]).append(" {\n");
            if (ZONES[i].equals("dmz")) {
                b.append("            address-book {\n");
                for (Addr a : c.zoneAddrs.values()) b.append("                address ").append(a.name).append(" ").append(addrValue(a)).append(";\n");
                b.append("            }\n");
            }
            b.append("            interfaces {\n                ge-0/0/").append(i).append(".0;\n            }\n        }\n");
        }
        b.append("    }\n}\napplications {\n");
        for (App a : c.apps.values()) {
            b.append("    application ").append(a.name).append(" {\n");
            for (int t = 0; t < a.terms.size(); t++) {
                Term x = a.terms.get(t);
                b.append("        term t").append(t).append(" protocol ").append(x.proto == TCP ? "tcp" : "udp").append(" destination-port ")
                        .append(ports(x)).append(";\n");
            }
            b.append("    }\n");
        }
        for (AppSet s : c.appSets.values()) {
            b.append("    application-set ").append(s.name).append(" {\n");
            for (String m : s.members) b.append("        application ").append(m).append(";\n");
            b.append("    }\n");
        }
        return b.append("}\n").toString();
    }

    private static void policyBlock(StringBuilder b, Pol p, String in) {
        b.append(in).append("policy ").append(p.name).append(" {\n").append(in).append("    match {\n");
        b.append(in).append("        source-address ").append(list(p.src)).append(";\n");
        if (p.srcExcl) b.append(in).append("        source-address-excluded;\n");
        b.append(in).append("        destination-address ").append(list(p.dst)).append(";\n");
        if (p.dstExcl) b.append(in).append("        destination-address-excluded;\n");
        b.append(in).append("        application ").append(list(p.apps)).append(";\n");
        if (!p.fromZones.isEmpty()) b.append(in).append("        from-zone ").append(list(p.fromZones)).append(";\n");
        if (!p.toZones.isEmpty()) b.append(in).append("        to-zone ").append(list(p.toZones)).append(";\n");
        b.append(in).append("    }\n").append(in).append("    then {\n").append(in).append("        ").append(p.action).append(";\n")
                .append(in).append("    }\n").append(in).append("}\n");
    }

    private static String list(List<String> l) {
        return l.size() == 1 ? l.get(0) : "[ " + String.join(" ", l) + " ]";
    }

    // ------------------------------------------------------------------ the test

    @Test
    void importedPoliciesDecideLikeADirectReadingOfTheConfiguration() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(SEED);
            int permits = 0, checked = 0;
            for (int t = 0; t < CONFIGS; t++) {
                Config c = generate(rnd);
                String set = setForm(c), hier = hierarchical(c);
                ImportResult rs = Srx.load(tmp, "c" + t + ".set", set);
                ImportResult rh = Srx.load(tmp, "c" + t + ".conf", hier);
                assertEquals(SrxInputTest.policyOnly(rs), SrxInputTest.policyOnly(rh), () -> "the two forms differ:\n" + set + "\n" + hier);
                assertEquals(0, rs.lines().unrecognized() + rs.lines().unsupported(), () -> rs.diagnostics().toString());
                assertEquals(0, rh.lines().unrecognized() + rh.lines().unsupported(), () -> rh.diagnostics().toString());
                ImportResult r = rnd.nextBoolean() ? rs : rh;
                for (int k = 0; k < PACKETS; k++) {
                    String from = ZONES[rnd.nextInt(3)], to = ZONES[rnd.nextInt(3)];
                    int proto = rnd.nextBoolean() ? TCP : UDP;
                    int s = rnd.nextInt(10), d = rnd.nextInt(10), port = PORTS[rnd.nextInt(PORTS.length)];
                    boolean want = oracle(c, from, to, proto, s, d, port);
                    Action got = Srx.verdict(r, from, to, proto == TCP ? "tcp" : "udp", "10.0.0." + s, "10.0.0." + d, port);
                    final int fp = port, fd = d, fs = s;
                    assertEquals(want ? Action.PERMIT : Action.DENY, got, () -> (proto == TCP ? "tcp" : "udp") + " 10.0.0." + fs + " -> 10.0.0."
                            + fd + ":" + fp + " from " + from + " to " + to + " in\n" + set);
                    if (want) permits++;
                    checked++;
                }
            }
            // not vacuous: both verdicts occur often
            assertTrue(permits > checked / 10 && permits < checked * 9 / 10, permits + " permits of " + checked);
        });
    }
}
