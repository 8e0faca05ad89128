package io.lyncaudit.analysis;

import io.lyncaudit.catalog.EndpointSpec;
import io.lyncaudit.deployment.Address;
import io.lyncaudit.deployment.Deployment;
import io.lyncaudit.deployment.EdgeInterface;
import io.lyncaudit.deployment.EdgeServer;
import io.lyncaudit.deployment.FirewallSpec;
import io.lyncaudit.deployment.Pool;
import io.lyncaudit.deployment.Role;
import io.lyncaudit.model.Addresses;
import io.lyncaudit.model.IntervalSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are: the addresses of each role, each side of the deployment, and what lies
 * behind each interface of each firewall. Edge and reverse proxy interfaces always belong to the
 * perimeter, whatever network their addresses fall in, because that is where the docs put them.
 *
 * <p>A host firewall ({@code host:} in the deployment) guards one address. It has two
 * pseudo-interfaces: {@value #HOST_SIDE} (the guarded address) and {@value #NETWORK_SIDE} (every
 * other address). Inbound traffic enters at {@code network} and leaves at {@code host}; outbound
 * the other way round. Contract for importers of host firewalls (Windows Firewall): a rule with no
 * zones applies in both directions; an inbound rule sets {@code toZones={"host"}} and an outbound
 * rule {@code fromZones={"host"}}.
 */
public final class Topology {
    private final Deployment d;
    private final IntervalSet perimeterHosts;
    private final IntervalSet lyncAddresses;

    public Topology(Deployment d) {
        this.d = d;
        IntervalSet p = IntervalSet.EMPTY;
        for (EdgeServer s : edgeNodesAndVips()) {
            p = p.union(s.internal().set());
            for (EdgeInterface i : List.of(s.accessEdge(), s.webConferencingEdge(), s.avEdge())) p = p.union(both(i));
        }
        for (Pool pool : d.pools(Role.REVERSE_PROXY)) {
            if (pool.internal() != null) p = p.union(pool.internal().set());
            if (pool.external() != null) p = p.union(both(pool.external()));
            for (Address a : pool.servers()) p = p.union(a.set());
        }
        this.perimeterHosts = p;
        IntervalSet l = p;
        for (Pool pool : d.pools()) l = l.union(poolAddresses(pool));
        this.lyncAddresses = l;
    }

    public Deployment deployment() {
        return d;
    }

    private static IntervalSet both(EdgeInterface i) {
        IntervalSet s = i.address().set();
        return i.publicAddress() != null ? s.union(i.publicAddress().set()) : s;
    }

    private List<EdgeServer> edgeNodesAndVips() {
        List<EdgeServer> l = new ArrayList<>(d.edge().servers());
        if (d.edge().vips() != null) l.add(d.edge().vips());
        return l;
    }

    private static IntervalSet poolAddresses(Pool pool) {
        IntervalSet s = IntervalSet.EMPTY;
        if (pool.vip() != null) s = s.union(pool.vip().set());
        for (Address a : pool.servers()) s = s.union(a.set());
        if (pool.internal() != null) s = s.union(pool.internal().set());
        if (pool.external() != null) s = s.union(both(pool.external()));
        return s;
    }

    /** Every address of a Lync server, VIP or Edge interface (private and public): EXTRA looks at traffic to and from these. */
    public IntervalSet lyncAddresses() {
        return lyncAddresses;
    }

    /** The addresses of one side of the deployment: a named network, "internet", or "internal" (every inside network). */
    public IntervalSet side(String name) {
        if (name.equals("perimeter")) return d.network("perimeter").union(perimeterHosts);
        if (name.equals("internal")) {
            IntervalSet s = IntervalSet.EMPTY;
            for (String n : d.sideNetworks()) {
                if (!n.equals("perimeter") && !n.equals("internet")) s = s.union(d.network(n));
            }
            return s.subtract(perimeterHosts);
        }
        return d.network(name).subtract(perimeterHosts);
    }

    /** Pseudo-interface of a host firewall: the address it guards. */
    public static final String HOST_SIDE = io.lyncaudit.policy.Hook.HOST;
    /** Pseudo-interface of a host firewall: every address but the guarded one. */
    public static final String NETWORK_SIDE = "network";

