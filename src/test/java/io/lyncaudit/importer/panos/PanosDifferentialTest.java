package io.lyncaudit.importer.panos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.importer.OnePacket;
import io.lyncaudit.policy.Action;
import io.lyncaudit.policy.Evaluation;
import io.lyncaudit.policy.PolicyEvaluator;
import io.lyncaudit.policy.Uncertainty;
import io.lyncaudit.policy.ImportResult;
import io.lyncaudit.policy.Policy;
import io.lyncaudit.policy.Rule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: random PAN-OS security policies are generated as data (zones, address objects
 * of every exact kind, nested static groups, custom services with port lists, ranges and source
 * ports, service groups, the predefined services, applications of the table on
 * application-default, every rule type, negation, every action, disabled rules, overridden
 * default rules), written as XML or in the set form, imported, and evaluated packet by packet with
 * the one evaluator. The oracle reads the generated data directly, the way the documentation says
 * the firewall does: the first enabled rule whose zones (by rule type), addresses, service and
 * application match decides, else the intrazone or interzone default. It shares no code with the
 * importer.
 */
class PanosDifferentialTest {
    static final long SEED = 20261207L;
    static final int CONFIGS = 250;
    static final int PACKETS = 80;
    static final int TCP = 6, UDP = 17, ICMP = 1;
    static final String[] ZONES = {"a", "b", "c"};
    static final int[] PORTS = {22, 53, 80, 443, 1000, 5061, 5353, 8080, 50000, 59999};

    @TempDir
    Path tmp;

    /** Addresses 10.0.0.0-15 as a bit set, and how a rule names it. */
    record Addr(BitSet octets, String name) {}

    /** What a service or application lets through: a test on protocol, source and destination port. */
    interface Svc {
        boolean test(int proto, int sport, int dport);
    }

    record NamedSvc(Svc svc, String name) {}

    /** A rule; {@code written} is its rule type as the export states it, or null when it leaves it out (universal). */
    record SecRule(String name, List<String> from, List<String> to, String type, String written, List<Addr> src, boolean negSrc,
                   List<Addr> dst, boolean negDst, List<NamedSvc> services, List<String> apps, String action, boolean disabled,
                   boolean user) {}

    /** One generated configuration: its objects as text of both forms, its rules and its defaults. */
    static final class Config {
        final StringBuilder xmlObjects = new StringBuilder(), setLines = new StringBuilder();
        final List<Addr> addresses = new ArrayList<>();
        final List<NamedSvc> services = new ArrayList<>();
        final List<SecRule> rules = new ArrayList<>();
        String intrazone, interzone; // null: predefined
        /** Whether rules may carry what the importer cannot model: a source user, an FQDN, application stun. */
        boolean flawed;
        /** The ports application stun really has on this device (its default ports are not in the importer's table). */
        final List<int[]> stun = new ArrayList<>();
    }

