package io.lyncaudit.deployment;

import io.lyncaudit.io.InputText;
import io.lyncaudit.io.YamlTree;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.BadInputException;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a deployment file (format of contracts/deployment.example.yaml) and validates it; every
 * mistake is reported with the file, line and field path.
 */
public final class DeploymentLoader {
    private static final List<String> TOP = List.of("schemaVersion", "name", "catalog", "edge", "features", "portRanges",
            "pools", "networks", "firewalls", "ipsec");
    private static final List<String> SERVER = List.of("name", "internal", "accessEdge", "webConferencingEdge", "avEdge");
    private static final List<String> IFACE = List.of("address", "public");
    private static final List<String> POOL = List.of("name", "role", "vip", "servers", "collocatedMediation",
            "centralManagementStore", "internal", "external", "loadBalancing");
    private static final List<String> FIREWALL = List.of("name", "config", "format", "encoding", "interfaces", "host", "edgeAddresses",
            "profile", "action", "vdom");
    private static final List<String> IPSEC = List.of("config", "format", "encoding");
    private static final List<String> PORT_RANGES = List.of("edgeMedia", "audio", "video", "applicationSharing", "clientMedia");
    /** Formats a deployment may name; only some have importers yet, the rest are rejected when loaded. */
    public static final List<String> FORMATS = List.of("spreadsheet", "cisco-asa", "cisco-ios", "iptables", "nftables",
            "panos", "fortigate", "junos-srx", "junos", "windows-firewall", "windows-ipsec", "aws-sg", "azure-nsg", "neutral");
    public static final Map<String, String> DEFAULT_PORT_RANGES = Map.of(
            "edgeMedia", "50000-59999", "audio", "49152-57500", "video", "57501-65535", "applicationSharing", "49152-65535");

    private DeploymentLoader() {}

    /** Loads and validates; {@code displayName} is how the file is named in messages and reports. */
    public static Deployment load(Path file, String displayName) throws BadInputException {
        if (!Files.isRegularFile(file)) throw new BadInputException(displayName, 0, "deployment file not found");
        YamlTree root = YamlTree.load(file, displayName);
        root.allowOnly(TOP);
        Map<String, YamlTree> top = root.entries();

        YamlTree v = root.require("schemaVersion");
        if (v.integer() != 1) throw v.error("schemaVersion " + v.text() + " is not supported (this lyncaudit reads version 1)");
        String name = root.get("name") != null ? root.get("name").text() : file.getFileName().toString();
        String catalog = "lync-server-2013";
        if (top.containsKey("catalog")) {
            catalog = top.get("catalog").text();
            if (!catalog.equals("lync-server-2013")) throw top.get("catalog").error("unknown catalog '" + catalog + "' (known: lync-server-2013)");
        }

        Map<String, IntervalSet> networks = networks(top.get("networks"));
        Edge edge = edge(root.require("edge"));
        Map<String, Boolean> features = features(top.get("features"));
        Map<String, IntervalSet> ranges = portRanges(top.get("portRanges"));
        List<Pool> pools = pools(top.get("pools"));
        Path dir = file.toAbsolutePath().getParent();
        List<FirewallSpec> firewalls = firewalls(top.get("firewalls"), dir, networks);
        List<IpsecSpec> ipsec = ipsec(top.get("ipsec"), dir);
        return new Deployment(file, displayName, name, catalog, edge, features, ranges, pools, networks, firewalls, ipsec);
    }

