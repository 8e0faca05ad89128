package io.lyncaudit.importer.fortigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.ImportResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random FortiGate configurations (a zone of two interfaces, addresses, nested
 * groups, custom services with source ports, service groups, predefined services, VIPs with and
 * without port forwarding, policies in an order unlike their ids, disabled, without action, with
 * negation and match-vip) are generated as data, written as {@code show} text, imported and asked
 * packet by packet with the one evaluator; the oracle reads the generated data directly, as
 * FortiOS does: a packet to a VIP is translated first, then the first enabled policy in list
 * order that matches decides, else the implicit deny.
 */
class FortiGateDifferentialTest {
    static final long SEED = 20261207L;
    static final int CONFIGS = 500, PACKETS = 80;
    static final String[] IFACES = {"port1", "port2", "port3", "port4"};
    /** The zone: port3 and port4. */
    static final String ZONE = "dmz";
    static final int[] PORTS = {22, 53, 443, 3478, 4443, 5061, 5062, 50000};

    @TempDir
    Path tmp;

    /** An address: last octets lo..hi of 10.0.0.x. */
    record Addr(String name, int lo, int hi) {}

    /** A group of addresses (or of an earlier group). */
    record Group(String name, List<String> members) {}

    /** A custom service: protocol 6 or 17, destination ports lo..hi, source ports slo..shi (0..65535: any). */
    record Svc(String name, int proto, int lo, int hi, int slo, int shi) {}

    /** A VIP: external 131.107.155.ext to 10.0.0.mapped; with port forwarding, TCP extport to mappedport; extintf null: any. */
    record Vip(String name, int ext, int mapped, boolean pf, int extport, int mappedport, String extintf) {}

    record Pol(int id, String in, String out, List<String> src, List<String> dst, List<String> svc, String action, boolean disabled,
               boolean srcNeg, boolean svcNeg, String matchVip) {}

    /** {@code recent}: the header says FortiOS 7.4.3, where a deny without match-vip matches VIP traffic; else 7.0.12. */
    record Config(List<Addr> addrs, List<Group> groups, List<Svc> svcs, List<Vip> vips, List<Pol> pols, boolean recent, boolean intrazone) {}

