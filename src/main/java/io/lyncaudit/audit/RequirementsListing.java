package io.lyncaudit.audit;

import io.lyncaudit.analysis.FirewallChecks;

import io.lyncaudit.analysis.IpsecChecks;
import io.lyncaudit.analysis.Topology;
import io.lyncaudit.catalog.CatalogRows;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.EdgeScenario;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.engine.RuleEngine;
import io.lyncaudit.finding.SourceRow;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import io.lyncaudit.model.PacketBox;
import io.lyncaudit.model.PacketSet;
import io.lyncaudit.model.Ports;
import io.lyncaudit.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What `lyncaudit requirements` lists: the whole catalog, or the concrete flows one deployment requires. */
public final class RequirementsListing {
    private RequirementsListing() {}

    public static final List<String> CATALOG_COLUMNS = List.of("id", "source_file", "table", "row", "protocol", "ports", "source",
            "destination", "scenarios", "features", "severity", "title", "decision");

    /** One line per (requirement, source row) pair. */
    public static Table catalog(RuleEngine engine) {
        List<List<String>> rows = new ArrayList<>();
        for (RequirementSpec s : engine.catalog()) {
            for (SourceRow row : s.sources()) {
                rows.add(List.of(s.id(), row.file(), Integer.toString(row.table()), Integer.toString(row.row()),
                        s.flow().protocolText(), s.flow().portsText(), s.flow().from().text(), s.flow().to().text(),
                        String.join(" ", s.scenarios()), s.features(), s.severity().json(), s.title(),
                        s.decision() == null ? "" : s.decision()));
            }
        }
        // rows of the docs no rule encodes: id empty, the reason in the title
        for (CatalogRows.Unenforced u : CatalogRows.unenforced()) {
            SourceRow row = u.row();
            rows.add(List.of("", row.file(), Integer.toString(row.table()), Integer.toString(row.row()), "", "", "", "", "", "", "",
                    u.reason(), ""));
        }
        return new Table("Lync Server 2013 catalog", CATALOG_COLUMNS, rows);
    }

    /**
     * Columns of a deployment's listing. {@code from} and {@code to} say whose addresses the source and
     * destination are ("fepool01 servers", "fepool01 VIP", "Edge Servers", "network"): whether a flow
     * goes to the servers or to the load balancer.
     */
    public static final List<String> DEPLOYMENT_COLUMNS = List.of("id", "firewall", "interfaces", "protocol", "ports", "source", "from",
            "destination", "to", "severity", "title");

    /** The required flows of one deployment with addresses resolved, per firewall they cross. */
    public static Table forDeployment(RuleEngine engine, Deployment d) {
        List<RequirementSpec> specs = engine.requirements(d.edge().scenario().id(),
                d.features().entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList());
        Topology topo = new Topology(d);
        List<List<String>> rows = new ArrayList<>();
        IpsecChecks ipsec = new IpsecChecks(topo);
        for (RequirementSpec s : specs) {
            if (s.isIpsec()) {
                // an exemption on the servers, not a flow across a firewall; absent roles list nothing
                PacketSet req = ipsec.required(s);
                if (req != null && req.isEmpty()) continue;
                String ports = req == null ? "not checked: portRanges does not configure " + s.flow().portsText().replaceAll("[${}]", "")
                        : ipsecPorts(req.bounds());
                IntervalSet src = req == null ? topo.required(s.flow().from(), null) : req.bounds().sources();
                IntervalSet dst = req == null ? topo.required(s.flow().to(), null) : req.bounds().destinations();
                rows.add(row(s, "", "IPsec exemption", ports, show(src, s.flow().from(), topo), whose(src, s.flow().from(), topo),
                        show(dst, s.flow().to(), topo), whose(dst, s.flow().to(), topo)));
                continue;
            }
            String ports = FirewallChecks.portsText(FirewallChecks.ports(s.flow().ports(), d),
                    s.flow().sourcePorts() == null ? Ports.ALL : FirewallChecks.ports(s.flow().sourcePorts(), d));
            // a requirement of a role the deployment does not have is not one of its requirements; some
            // endpoints resolve on a host firewall only (a load balanced pool's servers take its web ports there)
            boolean absent = topo.required(s.flow().from(), null).isEmpty() || topo.required(s.flow().to(), null).isEmpty();
            boolean crossed = false;
            for (FirewallSpec fw : d.firewalls()) {
                IntervalSet src = topo.required(s.flow().from(), fw, false), dst = topo.required(s.flow().to(), fw, true);
                for (Topology.Crossing x : topo.crossings(fw)) {
                    IntervalSet a = src.intersect(x.inside()), b = dst.intersect(x.outside());
                    if (a.isEmpty() || b.isEmpty()) continue;
                    crossed = true;
                    rows.add(row(s, fw.name(), x.in() + " -> " + x.out(), ports, show(a, s.flow().from(), topo),
                            whose(a, s.flow().from(), topo), show(b, s.flow().to(), topo), whose(b, s.flow().to(), topo)));
                }
            }
            if (!crossed && !absent) {
                IntervalSet src = topo.required(s.flow().from(), null), dst = topo.required(s.flow().to(), null);
                rows.add(row(s, "", "crosses no firewall", ports, show(src, s.flow().from(), topo), whose(src, s.flow().from(), topo),
                        show(dst, s.flow().to(), topo), whose(dst, s.flow().to(), topo)));
            }
        }
        return new Table(d.name() + " (" + d.edge().scenario().id() + "): required flows",
                DEPLOYMENT_COLUMNS, rows);
    }

    /** The source endpoint as the rule writes it, with its source ports ("avEdge:${edgeMedia}"). */
    private static String sourceText(RequirementSpec s) {
        return s.flow().sourcePorts() == null ? s.flow().from().text() : s.flow().from().text() + ":" + s.flow().sourcePorts();
    }

    private static List<String> row(RequirementSpec s, String fw, String ifaces, String ports, String src, String from, String dst,
                                    String to) {
        return List.of(s.id(), fw, ifaces, s.flow().protocolText(), ports, src, from, dst, to, s.severity().json(), s.title());
    }

    /** Whose addresses an endpoint's resolved set holds: a whole side is a network, else the pools' servers or VIPs. */
    private static String whose(IntervalSet set, io.lyncaudit.catalog.EndpointSpec e, Topology topo) {
        return Topology.isWholeSide(e) ? "network" : topo.owners(set);
    }

    private static String ipsecPorts(PacketBox b) {
        String p = Ports.format(b.destinationPorts());
        return b.sourcePorts().equals(Ports.ALL) ? p : Ports.format(b.sourcePorts()) + ">" + p;
    }

    private static String show(IntervalSet set, io.lyncaudit.catalog.EndpointSpec e, Topology topo) {
        return topo.label(e, set);
    }

    /** Scenario ids, for help texts. */
    public static String scenarios() {
        return EdgeScenario.ids();
    }
}
