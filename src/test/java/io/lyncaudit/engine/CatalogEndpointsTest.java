package io.lyncaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lyncaudit.catalog.EndpointSpec;
import io.lyncaudit.catalog.EndpointSpec.Kind;
import io.lyncaudit.catalog.FlowSpec;
import io.lyncaudit.catalog.RequirementSpec;
import io.lyncaudit.finding.Severity;
import io.lyncaudit.finding.SourceRow;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Servers and load balancers stay apart in the catalog: for each requirement, the table family it
 * cites (derived from its {@code @source} file and table) decides which kinds of endpoint it may
 * use. A server-port row (internal servers table 1) goes to servers only; a load balancer row
 * (tables 2 and 3) to VIPs only, and a row of table 2 that table 3 does not repeat to the VIPs of
 * hardware load balanced pools only; the Edge pages name pool VIPs only as "can be defined as",
 * so they are never required; and a VIP is never a source, except the Edge pool's VIPs where the
 * hardware load balanced Edge page's VIP tables name them as the source.
 */
class CatalogEndpointsTest {
    private static final RuleEngine ENGINE = RuleEngine.builtIn();

    static final String INT = "lync-server-2013-ports-and-protocols-for-internal-servers.md";
    static final String HLB_EDGE = "lync-server-2013-port-summary-scaled-consolidated-edge-with-hardware-load-balancers.md";
    static final String HLB_REQ = "lync-server-2013-hardware-load-balancer-requirements.md";