    @Test
    void importedPolicyDecidesLikeFortiOs() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), this::run);
    }

    private void run() throws Exception {
        Random rnd = new Random(SEED);
        int permits = 0, total = 0;
        for (int t = 0; t < CONFIGS; t++) {
            Config c = generate(rnd);
            String text = render(c);
            ImportResult r = Forti.load(tmp, "t" + t + ".conf", text);
            for (int k = 0; k < PACKETS; k++) {
                int proto = rnd.nextBoolean() ? 6 : 17;
                int s = rnd.nextInt(10);
                boolean toVip = !c.vips().isEmpty() && rnd.nextInt(3) == 0;
                Vip v = toVip ? c.vips().get(rnd.nextInt(c.vips().size())) : null;
                String dst = toVip ? "131.107.155." + v.ext() : "10.0.0." + rnd.nextInt(10);
                int dport = PORTS[rnd.nextInt(PORTS.length)];
                int sport = rnd.nextBoolean() ? 40000 : 1000;
                String in = IFACES[rnd.nextInt(4)], out = IFACES[rnd.nextInt(4)];
                Action want = oracle(c, proto, s, sport, dst, dport, in, out);
                Action got = decideWithSport(r, proto, "10.0.0." + s, sport, dst, dport, in, out);
                if (want == null) {
                    // VIP traffic left to intrazone allow: not documented, so the verdict must say it is uncertain
                    var e = io.lyncaudit.policy.PolicyEvaluator.evaluate(r, Forti.packet(proto == 6 ? "tcp" : "udp", "10.0.0." + s, sport, dst, dport)
                            .toSet(), in, out);
                    var u = new io.lyncaudit.policy.Uncertainty(r);
                    assertTrue(e.decisions().stream().anyMatch(d -> u.of(d) != null), "uncertain: " + dst + ":" + dport + " " + in + "->" + out);
                    continue;
                }
                final int pk = k;
                assertEquals(want, got, () -> "packet " + pk + " " + proto + " 10.0.0." + s + ":" + sport + " -> " + dst + ":" + dport + " in " + in
                        + " out " + out + " for\n" + text + "\n" + r.policies());
                total++;
                if (want == Action.PERMIT) permits++;
                Vip via = vipFor(c, proto, dst, dport, in);
                if (want == Action.PERMIT && via != null) {
                    // the permitting rule carries the VIP's translation
                    String expect = "10.0.0." + via.mapped() + ":" + (via.pf() ? via.mappedport() : dport);
                    assertEquals(expect, translatedWithSport(r, proto, "10.0.0." + s, sport, dst, dport, in, out), text);
                }
            }
        }
        assertTrue(permits > total / 20 && permits < total * 9 / 10, permits + " permits of " + total + ": not a vacuous check");
    }

    private static String translatedWithSport(ImportResult r, int proto, String src, int sport, String dst, int dport, String in, String out) {
        var e = io.lyncaudit.policy.PolicyEvaluator.evaluate(r, Forti.packet(proto == 6 ? "tcp" : "udp", src, sport, dst, dport).toSet(), in, out);
        var w = e.image(e.permitted()).witness();
        return io.lyncaudit.model.Addresses.formatPoint(w.destination()) + ":" + w.destinationPort();
    }

    private static Action decideWithSport(ImportResult r, int proto, String src, int sport, String dst, int dport, String in, String out) {
        var e = io.lyncaudit.policy.PolicyEvaluator.evaluate(r, Forti.packet(proto == 6 ? "tcp" : "udp", src, sport, dst, dport).toSet(), in, out);
        return e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
    }

    // ---- generation ------------------------------------------------------------------------------

    static Config generate(Random rnd) {
        List<Addr> addrs = new ArrayList<>();
        int na = 2 + rnd.nextInt(4);
        for (int i = 0; i < na; i++) {
            int a = rnd.nextInt(10), b = rnd.nextInt(10);
            addrs.add(new Addr("a" + i, Math.min(a, b), rnd.nextBoolean() ? Math.min(a, b) : Math.max(a, b)));
        }
        List<Group> groups = new ArrayList<>();
        int ng = rnd.nextInt(3);
        for (int i = 0; i < ng; i++) {
            List<String> m = new ArrayList<>();
            m.add(addrs.get(rnd.nextInt(na)).name());
            if (i > 0 && rnd.nextBoolean()) m.add("g" + (i - 1));
            else m.add(addrs.get(rnd.nextInt(na)).name());
            groups.add(new Group("g" + i, m));
        }
        List<Svc> svcs = new ArrayList<>();
        int ns = 1 + rnd.nextInt(3);
        for (int i = 0; i < ns; i++) {
            int a = PORTS[rnd.nextInt(PORTS.length)], b = rnd.nextInt(3) == 0 ? PORTS[rnd.nextInt(PORTS.length)] : a;
            boolean src = rnd.nextInt(4) == 0;
            svcs.add(new Svc("s" + i, rnd.nextBoolean() ? 6 : 17, Math.min(a, b), Math.max(a, b), src ? 1024 : 0, src ? 65535 : 65535));
        }
        List<Vip> vips = new ArrayList<>();
        int nv = rnd.nextInt(3);
        for (int i = 0; i < nv; i++) {
            boolean pf = rnd.nextBoolean();
            int ep = PORTS[rnd.nextInt(PORTS.length)], mp = rnd.nextBoolean() ? ep : PORTS[rnd.nextInt(PORTS.length)];
            vips.add(new Vip("v" + i, 10 + i, rnd.nextInt(10), pf, ep, mp, rnd.nextBoolean() ? null : IFACES[rnd.nextInt(2)]));
        }
        List<String> names = new ArrayList<>(List.of("all"));
        for (Addr a : addrs) names.add(a.name());
        for (Group g : groups) names.add(g.name());
        List<String> services = new ArrayList<>(List.of("ALL", "ALL", "HTTPS", "DNS", "ALL_TCP", "SSH"));
        for (Svc s : svcs) services.add(s.name());
        if (rnd.nextBoolean()) services.add("sg");
        List<Pol> pols = new ArrayList<>();
        int np = 1 + rnd.nextInt(6);
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= np; i++) ids.add(i * 3);
        java.util.Collections.shuffle(ids, rnd);
        for (int i = 0; i < np; i++) {
            List<String> src = pick(rnd, names, 1 + rnd.nextInt(2));
            List<String> dst = new ArrayList<>();
            if (!vips.isEmpty() && rnd.nextInt(3) == 0) {
                dst.add(vips.get(rnd.nextInt(vips.size())).name());
            } else {
                dst.addAll(pick(rnd, names, 1 + rnd.nextInt(2)));
            }
            String action = new String[] {"accept", "accept", "deny", null}[rnd.nextInt(4)];
            String mv = !"accept".equals(action) && rnd.nextBoolean() ? (rnd.nextBoolean() ? "enable" : "disable") : null;
            pols.add(new Pol(ids.get(i), iface(rnd), iface(rnd), src, dst, pick(rnd, services, 1 + rnd.nextInt(2)), action,
                    rnd.nextInt(8) == 0, rnd.nextInt(8) == 0, rnd.nextInt(10) == 0, mv));
        }
        return new Config(addrs, groups, svcs, vips, pols, rnd.nextBoolean(), rnd.nextInt(3) == 0);
    }

    static String iface(Random rnd) {
        return new String[] {"any", "any", "any", "port1", "port2", ZONE}[rnd.nextInt(6)];
    }

    static List<String> pick(Random rnd, List<String> from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String x = from.get(rnd.nextInt(from.size()));
            if (!out.contains(x)) out.add(x);
        }
        return out;
    }

    static String q(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) b.append(b.length() > 0 ? " " : "").append('"').append(n).append('"');
        return b.toString();
    }

    static String render(Config c) {
        StringBuilder b = new StringBuilder(c.recent() ? "#config-version=FGT60F-7.4.3-FW-build2573-240201:opmode=0:vdom=0:user=admin\n"
                : "#config-version=FGT60F-7.0.12-FW-build0523-230418:opmode=0:vdom=0:user=admin\n");
        b.append("config system zone\n    edit \"").append(ZONE).append("\"\n        set interface \"port3\" \"port4\"\n")
                .append(c.intrazone() ? "        set intrazone allow\n" : "").append("    next\nend\n");
        b.append("config firewall address\n    edit \"all\"\n    next\n");
        for (Addr a : c.addrs()) {
            if (a.lo() == a.hi()) b.append("    edit \"").append(a.name()).append("\"\n        set subnet 10.0.0.").append(a.lo()).append(" 255.255.255.255\n    next\n");
            else b.append("    edit \"").append(a.name()).append("\"\n        set type iprange\n        set start-ip 10.0.0.").append(a.lo())
                    .append("\n        set end-ip 10.0.0.").append(a.hi()).append("\n    next\n");
        }
        b.append("end\nconfig firewall addrgrp\n");
        for (Group g : c.groups()) b.append("    edit \"").append(g.name()).append("\"\n        set member ").append(q(g.members())).append("\n    next\n");
        b.append("end\nconfig firewall service custom\n");
        for (Svc s : c.svcs()) {
            b.append("    edit \"").append(s.name()).append("\"\n        set ").append(s.proto() == 6 ? "tcp" : "udp").append("-portrange ")
                    .append(s.lo()).append(s.hi() > s.lo() ? "-" + s.hi() : "").append(s.slo() > 0 ? ":" + s.slo() + "-" + s.shi() : "")
                    .append("\n    next\n");
        }
        b.append("end\nconfig firewall service group\n    edit \"sg\"\n        set member \"DNS\" \"").append(c.svcs().get(0).name())
                .append("\"\n    next\nend\n");
        b.append("config firewall vip\n");
        for (Vip v : c.vips()) {
            b.append("    edit \"").append(v.name()).append("\"\n        set extip 131.107.155.").append(v.ext()).append("\n        set mappedip \"10.0.0.")
                    .append(v.mapped()).append("\"\n");
            if (v.extintf() != null) b.append("        set extintf \"").append(v.extintf()).append("\"\n");
            if (v.pf()) b.append("        set portforward enable\n        set extport ").append(v.extport()).append("\n        set mappedport ")
                    .append(v.mappedport()).append('\n');
            b.append("    next\n");
        }
        b.append("end\nconfig firewall policy\n");
        for (Pol p : c.pols()) {
            b.append("    edit ").append(p.id()).append("\n        set srcintf \"").append(p.in()).append("\"\n        set dstintf \"").append(p.out())
                    .append("\"\n        set srcaddr ").append(q(p.src())).append("\n        set dstaddr ").append(q(p.dst())).append('\n');
            if (p.action() != null) b.append("        set action ").append(p.action()).append('\n');
            if (p.disabled()) b.append("        set status disable\n");
            b.append("        set schedule \"always\"\n        set service ").append(q(p.svc())).append('\n');
            if (p.srcNeg()) b.append("        set srcaddr-negate enable\n");
            if (p.svcNeg()) b.append("        set service-negate enable\n");
            if (p.matchVip() != null) b.append("        set match-vip ").append(p.matchVip()).append('\n');
            b.append("    next\n");
        }
        return b.append("end\n").toString();
    }

    // ---- the oracle ------------------------------------------------------------------------------

    /** What FortiOS does with the packet, or null where its documentation does not say. */
    static Action oracle(Config c, int proto, int s, int sport, String dst, int dport, String in, String out) {
        // FortiOS translates VIP traffic before the lookup
        Vip vip = vipFor(c, proto, dst, dport, in);
        int d = vip != null ? vip.mapped() : dst.startsWith("10.0.0.") ? Integer.parseInt(dst.substring(7)) : -1;
        int port = vip != null && vip.pf() ? vip.mappedport() : dport;
        for (Pol p : c.pols()) {
            if (p.disabled()) continue;
            if (!ifaceMatches(p.in(), in) || !ifaceMatches(p.out(), out)) continue;
            boolean srcIn = addrMatches(c, p.src(), s);
            if (srcIn == p.srcNeg()) continue;
            boolean svcIn = svcMatches(c, p.svc(), proto, sport, port);
            if (svcIn == p.svcNeg()) continue;
            boolean deny = !"accept".equals(p.action());
            if (vip != null) {
                boolean named = p.dst().contains(vip.name());
                // match-vip unset: enabled from FortiOS 7.2.3 on, disabled before
                boolean mv = p.matchVip() != null ? p.matchVip().equals("enable") : c.recent();
                boolean matchVip = deny && mv && addrMatches(c, p.dst(), d);
                if (!named && !matchVip) continue;
            } else {
                if (!addrMatches(c, p.dst(), d)) continue; // d < 0: an address outside 10.0.0.x, which only 'all' holds
            }
            return deny ? Action.DENY : Action.PERMIT;
        }
        // intrazone allow: accepted between the zone's interfaces once no policy matched; VIP traffic: not documented (null)
        boolean inZone = (in.equals("port3") || in.equals("port4")) && (out.equals("port3") || out.equals("port4"));
        if (c.intrazone() && inZone) return vip != null ? null : Action.PERMIT;
        return Action.DENY;
    }

    /** The VIP that translates the packet, or null. */
    static Vip vipFor(Config c, int proto, String dst, int dport, String in) {
        for (Vip v : c.vips()) {
            if (!dst.equals("131.107.155." + v.ext())) continue;
            if (v.extintf() != null && !v.extintf().equals(in)) continue;
            if (v.pf() && (proto != 6 || dport != v.extport())) continue;
            return v;
        }
        return null;
    }

    static boolean ifaceMatches(String name, String iface) {
        return name.equals("any") || name.equals(iface) || (name.equals(ZONE) && (iface.equals("port3") || iface.equals("port4")));
    }

    static boolean addrMatches(Config c, List<String> names, int octet) {
        for (String n : names) {
            if (n.equals("all")) return true;
            for (Addr a : c.addrs()) if (a.name().equals(n) && octet >= 0 && octet >= a.lo() && octet <= a.hi()) return true;
            for (Group g : c.groups()) if (g.name().equals(n) && addrMatches(c, g.members(), octet)) return true;
        }
        return false;
    }

    static boolean svcMatches(Config c, List<String> names, int proto, int sport, int port) {
        for (String n : names) {
            switch (n) {
                case "ALL" -> { return true; }
                case "HTTPS" -> { if (proto == 6 && port == 443) return true; }
                case "SSH" -> { if (proto == 6 && port == 22) return true; }
                case "ALL_TCP" -> { if (proto == 6 && port >= 1) return true; }
                case "DNS" -> { if (port == 53) return true; }
                case "sg" -> { if (svcMatches(c, List.of("DNS", c.svcs().get(0).name()), proto, sport, port)) return true; }
                default -> {
                    for (Svc s : c.svcs()) {
                        if (s.name().equals(n) && s.proto() == proto && port >= s.lo() && port <= s.hi() && sport >= s.slo() && sport <= s.shi()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