    /**
     * What lies behind each interface of a firewall; nested networks go to the interface that names
     * them. A host firewall has the two pseudo-interfaces {@value #HOST_SIDE} and {@value #NETWORK_SIDE}.
     */
    public Map<String, IntervalSet> interfaces(FirewallSpec fw) {
        if (fw.host() != null) {
            Map<String, IntervalSet> out = new LinkedHashMap<>();
            out.put(HOST_SIDE, fw.host().set());
            out.put(NETWORK_SIDE, Addresses.ALL.subtract(fw.host().set()));
            return out;
        }
        Map<String, IntervalSet> raw = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : fw.interfaces().entrySet()) {
            IntervalSet s = IntervalSet.EMPTY;
            for (String n : e.getValue()) s = s.union(side(n));
            raw.put(e.getKey(), s);
        }
        Map<String, IntervalSet> out = new LinkedHashMap<>();
        for (Map.Entry<String, IntervalSet> e : raw.entrySet()) {
            IntervalSet s = e.getValue();
            for (Map.Entry<String, IntervalSet> o : raw.entrySet()) {
                if (o.getKey().equals(e.getKey())) continue;
                IntervalSet other = o.getValue();
                // a network nested inside ours and named by another interface belongs to that interface
                if (s.containsAll(other) && !other.containsAll(s)) s = s.subtract(other);
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** A way through a firewall: in at one interface, out at another, with what lies behind each. */
    public record Crossing(String in, IntervalSet inside, String out, IntervalSet outside) {
    }

    /** Every ordered pair of distinct interfaces of the firewall: the ways traffic can cross it. */
    public List<Crossing> crossings(FirewallSpec fw) {
        Map<String, IntervalSet> sides = interfaces(fw);
        List<Crossing> out = new ArrayList<>();
        for (Map.Entry<String, IntervalSet> a : sides.entrySet()) {
            for (Map.Entry<String, IntervalSet> b : sides.entrySet()) {
                if (!a.getKey().equals(b.getKey())) out.add(new Crossing(a.getKey(), a.getValue(), b.getKey(), b.getValue()));
            }
        }
        return out;
    }

    /** The addresses a catalog endpoint must be allowed to reach or come from, as this firewall sees them (as a source). */
    public IntervalSet required(EndpointSpec e, FirewallSpec fw) {
        return required(e, fw, false);
    }

    /**
     * The addresses a catalog endpoint must be allowed to reach or come from, as the traffic carries
     * them where it meets this firewall: on a firewall that translates the Edge public addresses
     * itself ({@code edgeAddresses: nat}) an Edge is reached at its public address and speaks from
     * its private one.
     */
    public IntervalSet required(EndpointSpec e, FirewallSpec fw, boolean destination) {
        IntervalSet s = IntervalSet.EMPTY;
        for (String role : e.required()) s = s.union(role(role, fw, destination));
        return s;
    }

    /**
     * The broadest set the docs allow for the endpoint: the whole side for "Any (can be defined as ...)",
     * the VIP and every Edge Server for an Edge pool such as {@code edgeInternalPool(edgeInternalVip)}.
     */
    public IntervalSet justified(EndpointSpec e, FirewallSpec fw) {
        return justified(e, fw, false);
    }

    /**
     * As {@link #justified(EndpointSpec, FirewallSpec)} for a source or a destination. A firewall that
     * translates the Edge addresses itself may also let traffic through to their private addresses:
     * both are the same server.
     */
    public IntervalSet justified(EndpointSpec e, FirewallSpec fw, boolean destination) {
        IntervalSet r = required(e, fw, destination);
        if (destination && fw != null && fw.translatesEdgeAddresses()) r = r.union(required(e, fw, false));
        return e.anySide() != null ? role(e.anySide(), fw, destination).union(r) : r;
    }

    /** True when the endpoint means every address of a side or of the internet (rendered as "any"). */
    public static boolean isWholeSide(EndpointSpec e) {
        return e.anySide() == null && e.required().size() == 1
                && List.of("internet", "internal", "federationPartners", "publicImPartners", "xmppPartners", "any").contains(e.required().get(0));
    }

    /**
     * How a flow endpoint reads in reports: "any" for the internet (and partner lists left at their
     * default), the declared networks for the internal side, else the addresses themselves.
     */
    public String label(EndpointSpec e, IntervalSet addresses) {
        if (isWholeSide(e)) {
            String n = e.required().get(0);
            if (n.equals("internet") || (!n.equals("internal") && !d.networks().containsKey(n))) return "any";
            if (n.equals("internal")) {
                IntervalSet s = IntervalSet.EMPTY;
                for (String side : d.sideNetworks()) {
                    if (!side.equals("perimeter") && !side.equals("internet")) s = s.union(d.network(side));
                }
                return Addresses.format(s);
            }
            return Addresses.format(d.network(n));
        }
        return Addresses.format(addresses);
    }

    private IntervalSet role(String role, FirewallSpec fw, boolean destination) {
        boolean pub = fw != null && (fw.seesPublicEdgeAddresses() || fw.translatesEdgeAddresses() && destination);
        IntervalSet s = IntervalSet.EMPTY;
        switch (role) {
            case "internet", "internal" -> s = side(role);
            case "federationPartners", "publicImPartners", "xmppPartners" ->
                    s = d.networks().containsKey(role) ? d.network(role) : side("internet");
            case "accessEdge", "webConferencingEdge", "avEdge" -> {
                for (EdgeServer e : d.edge().servers()) {
                    EdgeInterface i = switch (role) {
                        case "accessEdge" -> e.accessEdge();
                        case "webConferencingEdge" -> e.webConferencingEdge();
                        default -> e.avEdge();
                    };
                    s = s.union(pub ? i.outsideAddress().set() : i.address().set());
                }
            }
            case "edgeInternal" -> {
                for (EdgeServer e : d.edge().servers()) s = s.union(e.internal().set());
            }
            case "accessEdgeVip", "webConferencingEdgeVip", "avEdgeVip" -> {
                // scaled-hlb only; the VIPs are public addresses there, but honour edgeAddresses like the servers
                EdgeServer v = d.edge().vips();
                if (v != null) {
                    EdgeInterface i = switch (role) {
                        case "accessEdgeVip" -> v.accessEdge();
                        case "webConferencingEdgeVip" -> v.webConferencingEdge();
                        default -> v.avEdge();
                    };
                    s = pub ? i.outsideAddress().set() : i.address().set();
                }
            }
            case "edgeInternalVip" -> {
                if (d.edge().vips() != null) s = d.edge().vips().internal().set();
            }
            case "accessEdgePool" -> s = role("accessEdge", fw, destination).union(role("accessEdgeVip", fw, destination));
            case "edgeInternalPool" -> s = role("edgeInternal", fw, destination).union(role("edgeInternalVip", fw, destination));
            case "frontEnd" -> s = pools(Role.FRONT_END, true);
            case "frontEndServers" -> s = pools(Role.FRONT_END, false);
            case "director" -> s = pools(Role.DIRECTOR, true);
            case "sba" -> s = pools(Role.SBA, true);
            case "cms" -> {
                for (Pool p : d.pools()) {
                    if (p.centralManagementStore()) s = s.union(poolAddresses(p));
                }
                if (s.isEmpty()) s = pools(Role.FRONT_END, true);
            }
            // Directors, reverse proxy, HLB web services (issue 3)
            case "clients" -> s = d.networks().containsKey("clients") ? d.network("clients") : side("internal");
            case "directorVip" -> s = vipOrServers(Role.DIRECTOR);
            case "directorServers" -> s = pools(Role.DIRECTOR, false);
            case "frontEndVip" -> s = vipOrServers(Role.FRONT_END);
            case "frontEndHlbVip" -> {
                for (Pool p : d.pools(Role.FRONT_END)) if (p.vip() != null) s = s.union(p.vip().set());
            }
            case "officeWebApps" -> s = vipOrServers(Role.OFFICE_WEB_APPS);
            case "reverseProxyInternal" -> {
                for (Pool p : d.pools(Role.REVERSE_PROXY)) {
                    if (p.internal() != null) s = s.union(p.internal().set());
                    else for (Address a : p.servers()) s = s.union(a.set());
                }
            }
            case "reverseProxyExternal" -> {
                for (Pool p : d.pools(Role.REVERSE_PROXY)) {
                    if (p.external() != null) s = s.union(pub ? p.external().outsideAddress().set() : p.external().address().set());
                }
            }
            // IPsec exceptions: host addresses (IPsec is negotiated by the servers, not by a VIP)
            case "any" -> s = Addresses.ALL;
            case "mediationServers" -> {
                s = pools(Role.MEDIATION, false);
                for (Pool p : d.pools(Role.FRONT_END)) {
                    if (p.collocatedMediation()) for (Address a : p.servers()) s = s.union(a.set());
                }
            }
            case "conferencingAttendant", "applicationSharing" -> s = pools(Role.FRONT_END, false);
            case "exchangeUm" -> s = pools(Role.EXCHANGE_UM, false);
            default -> s = internalRole(role);
        }
        return s;
    }

    // ---- internal servers and clients (ports and protocols for internal servers) ----

    /** Roles whose servers run Lync Server internally ("All Servers" of the internal-servers table). */
    private static final List<Role> LYNC_SERVER_ROLES = List.of(Role.FRONT_END, Role.DIRECTOR, Role.MEDIATION,
            Role.PERSISTENT_CHAT, Role.SBA);

    /**
     * Endpoints of the internal-server requirements. Pools count with servers and VIP; "...Vip" names
     * are the VIPs alone, "...HlbVip" those of pools balanced by hardware only (loadBalancing: hlb);
     * {@code clients} is the {@code clients} network, or the whole internal side when none is declared.
     */
    private IntervalSet internalRole(String role) {
        IntervalSet s = IntervalSet.EMPTY;
        switch (role) {
            case "lyncServers" -> {
                for (Role r : LYNC_SERVER_ROLES) s = s.union(pools(r, true));
            }
            case "mediation" -> s = pools(Role.MEDIATION, true);
            case "frontEndWithMediation" -> {
                for (Pool p : d.pools(Role.FRONT_END)) if (p.collocatedMediation()) s = s.union(poolAddresses(p));
            }
            case "persistentChat" -> s = pools(Role.PERSISTENT_CHAT, true);
            case "officeWebAppsServers" -> s = pools(Role.OFFICE_WEB_APPS, true);
            case "pstnGateway" -> s = pools(Role.PSTN_GATEWAY, true);
            case "reverseProxy" -> {
                for (Pool p : d.pools(Role.REVERSE_PROXY)) {
                    if (p.internal() != null) s = s.union(p.internal().set());
                    for (Address a : p.servers()) s = s.union(a.set());
                }
            }
            case "frontEndPoolVips" -> s = vips(Role.FRONT_END, false, false);
            case "frontEndHlbOnlyVip" -> s = vips(Role.FRONT_END, true, false);
            case "frontEndWithMediationHlbVip" -> s = vips(Role.FRONT_END, true, true);
            case "directorPoolVips" -> s = vips(Role.DIRECTOR, false, false);
            case "directorHlbVip" -> s = vips(Role.DIRECTOR, true, false);
            case "mediationVip" -> s = vips(Role.MEDIATION, false, false);
            default -> throw new IllegalArgumentException("unknown endpoint " + role);
        }
        return s;
    }

    /** Each pool's load balancer VIP when it has one, else its servers: where clients and the reverse proxy send. */
    private IntervalSet vipOrServers(Role r) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) {
            if (p.vip() != null) s = s.union(p.vip().set());
            else for (Address a : p.servers()) s = s.union(a.set());
        }
        return s;
    }

    private IntervalSet vips(Role r, boolean hlbOnly, boolean withMediation) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) {
            if (p.vip() == null || (hlbOnly && !p.hardwareLoadBalancedOnly()) || (withMediation && !p.collocatedMediation())) continue;
            s = s.union(p.vip().set());
        }
        return s;
    }

    private IntervalSet pools(Role r, boolean withVip) {
        IntervalSet s = IntervalSet.EMPTY;
        for (Pool p : d.pools(r)) {
            for (Address a : p.servers()) s = s.union(a.set());
            if (withVip && p.vip() != null) s = s.union(p.vip().set());
        }
        return s;
    }
}
