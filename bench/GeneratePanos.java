import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a synthetic PAN-OS 10.2 running configuration with RULES security rules (default
 * 20,000), for the import benchmark, as XML (the web interface's export) or in the set form.
 * Deterministic (fixed seed). Run with: java bench/GeneratePanos.java OUT_FILE [RULES] [xml|set]
 *
 * <p>It has what a large firewall has: management users, device settings and security profiles
 * (lines the importer skips), eight layer-3 interfaces in eight zones with a virtual router and
 * static routes, address objects (hosts, subnets, ranges, wildcards, a few FQDNs), nested static and
 * dynamic address groups, custom services with port lists, ranges and source ports, service
 * groups; then the security rules (zones, objects, groups, literals, negation, applications of the
 * table on application-default, services, every action, 2 % disabled, some with users, logging,
 * profiles, tags and descriptions), one NAT rule for every twenty security rules (destination
 * NAT with and without port translation, bi-directional static and dynamic source NAT) and
 * overridden default rules.
 */
public final class GeneratePanos {
    private static final String[] ZONES = {"untrust", "dmz", "trust", "partner", "voice", "guest", "servers", "mgmt"};
    private static final String[] APPS = {"ssl", "web-browsing", "dns", "ntp", "ssh", "ldap", "smtp", "ms-ds-smb"};
    private static final String[] ACTIONS = {"allow", "allow", "allow", "allow", "deny", "drop", "reset-client", "reset-both"};

    private final Random r = new Random(42);
    private final int rules;
    private final List<String> addresses = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final List<String> services = new ArrayList<>();
    private final List<String> serviceGroups = new ArrayList<>();
    private BufferedWriter w;
    private boolean xml;

    private GeneratePanos(int rules) {
        this.rules = rules;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        boolean xml = args.length < 3 || args[2].equals("xml");
        GeneratePanos g = new GeneratePanos(rules);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            g.w = w;
            g.xml = xml;
            if (xml) g.xml();
            else g.set();
        }
        System.out.println(out + ": " + rules + " security rules, " + Files.size(out) / 1024 + " KiB");
    }

    private void ln(String s) throws IOException {
        w.write(s);
        w.write('\n');
    }

    private String ip(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    private String addressValue(int i) {
        return switch (i % 10) {
            case 0, 1, 2, 3, 4 -> "<ip-netmask>" + ip(i * 7 + 1) + "</ip-netmask>";
            case 5, 6 -> "<ip-netmask>" + "172." + (16 + i % 16) + "." + (i / 16 % 256) + ".0/24</ip-netmask>";
            case 7 -> "<ip-range>" + ip(i * 7 + 1) + "-" + ip(i * 7 + 20) + "</ip-range>";
            case 8 -> "<ip-wildcard>10.132." + (i % 256) + ".2/0.0.2.0</ip-wildcard>";
            default -> i % 50 == 9 ? "<fqdn>host" + i + ".woodgrove.example</fqdn>" : "<ip-netmask>" + ip(i * 7 + 3) + "</ip-netmask>";
        };
    }

    private String pick(List<String> l) {
        return l.get(r.nextInt(l.size()));
    }

    private List<String> addrList() {
        int k = r.nextInt(10);
        if (k < 2) return List.of("any");
        List<String> out = new ArrayList<>();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(10);
            out.add(c < 5 ? pick(addresses) : c < 8 ? pick(groups) : "192.0." + r.nextInt(256) + "." + r.nextInt(256));
        }
        return out;
    }

    /** The values of one rule: zones, addresses, applications, services, action, extras. */
    private record Rule(String name, List<String> from, List<String> to, List<String> src, List<String> dst, boolean negSrc,
                        List<String> apps, List<String> svc, String action, boolean disabled, boolean user, boolean labels) {}

    private Rule rule(int i) {
        String f = ZONES[r.nextInt(ZONES.length)], t = ZONES[r.nextInt(ZONES.length)];
        List<String> apps = List.of("any"), svc;
        int s = r.nextInt(10);
        if (s < 2) {
            apps = List.of(APPS[r.nextInt(APPS.length)], APPS[r.nextInt(APPS.length)]).stream().distinct().toList();
            svc = List.of("application-default");
        } else if (s < 3) {
            svc = List.of("any");
        } else if (s < 5) {
            svc = List.of(pick(serviceGroups));
        } else {
            svc = List.of(pick(services), r.nextBoolean() ? "service-https" : pick(services)).stream().distinct().toList();
        }
        return new Rule("rule-" + i, List.of(f), r.nextInt(20) == 0 ? List.of("any") : List.of(t), addrList(), addrList(), r.nextInt(40) == 0,
                apps, svc, ACTIONS[r.nextInt(ACTIONS.length)], r.nextInt(50) == 0, r.nextInt(100) == 0, r.nextInt(3) == 0);
    }

    private void objects() {
        int nAddr = Math.max(100, rules / 4);
        for (int i = 0; i < nAddr; i++) addresses.add("h-" + i);
        for (int i = 0; i < Math.max(20, rules / 40); i++) groups.add("g-" + i);
        for (int i = 0; i < 200; i++) services.add("svc-" + i);
        for (int i = 0; i < 40; i++) serviceGroups.add("sg-" + i);
    }

    private String port(int i) {
        return switch (i % 4) {
            case 0 -> Integer.toString(1024 + i * 37 % 60000);
            case 1 -> (2000 + i) + "-" + (2100 + i);
            case 2 -> (3000 + i) + "," + (4000 + i) + "," + (5000 + i);
            default -> Integer.toString(i * 13 % 65535 + 1);
        };
    }

    // ---- XML -----------------------------------------------------------------------------------

    private void xml() throws IOException {
        objects();
        ln("<?xml version=\"1.0\"?>");
        ln("<config version=\"10.2.0\" urldb=\"paloaltonetworks\" detail-version=\"10.2.7\">");
        ln("  <mgt-config>");
        ln("    <users>");
        for (int i = 0; i < 20; i++) {
            ln("      <entry name=\"admin" + i + "\">");
            ln("        <phash>$5$bench$" + "0".repeat(43) + "</phash>");
            ln("        <permissions>");
            ln("          <role-based>");
            ln("            <superuser>yes</superuser>");
            ln("          </role-based>");
            ln("        </permissions>");
            ln("      </entry>");
        }
        ln("    </users>");
        ln("  </mgt-config>");
        ln("  <shared>");
        ln("    <address>");
        for (int i = 0; i < 50; i++) ln("      <entry name=\"shared-" + i + "\"><ip-netmask>198.51." + i + ".0/24</ip-netmask></entry>");
        ln("    </address>");
        ln("  </shared>");
        ln("  <devices>");
        ln("    <entry name=\"localhost.localdomain\">");
        ln("      <network>");
        ln("        <interface>");
        ln("          <ethernet>");
        for (int i = 1; i <= 8; i++) {
            ln("            <entry name=\"ethernet1/" + i + "\">");
            ln("              <layer3>");
            ln("                <ip>");
            ln("                  <entry name=\"" + (i == 1 ? "131.107.155.2/24" : "172.20." + i + ".1/24") + "\"/>");
            ln("                </ip>");
            ln("              </layer3>");
            ln("            </entry>");
        }
        ln("          </ethernet>");
        ln("        </interface>");
        ln("        <virtual-router>");
        ln("          <entry name=\"default\">");
        ln("            <interface>");
        for (int i = 1; i <= 8; i++) ln("              <member>ethernet1/" + i + "</member>");
        ln("            </interface>");
        ln("            <routing-table>");
        ln("              <ip>");
        ln("                <static-route>");
        ln("                  <entry name=\"default\"><destination>0.0.0.0/0</destination><interface>ethernet1/1</interface>"
                + "<nexthop><ip-address>131.107.155.1</ip-address></nexthop></entry>");
        ln("                  <entry name=\"internal\"><destination>10.0.0.0/8</destination><interface>ethernet1/3</interface>"
                + "<nexthop><ip-address>172.20.3.254</ip-address></nexthop></entry>");
        ln("                </static-route>");
        ln("              </ip>");
        ln("            </routing-table>");
        ln("          </entry>");
        ln("        </virtual-router>");
        ln("      </network>");
        ln("      <deviceconfig>");
        ln("        <system>");
        ln("          <hostname>bench-fw</hostname>");
        ln("          <ip-address>10.255.0.10</ip-address>");
        ln("        </system>");
        ln("      </deviceconfig>");
        ln("      <vsys>");
        ln("        <entry name=\"vsys1\">");
        ln("          <zone>");
        for (int i = 0; i < ZONES.length; i++) {
            ln("            <entry name=\"" + ZONES[i] + "\"><network><layer3><member>ethernet1/" + (i + 1) + "</member></layer3></network></entry>");
        }
        ln("          </zone>");
        ln("          <address>");
        for (int i = 0; i < addresses.size(); i++) {
            ln("            <entry name=\"" + addresses.get(i) + "\">");
            ln("              " + addressValue(i));
            if (i % 7 == 0) ln("              <tag><member>tier" + i % 3 + "</member></tag>");
            ln("            </entry>");
        }
        ln("          </address>");
        ln("          <address-group>");
        for (int i = 0; i < groups.size(); i++) {
            ln("            <entry name=\"" + groups.get(i) + "\">");
            if (i % 25 == 24) {
                ln("              <dynamic><filter>'tier" + i % 3 + "'</filter></dynamic>");
            } else {
                ln("              <static>");
                for (int k = 0; k < 5; k++) ln("                <member>" + pick(addresses) + "</member>");
                if (i > 0 && i % 4 == 0) ln("                <member>" + groups.get(i - 1) + "</member>");
                ln("              </static>");
            }
            ln("            </entry>");
        }
        ln("          </address-group>");
        ln("          <service>");
        for (int i = 0; i < services.size(); i++) {
            String proto = i % 3 == 0 ? "udp" : "tcp";
            ln("            <entry name=\"" + services.get(i) + "\">");
            ln("              <protocol>");
            ln("                <" + proto + ">");
            ln("                  <port>" + port(i) + "</port>");
            if (i % 10 == 0) ln("                  <source-port>1024-65535</source-port>");
            ln("                </" + proto + ">");
            ln("              </protocol>");
            ln("            </entry>");
        }
        ln("          </service>");
        ln("          <service-group>");
        for (String g : serviceGroups) {
            ln("            <entry name=\"" + g + "\">");
            ln("              <members>");
            for (int k = 0; k < 4; k++) ln("                <member>" + pick(services) + "</member>");
            ln("              </members>");
            ln("            </entry>");
        }
        ln("          </service-group>");
        ln("          <rulebase>");
        ln("            <security>");
        ln("              <rules>");
        for (int i = 0; i < rules; i++) {
            Rule x = rule(i);
            ln("                <entry name=\"" + x.name + "\" uuid=\"00000000-0000-4000-8000-" + String.format("%012d", i) + "\">");
            members("to", x.to);
            members("from", x.from);
            members("source", x.src);
            members("destination", x.dst);
            if (x.negSrc) ln("                  <negate-source>yes</negate-source>");
            members("source-user", x.user ? List.of("corp\\lync-admins") : List.of("any"));
            members("category", List.of("any"));
            members("application", x.apps);
            members("service", x.svc);
            members("hip-profiles", List.of("any"));
            ln("                  <action>" + x.action + "</action>");
            if (x.disabled) ln("                  <disabled>yes</disabled>");
            if (x.labels) {
                ln("                  <description>change CHG-" + (100000 + i) + "</description>");
                ln("                  <tag><member>reviewed</member></tag>");
                ln("                  <profile-setting><group><member>strict</member></group></profile-setting>");
            }
            ln("                  <log-setting>default</log-setting>");
            ln("                </entry>");
        }
        ln("              </rules>");
        ln("            </security>");
        ln("            <nat>");
        ln("              <rules>");
        for (int i = 0; i < rules / 20; i++) {
            ln("                <entry name=\"nat-" + i + "\">");
            switch (i % 4) {
                case 0 -> {
                    ln("                  <destination-translation><translated-address>" + pick(addresses) + "</translated-address>"
                            + (i % 8 == 0 ? "<translated-port>" + (8000 + i % 1000) + "</translated-port>" : "") + "</destination-translation>");
                    members("to", List.of("untrust"));
                    members("from", List.of("untrust"));
                    members("destination", List.of("131.107.155." + (10 + i % 200)));
                }
                case 1 -> {
                    ln("                  <source-translation><static-ip><translated-address>131.107.155." + (10 + i % 200)
                            + "</translated-address><bi-directional>yes</bi-directional></static-ip></source-translation>");
                    members("to", List.of("untrust"));
                    members("from", List.of("dmz"));
                    members("destination", List.of("any"));
                    members("source", List.of("172.20.2." + (i % 250 + 2)));
                }
                default -> {
                    ln("                  <source-translation><dynamic-ip-and-port><interface-address><interface>ethernet1/1</interface>"
                            + "</interface-address></dynamic-ip-and-port></source-translation>");
                    members("to", List.of("untrust"));
                    members("from", List.of(ZONES[2 + i % 6]));
                    members("destination", List.of("any"));
                }
            }
            if (i % 4 != 1) members("source", List.of("any"));
            ln("                  <service>any</service>");
            ln("                </entry>");
        }
        ln("              </rules>");
        ln("            </nat>");
        ln("            <default-security-rules>");
        ln("              <rules>");
        ln("                <entry name=\"interzone-default\"><action>deny</action><log-end>yes</log-end></entry>");
        ln("              </rules>");
        ln("            </default-security-rules>");
        ln("          </rulebase>");
        ln("          <profiles>");
        ln("            <url-filtering>");
        for (int p = 0; p < 20; p++) {
            ln("              <entry name=\"url-" + p + "\">");
            ln("                <block>");
            for (int c = 0; c < 40; c++) ln("                  <member>category-" + c + "</member>");
            ln("                </block>");
            ln("              </entry>");
        }
        ln("            </url-filtering>");
        ln("          </profiles>");
        ln("        </entry>");
        ln("      </vsys>");
        ln("    </entry>");
        ln("  </devices>");
        ln("</config>");
    }

    private void members(String tag, List<String> values) throws IOException {
        StringBuilder s = new StringBuilder("                  <").append(tag).append('>');
        for (String v : values) s.append("<member>").append(v).append("</member>");
        ln(s.append("</").append(tag).append('>').toString());
    }

    // ---- set form ------------------------------------------------------------------------------

    private void set() throws IOException {
        objects();
        for (int i = 0; i < 20; i++) ln("set mgt-config users admin" + i + " permissions role-based superuser yes");
        ln("set deviceconfig system hostname bench-fw");
        for (int i = 1; i <= 8; i++) {
            ln("set network interface ethernet ethernet1/" + i + " layer3 ip " + (i == 1 ? "131.107.155.2/24" : "172.20." + i + ".1/24"));
        }
        ln("set network virtual-router default interface [ ethernet1/1 ethernet1/2 ethernet1/3 ethernet1/4 ethernet1/5 ethernet1/6 ethernet1/7 ethernet1/8 ]");
        ln("set network virtual-router default routing-table ip static-route default destination 0.0.0.0/0 interface ethernet1/1 nexthop ip-address 131.107.155.1");
        for (int i = 0; i < ZONES.length; i++) ln("set zone " + ZONES[i] + " network layer3 ethernet1/" + (i + 1));
        for (int i = 0; i < addresses.size(); i++) {
            String v = addressValue(i);
            String type = v.substring(1, v.indexOf('>'));
            String value = v.substring(v.indexOf('>') + 1, v.lastIndexOf('<'));
            ln("set address " + addresses.get(i) + " " + type + " " + value);
        }
        for (int i = 0; i < groups.size(); i++) {
            List<String> m = new ArrayList<>();
            for (int k = 0; k < 5; k++) m.add(pick(addresses));
            ln("set address-group " + groups.get(i) + " static [ " + String.join(" ", m) + " ]");
        }
        for (int i = 0; i < services.size(); i++) {
            ln("set service " + services.get(i) + " protocol " + (i % 3 == 0 ? "udp" : "tcp") + " port " + port(i));
        }
        for (String g : serviceGroups) {
            ln("set service-group " + g + " members [ " + pick(services) + " " + pick(services) + " ]");
        }
        for (int i = 0; i < rules; i++) {
            Rule x = rule(i);
            String p = "set rulebase security rules " + x.name + " ";
            ln(p + "to " + list(x.to));
            ln(p + "from " + list(x.from));
            ln(p + "source " + list(x.src));
            ln(p + "destination " + list(x.dst));
            if (x.negSrc) ln(p + "negate-source yes");
            ln(p + "source-user " + (x.user ? "corp\\lync-admins" : "any"));
            ln(p + "application " + list(x.apps));
            ln(p + "service " + list(x.svc));
            ln(p + "action " + x.action);
            if (x.disabled) ln(p + "disabled yes");
            if (x.labels) ln(p + "description \"change CHG-" + (100000 + i) + "\"");
            ln(p + "log-setting default");
        }
        ln("set rulebase default-security-rules rules interzone-default action deny");
    }

    private static String list(List<String> v) {
        return v.size() == 1 ? v.get(0) : "[ " + String.join(" ", v) + " ]";
    }
}