    /** The families of reference tables, each with the endpoint kinds its rows may require. */
    enum Family {
        /** internal servers table 1: "the ports that need to be open on each internal server role" */
        SERVER_PORTS(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.SERVERS), false),
        /** internal servers tables 2 and 3: the ports of the pools' hardware load balancers */
        LOAD_BALANCER_PORTS(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.VIP), false),
        /** the hardware load balancer requirements page: the web services VIPs */
        WEB_LOAD_BALANCER(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.VIP, Kind.POOL), false),
        /** the consolidated Edge pages, the HLB page's node tables, federation, public IM, XMPP, external A/V */
        EDGE(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.SERVERS, Kind.NETWORK), false),
        /** the HLB Edge page's VIP tables (3, 4): the Edge pool's own VIPs, as source too */
        EDGE_VIP(EnumSet.of(Kind.SERVERS, Kind.NETWORK, Kind.VIP), EnumSet.of(Kind.SERVERS, Kind.NETWORK, Kind.VIP), true),
        /** the reverse proxy and Autodiscover pages: "Front End pool, Director pool" is where the pool is reached */
        REVERSE_PROXY(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.SERVERS, Kind.NETWORK, Kind.POOL), false),
        /** the three Director pages */
        DIRECTOR(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.SERVERS, Kind.NETWORK, Kind.POOL), false),
        /** the IPsec exceptions: host addresses */
        IPSEC(EnumSet.of(Kind.SERVERS, Kind.NETWORK), EnumSet.of(Kind.SERVERS, Kind.NETWORK), false);

        final Set<Kind> sources, destinations;
        final boolean edgeVipSource;

        Family(Set<Kind> sources, Set<Kind> destinations, boolean edgeVipSource) {
            this.sources = sources;
            this.destinations = destinations;
            this.edgeVipSource = edgeVipSource;
        }

        static Family of(SourceRow row) {
            String f = row.file();
            if (f.equals(INT)) return row.table() == 1 ? SERVER_PORTS : LOAD_BALANCER_PORTS;
            if (f.equals(HLB_EDGE)) return row.table() >= 3 ? EDGE_VIP : EDGE;
            if (f.equals(HLB_REQ)) return WEB_LOAD_BALANCER;
            if (f.contains("reverse-proxy") || f.contains("autodiscover")) return REVERSE_PROXY;
            if (f.contains("director") || f.contains("dns-and-hlb-load-balanced")) return DIRECTOR;
            if (f.contains("ipsec")) return IPSEC;
            if (f.contains("edge") || f.contains("federation") || f.contains("instant-messaging") || f.contains("a-v-firewall")) return EDGE;
            throw new IllegalArgumentException("no table family for " + row);
        }
    }

    /** The Edge pool's VIPs; every other VIP name is an internal pool's load balancer. */
    static final Set<String> EDGE_VIPS = Set.of("accessEdgeVip", "webConferencingEdgeVip", "avEdgeVip", "edgeInternalVip");
    /** The VIPs of hardware load balanced pools only (table 2 rows that table 3 does not repeat). */
    static final Set<String> HLB_ONLY_VIPS = Set.of("frontEndHlbVip", "frontEndWithMediationHlbVip", "directorHlbVip", "mediationHlbVip");
    /** The VIPs of every pool of a role, hardware or DNS load balanced (rows both tables list). */
    static final Set<String> ALL_MODE_VIPS = Set.of("frontEndVip", "directorVip");

    /** What is wrong with the endpoints of one requirement, given the tables it cites; empty when nothing. */
    static List<String> violations(RequirementSpec s) {
        List<String> out = new ArrayList<>();
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (SourceRow row : s.sources()) families.add(Family.of(row));
        // the two strict families stand alone: a rule is a server-port rule or a load balancer rule
        Set<Family> rule = families;
        if (families.contains(Family.SERVER_PORTS) && families.contains(Family.LOAD_BALANCER_PORTS)) {
            out.add(s.id() + " cites both server ports (table 1) and load balancer ports (tables 2, 3)");
        }
        if (families.contains(Family.SERVER_PORTS)) rule = EnumSet.of(Family.SERVER_PORTS);
        else if (families.contains(Family.LOAD_BALANCER_PORTS)) rule = EnumSet.of(Family.LOAD_BALANCER_PORTS);
        Set<Kind> sources = EnumSet.noneOf(Kind.class), destinations = EnumSet.noneOf(Kind.class);
        boolean edgeVipSource = false;
        for (Family f : rule) {
            sources.addAll(f.sources);
            destinations.addAll(f.destinations);
            edgeVipSource |= f.edgeVipSource;
        }
        EndpointSpec from = s.flow().from(), to = s.flow().to();
        for (String n : from.required()) {
            Kind k = EndpointSpec.kind(n);
            boolean allowed = sources.contains(k) || (k == Kind.VIP && edgeVipSource);
            if (!allowed || (k == Kind.VIP && !EDGE_VIPS.contains(n))) {
                out.add(s.id() + ": required source '" + n + "' (" + k + ") - a VIP opens no connection; " + rule);
            }
        }
        for (String n : from.justified()) {
            Kind k = EndpointSpec.kind(n);
            if (k == Kind.POOL || (k == Kind.VIP && !EDGE_VIPS.contains(n))) {
                out.add(s.id() + ": source '" + n + "' (" + k + ") justified - a pool's VIP is never a source");
            }
        }
        for (String n : to.required()) {
            Kind k = EndpointSpec.kind(n);
            if (!destinations.contains(k)) out.add(s.id() + ": required destination '" + n + "' (" + k + ") for " + rule);
            if (k == Kind.VIP && EDGE_VIPS.contains(n) && !families.contains(Family.EDGE_VIP)) {
                out.add(s.id() + ": the Edge VIP '" + n + "' without a row of the HLB Edge page's VIP tables");
            }
            if (k == Kind.VIP && !EDGE_VIPS.contains(n) && !rule.contains(Family.LOAD_BALANCER_PORTS)
                    && !rule.contains(Family.WEB_LOAD_BALANCER)) {
                out.add(s.id() + ": the pool VIP '" + n + "' is required by no load balancer table " + rule);
            }
        }
        for (String n : to.justified()) {
            if (EndpointSpec.kind(n) == Kind.VIP && rule.contains(Family.SERVER_PORTS)) {
                out.add(s.id() + ": destination '" + n + "' (VIP) justified by a server-port row");
            }
        }
        if (rule.contains(Family.LOAD_BALANCER_PORTS)) {
            boolean table3 = s.sources().stream().anyMatch(r -> r.file().equals(INT) && r.table() == 3);
            for (String n : to.required()) {
                if (table3 && !ALL_MODE_VIPS.contains(n)) {
                    out.add(s.id() + ": a row table 3 lists goes to the VIP of every pool (hlb and dns), not '" + n + "'");
                }
                if (!table3 && !HLB_ONLY_VIPS.contains(n)) {
                    out.add(s.id() + ": a row of table 2 only goes to the VIPs of hardware load balanced pools, not '" + n + "'");
                }
            }
        }
        return out;
    }

    @Test
    void everyRequirementUsesTheEndpointsOfTheTablesItCites() {
        List<String> all = new ArrayList<>();
        Set<Family> seen = new TreeSet<>();
        for (RequirementSpec s : ENGINE.catalog()) {
            all.addAll(violations(s));
            for (SourceRow r : s.sources()) seen.add(Family.of(r));
        }
        assertEquals(List.of(), all);
        assertEquals(EnumSet.allOf(Family.class), seen, "every family is cited by some requirement");
    }

    @Test
    void serverPortRowsGoToServersAndLoadBalancerRowsToVipsOnly() {
        int servers = 0, vips = 0;
        for (RequirementSpec s : ENGINE.catalog()) {
            boolean t1 = s.sources().stream().anyMatch(r -> r.file().equals(INT) && r.table() == 1);
            boolean t23 = s.sources().stream().anyMatch(r -> r.file().equals(INT) && r.table() > 1);
            for (String n : s.flow().to().required()) {
                if (t1) assertEquals(Kind.SERVERS, EndpointSpec.kind(n), s.id() + " " + n);
                if (t23) assertEquals(Kind.VIP, EndpointSpec.kind(n), s.id() + " " + n);
            }
            if (t1) servers++;
            if (t23) vips++;
        }
        assertTrue(servers >= 45 && vips >= 20, servers + " server-port and " + vips + " load balancer requirements");
    }

    /** The checks would catch what issue 13 found: a VIP as destination of a server port, or as a source. */
    @Test
    void theChecksCatchAVipWhereTheTablesPutServers() {
        String single = "lync-server-2013-port-summary-single-director.md";
        String nat = "lync-server-2013-port-summary-single-consolidated-edge-with-private-ip-addresses-using-nat.md";
        // flow, cited file, table, row, what is wrong
        List<Object[]> wrong = List.of(
                new Object[] {"TCP 5062 internal(frontEndServers) -> frontEndVip", INT, 1, 6, "a VIP as destination of a server-port row"},
                new Object[] {"TCP 5062 internal(frontEndServers) -> frontEndServers|frontEndHlbVip", INT, 1, 6, "a VIP beside the servers"},
                new Object[] {"TCP 5062 internal(frontEndServers) -> frontEndWeb", INT, 1, 6, "a pool address for a server-port row"},
                new Object[] {"TCP 444 directorVip -> frontEndServers", single, 1, 3, "a Director VIP as source"},
                new Object[] {"TCP 5061 internal(frontEndVip) -> edgeInternal", nat, 2, 2, "a pool VIP required where the Edge table allows it"},
                new Object[] {"TCP 5061 internal(clients) -> frontEndServers", INT, 2, 1, "servers as destination of a load balancer row"},
                new Object[] {"TCP 5072 internal(frontEndServers) -> frontEndVip", INT, 2, 8, "a table 2 row to a DNS load balanced pool's VIP"},
                new Object[] {"TCP 443 internal(clients) -> frontEndHlbVip", INT, 3, 2, "a table 3 row to hardware load balanced pools only"});
        for (Object[] w : wrong) {
            assertFalse(violations(spec((String) w[0], (String) w[1], (Integer) w[2], (Integer) w[3])).isEmpty(), (String) w[4]);
        }
        assertTrue(violations(spec("TCP 5061 accessEdgePool(accessEdgeVip) -> sipPartners", HLB_EDGE, 3, 5)).isEmpty(),
                "the HLB Edge page's VIP table names the Access Edge VIP as source");
    }

    private static RequirementSpec spec(String flow, String file, int table, int row) {
        return new RequirementSpec("L13-TEST-001", "test", Severity.HIGH, List.of(new SourceRow(file, table, row)), FlowSpec.parse(flow),
                null, List.of("scaled-hlb"), "");
    }
}