    @Test
    void importedPoliciesDecideLikeADirectReadingOfTheRules() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(120), this::run);
    }

    private void run() throws Exception {
        Random rnd = new Random(SEED);
        int checked = 0;
        for (int c = 0; c < CONFIGS; c++) {
            Config cfg = generate(rnd);
            boolean xml = rnd.nextBoolean();
            Path f = tmp.resolve("c" + c + (xml ? ".xml" : ".set"));
            String text = xml ? xml(cfg) : set(cfg, rnd);
            Files.writeString(f, text, StandardCharsets.UTF_8);
            ImportResult r = new PanosImporter().importFile(f, f.getFileName().toString());
            for (Policy p : r.policies()) for (Rule x : p.rules()) assertFalse(x.uncertain(), x.uncertainty() + "\n" + text);
            assertEquals(0, r.lines().unrecognized() + r.lines().unsupported(), () -> r.diagnostics() + "\n" + text);
            for (int k = 0; k < PACKETS; k++) {
                int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                String in = ZONES[rnd.nextInt(3)], out = ZONES[rnd.nextInt(3)];
                int s = rnd.nextInt(16), d = rnd.nextInt(16);
                int sport = rnd.nextBoolean() ? 1000 : 50123;
                int dport = proto == ICMP ? 0 : PORTS[rnd.nextInt(PORTS.length)];
                Action expected = oracle(cfg, in, out, proto, s, sport, d, dport);
                String pname = proto == TCP ? "tcp" : proto == UDP ? "udp" : "icmp";
                Action actual = OnePacket.decide(r, in, out, pname, "10.0.0." + s, sport, "10.0.0." + d, dport);
                int kk = k;
                assertEquals(expected, actual, () -> "packet " + kk + " " + in + "->" + out + " " + pname + " 10.0.0." + s + ":" + sport
                        + " -> 10.0.0." + d + ":" + dport + "\n" + text);
                checked++;
            }
        }
        assertEquals(CONFIGS * PACKETS, checked);
    }

    /**
     * With stand-ins (a source user, an FQDN whose run-time addresses the oracle draws, application
     * stun whose real ports it draws too): whenever the importer calls a decision certain, it is the
     * device's, whatever the run-time truth; and both kinds of decision occur.
     */
    @Test
    void whatTheImporterCallsCertainIsTheDevicesDecisionWhateverItCouldNotModel() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Random rnd = new Random(SEED + 1);
            int certain = 0, uncertain = 0;
            for (int c = 0; c < CONFIGS; c++) {
                Config cfg = generate(rnd, true);
                STUN.set(cfg.stun);
                boolean xml = rnd.nextBoolean();
                Path f = tmp.resolve("f" + c + (xml ? ".xml" : ".set"));
                String text = xml ? xml(cfg) : set(cfg, rnd);
                Files.writeString(f, text, StandardCharsets.UTF_8);
                ImportResult r = new PanosImporter().importFile(f, f.getFileName().toString());
                Uncertainty u = new Uncertainty(r);
                for (int k = 0; k < PACKETS; k++) {
                    int proto = new int[] {TCP, UDP, ICMP}[rnd.nextInt(3)];
                    String in = ZONES[rnd.nextInt(3)], out = ZONES[rnd.nextInt(3)];
                    int s = rnd.nextInt(16), d = rnd.nextInt(16), sport = rnd.nextBoolean() ? 1000 : 50123;
                    int dport = proto == ICMP ? 0 : PORTS[rnd.nextInt(PORTS.length)];
                    Evaluation e = PolicyEvaluator.evaluate(r, OnePacket.set(proto == TCP ? "tcp" : proto == UDP ? "udp" : "icmp",
                            "10.0.0." + s, sport, "10.0.0." + d, dport), in, out);
                    if (u.of(e.decisions()) != null) {
                        uncertain++;
                        continue;
                    }
                    certain++;
                    Action actual = e.permitted().isEmpty() ? Action.DENY : Action.PERMIT;
                    long seed = rnd.nextLong();
                    for (int world = 0; world < 4; world++) {
                        Action expected = oracle(cfg, in, out, proto, s, sport, d, dport, new Random(seed + world));
                        int kk = k;
                        assertEquals(expected, actual, () -> "certain, but the device decides otherwise: packet " + kk + " " + in + "->" + out
                                + " proto " + proto + " 10.0.0." + s + " -> 10.0.0." + d + ":" + dport + "\n" + text);
                    }
                }
            }
            // both kinds occur in numbers (an uncertain rule limited to other zones leaves a decision certain, see
            // Uncertainty, so fewer than a tenth are uncertain)
            assertTrue(certain > 1000 && uncertain > 500, "both kinds occur: " + certain + " certain, " + uncertain + " uncertain");
            STUN.remove();
        });
    }

    // ---- the oracle ------------------------------------------------------------------------

    static Action oracle(Config cfg, String in, String out, int proto, int s, int sport, int d, int dport) {
        return oracle(cfg, in, out, proto, s, sport, d, dport, null);
    }

    /** As the firewall decides; {@code users} says, rule by rule, whether the packet's user is one a source-user rule names. */
    static Action oracle(Config cfg, String in, String out, int proto, int s, int sport, int d, int dport, Random users) {
        for (SecRule r : cfg.rules) {
            if (r.disabled) continue;
            if (r.user && !users.nextBoolean()) continue;
            boolean fromOk = r.from.contains("any") || r.from.contains(in);
            boolean toOk = r.to.contains("any") || r.to.contains(out);
            boolean zones = switch (r.type) {
                case "intrazone" -> in.equals(out) && fromOk;
                case "interzone" -> !in.equals(out) && fromOk && toOk;
                default -> fromOk && toOk;
            };
            if (!zones) continue;
            if (any(r.src, s) == r.negSrc) continue;
            if (any(r.dst, d) == r.negDst) continue;
            if (!service(r, proto, sport, dport)) continue;
            return r.action.equals("allow") ? Action.PERMIT : Action.DENY;
        }
        String dflt = in.equals(out) ? (cfg.intrazone != null ? cfg.intrazone : "allow") : (cfg.interzone != null ? cfg.interzone : "deny");
        return dflt.equals("allow") ? Action.PERMIT : Action.DENY;
    }

    static boolean any(List<Addr> addrs, int octet) {
        for (Addr a : addrs) if (a.octets.get(octet)) return true;
        return false;
    }

    /** The configuration being checked, for its stun ports. */
    static final ThreadLocal<List<int[]>> STUN = ThreadLocal.withInitial(List::of);

    static boolean service(SecRule r, int proto, int sport, int dport) {
        if (!r.apps.isEmpty()) {
            // applications of the table on application-default: their default ports
            for (String app : r.apps) {
                boolean hit = switch (app) {
                    case "ssl" -> proto == TCP && dport == 443;
                    case "web-browsing" -> proto == TCP && dport == 80;
                    case "dns" -> proto == TCP && dport == 53 || proto == UDP && (dport == 53 || dport == 5353);
                    case "stun" -> STUN.get().stream().anyMatch(x -> x[0] == proto && x[1] == dport);
                    default -> throw new IllegalStateException(app);
                };
                if (hit) return true;
            }
            return false;
        }
        for (NamedSvc n : r.services) if (n.svc.test(proto, sport, dport)) return true;
        return false;
    }

    // ---- generation ----------------------------------------------------------------------

    static BitSet range(int lo, int hi) {
        BitSet b = new BitSet();
        b.set(lo, hi + 1);
        return b;
    }

    static Config generate(Random rnd) {
        return generate(rnd, false);
    }

    static Config generate(Random rnd, boolean flawed) {
        Config cfg = new Config();
        cfg.flawed = flawed;
        int host = rnd.nextInt(16);
        object(cfg, "host", "ip-netmask", "10.0.0." + host + (rnd.nextBoolean() ? "/32" : ""), range(host, host));
        int lo = rnd.nextInt(16), hi = lo + rnd.nextInt(16 - lo);
        object(cfg, "span", "ip-range", "10.0.0." + lo + "-10.0.0." + hi, range(lo, hi));
        int base = rnd.nextInt(2) * 8;
        object(cfg, "net", "ip-netmask", "10.0.0." + base + "/29", range(base, base + 7));
        // wildcard: bit 0 and bit 3 free around a random base
        int wbase = rnd.nextInt(16) & ~0b1001;
        BitSet wild = new BitSet();
        for (int x : new int[] {0, 1, 8, 9}) wild.set(wbase | x);
        object(cfg, "wild", "ip-wildcard", "10.0.0." + wbase + "/0.0.0.9", wild);
        // a static group of two objects and a group nesting it
        Addr g1a = cfg.addresses.get(0), g1b = cfg.addresses.get(2);
        BitSet inner = (BitSet) g1a.octets.clone();
        inner.or(g1b.octets);
        group(cfg, "inner", List.of(g1a.name, g1b.name), inner);
        int extra = rnd.nextInt(16);
        BitSet outer = (BitSet) inner.clone();
        outer.set(extra);
        group(cfg, "outer", List.of("inner", "10.0.0." + extra), outer);

        // services
        int p1 = PORTS[rnd.nextInt(PORTS.length)], p2 = PORTS[rnd.nextInt(PORTS.length)];
        int r1 = Math.min(p1, p2), r2 = Math.max(p1, p2);
        service(cfg, "svc-tcp", "tcp", p1 + "," + p2, null, (pr, sp, dp) -> pr == TCP && (dp == p1 || dp == p2));
        service(cfg, "svc-udp-range", "udp", r1 + "-" + r2, null, (pr, sp, dp) -> pr == UDP && dp >= r1 && dp <= r2);
        service(cfg, "svc-sport", "tcp", "5061", "1024-65535", (pr, sp, dp) -> pr == TCP && dp == 5061 && sp >= 1024);
        cfg.services.add(new NamedSvc((pr, sp, dp) -> pr == TCP && (dp == 80 || dp == 8080), "service-http"));
        cfg.services.add(new NamedSvc((pr, sp, dp) -> pr == TCP && dp == 443, "service-https"));
        Svc groupSvc = (pr, sp, dp) -> cfg.services.get(0).svc.test(pr, sp, dp) || cfg.services.get(4).svc.test(pr, sp, dp);
        cfg.xmlObjects.append("<service-group><entry name=\"svc-group\"><members><member>svc-tcp</member><member>service-https</member>")
                .append("</members></entry></service-group>\n");
        cfg.setLines.append("set service-group svc-group members [ svc-tcp service-https ]\n");
        cfg.services.add(new NamedSvc(groupSvc, "svc-group"));

        if (flawed) {
            // an FQDN: what it resolves to at run time is the device's business, here a random set
            BitSet resolved = new BitSet();
            for (int o = 0; o < 16; o++) if (rnd.nextInt(3) == 0) resolved.set(o);
            cfg.xmlObjects.append("<address><entry name=\"cdn\"><fqdn>cdn.example</fqdn></entry></address>\n");
            cfg.setLines.append("set address cdn fqdn cdn.example\n");
            cfg.addresses.add(new Addr(resolved, "cdn"));
            for (int port : PORTS) {
                if (rnd.nextInt(3) == 0) cfg.stun.add(new int[] {UDP, port});
                if (rnd.nextInt(6) == 0) cfg.stun.add(new int[] {TCP, port});
            }
        }
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) cfg.rules.add(rule(cfg, rnd, "rule " + i));
        String[] defaults = {null, "allow", "deny", "drop"};
        cfg.intrazone = defaults[rnd.nextInt(4)];
        cfg.interzone = defaults[rnd.nextInt(4)];
        return cfg;
    }

    static void object(Config cfg, String name, String type, String value, BitSet octets) {
        cfg.xmlObjects.append("<address><entry name=\"").append(name).append("\"><").append(type).append('>').append(value).append("</")
                .append(type).append("></entry></address>\n");
        cfg.setLines.append("set address ").append(name).append(' ').append(type).append(' ').append(value).append('\n');
        cfg.addresses.add(new Addr(octets, name));
    }

    static void group(Config cfg, String name, List<String> members, BitSet octets) {
        cfg.xmlObjects.append("<address-group><entry name=\"").append(name).append("\"><static>");
        for (String m : members) cfg.xmlObjects.append("<member>").append(m).append("</member>");
        cfg.xmlObjects.append("</static></entry></address-group>\n");
        cfg.setLines.append("set address-group ").append(name).append(" static [ ").append(String.join(" ", members)).append(" ]\n");
        cfg.addresses.add(new Addr(octets, name));
    }

    static void service(Config cfg, String name, String proto, String ports, String sports, Svc svc) {
        cfg.xmlObjects.append("<service><entry name=\"").append(name).append("\"><protocol><").append(proto).append("><port>")
                .append(ports).append("</port>");
        if (sports != null) cfg.xmlObjects.append("<source-port>").append(sports).append("</source-port>");
        cfg.xmlObjects.append("</").append(proto).append("></protocol></entry></service>\n");
        cfg.setLines.append("set service ").append(name).append(" protocol ").append(proto).append(" port ").append(ports).append('\n');
        if (sports != null) cfg.setLines.append("set service ").append(name).append(" protocol ").append(proto).append(" source-port ")
                .append(sports).append('\n');
        cfg.services.add(new NamedSvc(svc, name));
    }

    static SecRule rule(Config cfg, Random rnd, String name) {
        String type = new String[] {"universal", "universal", "intrazone", "interzone", null}[rnd.nextInt(5)];
        List<String> from = zones(rnd), to = type != null && type.equals("intrazone") ? from : zones(rnd);
        List<Addr> src = addrs(cfg, rnd), dst = addrs(cfg, rnd);
        List<NamedSvc> services = new ArrayList<>();
        List<String> apps = new ArrayList<>();
        if (cfg.flawed && rnd.nextInt(6) == 0) {
            apps.add("stun");
        } else if (rnd.nextInt(4) == 0) {
            String[] table = {"ssl", "web-browsing", "dns"};
            apps.add(table[rnd.nextInt(3)]);
            if (rnd.nextBoolean()) {
                String other = table[rnd.nextInt(3)];
                if (!apps.contains(other)) apps.add(other);
            }
        } else if (rnd.nextInt(5) == 0) {
            services.add(new NamedSvc((p, s, d) -> true, "any"));
        } else {
            int k = 1 + rnd.nextInt(2);
            for (int i = 0; i < k; i++) services.add(cfg.services.get(rnd.nextInt(cfg.services.size())));
        }
        String action = new String[] {"allow", "allow", "deny", "drop", "reset-client", "reset-server", "reset-both"}[rnd.nextInt(7)];
        return new SecRule(name, from, to, type == null ? "universal" : type, type, src, rnd.nextInt(6) == 0, dst, rnd.nextInt(6) == 0,
                services, apps, action, rnd.nextInt(10) == 0, cfg.flawed && rnd.nextInt(6) == 0);
    }

    static List<String> zones(Random rnd) {
        if (rnd.nextInt(4) == 0) return List.of("any");
        List<String> z = new ArrayList<>();
        for (String x : ZONES) if (rnd.nextBoolean()) z.add(x);
        if (z.isEmpty()) z.add(ZONES[rnd.nextInt(3)]);
        return z;
    }

    static List<Addr> addrs(Config cfg, Random rnd) {
        if (rnd.nextInt(4) == 0) return List.of(new Addr(range(0, 15), "any"));
        List<Addr> out = new ArrayList<>();
        int k = 1 + rnd.nextInt(2);
        for (int i = 0; i < k; i++) {
            if (rnd.nextInt(4) == 0) {
                int o = rnd.nextInt(16);
                out.add(new Addr(range(o, o), "10.0.0." + o));
            } else {
                out.add(cfg.addresses.get(rnd.nextInt(cfg.addresses.size())));
            }
        }
        return out;
    }

    // ---- the two forms ---------------------------------------------------------------------

    static String xml(Config cfg) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<config version=\"10.1.0\" urldb=\"paloaltonetworks\">\n");
        x.append("<devices><entry name=\"localhost.localdomain\"><vsys><entry name=\"vsys1\">\n<zone>\n");
        for (String z : ZONES) x.append("<entry name=\"").append(z).append("\"><network><layer3/></network></entry>\n");
        x.append("</zone>\n").append(cfg.xmlObjects).append("<rulebase><security><rules>\n");
        for (SecRule r : cfg.rules) {
            x.append("<entry name=\"").append(r.name).append("\">\n");
            members(x, "from", r.from);
            members(x, "to", r.to);
            members(x, "source", r.src.stream().map(Addr::name).toList());
            members(x, "destination", r.dst.stream().map(Addr::name).toList());
            if (r.negSrc) x.append("<negate-source>yes</negate-source>\n");
            if (r.negDst) x.append("<negate-destination>yes</negate-destination>\n");
            if (r.user) x.append("<source-user><member>corp\\lync-admins</member></source-user>\n");
            members(x, "application", r.apps.isEmpty() ? List.of("any") : r.apps);
            members(x, "service", r.apps.isEmpty() ? r.services.stream().map(NamedSvc::name).toList() : List.of("application-default"));
            if (r.written != null) x.append("<rule-type>").append(r.type).append("</rule-type>\n");
            x.append("<action>").append(r.action).append("</action>\n");
            if (r.disabled) x.append("<disabled>yes</disabled>\n");
            x.append("</entry>\n");
        }
        x.append("</rules></security>\n");
        if (cfg.intrazone != null || cfg.interzone != null) {
            x.append("<default-security-rules><rules>\n");
            if (cfg.intrazone != null) x.append("<entry name=\"intrazone-default\"><action>").append(cfg.intrazone).append("</action></entry>\n");
            if (cfg.interzone != null) x.append("<entry name=\"interzone-default\"><action>").append(cfg.interzone).append("</action></entry>\n");
            x.append("</rules></default-security-rules>\n");
        }
        x.append("</rulebase>\n</entry></vsys></entry></devices>\n</config>\n");
        return x.toString();
    }

    static void members(StringBuilder x, String tag, List<String> values) {
        x.append('<').append(tag).append('>');
        for (String v : values) x.append("<member>").append(v).append("</member>");
        x.append("</").append(tag).append(">\n");
    }

    static String set(Config cfg, Random rnd) {
        StringBuilder s = new StringBuilder();
        for (String z : ZONES) s.append("set zone ").append(z).append(" network layer3\n");
        s.append(cfg.setLines);
        for (SecRule r : cfg.rules) {
            String p = "set rulebase security rules \"" + r.name + "\" ";
            List<String> attrs = new ArrayList<>();
            attrs.add("from " + list(r.from));
            attrs.add("to " + list(r.to));
            attrs.add("source " + list(r.src.stream().map(Addr::name).toList()));
            attrs.add("destination " + list(r.dst.stream().map(Addr::name).toList()));
            if (r.negSrc) attrs.add("negate-source yes");
            if (r.negDst) attrs.add("negate-destination yes");
            if (r.user) attrs.add("source-user corp\\lync-admins");
            attrs.add("application " + list(r.apps.isEmpty() ? List.of("any") : r.apps));
            attrs.add("service " + list(r.apps.isEmpty() ? r.services.stream().map(NamedSvc::name).toList() : List.of("application-default")));
            if (r.written != null) attrs.add("rule-type " + r.type);
            attrs.add("action " + r.action);
            if (r.disabled) attrs.add("disabled yes");
            if (rnd.nextBoolean()) {
                for (String a : attrs) s.append(p).append(a).append('\n'); // one leaf a line, as PAN-OS prints it
            } else {
                s.append(p).append(String.join(" ", attrs)).append('\n'); // all on one line, as people write them
            }
        }
        if (cfg.intrazone != null) s.append("set rulebase default-security-rules rules intrazone-default action ").append(cfg.intrazone).append('\n');
        if (cfg.interzone != null) s.append("set rulebase default-security-rules rules interzone-default action ").append(cfg.interzone).append('\n');
        return s.toString();
    }

    static String list(List<String> v) {
        return v.size() == 1 && !v.get(0).contains(" ") ? v.get(0) : "[ " + String.join(" ", v) + " ]";
    }
}