    private static Map<String, IntervalSet> networks(YamlTree t) throws BadInputException {
        Map<String, IntervalSet> out = new LinkedHashMap<>();
        Map<String, YamlTree> lines = new LinkedHashMap<>();
        if (t == null || t.isNull()) return out;
        for (Map.Entry<String, YamlTree> e : t.entries().entrySet()) {
            IntervalSet s = IntervalSet.EMPTY;
            for (YamlTree item : e.getValue().scalarItems()) s = s.union(address(item).set());
            out.put(e.getKey(), s);
            lines.put(e.getKey(), e.getValue());
        }
        // Side networks may nest (clients inside internal) but must not partly overlap: a packet's
        // side would then depend on the order of the file.
        List<String> names = new ArrayList<>(out.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i), b = names.get(j);
                if (Deployment.PARTNER_NETWORKS.contains(a) || Deployment.PARTNER_NETWORKS.contains(b)) continue;
                IntervalSet x = out.get(a), y = out.get(b);
                if (x.intersects(y) && !x.containsAll(y) && !y.containsAll(x)) {
                    throw lines.get(b).error("network '" + b + "' partly overlaps network '" + a + "' ("
                            + Addresses.format(x.intersect(y)) + "); networks may nest but not partly overlap");
                }
            }
        }
        return out;
    }

    private static Edge edge(YamlTree t) throws BadInputException {
        t.allowOnly(List.of("scenario", "servers", "vips"));
        YamlTree sc = t.require("scenario");
        EdgeScenario scenario = EdgeScenario.fromId(sc.text());
        if (scenario == null) throw sc.error("unknown scenario '" + sc.text() + "'; expected one of: " + EdgeScenario.ids());
        List<EdgeServer> servers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        YamlTree list = t.require("servers");
        for (YamlTree s : list.items()) {
            EdgeServer server = edgeServer(s, scenario, true);
            if (!names.add(server.name())) throw s.error("Edge Server name '" + server.name() + "' appears twice");
            servers.add(server);
        }
        if (servers.isEmpty()) throw list.error("at least one Edge Server is needed");
        if (scenario.name().startsWith("SINGLE") && servers.size() > 1) {
            throw list.error("scenario " + scenario.id() + " has one Edge Server, found " + servers.size()
                    + " (use scaled-dns-nat, scaled-dns-public or scaled-hlb)");
        }
        EdgeServer vips = null;
        YamlTree vt = t.get("vips");
        if (scenario == EdgeScenario.SCALED_HLB) {
            if (vt == null || vt.isNull()) throw t.error("scenario scaled-hlb needs 'vips' (the load balancer VIPs)");
            vips = edgeServer(vt, scenario, false);
        } else if (vt != null && !vt.isNull()) {
            throw vt.error("'vips' belongs to scenario scaled-hlb only");
        }
        return new Edge(scenario, servers, vips, t.line());
    }

    private static EdgeServer edgeServer(YamlTree s, EdgeScenario scenario, boolean needsName) throws BadInputException {
        s.allowOnly(SERVER);
        String name = needsName ? s.require("name").text() : "vips";
        return new EdgeServer(name, address(s.require("internal")), edgeInterface(s.require("accessEdge"), scenario),
                edgeInterface(s.require("webConferencingEdge"), scenario), edgeInterface(s.require("avEdge"), scenario), s.line());
    }

    private static EdgeInterface edgeInterface(YamlTree t, EdgeScenario scenario) throws BadInputException {
        if (t.isScalar()) {
            if (scenario.nat()) throw t.error("scenario " + scenario.id() + " uses NAT: give { address: PRIVATE, public: PUBLIC }");
            return new EdgeInterface(address(t), null);
        }
        t.allowOnly(IFACE);
        Address a = address(t.require("address"));
        YamlTree p = t.get("public");
        if (scenario.nat() && (p == null || p.isNull())) {
            throw t.error("scenario " + scenario.id() + " uses NAT: the public address is missing");
        }
        Address pub = p == null || p.isNull() ? null : address(p);
        return new EdgeInterface(a, pub);
    }

    private static Map<String, Boolean> features(YamlTree t) throws BadInputException {
        Map<String, Boolean> out = new LinkedHashMap<>(Features.DEFAULTS);
        if (t == null || t.isNull()) return out;
        t.allowOnly(Features.DEFAULTS.keySet());
        for (Map.Entry<String, YamlTree> e : t.entries().entrySet()) out.put(e.getKey(), e.getValue().bool());
        return out;
    }

    private static Map<String, IntervalSet> portRanges(YamlTree t) throws BadInputException {
        Map<String, IntervalSet> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : DEFAULT_PORT_RANGES.entrySet()) out.put(d.getKey(), Ports.parseRange(d.getValue()));
        if (t == null || t.isNull()) return out;
        t.allowOnly(PORT_RANGES);
        for (Map.Entry<String, YamlTree> e : t.entries().entrySet()) {
            try {
                out.put(e.getKey(), Ports.parseRange(e.getValue().text()));
            } catch (IllegalArgumentException ex) {
                throw e.getValue().error(ex.getMessage());
            }
        }
        return out;
    }

    private static List<Pool> pools(YamlTree t) throws BadInputException {
        List<Pool> out = new ArrayList<>();
        if (t == null || t.isNull()) return out;
        Set<String> names = new HashSet<>();
        for (YamlTree p : t.items()) {
            p.allowOnly(POOL);
            String name = p.require("name").text();
            if (!names.add(name)) throw p.error("pool name '" + name + "' appears twice");
            YamlTree rt = p.require("role");
            Role role = Role.fromId(rt.text());
            if (role == null) throw rt.error("unknown role '" + rt.text() + "'; expected one of: " + Role.ids());
            Address vip = p.get("vip") != null && !p.get("vip").isNull() ? address(p.get("vip")) : null;
            List<Address> servers = new ArrayList<>();
            if (p.get("servers") != null && !p.get("servers").isNull()) {
                for (YamlTree s : p.get("servers").scalarItems()) servers.add(address(s));
            }
            Address internal = p.get("internal") != null && !p.get("internal").isNull() ? address(p.get("internal")) : null;
            EdgeInterface external = null;
            YamlTree ext = p.get("external");
            if (ext != null && !ext.isNull()) {
                if (ext.isScalar()) {
                    external = new EdgeInterface(address(ext), null);
                } else {
                    ext.allowOnly(IFACE);
                    YamlTree pub = ext.get("public");
                    external = new EdgeInterface(address(ext.require("address")), pub == null || pub.isNull() ? null : address(pub));
                }
            }
            if (servers.isEmpty() && vip == null && internal == null && external == null) {
                throw p.error("pool '" + name + "' has no address: give servers, vip, or internal/external");
            }
            boolean med = p.get("collocatedMediation") != null && p.get("collocatedMediation").bool();
            boolean cms = p.get("centralManagementStore") != null && p.get("centralManagementStore").bool();
            String lb = null;
            YamlTree lt = p.get("loadBalancing");
            if (lt != null && !lt.isNull()) {
                lb = lt.text();
                if (!lb.equals(Pool.HLB) && !lb.equals(Pool.DNS)) throw lt.error("loadBalancing is 'hlb' or 'dns', found '" + lb + "'");
                if (vip == null) throw lt.error("loadBalancing needs a 'vip' (the hardware load balancer both kinds use)");
            }
            out.add(new Pool(name, role, vip, servers, med, cms, internal, external, p.line(), lb));
        }
        return out;
    }

    private static List<FirewallSpec> firewalls(YamlTree t, Path dir, Map<String, IntervalSet> networks) throws BadInputException {
        List<FirewallSpec> out = new ArrayList<>();
        if (t == null || t.isNull()) return out;
        Set<String> names = new HashSet<>();
        for (YamlTree f : t.items()) {
            f.allowOnly(FIREWALL);
            String name = f.require("name").text();
            if (!names.add(name)) throw f.error("firewall name '" + name + "' appears twice");
            YamlTree ct = f.require("config");
            Path config = dir.resolve(ct.text()).normalize();
            if (!Files.isRegularFile(config)) throw ct.error("config file '" + ct.text() + "' not found (looked at " + config + ")");
            String format = null;
            YamlTree ft = f.get("format");
            if (ft != null && !ft.isNull()) {
                format = ft.text();
                if (!FORMATS.contains(format)) throw ft.error("unknown format '" + format + "'; expected one of: " + String.join(", ", FORMATS));
            }
            Map<String, List<String>> ifaces = new LinkedHashMap<>();
            YamlTree it = f.get("interfaces");
            if (it != null && !it.isNull()) {
                for (Map.Entry<String, YamlTree> e : it.entries().entrySet()) {
                    List<String> nets = new ArrayList<>();
                    for (YamlTree n : e.getValue().scalarItems()) {
                        String net = n.text();
                        if (!net.equals("internet") && !networks.containsKey(net)) {
                            throw n.error("unknown network '" + net + "'; define it under networks (known: "
                                    + String.join(", ", networks.keySet()) + ", internet)");
                        }
                        nets.add(net);
                    }
                    ifaces.put(e.getKey(), nets);
                }
            }
            Address host = f.get("host") != null && !f.get("host").isNull() ? address(f.get("host")) : null;
            if (host == null && ifaces.size() < 2) {
                throw f.error("firewall '" + name + "' needs 'interfaces' naming the networks behind at least two of its interfaces or zones, or 'host' for a host firewall");
            }
            String edgeAddresses = null; // not stated: private, unless the export translates the Edge addresses itself
            YamlTree ea = f.get("edgeAddresses");
            if (ea != null && !ea.isNull()) {
                edgeAddresses = ea.text();
                if (!edgeAddresses.equals("private") && !edgeAddresses.equals("public") && !edgeAddresses.equals("nat")) {
                    throw ea.error("edgeAddresses is 'private', 'public' or 'nat', found '" + edgeAddresses + "'");
                }
            }
            String profile = null;
            YamlTree pt = f.get("profile");
            if (pt != null && !pt.isNull()) {
                profile = pt.text().strip().toLowerCase(java.util.Locale.ROOT);
                if (!FirewallSpec.PROFILES.contains(profile)) {
                    throw pt.error("profile is one of " + String.join(", ", FirewallSpec.PROFILES) + " (the Windows network profile), found '"
                            + pt.text() + "'");
                }
            }
            String rowAction = null;
            YamlTree at = f.get("action");
            if (at != null && !at.isNull()) {
                rowAction = at.text().strip().toLowerCase(java.util.Locale.ROOT);
                if (!FirewallSpec.ROW_ACTIONS.contains(rowAction)) {
                    throw at.error("expected 'permit' (every row of the spreadsheet is an opening) or 'deny', found '" + at.text() + "'");
                }
                if (format != null && !format.equals("spreadsheet")) {
                    throw at.error("'action' is for spreadsheets without an action column; a " + format + " export says the action of each rule");
                }
            }
            String vdom = null;
            YamlTree vt = f.get("vdom");
            if (vt != null && !vt.isNull()) {
                vdom = vt.text().strip();
                if (vdom.isEmpty()) throw vt.error("'vdom' names the VDOM of a multi-VDOM FortiGate export; it is empty");
                if (format != null && !format.equals("fortigate")) {
                    throw vt.error("'vdom' chooses the VDOM of a FortiGate export; a " + format + " export has none");
                }
            }
            out.add(new FirewallSpec(name, config, display(config), format, ifaces, host, edgeAddresses, f.line(), profile, rowAction,
                    encoding(f), vdom));
        }
        return out;
    }

    private static List<IpsecSpec> ipsec(YamlTree t, Path dir) throws BadInputException {
        List<IpsecSpec> out = new ArrayList<>();
        if (t == null || t.isNull()) return out;
        for (YamlTree i : t.items()) {
            i.allowOnly(IPSEC);
            YamlTree ct = i.require("config");
            Path config = dir.resolve(ct.text()).normalize();
            if (!Files.isRegularFile(config)) throw ct.error("config file '" + ct.text() + "' not found (looked at " + config + ")");
            String format = i.get("format") != null ? i.get("format").text() : null;
            out.add(new IpsecSpec(config, display(config), format, i.line(), encoding(i)));
        }
        return out;
    }

    /** The {@code encoding:} of a firewall or IPsec input: null when absent (detected), else a name {@link InputText} knows. */
    private static String encoding(YamlTree input) throws BadInputException {
        YamlTree e = input.get("encoding");
        if (e == null || e.isNull()) return null;
        InputText.Encoding enc = InputText.Encoding.named(e.text());
        if (enc == null) {
            throw e.error("unknown encoding '" + e.text() + "'; expected one of: " + InputText.Encoding.labels()
                    + ", or leave it out to let the content decide");
        }
        return enc.label();
    }

    private static Address address(YamlTree t) throws BadInputException {
        String text = t.text();
        try {
            return new Address(Addresses.parse(text), text, t.line());
        } catch (IllegalArgumentException e) {
            throw t.error(e.getMessage());
        }
    }

    /** A path as reports show it: relative to the working directory when below it. */
    public static String display(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
