import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates a synthetic Juniper SRX configuration of about LINES lines in set form
 * ({@code show configuration | display set}) or of the same configuration in the hierarchical
 * form, for the import benchmark. Deterministic (fixed seed). Run with:
 * java bench/GenerateSrx.java set|hier OUT_FILE [LINES]
 *
 * <p>Six zones with their interfaces; a global address book (prefixes, ranges, a few DNS names)
 * and nested address-sets; zone address books; custom applications with terms and
 * application-sets; zone-pair policies mixing address and application names, predefined
 * applications, excluded addresses, count and log, a few deactivated; global policies; the default
 * policy; static NAT, destination NAT with pools, source NAT; a configuration group inherited by
 * every context; and the usual noise of system, interfaces, routing and SNMP settings.
 */
public final class GenerateSrx {
    private static final String[] ZONES = {"untrust", "dmz", "edge-ext", "edge-int", "trust", "partners"};
    private static final String[] PREDEFINED = {"junos-http", "junos-https", "junos-ssh", "junos-dns-udp", "junos-dns-tcp", "junos-ntp",
        "junos-ldap", "junos-smtp", "junos-ping", "any"};

    private final Random r = new Random(1207);
    /** Statements in set form, the words of each. */
    private final List<String> set = new ArrayList<>();
    private final List<String> deactivated = new ArrayList<>();

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("set") || args[0].equals("hier"))) {
            System.err.println("usage: java bench/GenerateSrx.java set|hier OUT_FILE [LINES]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        GenerateSrx g = new GenerateSrx();
        g.generate(lines);
        List<String> text = args[0].equals("set") ? g.setForm() : g.hierarchical();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String l : text) w.print(l + "\n");
        }
        System.out.println(out + ": " + text.size() + " lines");
    }

    private void s(String statement) {
        set.add(statement);
    }

    private String ip(int a, int b, int c) {
        return a + "." + b + "." + c + "." + (1 + r.nextInt(250));
    }

    private void generate(int target) {
        s("version 21.4R3-S5.4");
        s("system host-name srx-bench");
        s("system services ssh");
        s("system syslog file messages any notice");
        for (int i = 0; i < 4; i++) s("system ntp server 10.0.0." + (5 + i));
        s("snmp community public authorization read-only");
        s("routing-options static route 0.0.0.0/0 next-hop 131.107.155.1");
        for (int z = 0; z < ZONES.length; z++) {
            for (int u = 0; u < 2; u++) {
                s("interfaces ge-0/0/" + z + " unit " + u + " family inet address 10." + (100 + z) + "." + u + ".1/24");
                s("security zones security-zone " + ZONES[z] + " interfaces ge-0/0/" + z + "." + u);
            }
        }
        s("groups tail security policies from-zone <*> to-zone <*> policy deny-and-log match source-address any");
        s("groups tail security policies from-zone <*> to-zone <*> policy deny-and-log match destination-address any");
        s("groups tail security policies from-zone <*> to-zone <*> policy deny-and-log match application any");
        s("groups tail security policies from-zone <*> to-zone <*> policy deny-and-log then deny");
        s("groups tail security policies from-zone <*> to-zone <*> policy deny-and-log then log session-init");
        int scale = Math.max(1, target / 100_000);
        int addrs = 3000 * scale, sets = 500 * scale, apps = 300 * scale;
        for (int i = 0; i < addrs; i++) {
            int k = r.nextInt(10);
            String v = k < 6 ? ip(10, r.nextInt(256), r.nextInt(256)) + "/32" : k < 8 ? "10." + r.nextInt(256) + "." + r.nextInt(256) + ".0/24"
                    : k < 9 ? "range-address 10.1." + r.nextInt(256) + ".10 to 10.1." + r.nextInt(256) + ".200"
                    : i % 50 == 0 ? "dns-name host" + i + ".corp.example" : "2001:db8:" + Integer.toHexString(i) + "::/64";
            if (v.startsWith("range-address")) {
                String[] p = v.split(" ");
                long a = ipv4(p[1]), b = ipv4(p[3]);
                if (a > b) v = "range-address " + p[3] + " to " + p[1];
            }
            s("security address-book global address a" + i + " " + v);
        }
        for (int i = 0; i < sets; i++) {
            for (int m = 0; m < 5; m++) s("security address-book global address-set s" + i + " address a" + r.nextInt(addrs));
            if (i > 0 && r.nextInt(3) == 0) s("security address-book global address-set s" + i + " address-set s" + r.nextInt(i));
        }
        for (String z : ZONES) {
            for (int i = 0; i < 20; i++) s("security zones security-zone " + z + " address-book address z" + i + " " + ip(172, 16, i) + "/32");
        }
        for (int i = 0; i < apps; i++) {
            int terms = 1 + r.nextInt(3);
            for (int t = 0; t < terms; t++) {
                int p = 1024 + r.nextInt(60000);
                s("applications application app" + i + " term t" + t + " protocol " + (r.nextBoolean() ? "tcp" : "udp") + " destination-port " + p
                        + (r.nextInt(4) == 0 ? "-" + (p + r.nextInt(100)) : ""));
            }
        }
        for (int i = 0; i < apps / 3; i++) {
            for (int m = 0; m < 4; m++) s("applications application-set as" + i + " application app" + r.nextInt(apps));
        }
        for (int i = 0; i < 500 * scale; i++) {
            s("security nat static rule-set st-" + (i % 5) + " from zone " + ZONES[i % 5 == 0 ? 0 : 5]);
            s("security nat static rule-set st-" + (i % 5) + " rule r" + i + " match destination-address 131.107." + (i / 250) + "." + (i % 250) + "/32");
            s("security nat static rule-set st-" + (i % 5) + " rule r" + i + " then static-nat prefix " + ip(172, 25, 33) + "/32");
        }
        for (int i = 0; i < 200 * scale; i++) {
            s("security nat destination pool p" + i + " address " + ip(172, 25, 35) + "/32" + (r.nextBoolean() ? " port " + (8000 + i) : ""));
            s("security nat destination rule-set dn from zone untrust");
            s("security nat destination rule-set dn rule r" + i + " match destination-address 131.108." + (i / 250) + "." + (i % 250) + "/32");
            s("security nat destination rule-set dn rule r" + i + " match destination-port " + (r.nextBoolean() ? 443 : 80));
            s("security nat destination rule-set dn rule r" + i + " then destination-nat pool p" + i);
        }
        s("security nat source rule-set out from zone trust");
        s("security nat source rule-set out to zone untrust");
        s("security nat source rule-set out rule all match source-address 0.0.0.0/0");
        s("security nat source rule-set out rule all then source-nat interface");
        Map<String, Integer> perContext = new LinkedHashMap<>();
        int n = 0;
        int reserve = 20;
        while (set.size() + deactivated.size() < target - reserve) {
            String from = ZONES[r.nextInt(ZONES.length)], to = ZONES[r.nextInt(ZONES.length)];
            String ctx = "security policies from-zone " + from + " to-zone " + to;
            perContext.merge(ctx, 1, Integer::sum);
            String p = ctx + " policy p" + n++ + " ";
            s(p + "match source-address " + addrName(from));
            if (r.nextInt(4) == 0) s(p + "match source-address " + addrName(from));
            if (r.nextInt(40) == 0) s(p + "match source-address-excluded");
            s(p + "match destination-address " + addrName(to));
            int k = r.nextInt(10);
            s(p + "match application " + (k < 4 ? PREDEFINED[r.nextInt(PREDEFINED.length)] : k < 8 ? "app" + r.nextInt(apps) : "as" + r.nextInt(apps / 3)));
            if (r.nextInt(3) == 0) s(p + "match application " + PREDEFINED[r.nextInt(PREDEFINED.length - 1)]);
            s(p + "then " + (r.nextInt(5) < 3 ? "permit" : r.nextBoolean() ? "deny" : "reject"));
            if (r.nextInt(4) == 0) s(p + "then count");
            if (r.nextInt(4) == 0) s(p + "then log session-close");
            if (r.nextInt(100) == 0) deactivated.add("deactivate " + ctx + " policy p" + (n - 1));
        }
        for (String ctx : perContext.keySet()) s(ctx + " apply-groups tail");
        for (int i = 0; i < 3; i++) {
            String p = "security policies global policy g" + i + " ";
            s(p + "match source-address any");
            s(p + "match destination-address any");
            s(p + "match application " + PREDEFINED[i]);
            s(p + "match from-zone " + ZONES[i]);
            s(p + "then permit");
        }
        s("security policies default-policy deny-all");
    }

    private String addrName(String zone) {
        int k = r.nextInt(10);
        if (k == 0) return "any";
        if (k < 3) return "z" + r.nextInt(20);
        if (k < 6) return "s" + r.nextInt(set.isEmpty() ? 1 : 400);
        return "a" + r.nextInt(2000);
    }

    private static long ipv4(String s) {
        long v = 0;
        for (String o : s.split("\\.")) v = v << 8 | Integer.parseInt(o);
        return v;
    }

    private List<String> setForm() {
        List<String> out = new ArrayList<>(set.size() + deactivated.size() + 1);
        out.add("## Last commit: 2026-12-07 10:00:00 UTC by bench");
        for (String st : set) out.add("set " + st);
        out.addAll(deactivated);
        return out;
    }

    /** A block of the hierarchical form: its blocks and leaves in the order they first appear. */
    private static final class Node {
        final Map<String, Node> blocks = new LinkedHashMap<>();
        final List<String> leaves = new ArrayList<>();
        boolean inactive;
    }

    /** The same statements as Junos prints them: every statement under the blocks of its path, each block once. */
    private List<String> hierarchical() {
        java.util.Set<String> inactive = new java.util.HashSet<>();
        for (String d : deactivated) inactive.add(d.substring("deactivate ".length()));
        Node root = new Node();
        for (String st : set) {
            List<String> path = blocks(st);
            String leaf = path.remove(path.size() - 1);
            Node n = root;
            StringBuilder full = new StringBuilder();
            for (String b : path) {
                full.append(full.length() == 0 ? "" : " ").append(b);
                n = n.blocks.computeIfAbsent(b, k -> new Node());
                if (inactive.contains(full.toString())) n.inactive = true;
            }
            n.leaves.add(leaf);
        }
        List<String> out = new ArrayList<>();
        out.add("## Last commit: 2026-12-07 10:00:00 UTC by bench");
        print(root, 0, out);
        return out;
    }

    private static void print(Node n, int depth, List<String> out) {
        String in = "    ".repeat(depth);
        for (String l : n.leaves) out.add(in + l + ";");
        for (Map.Entry<String, Node> e : n.blocks.entrySet()) {
            out.add(in + (e.getValue().inactive ? "inactive: " : "") + e.getKey() + " {");
            print(e.getValue(), depth + 1, out);
            out.add(in + "}");
        }
    }

    /** The blocks of a statement and its leaf, as Junos prints them (a block per named element, a leaf of the last words). */
    private static List<String> blocks(String st) {
        String[] w = st.split(" ");
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < w.length) {
            String x = w[i];
            int rest = w.length - i - 1;
            if (x.equals("from-zone") && rest >= 4 && w[i + 2].equals("to-zone")) {
                out.add(x + " " + w[i + 1] + " to-zone " + w[i + 3]);
                i += 4;
            } else if (rest >= 2 && java.util.Set.of("security-zone", "policy", "rule-set", "rule", "pool", "application", "application-set",
                    "address-set", "term", "unit", "family", "groups", "file").contains(x) && !(x.equals("application") && w[i - 1].equals("match"))
                    && !(x.equals("application") && w[i - 1].startsWith("as"))) {
                out.add(x + " " + w[i + 1]);
                i += 2;
            } else if (rest >= 1 && (x.equals("match") || x.equals("then"))) {
                out.add(x);
                i++;
            } else if (rest >= 2 && java.util.Set.of("security", "policies", "zones", "nat", "static", "destination", "source",
                    "address-book", "global", "system", "services", "syslog", "routing-options", "applications", "interfaces", "snmp",
                    "static-nat", "destination-nat", "source-nat", "log", "community").contains(x)) {
                out.add(x);
                i++;
            } else if (i == 1 && w[0].equals("interfaces") && rest >= 2) {
                out.add(x);
                i++;
            } else {
                break;
            }
        }
        out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, w.length)));
        return out;
    }
}
